import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, DatePicker, Input, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { fundAnomalyKindLabels, fundAnomalyKinds, fundAnomalyStatusLabels, type TFundAnomalyKind } from '@yiyang/core'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { dayjs, formatDateTime } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps } from '../../shared/listTable'
import { StatusTag } from '../../shared/StatusTag'
import { fetchAnomalies, resolveAnomaly, scanAnomalies, type AnomaliesQuery, type Anomaly } from './api'

/** 资金监管: explainable findings on a month's payments, each closed by a supervisor with a note. */
export function AnomaliesTab() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const can = useCan()
  const queryClient = useQueryClient()
  const [month, setMonth] = useState(() => dayjs().tz('Asia/Shanghai').format('YYYY-MM'))
  const [query, setQuery] = useState<AnomaliesQuery>({ page: 1, pageSize: 20, status: 'open' })
  const [resolving, setResolving] = useState<Anomaly | null>(null)
  const [note, setNote] = useState('')
  const list = useQuery({ queryKey: ['disbursement', 'anomalies', query], queryFn: () => fetchAnomalies(query), placeholderData: keepPreviousData })
  const scan = useMutation({
    mutationFn: () => scanAnomalies(month),
    onSuccess: async (r) => {
      message.success(`已检查 ${r.checkedLines} 行，发现 ${r.found} 条线索（新增 ${r.created} 条）`)
      await queryClient.invalidateQueries({ queryKey: ['disbursement', 'anomalies'] })
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const resolve = useMutation({
    mutationFn: () => resolveAnomaly(resolving!, note),
    onSuccess: async () => {
      message.success('已处理')
      setResolving(null)
      setNote('')
      await queryClient.invalidateQueries({ queryKey: ['disbursement', 'anomalies'] })
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const size = elderMode ? 'large' : 'middle'
  const columns: TableColumnsType<Anomaly> = [
    { title: '类型', dataIndex: 'kind', render: (k: TFundAnomalyKind) => <Typography.Text strong>{fundAnomalyKindLabels[k]}</Typography.Text> },
    { title: '月份', dataIndex: 'month' },
    { title: '老人', dataIndex: 'elderName', render: (v: string | null) => v ?? '—' },
    { title: '说明', dataIndex: 'detail', render: (v: string) => <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 480 }}>{v}</span> },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: Anomaly['status']) => <StatusTag tone={s === 'open' ? 'danger' : 'success'}>{fundAnomalyStatusLabels[s]}</StatusTag>,
    },
    { title: '发现时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      render: (_v, a) =>
        a.status === 'open' && can('disbursement:check') ? (
          <Button size={elderMode ? 'large' : 'small'} onClick={() => setResolving(a)} aria-label={`处理：${fundAnomalyKindLabels[a.kind]}`}>
            处理
          </Button>
        ) : (
          (a.resolvedNote ?? '—')
        ),
    },
  ]
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <DatePicker
            picker="month"
            value={dayjs(month + '-01')}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            allowClear={false}
            aria-label="检查月份"
            size={size}
          />
          {can('disbursement:check') && (
            <Button type="primary" onClick={() => scan.mutate()} loading={scan.isPending} size={size}>
              检查该月发放
            </Button>
          )}
          <Select
            aria-label="线索类型"
            allowClear
            placeholder="全部类型"
            style={{ minWidth: 220 }}
            size={size}
            value={query.kind}
            onChange={(kind) => setQuery({ ...query, kind, page: 1 })}
            options={fundAnomalyKinds.map((k) => ({ value: k, label: fundAnomalyKindLabels[k] }))}
          />
          <Select
            aria-label="处理状态"
            allowClear
            placeholder="全部状态"
            style={{ minWidth: 140 }}
            size={size}
            value={query.status}
            onChange={(status) => setQuery({ ...query, status, page: 1 })}
            options={(['open', 'resolved'] as const).map((s) => ({ value: s, label: fundAnomalyStatusLabels[s] }))}
          />
        </Space>
      </Card>
      <ListLoadError list={list} title="资金监管线索加载失败" />
      <Table<Anomaly>
        rowKey="id"
        columns={columns}
        {...listTableProps(list, elderMode)}
        pagination={listPagination(query, list.data?.total, setQuery, '条')}
        locale={{ emptyText: '没有符合条件的线索' }}
      />
      <Modal
        open={resolving !== null}
        title={resolving ? `处理：${fundAnomalyKindLabels[resolving.kind]}` : ''}
        okText="确认处理"
        cancelText="取消"
        onOk={() => resolve.mutate()}
        okButtonProps={{ disabled: note.trim().length < 2, loading: resolve.isPending }}
        onCancel={() => setResolving(null)}
      >
        <Typography.Paragraph>{resolving?.detail}</Typography.Paragraph>
        <Input.TextArea
          aria-label="处理说明"
          placeholder="处理说明，如：已追回多发金额 100 元"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </>
  )
}
