import {
  orderFlagLabels,
  orderFlags,
  orderFlagStatuses,
  orderFlagStatusLabels,
  orderStatusLabels,
  type TOrderFlag,
  type TOrderFlagStatus,
  type TOrderStatus,
} from '@yiyang/core'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ReloadOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { formatDateTime } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps, ListFilterSelect, ListSearch } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { fetchFlags, mealKeys, resolveFlag, type FlagQuery, type OrderFlagItem } from './api'

/** 工单异常: the order anomaly flags (domain.md §13) a supervisor resolves with a note; open ones first by default. */
export function OrderFlagsPage() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [query, patch, reset] = useUrlQuery<FlagQuery>({ q: undefined, status: 'open', flag: undefined, page: 1, pageSize: 20 })
  const list = useQuery({ queryKey: mealKeys.flags(query), queryFn: () => fetchFlags(query), placeholderData: keepPreviousData })
  const [resolving, setResolving] = useState<OrderFlagItem | null>(null)
  const [form] = Form.useForm<{ note: string }>()
  const resolve = useMutation({
    mutationFn: (v: { note: string }) => resolveFlag(resolving!.id, v.note, resolving!.version),
    onSuccess: async () => {
      message.success('已处理')
      setResolving(null)
      form.resetFields()
      await queryClient.invalidateQueries({ queryKey: ['order-flags'] })
      await queryClient.invalidateQueries({ queryKey: ['orders'] })
    },
  })

  const columns: TableColumnsType<OrderFlagItem> = [
    { title: '异常', dataIndex: 'flag', render: (f: TOrderFlag) => <Typography.Text strong>{orderFlagLabels[f]}</Typography.Text> },
    { title: '工单号', dataIndex: 'orderNo', render: (v: string, r) => <Link to={`/orders/${r.orderId}`}>{v}</Link> },
    { title: '老年人', dataIndex: 'elderNameMasked' },
    { title: '服务项目', dataIndex: 'itemName' },
    { title: '服务日期', dataIndex: 'serviceDate' },
    { title: '服务商', dataIndex: 'providerName', responsive: ['xl'] },
    { title: '社区（村）', dataIndex: 'regionName', responsive: ['xxl'] },
    { title: '工单状态', dataIndex: 'orderStatus', responsive: ['lg'], render: (s: string) => orderStatusLabels[s as TOrderStatus] ?? '—' },
    { title: '发现时间', dataIndex: 'raisedAt', responsive: ['lg'], render: (v: string) => formatDateTime(v) },
    { title: '说明', dataIndex: 'detail', responsive: ['xl'], render: (v: string | null, r) => v ?? r.resolveNote ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: TOrderFlagStatus) => <StatusTag tone={s === 'open' ? 'danger' : 'success'}>{orderFlagStatusLabels[s]}</StatusTag>,
    },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_v, r) =>
        r.status === 'open' ? (
          <Button type="link" onClick={() => setResolving(r)} aria-label={`处理 ${r.orderNo} 的异常`}>
            处理
          </Button>
        ) : (
          <span title={r.resolveNote ?? ''}>{r.resolvedAt ? formatDateTime(r.resolvedAt) : '—'}</span>
        ),
    },
  ]
  const filtersActive = !!(query.q || query.flag || query.status !== 'open')

  return (
    <>
      <PageHeader
        title="工单异常"
        description="去世或迁出后仍有工单、同一老人同日重复服务、护理员工单重叠、签到位置过远或服务时长过短：逐条核实后填写处理意见。"
      />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch
            label="按工单号、老人姓名或服务项目搜索"
            placeholder="工单号 / 老人姓名 / 服务项目"
            value={query.q}
            onSearch={(q) => patch({ q })}
            width={300}
            elderWidth={360}
          />
          <ListFilterSelect
            label="按处理状态筛选"
            placeholder="全部状态"
            value={query.status}
            codes={orderFlagStatuses}
            labels={orderFlagStatusLabels}
            onChange={(status) => patch({ status })}
            width={140}
            elderWidth={200}
          />
          <Select
            allowClear
            aria-label="按异常类型筛选"
            placeholder="全部异常类型"
            value={query.flag}
            onChange={(flag?: TOrderFlag) => patch({ flag })}
            options={orderFlags.map((f) => ({ value: f, label: orderFlagLabels[f] }))}
            style={{ width: elderMode ? 320 : 240 }}
          />
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="工单异常加载失败" />
        <Table<OrderFlagItem>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{
            emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description={filtersActive ? '没有符合条件的异常' : '没有待处理的异常'} />,
          }}
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }))}
        />
      </Card>
      <Modal
        open={!!resolving}
        title={resolving ? `处理异常：${orderFlagLabels[resolving.flag]}` : ''}
        okText="处理完毕"
        cancelText="取消"
        confirmLoading={resolve.isPending}
        onCancel={() => {
          setResolving(null)
          resolve.reset()
        }}
        onOk={() => void form.validateFields().then((v) => resolve.mutate(v))}
        destroyOnHidden
      >
        {resolving ? (
          <p>
            工单 {resolving.orderNo}，{resolving.elderNameMasked}，{resolving.itemName}，{resolving.serviceDate}
            {resolving.detail ? `。${resolving.detail}` : ''}
          </p>
        ) : null}
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="处理意见" rules={[{ required: true, whitespace: true, min: 2, message: '请填写处理意见（至少2个字）' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：已电话回访老人，服务属实" />
          </Form.Item>
        </Form>
        {resolve.isError ? <Typography.Text type="danger">{errorMessage(resolve.error)}</Typography.Text> : null}
      </Modal>
    </>
  )
}
