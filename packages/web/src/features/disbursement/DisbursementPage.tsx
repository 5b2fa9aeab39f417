import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, DatePicker, Drawer, Progress, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd'
import {
  benefitDeliveryLabels,
  disbursementBatchStatusLabels,
  disbursementLineStatusLabels,
  formatFen,
  fundSourceLabels,
  type TBenefitDelivery,
  type TDisbursementBatchStatus,
  type TFundSource,
} from '@yiyang/core'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan, useMe } from '../../app/session'
import { dayjs, formatDateTime } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag, type Tone } from '../../shared/StatusTag'
import { AnomaliesTab } from './AnomaliesTab'
import { ReportTab } from './ReportTab'
import { downloadFile } from '../elders/api'
import {
  approveBatch,
  reissueBatch,
  checkBatch,
  disbursementKeys,
  fetchBatches,
  fetchLines,
  startRun,
  type Batch,
  type BatchesQuery,
  type Line,
  type LinesQuery,
} from './api'

const TONES: Record<TDisbursementBatchStatus, Tone> = {
  computing: 'accent',
  draft: 'info',
  checked: 'info',
  approved: 'success',
  exported: 'success',
  paid: 'success',
}
const yuan = formatFen

/** Monthly disbursement: compute a month (a background job with progress), then check and approve by two people. */
export function DisbursementPage() {
  return (
    <>
      <PageHeader title="月度发放" description="按月计算在享待遇的发放明细，复核、审批须由两位不同的工作人员完成；资金监管线索和发放统计在后两页。" />
      <Tabs
        items={[
          { key: 'batches', label: '发放批次', children: <BatchesTab /> },
          { key: 'anomalies', label: '资金监管', children: <AnomaliesTab /> },
          { key: 'report', label: '发放统计', children: <ReportTab /> },
        ]}
      />
    </>
  )
}

function BatchesTab() {
  const { data: me } = useMe()
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const can = useCan()
  const queryClient = useQueryClient()
  const [month, setMonth] = useState(() => dayjs().tz('Asia/Shanghai').format('YYYY-MM'))
  const [query, setQuery] = useState<BatchesQuery>({ page: 1, pageSize: 20 })
  const [open, setOpen] = useState<Batch | null>(null)
  const list = useQuery({
    queryKey: disbursementKeys.batches(query),
    queryFn: () => fetchBatches(query),
    placeholderData: keepPreviousData,
    // While a month is computing the page follows its progress.
    refetchInterval: (q) => (q.state.data?.items.some((b) => b.status === 'computing') ? 2000 : false),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['disbursement'] })
  const run = useMutation({
    mutationFn: () => startRun(month),
    onSuccess: async (r) => {
      message.success(r.created ? `已开始计算 ${month} 的发放` : `${month} 的发放计算已在进行或已完成`)
      await new Promise((ok) => setTimeout(ok, 500))
      await refresh()
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const step = useMutation({
    mutationFn: ({ b, action }: { b: Batch; action: 'check' | 'approve' | 'reissue' }) =>
      action === 'check' ? checkBatch(b) : action === 'approve' ? approveBatch(b) : reissueBatch(b),
    onSuccess: async (b) => {
      message.success(`${b.month} 批次：${disbursementBatchStatusLabels[b.status]}`)
      setOpen(b)
      await refresh()
    },
    onError: (err) => message.error(errorMessage(err)),
  })

  const columns: TableColumnsType<Batch> = [
    {
      title: '发放月份',
      dataIndex: 'month',
      render: (v: string, b) => <Typography.Text strong>{b.seq > 1 ? `${v}（补发第 ${b.seq - 1} 批）` : v}</Typography.Text>,
    },
    { title: '状态', dataIndex: 'status', render: (s: TDisbursementBatchStatus) => <StatusTag tone={TONES[s]}>{disbursementBatchStatusLabels[s]}</StatusTag> },
    {
      title: '进度',
      key: 'progress',
      render: (_v, b) =>
        b.status === 'computing' ? (
          <Progress
            percent={b.linesTotal ? Math.floor((b.linesDone / b.linesTotal) * 100) : 0}
            size="small"
            style={{ minWidth: 160 }}
            aria-label={`${b.month} 计算进度`}
            format={() => `${b.linesDone}/${b.linesTotal}`}
          />
        ) : (
          `${b.linesDone} 行`
        ),
    },
    { title: '合计金额', dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
    { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, b) => (
        <Button
          size={elderMode ? 'large' : 'small'}
          onClick={() => setOpen(b)}
          aria-label={`查看明细（${b.month}${b.seq > 1 ? ` 补发第 ${b.seq - 1} 批` : ''}）`}
        >
          查看明细
        </Button>
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
            aria-label="发放月份"
            size={elderMode ? 'large' : 'middle'}
          />
          {can('disbursement:run') && (
            <Button type="primary" onClick={() => run.mutate()} loading={run.isPending} size={elderMode ? 'large' : 'middle'}>
              计算该月发放
            </Button>
          )}
        </Space>
      </Card>
      <ListLoadError list={list} title="发放批次加载失败" />
      <Table<Batch>
        rowKey="id"
        columns={columns}
        {...listTableProps(list, elderMode)}
        pagination={listPagination(query, list.data?.total, setQuery, '个批次')}
        locale={{ emptyText: '暂无发放批次：选择月份后点击“计算该月发放”' }}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={Math.min(1040, window.innerWidth)} title={open ? `${open.month} 发放明细` : ''}>
        {open && (
          <BatchDetail
            batch={open}
            actions={
              <Space wrap>
                {open.status === 'draft' && can('disbursement:check') && (
                  <Button type="primary" loading={step.isPending} onClick={() => step.mutate({ b: open, action: 'check' })}>
                    复核通过
                  </Button>
                )}
                {(open.status === 'approved' || open.status === 'exported') && can('disbursement:approve') && (
                  <Button
                    onClick={() =>
                      void downloadFile(
                        `/disbursement/batches/${open.id}/export`,
                        `发放-${open.month}-${open.seq}.xlsx`,
                        { version: open.version, format: 'xlsx' },
                        { post: true },
                      )
                        .then(refresh)
                        .catch((err: unknown) => message.error(errorMessage(err)))
                    }
                  >
                    导出银行代发文件
                  </Button>
                )}
                {(open.status === 'paid' || open.status === 'exported') && can('disbursement:run') && (
                  <Button loading={step.isPending} onClick={() => step.mutate({ b: open, action: 'reissue' })}>
                    失败明细转入补发批次
                  </Button>
                )}
                {open.status === 'checked' && can('disbursement:approve') && open.checkedBy !== me?.id && (
                  <Button type="primary" loading={step.isPending} onClick={() => step.mutate({ b: open, action: 'approve' })}>
                    审批通过
                  </Button>
                )}
              </Space>
            }
          />
        )}
      </Drawer>
    </>
  )
}

function BatchDetail({ batch, actions }: { batch: Batch; actions: React.ReactNode }) {
  const { elderMode } = useElderMode()
  const [query, setQuery] = useState<LinesQuery>({ page: 1, pageSize: 20 })
  const lines = useQuery({ queryKey: disbursementKeys.lines(batch.id, query), queryFn: () => fetchLines(batch.id, query), placeholderData: keepPreviousData })
  const columns: TableColumnsType<Line> = [
    { title: '老人', dataIndex: 'elderName' },
    { title: '项目', dataIndex: 'programName' },
    { title: '发放方式', dataIndex: 'delivery', render: (v: string) => benefitDeliveryLabels[v as TBenefitDelivery] ?? '其他' },
    { title: '资金来源', dataIndex: 'fundSource', render: (v: string) => fundSourceLabels[v as TFundSource] ?? '其他' },
    { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    { title: '计算说明', dataIndex: 'explanation' },
    { title: '状态', dataIndex: 'status', render: (s: Line['status']) => disbursementLineStatusLabels[s] },
  ]
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph>
        状态：{disbursementBatchStatusLabels[batch.status]}；共 {batch.linesDone} 行，合计 {yuan(batch.totalFen)}
      </Typography.Paragraph>
      {actions}
      <ListLoadError list={lines} title="明细加载失败" />
      <Table<Line> rowKey="id" columns={columns} {...listTableProps(lines, elderMode)} pagination={listPagination(query, lines.data?.total, setQuery, '行')} />
    </Space>
  )
}
