import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { DeleteOutlined, DiffOutlined, EditOutlined, FileExcelOutlined, PlusOutlined, PrinterOutlined, SendOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { dayjs, formatDateTime } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { ListLoadError, listPagination, listTableProps } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { catalogKeys, discardEdition, downloadEdition, fetchEdition, fetchItems, publishEdition, removeItem, type CatalogItem } from './api'
import { ItemDrawer } from './ItemDrawer'
import {
  catalogChangeKindLabels,
  catalogEditionStatusLabels,
  categoryOptions,
  changeTone,
  priceText,
  serviceCategoryLabels,
  servicePayerLabels,
  statusTone,
} from './labels'
import './catalog.css'

/** One edition: its items (searchable, paginated); a draft is edited item by item in a drawer, then published. */
export function EditionPage() {
  const { id = '' } = useParams()
  const { elderMode } = useElderMode()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [q, setQ] = useState('')
  const [category, setCategory] = useState('')
  const [page, setPage] = useState({ page: 1, pageSize: 20 })
  const [drawer, setDrawer] = useState<{ item: CatalogItem | null } | null>(null)
  const [removing, setRemoving] = useState<CatalogItem | null>(null)
  const [publishing, setPublishing] = useState(false)
  const [removeForm] = Form.useForm<{ reason: string }>()
  const [publishForm] = Form.useForm<{ effectiveDate: dayjs.Dayjs }>()

  const edition = useQuery({ queryKey: catalogKeys.edition(id), queryFn: () => fetchEdition(id) })
  const e = edition.data
  const editable = !!e?.canManage
  const itemQuery = { q: q || undefined, category: category || undefined, withRemoved: editable ? ('true' as const) : undefined, ...page }
  const items = useQuery({ queryKey: catalogKeys.items(id, itemQuery), queryFn: () => fetchItems(id, itemQuery), placeholderData: keepPreviousData })
  const invalidate = () => queryClient.invalidateQueries({ queryKey: catalogKeys.all })

  const remove = useMutation({
    mutationFn: (v: { reason: string }) => removeItem(id, removing!.code, v.reason ?? ''),
    onSuccess: async () => {
      message.success(`已删除“${removing?.name}”`)
      setRemoving(null)
      await invalidate()
    },
    onError: (err) => applyServerError(err, removeForm, (t) => message.error(t)),
  })
  const publish = useMutation({
    mutationFn: (v: { effectiveDate: dayjs.Dayjs }) => publishEdition(id, v.effectiveDate.format('YYYY-MM-DD'), e!.version),
    onSuccess: async (p) => {
      message.success(`已发布，${p.effectiveDate} 起生效`)
      setPublishing(false)
      await invalidate()
    },
    onError: (err) => applyServerError(err, publishForm, (t) => message.error(t)),
  })
  const discard = useMutation({
    mutationFn: () => discardEdition(id, e!.version),
    onSuccess: async () => {
      message.success('草稿已作废')
      await invalidate()
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const exportXlsx = useMutation({ mutationFn: () => downloadEdition(e!), onError: (err) => message.error(errorMessage(err)) })

  if (edition.isError) return <Alert type="error" showIcon title="清单版本加载失败" description={errorMessage(edition.error)} />

  const columns: TableColumnsType<CatalogItem> = [
    { title: '编码', dataIndex: 'code' },
    {
      title: '项目名称',
      key: 'name',
      render: (_v, it) => (
        <div style={{ minWidth: 180, maxWidth: 260, whiteSpace: 'normal' }}>
          <Typography.Text strong delete={it.change === 'removed'}>
            {it.name}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">{serviceCategoryLabels[it.category]}</Typography.Text>
          </div>
          {/* The change and its reason sit under the name, so they stay in view on a 1024 px screen. */}
          {e?.basedOnId && it.change !== 'unchanged' ? (
            <div className="yy-cat-change">
              <StatusTag tone={changeTone[it.change]}>{catalogChangeKindLabels[it.change]}</StatusTag> {it.reason}
            </div>
          ) : null}
        </div>
      ),
    },
    { title: '价格', key: 'price', render: (_v, it) => priceText(it.priceFen, it.unit) },
    { title: '支付责任', dataIndex: 'payer', render: (v: CatalogItem['payer']) => servicePayerLabels[v] },
    { title: '服务对象', dataIndex: 'targetText', render: (v: string) => <div style={{ maxWidth: 160, whiteSpace: 'normal' }}>{v}</div> },
    {
      title: '服务标准',
      dataIndex: 'standard',
      responsive: ['xl'],
      render: (v: string) => <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>{v || '—'}</div>,
    },
    ...(editable
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            render: (_v: unknown, it: CatalogItem) =>
              it.change === 'removed' ? null : (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setDrawer({ item: it })} aria-label={`调整${it.name}`}>
                    调整
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除${it.name}`}
                    onClick={() => {
                      removeForm.resetFields()
                      setRemoving(it)
                    }}
                  >
                    删除
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title={e?.title ?? '服务清单'}
        description={e ? `${e.regionName ?? e.regionCode} · ${e.versionLabel}` : undefined}
        extra={
          e ? (
            <Space wrap className="yy-no-print">
              {e.basedOnId ? (
                <Button icon={<DiffOutlined />} onClick={() => navigate(`/catalog/diff?from=${e.basedOnId}&to=${e.id}`)}>
                  与上一版对比
                </Button>
              ) : null}
              <Button icon={<PrinterOutlined />} onClick={() => navigate(`/catalog/editions/${e.id}/print`)}>
                打印版
              </Button>
              <Button icon={<FileExcelOutlined />} loading={exportXlsx.isPending} onClick={() => exportXlsx.mutate()}>
                导出 Excel
              </Button>
              {editable ? (
                <>
                  <Button icon={<PlusOutlined />} onClick={() => setDrawer({ item: null })}>
                    新增项目
                  </Button>
                  <Button
                    danger
                    icon={<StopOutlined />}
                    loading={discard.isPending}
                    onClick={() =>
                      Modal.confirm({
                        title: '作废这份草稿？',
                        content: '作废后不能再编辑，也不能发布。',
                        okText: '作废',
                        okButtonProps: { danger: true },
                        cancelText: '取消',
                        onOk: () => discard.mutateAsync(),
                      })
                    }
                  >
                    作废草稿
                  </Button>
                  <Button
                    type="primary"
                    icon={<SendOutlined />}
                    onClick={() => {
                      publishForm.resetFields()
                      setPublishing(true)
                    }}
                  >
                    发布
                  </Button>
                </>
              ) : null}
            </Space>
          ) : null
        }
      />
      {e ? (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size="small">
            <Descriptions.Item label="状态">
              <Space size={4}>
                <StatusTag tone={statusTone[e.status]}>{catalogEditionStatusLabels[e.status]}</StatusTag>
                {e.inForce ? <StatusTag tone="info">现行</StatusTag> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="生效日期">{e.effectiveDate ?? '发布时设定'}</Descriptions.Item>
            <Descriptions.Item label="项目数">{e.itemCount}</Descriptions.Item>
            <Descriptions.Item label="基于版本">
              {e.basedOnId ? <Link to={`/catalog/editions/${e.basedOnId}`}>{e.basedOnLabel}</Link> : '无（首版）'}
            </Descriptions.Item>
            <Descriptions.Item label="发布时间">{e.publishedAt ? formatDateTime(e.publishedAt) : '—'}</Descriptions.Item>
            {e.note ? <Descriptions.Item label="说明">{e.note}</Descriptions.Item> : null}
          </Descriptions>
          {e.status === 'published' ? (
            <Alert type="info" showIcon title="已发布的清单不可修改。如需调整，请在“服务清单”页基于本版新建版本。" style={{ marginTop: 12 }} />
          ) : null}
        </Card>
      ) : null}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label="搜索项目名称、编码或类别"
            placeholder="项目名称、编码或类别"
            style={{ width: 260 }}
            onSearch={(v) => {
              setQ(v.trim())
              setPage((p) => ({ ...p, page: 1 }))
            }}
          />
          <Select
            aria-label="服务类别"
            style={{ width: 180 }}
            value={category}
            options={[{ value: '', label: '全部类别' }, ...categoryOptions]}
            onChange={(v) => {
              setCategory(v)
              setPage((p) => ({ ...p, page: 1 }))
            }}
          />
        </Space>
        <ListLoadError list={items} title="服务项目加载失败" />
        <Table<CatalogItem>
          rowKey="id"
          columns={columns}
          {...listTableProps(items, elderMode)}
          rowClassName={(it) => (it.change === 'removed' ? 'yy-cat-removed' : '')}
          pagination={listPagination(page, items.data?.total, setPage, '项')}
        />
      </Card>
      {e ? <ItemDrawer edition={e} item={drawer?.item ?? null} open={!!drawer} onClose={() => setDrawer(null)} /> : null}
      <Modal
        title={`删除项目：${removing?.name ?? ''}`}
        open={!!removing}
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={remove.isPending}
        onCancel={() => setRemoving(null)}
        onOk={() => removeForm.submit()}
        destroyOnHidden
      >
        <Form form={removeForm} layout="vertical" onFinish={(v) => remove.mutate(v)}>
          <Form.Item name="reason" label="删除原因" rules={e?.basedOnId ? [{ required: true, min: 2, message: '请填写删除原因' }] : []}>
            <Input.TextArea rows={3} maxLength={300} aria-label="删除原因" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="发布服务清单"
        open={publishing}
        okText="确认发布"
        cancelText="取消"
        confirmLoading={publish.isPending}
        onCancel={() => setPublishing(false)}
        onOk={() => publishForm.submit()}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title={`发布后清单不可修改；自生效日期起，服务工单按本版价格和支付责任结算。共 ${e?.itemCount ?? 0} 个项目。`}
          style={{ marginBottom: 16 }}
        />
        <Form form={publishForm} layout="vertical" onFinish={(v) => publish.mutate(v)}>
          <Form.Item name="effectiveDate" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DatePicker style={{ width: 200 }} aria-label="生效日期" disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
