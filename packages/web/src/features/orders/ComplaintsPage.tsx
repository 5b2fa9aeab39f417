import {
  COMPLAINT_HANDLING_WORKING_DAYS,
  COMPLAINT_UPHELD_POINTS,
  complaintActionLabels,
  complaintSourceLabels,
  complaintStatuses,
  complaintStatusLabels,
  type TComplaintAction,
  type TComplaintStatus,
} from '@yiyang/core'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ReloadOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { formatDate, formatDateTime } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { ListLoadError, listPagination, listTableProps, ListSearch } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag, type Tone } from '../../shared/StatusTag'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { complaintKeys, complaintStep, fetchComplaint, fetchComplaints, type Complaint, type ComplaintQuery } from './complaintsApi'

const tones: Record<TComplaintStatus, Tone> = { lodged: 'warning', investigating: 'info', upheld: 'danger', dismissed: 'neutral' }
export function ComplaintStatusTag({ status }: { status: TComplaintStatus }) {
  return <StatusTag tone={tones[status]}>{complaintStatusLabels[status]}</StatusTag>
}
const nextSteps: Record<TComplaintStatus, TComplaintAction[]> = { lodged: ['investigate'], investigating: ['uphold', 'dismiss'], upheld: [], dismissed: [] }

/** 投诉处理: complaints against service orders, their handling deadline, and the overdue ones. */
export function ComplaintsPage() {
  const { elderMode } = useElderMode()
  const [query, patch, reset] = useUrlQuery<ComplaintQuery>({ q: undefined, status: undefined, overdue: undefined, page: 1, pageSize: 20 })
  const [params, setParams] = useSearchParams()
  const open = params.get('open')
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(params)
    if (id) next.set('open', id)
    else next.delete('open')
    setParams(next, { replace: true })
  }
  const list = useQuery({ queryKey: complaintKeys.list(query), queryFn: () => fetchComplaints(query), placeholderData: keepPreviousData })
  const columns: TableColumnsType<Complaint> = [
    {
      title: '工单',
      dataIndex: 'orderNo',
      render: (v: string, c) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(c.id)}>
          {v}
        </Button>
      ),
    },
    { title: '服务商', dataIndex: 'providerName', render: (v: string | null) => v ?? '—' },
    { title: '社区（村）', dataIndex: 'regionName', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: '来源', dataIndex: 'source', responsive: ['xl'], render: (s: Complaint['source']) => complaintSourceLabels[s] },
    { title: '受理日期', dataIndex: 'lodgedOn', render: (v: string) => formatDate(v) },
    {
      title: '办结期限',
      dataIndex: 'dueOn',
      render: (v: string, c) => (
        <Space size={4}>
          {formatDate(v)}
          {c.overdue ? <StatusTag tone="danger">已逾期</StatusTag> : null}
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'status', render: (s: TComplaintStatus) => <ComplaintStatusTag status={s} /> },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_v, c) => (
        <Button type="link" onClick={() => setOpen(c.id)}>
          查看
        </Button>
      ),
    },
  ]
  return (
    <>
      <PageHeader
        title="投诉处理"
        description={`对服务工单的投诉：由社区代老人或家属登记、12349 热线登记或民政部门登记，民政部门在 ${COMPLAINT_HANDLING_WORKING_DAYS} 个工作日内调查办结；投诉成立计入服务商信用记录。`}
      />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch label="按工单号或内容搜索" placeholder="工单号 / 投诉内容" value={query.q} onSearch={(q) => patch({ q })} width={260} elderWidth={340} />
          <Select
            allowClear
            aria-label="按状态筛选"
            placeholder="全部状态"
            value={query.status}
            onChange={(status?: TComplaintStatus) => patch({ status })}
            options={complaintStatuses.map((s) => ({ value: s, label: complaintStatusLabels[s] }))}
            style={{ width: 150 }}
          />
          <Space>
            <Switch aria-label="只看逾期未办结" checked={query.overdue === 'true'} onChange={(v) => patch({ overdue: v ? 'true' : undefined })} />
            <span>只看逾期未办结</span>
          </Space>
          {query.status || query.q || query.overdue ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="投诉列表加载失败" />
        <Table<Complaint>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{
            emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description={query.overdue ? '没有逾期未办结的投诉' : '没有符合条件的投诉'} />,
          }}
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }), '件')}
        />
      </Card>
      <ComplaintDrawer id={open} onClose={() => setOpen(null)} />
    </>
  )
}

function ComplaintDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const can = useCan()
  const detail = useQuery({ queryKey: complaintKeys.detail(id ?? ''), queryFn: () => fetchComplaint(id!), enabled: !!id })
  const [acting, setActing] = useState<'uphold' | 'dismiss' | null>(null)
  const [form] = Form.useForm<{ finding: string; points?: number }>()
  const { message } = App.useApp()
  const qc = useQueryClient()
  const step = useMutation({
    mutationFn: ({ a, body }: { a: TComplaintAction; body: Record<string, unknown> }) => complaintStep(id!, a, { ...body, version: detail.data?.version }),
    onSuccess: async (c) => {
      message.success(`已办理：${complaintStatusLabels[c.status]}`)
      setActing(null)
      await qc.invalidateQueries({ queryKey: complaintKeys.all })
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  const c = detail.data
  const actions = c && can('complaint:handle') ? nextSteps[c.status] : []
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={600}
      title={c ? `投诉 · 工单 ${c.orderNo}` : '投诉'}
      extra={
        <Space wrap>
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'uphold' || a === 'investigate' ? 'primary' : 'default'}
              loading={step.isPending && a === 'investigate'}
              onClick={() =>
                a === 'investigate' ? step.mutate({ a, body: {} }) : (form.setFieldsValue({ finding: '', points: COMPLAINT_UPHELD_POINTS }), setActing(a))
              }
            >
              {complaintActionLabels[a]}
            </Button>
          ))}
        </Space>
      }
    >
      {detail.isPending && id ? <Skeleton active /> : null}
      {detail.isError ? <Typography.Text type="danger">{errorMessage(detail.error)}</Typography.Text> : null}
      {c ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="状态">
            <Space>
              <ComplaintStatusTag status={c.status} />
              {c.overdue ? <StatusTag tone="danger">已逾期</StatusTag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="工单">
            <Link to={`/orders/${c.orderId}`}>{c.orderNo}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="服务商">{c.providerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="社区（村）">{c.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="来源">{complaintSourceLabels[c.source]}</Descriptions.Item>
          <Descriptions.Item label="投诉内容">{c.content}</Descriptions.Item>
          <Descriptions.Item label="受理日期">{formatDate(c.lodgedOn)}</Descriptions.Item>
          <Descriptions.Item label="办结期限">{formatDate(c.dueOn)}</Descriptions.Item>
          {c.finding ? <Descriptions.Item label="调查结论">{c.finding}</Descriptions.Item> : null}
          {c.points !== null ? <Descriptions.Item label="信用扣分">{c.points} 分（已记入服务商信用记录）</Descriptions.Item> : null}
          {c.handledAt ? <Descriptions.Item label="办结时间">{formatDateTime(c.handledAt)}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      <Modal
        open={!!acting}
        title={acting ? complaintActionLabels[acting] : '办理投诉'}
        okText="确定"
        cancelText="取消"
        onCancel={() => setActing(null)}
        onOk={() => form.submit()}
        confirmLoading={step.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            acting && step.mutate({ a: acting, body: acting === 'uphold' ? { finding: v.finding.trim(), points: v.points } : { finding: v.finding.trim() } })
          }
        >
          <Form.Item name="finding" label="调查结论" rules={[{ required: true, min: 2, message: '请填写调查结论' }]}>
            <Input.TextArea aria-label="调查结论" rows={3} maxLength={1000} />
          </Form.Item>
          {acting === 'uphold' ? (
            <Form.Item name="points" label="信用扣分（负数）" rules={[{ required: true, message: '请填写扣分' }]}>
              <InputNumber aria-label="信用扣分" min={-50} max={-1} precision={0} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Drawer>
  )
}
