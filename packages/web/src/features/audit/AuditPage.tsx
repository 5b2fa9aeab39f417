import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { AutoComplete, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { type AuditEntry } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { dayjs, formatDateTime, shortId } from '../../shared/format'
import { regionNameMap, useRegionTree } from '../regions/api'
import { AUDIT_ACTION_LABELS, ENTITY_TYPE_LABELS, auditActionLabel, entityTypeLabel, roleLabel } from '../../shared/labels'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { fetchAudit, auditKeys, type AuditQuery } from './api'
import { AuditDiff } from './AuditDiff'
import { useVerifyChain, VerifyChainButton, VerifyChainResult } from './VerifyChainButton'
import { ListLoadError, listTableProps, listPagination } from '../../shared/listTable'

interface FilterValues {
  actor?: string
  action?: string
  entityType?: string
  entityId?: string
  range?: [Dayjs | null, Dayjs | null] | null
}

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))
const ENTITY_OPTIONS = Object.entries(ENTITY_TYPE_LABELS)
  .filter(([k]) => k !== 'token' && k !== 'session')
  .map(([value, label]) => ({ value, label: `${label}（${value}）` }))

const filterOption = (input: string, option?: { value: string; label: string }) => !!option && option.label.toLowerCase().includes(input.trim().toLowerCase())

export function AuditPage() {
  const { elderMode } = useElderMode()
  const [form] = Form.useForm<FilterValues>()
  const [query, patch, resetQuery] = useUrlQuery<AuditQuery>({
    actor: undefined,
    action: undefined,
    entityType: undefined,
    entityId: undefined,
    from: undefined,
    to: undefined,
    page: 1,
    pageSize: 20,
  })
  // The form starts from the address bar, so a shared link opens with its filters filled in.
  const [initialValues] = useState<FilterValues>(() => ({
    actor: query.actor,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    range: query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null,
  }))
  const verify = useVerifyChain()
  const can = useCan()
  const regions = useRegionTree(can('region:read'))
  const regionNames = useMemo(() => regionNameMap(regions.data ?? []), [regions.data])

  const list = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: () => fetchAudit(query),
    placeholderData: keepPreviousData,
  })

  const search = (v: FilterValues) => {
    const [from, to] = v.range ?? []
    patch({
      actor: v.actor?.trim() || undefined,
      action: v.action?.trim() || undefined,
      entityType: v.entityType?.trim() || undefined,
      entityId: v.entityId?.trim() || undefined,
      from: from ? from.toISOString() : undefined,
      to: to ? to.toISOString() : undefined,
    })
  }

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: '时间',
      dataIndex: 'at',

      render: (at: string) => formatDateTime(at, true),
    },
    {
      title: '操作人',
      dataIndex: 'actorUsername',
      render: (v: string | null, e) =>
        v ? (
          <div>
            <span className="yy-mono">{v}</span>
            <div>
              <Typography.Text type="secondary" className="yy-small">
                {e.actorRole ? roleLabel(e.actorRole) : '—'}
              </Typography.Text>
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">系统</Typography.Text>
        ),
    },
    {
      title: '操作',
      dataIndex: 'action',

      // The Chinese name only; the code (what the 操作类型 filter accepts) is in the tooltip,
      // so no English word sits on the Chinese screen (issue 24 item 8).
      render: (a: string) => (
        <Typography.Text strong title={`操作代码：${a}`}>
          {auditActionLabel(a)}
        </Typography.Text>
      ),
    },
    {
      title: '对象',
      key: 'entity',

      render: (_v, e) => (
        <div>
          {entityTypeLabel(e.entityType)}
          {e.entityId && e.entityId !== e.entityType ? (
            <div>
              <Tooltip title={e.entityId}>
                <Typography.Text type="secondary" className="yy-mono yy-small">
                  {shortId(e.entityId)}
                </Typography.Text>
              </Tooltip>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: '区划',
      dataIndex: 'regionCode',

      render: (v: string | null) =>
        v ? (
          <div>
            {regionNames.get(v) ?? ''}
            <div>
              <Typography.Text type="secondary" className="yy-mono yy-small">
                {v}
              </Typography.Text>
            </div>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: '请求号',
      dataIndex: 'requestId',

      render: (v: string | null) =>
        v ? (
          <Typography.Text className="yy-mono" copyable={{ text: v, tooltips: ['复制完整请求号', '已复制'] }}>
            {shortId(v)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ]

  const hasFilters = !!(query.actor || query.action || query.entityType || query.entityId || query.from || query.to)

  return (
    <>
      <PageHeader
        title="审计日志"
        description="系统中的每一次写操作都会记录在此，日志以哈希链串联，不可修改或删除。"
        extra={<VerifyChainButton mutation={verify} />}
      />
      <VerifyChainResult mutation={verify} />
      <Card style={{ marginBottom: 16 }}>
        <Form name="auditFilters" form={form} layout="vertical" onFinish={search} initialValues={initialValues}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8} xl={elderMode ? 8 : 4}>
              <Form.Item name="actor" label="操作人用户名">
                <Input allowClear placeholder="例如 admin" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8} xl={elderMode ? 8 : 5}>
              <Form.Item name="action" label="操作类型">
                <AutoComplete allowClear options={ACTION_OPTIONS} showSearch={{ filterOption }} placeholder="选择或输入，如 user.update" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8} xl={elderMode ? 8 : 4}>
              <Form.Item name="entityType" label="对象类型">
                <AutoComplete allowClear options={ENTITY_OPTIONS} showSearch={{ filterOption }} placeholder="选择或输入" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8} xl={elderMode ? 8 : 4}>
              <Form.Item name="entityId" label="对象编号">
                <Input allowClear placeholder="对象的 ID" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={16} xl={elderMode ? 16 : 7}>
              <Form.Item name="range" label="时间范围">
                <DatePicker.RangePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  allowEmpty={[true, true]}
                  style={{ width: '100%' }}
                  placeholder={['开始时间', '结束时间']}
                  presets={[
                    { label: '今天', value: [dayjs().startOf('day'), dayjs().endOf('day')] },
                    { label: '最近 7 天', value: [dayjs().subtract(7, 'day').startOf('day'), dayjs().endOf('day')] },
                    { label: '最近 30 天', value: [dayjs().subtract(30, 'day').startOf('day'), dayjs().endOf('day')] },
                    { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('day')] },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({ actor: undefined, action: undefined, entityType: undefined, entityId: undefined, range: null })
                resetQuery()
              }}
            >
              重置
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending}>
              刷新
            </Button>
          </Space>
        </Form>
      </Card>

      <Card>
        <ListLoadError list={list} title="审计日志加载失败" />
        <Table<AuditEntry>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          expandable={{
            // A fixed expand column makes antd size the expanded row to the visible width,
            // so long hashes wrap instead of stretching the table.
            fixed: 'left',
            expandedRowRender: (e) => <AuditDiff entry={e} />,
            columnTitle: <span className="yy-visually-hidden">展开</span>,
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button
                type="text"
                size="small"
                aria-expanded={expanded}
                aria-label={expanded ? `收起第 ${record.seq} 条记录的详情` : `展开第 ${record.seq} 条记录的详情`}
                onClick={(ev) => onExpand(record, ev)}
                className="yy-plain"
                style={{ fontWeight: 700, minWidth: elderMode ? 40 : 28 }}
              >
                {expanded ? '−' : '+'}
              </Button>
            ),
          }}
          locale={{
            emptyText: list.isPending ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty description={hasFilters ? '没有符合条件的审计记录，请调整查询条件' : '暂无审计记录'} />
            ),
          }}
          pagination={listPagination(query, list.data?.total, patch, '条记录')}
        />
      </Card>
    </>
  )
}
