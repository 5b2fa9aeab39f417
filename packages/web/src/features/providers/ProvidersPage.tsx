import { providerActionLabels, providerStatuses, providerStatusLabels, type TProviderAction, type TProviderStatus } from '@yiyang/core'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Rate,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { DISPLAY_TZ, dayjs, formatDateTime } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { ListLoadError, listPagination, listTableProps, ListSearch } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { yuan } from '../orders/labels'
import {
  changeProviderStatus,
  fetchProvider,
  fetchProviders,
  providerKeys,
  registerProvider,
  reviewProvider,
  type ProviderQuery,
  type ProviderSummary,
  type RegisterProviderInput,
} from './api'
import { ProviderStatusTag } from './labels'
import { KpiCards, ProviderDocuments, ProviderStarRatings } from './ProviderSupervision'

const KIND_LABELS = { home_care: '居家养老服务', canteen: '助餐点（敬老餐厅）' } as const

/** 服务商登记与审核: the registry, the bureau's review (通过 / 退回 / 不予登记), suspension and exit. */
export function ProvidersPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const [query, patch, reset] = useUrlQuery<ProviderQuery>({ q: undefined, status: undefined, kind: undefined, page: 1, pageSize: 20 })
  const [open, setOpen] = useState<string | null>(null)
  const [registering, setRegistering] = useState(false)
  const list = useQuery({ queryKey: providerKeys.list(query), queryFn: () => fetchProviders(query), placeholderData: keepPreviousData })

  const columns: TableColumnsType<ProviderSummary> = [
    {
      title: '服务商',
      dataIndex: 'name',
      render: (v: string, p) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(p.id)}>
          <Typography.Text strong>{v}</Typography.Text>
        </Button>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: '类型', dataIndex: 'kind', render: (k: keyof typeof KIND_LABELS) => KIND_LABELS[k] },
    { title: '登记地', dataIndex: 'regionName', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: '法定代表人', dataIndex: 'legalRepresentative', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: '护理员', dataIndex: 'caregiverCount', align: 'right', render: (n: number) => `${n} 人` },
    {
      title: '星级',
      dataIndex: 'starRating',
      responsive: ['lg'],
      render: (s: number | null) => (s ? <Rate disabled value={s} aria-label={`${s} 星`} /> : '未评定'),
    },
    { title: '状态', dataIndex: 'status', render: (s: TProviderStatus) => <ProviderStatusTag status={s} /> },
    { title: '更新时间', dataIndex: 'updatedAt', responsive: ['xxl'], render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_v, p) => (
        <Button type="link" onClick={() => setOpen(p.id)}>
          {p.status === 'pending' && can('provider:review') ? '审核' : '查看'}
        </Button>
      ),
    },
  ]
  const filtersActive = !!(query.status || query.q || query.kind)

  return (
    <>
      <PageHeader
        title="服务商管理"
        description="服务商登记（统一社会信用代码、法定代表人、服务区域与服务项目价格），民政部门审核通过后方可接单；暂停与退出。"
        extra={
          can('provider:register') && can('provider:review') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              登记服务商
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch
            label="按名称或信用代码搜索"
            placeholder="名称 / 统一社会信用代码"
            value={query.q}
            onSearch={(q) => patch({ q })}
            width={300}
            elderWidth={360}
          />
          <Select
            allowClear
            aria-label="按状态筛选"
            placeholder="全部状态"
            value={query.status}
            onChange={(status?: TProviderStatus) => patch({ status })}
            options={providerStatuses.map((s) => ({ value: s, label: providerStatusLabels[s] }))}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            aria-label="按类型筛选"
            placeholder="全部类型"
            value={query.kind}
            onChange={(kind?: ProviderQuery['kind']) => patch({ kind })}
            options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ width: 190 }}
          />
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="服务商列表加载失败" />
        <Table<ProviderSummary>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{ emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description="没有符合条件的服务商" /> }}
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }))}
        />
      </Card>
      <ProviderDrawer id={open} onClose={() => setOpen(null)} />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
    </>
  )
}

type Decision = 'approve' | 'return' | 'reject' | 'suspend' | 'resume' | 'exit'

/** This month in Shanghai, YYYY-MM. */
const thisMonth = () => dayjs().tz(DISPLAY_TZ).format('YYYY-MM')

function ProviderDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const can = useCan()
  const detail = useQuery({ queryKey: providerKeys.detail(id ?? ''), queryFn: () => fetchProvider(id!), enabled: !!id })
  const [deciding, setDeciding] = useState<Decision | null>(null)
  const [form] = Form.useForm<{ reason?: string }>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: ({ d, reason }: { d: Decision; reason?: string }) =>
      d === 'approve' || d === 'return' || d === 'reject'
        ? reviewProvider(id!, { decision: d, reason: reason || null })
        : changeProviderStatus(id!, { action: d, reason: reason ?? '' }),
    onSuccess: async (p) => {
      message.success(`已办理：${providerStatusLabels[p.status]}`)
      setDeciding(null)
      await queryClient.invalidateQueries({ queryKey: providerKeys.all })
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  const p = detail.data
  const actions = (p?.actions ?? []).filter((a) => a !== 'resubmit') as Decision[]
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={p?.name ?? '服务商'}
      extra={
        <Space wrap>
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'approve' ? 'primary' : 'default'}
              danger={a === 'reject' || a === 'exit' || a === 'suspend'}
              onClick={() => setDeciding(a)}
            >
              {providerActionLabels[a as TProviderAction]}
            </Button>
          ))}
        </Space>
      }
    >
      {detail.isPending ? <Skeleton active /> : null}
      {detail.isError ? <Typography.Text type="danger">{errorMessage(detail.error)}</Typography.Text> : null}
      {p ? (
        <Tabs
          items={[
            {
              key: 'info',
              label: '基本信息',
              children: (
                <>
                  <Descriptions column={1} bordered size="small">
                    <Descriptions.Item label="状态">
                      <ProviderStatusTag status={p.status} />
                    </Descriptions.Item>
                    <Descriptions.Item label="统一社会信用代码">{p.uscc ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="类型">{KIND_LABELS[p.kind]}</Descriptions.Item>
                    <Descriptions.Item label="法定代表人">{p.legalRepresentative ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="联系电话">{p.contactPhone ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="地址">{p.address ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="登记地">{p.regionName ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="服务区域">{p.serviceArea.map((a) => a.name ?? a.code).join('、') || '—'}</Descriptions.Item>
                    <Descriptions.Item label="护理员">{p.caregiverCount} 人</Descriptions.Item>
                    <Descriptions.Item label="信用分">{p.creditPoints}</Descriptions.Item>
                    {p.reviewReason ? <Descriptions.Item label="审核意见">{p.reviewReason}</Descriptions.Item> : null}
                  </Descriptions>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    服务项目与价格
                  </Typography.Title>
                  <Table
                    size="small"
                    rowKey="itemCode"
                    pagination={false}
                    dataSource={p.serviceItems}
                    columns={[
                      { title: '服务项目', dataIndex: 'itemName' },
                      { title: '价格', dataIndex: 'priceFen', align: 'right', render: (v: number) => yuan(v) },
                      { title: '清单标准价', dataIndex: 'standardPriceFen', align: 'right', render: (v: number) => yuan(v) },
                      { title: '高于标准价的理由', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
                    ]}
                  />
                </>
              ),
            },
            { key: 'docs', label: '资质文件', children: <ProviderDocuments providerId={p.id} canUpload={can('provider:register')} /> },
            { key: 'stars', label: '星级评定', children: <ProviderStarRatings providerId={p.id} canReview={can('provider:review')} /> },
            { key: 'kpis', label: '服务指标', children: <KpiCards month={thisMonth()} providerId={p.id} /> },
          ]}
        />
      ) : null}
      <Modal
        open={!!deciding}
        title={deciding ? providerActionLabels[deciding as TProviderAction] : ''}
        okText="确定"
        cancelText="取消"
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => deciding && mutation.mutate({ d: deciding, reason: v.reason?.trim() })}>
          <Form.Item
            name="reason"
            label={deciding === 'approve' ? '审核意见（可不填）' : '原因'}
            rules={deciding === 'approve' ? [] : [{ required: true, min: 2, message: '请填写原因' }]}
          >
            <Input.TextArea aria-label="原因" rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  )
}

type RegisterValues = Omit<RegisterProviderInput, 'serviceItems'>

function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RegisterValues>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: (v: RegisterValues) => registerProvider({ ...v, serviceItems: [] }),
    onSuccess: async (p) => {
      message.success(`已登记 ${p.name}，待审核`)
      await queryClient.invalidateQueries({ queryKey: providerKeys.all })
      onClose()
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  return (
    <Modal
      open={open}
      title="登记服务商"
      okText="提交审核"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'home_care' }} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input aria-label="服务商名称" maxLength={100} />
        </Form.Item>
        <Form.Item name="uscc" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
          <Input aria-label="统一社会信用代码" maxLength={20} />
        </Form.Item>
        <Form.Item name="legalRepresentative" label="法定代表人" rules={[{ required: true, message: '请填写法定代表人' }]}>
          <Input aria-label="法定代表人" maxLength={50} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select aria-label="服务商类型" options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="regionCode" label="登记地" rules={[{ required: true, message: '请选择登记地' }]}>
          <RegionTreeSelect aria-label="登记地" placeholder="选择区划" />
        </Form.Item>
        <Form.Item
          name="serviceArea"
          label="服务区域"
          rules={[{ required: true, message: '请选择服务区域' }]}
          getValueFromEvent={(v: string) => (v ? [v] : [])}
          getValueProps={(v?: string[]) => ({ value: v?.[0] })}
        >
          <RegionTreeSelect aria-label="服务区域" placeholder="选择区划" />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话">
          <Input aria-label="联系电话" maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
