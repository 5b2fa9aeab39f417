import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { DiffOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { formatDate, formatDateTime } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { ListLoadError, listPagination, listTableProps } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { catalogKeys, createEdition, fetchEditions, type CatalogEdition } from './api'
import { catalogEditionStatusLabels, statusTone } from './labels'
import './catalog.css'

const STATUS_OPTIONS = [{ value: '', label: '全部状态' }, ...Object.entries(catalogEditionStatusLabels).map(([value, label]) => ({ value, label }))]

/** 服务清单: every edition I see (my region's and the lists above it), newest first; a bureau admin starts a new draft. */
export function CatalogPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [q, setQ] = useState('')
  const [status, setStatus] = useState('')
  const [page, setPage] = useState({ page: 1, pageSize: 20 })
  const [creating, setCreating] = useState(false)
  const [form] = Form.useForm<{ year: number; basedOnId?: string; title?: string; note?: string }>()
  const query = { q: q || undefined, status: status || undefined, ...page }
  const list = useQuery({ queryKey: catalogKeys.editions(query), queryFn: () => fetchEditions(query), placeholderData: keepPreviousData })
  const published = useQuery({
    queryKey: catalogKeys.editions({ status: 'published', page: 1, pageSize: 100 }),
    queryFn: () => fetchEditions({ status: 'published', page: 1, pageSize: 100 }),
  })

  const create = useMutation({
    mutationFn: (v: { year: number; basedOnId?: string; title?: string; note?: string }) => createEdition({ ...v, title: v.title || undefined }),
    onSuccess: async (e) => {
      message.success(`已新建草稿“${e.title}”`)
      setCreating(false)
      await queryClient.invalidateQueries({ queryKey: catalogKeys.all })
      navigate(`/catalog/editions/${e.id}`)
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  const columns: TableColumnsType<CatalogEdition> = [
    {
      title: '清单名称',
      key: 'title',
      render: (_v, e) => (
        <div>
          <Link to={`/catalog/editions/${e.id}`}>
            <Typography.Text strong>{e.title}</Typography.Text>
          </Link>
          {e.basedOnLabel ? (
            <div>
              <Typography.Text type="secondary">基于：{e.basedOnLabel}</Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    { title: '发布区划', dataIndex: 'regionName', render: (v: string | null, e) => v ?? e.regionCode },
    { title: '版本', dataIndex: 'versionLabel' },
    {
      title: '状态',
      key: 'status',
      render: (_v, e) => (
        <Space size={4}>
          <StatusTag tone={statusTone[e.status]}>{catalogEditionStatusLabels[e.status]}</StatusTag>
          {e.inForce ? <StatusTag tone="info">现行</StatusTag> : null}
        </Space>
      ),
    },
    { title: '生效日期', dataIndex: 'effectiveDate', render: (v: string | null) => v ?? '—' },
    { title: '项目数', dataIndex: 'itemCount', align: 'right' },
    { title: '发布时间', dataIndex: 'publishedAt', responsive: ['xl'], render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: '创建日期', dataIndex: 'createdAt', responsive: ['xl'], render: (v: string) => formatDate(v) },
  ]

  return (
    <>
      <PageHeader
        title="服务清单"
        description="基本养老服务清单的各个版本：草稿可编辑，发布后不可修改；调整清单须基于已发布版本新建，并逐项说明变更原因。"
        extra={
          <Space wrap>
            <Button icon={<DiffOutlined />} onClick={() => navigate('/catalog/diff')}>
              版本对比
            </Button>
            {can('catalog:manage') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  form.resetFields()
                  form.setFieldsValue({ year: new Date().getFullYear() + 1, basedOnId: published.data?.items.find((e) => e.inForce)?.id })
                  setCreating(true)
                }}
              >
                新建版本
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label="搜索清单名称或版本"
            placeholder="清单名称或版本"
            style={{ width: 260 }}
            onSearch={(v) => {
              setQ(v.trim())
              setPage((p) => ({ ...p, page: 1 }))
            }}
          />
          <Select
            aria-label="状态"
            style={{ width: 140 }}
            value={status}
            options={STATUS_OPTIONS}
            onChange={(v) => {
              setStatus(v)
              setPage((p) => ({ ...p, page: 1 }))
            }}
          />
        </Space>
        <ListLoadError list={list} title="清单版本加载失败" />
        <Table<CatalogEdition>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          pagination={listPagination(page, list.data?.total, setPage, '个版本')}
        />
      </Card>
      <Modal
        title="新建服务清单版本"
        open={creating}
        okText="新建草稿"
        cancelText="取消"
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: 160 }} aria-label="年度" />
          </Form.Item>
          <Form.Item name="basedOnId" label="基于已发布版本复制" extra="不选则新建空清单；基于上级清单复制可作为本级清单的起点。">
            <Select
              allowClear
              aria-label="基于已发布版本复制"
              placeholder="选择已发布版本"
              options={(published.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.title}${e.inForce ? '（现行）' : ''}` }))}
            />
          </Form.Item>
          <Form.Item name="title" label="清单名称" extra="不填则按“区划 + 基本养老服务清单 + 版本”生成。">
            <Input maxLength={80} aria-label="清单名称" />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={500} aria-label="说明" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
