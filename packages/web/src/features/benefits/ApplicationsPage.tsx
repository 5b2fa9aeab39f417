import { applicationStatuses, applicationStatusLabels, type TApplicationStatus } from '@yiyang/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Badge, Button, Card, Empty, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { formatDate } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { benefitKeys, fetchApplications, fetchOverdue, fetchProgrammes, yuan, type ApplicationQuery, type ApplicationSummary } from './api'
import { ApplicationStatusTag } from './labels'
import { NewApplicationModal } from './NewApplicationModal'
import './benefits.css'

/** Statuses shown as board columns, in the order a case moves. */
const BOARD: TApplicationStatus[] = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'verified',
  'assessed',
  'street_reviewed',
  'notice_open',
  'objection_review',
  'notice_closed',
]

function Deadline({ a, compact }: { a: ApplicationSummary; compact?: boolean }) {
  if (!a.stepDue) return <span>—</span>
  if (a.overdueDays > 0 && compact) return <span className="yy-overdue-text">{`已超期 ${a.overdueDays} 个工作日（${formatDate(a.stepDue)}）`}</span>
  if (a.overdueDays > 0) return <Tag color="red">{`已超期 ${a.overdueDays} 个工作日（${formatDate(a.stepDue)}）`}</Tag>
  return <span>{`${formatDate(a.stepDue)} 前`}</span>
}

export function ApplicationsPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const navigate = useNavigate()
  const [view, setView] = useState<'table' | 'board'>('table')
  const [creating, setCreating] = useState(false)
  const [query, patch, reset] = useUrlQuery<ApplicationQuery>({
    status: undefined,
    statusGroup: undefined,
    programmeCode: undefined,
    regionCode: undefined,
    overdue: undefined,
    page: 1,
    pageSize: 20,
  })
  const effective: ApplicationQuery = view === 'board' ? { ...query, status: undefined, statusGroup: 'open', page: 1, pageSize: 200 } : query
  const list = useQuery({ queryKey: benefitKeys.list(effective), queryFn: () => fetchApplications(effective), placeholderData: keepPreviousData })
  const programmes = useQuery({ queryKey: benefitKeys.programmes, queryFn: fetchProgrammes })
  const overdue = useQuery({ queryKey: benefitKeys.overdue, queryFn: fetchOverdue })
  const filtersActive = !!(query.status || query.statusGroup || query.programmeCode || query.regionCode || query.overdue)

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      title: '老年人',
      dataIndex: 'elderName',
      render: (v: string, a) => (
        <Link to={`/benefits/applications/${a.id}`}>
          <Typography.Text strong>{v}</Typography.Text>
        </Link>
      ),
    },
    { title: '补贴项目', dataIndex: 'programmeName' },
    { title: '所在社区（村）', dataIndex: 'regionName', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', render: (s: TApplicationStatus) => <ApplicationStatusTag status={s} /> },
    { title: '本环节时限', key: 'due', render: (_v, a) => <Deadline a={a} /> },
    { title: '月标准', dataIndex: 'amountFen', responsive: ['lg'], render: (v: number | null) => yuan(v) },
    { title: '更新时间', dataIndex: 'updatedAt', responsive: ['xxl'], render: (v: string) => formatDate(v) },
    { title: '操作', key: 'op', fixed: 'right', render: (_v, a) => <Link to={`/benefits/applications/${a.id}`}>{a.actions.length ? '办理' : '查看'}</Link> },
  ]

  const items = list.data?.items ?? []
  return (
    <>
      <PageHeader
        title="补贴申请"
        description="从社区（村）申请、街道受理与入户核查、能力评估、街道审核、公示到区县批准；时限按工作日（含调休）计算，超期标红。"
        extra={
          can('benefit:apply') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建申请
            </Button>
          ) : null
        }
      />
      {overdue.data && overdue.data.rows.length > 0 ? (
        <Card size="small" title="各街道（乡镇）办理情况" style={{ marginBottom: 16 }}>
          <Space wrap size={[24, 8]}>
            {overdue.data.rows.map((r) => (
              <Button
                key={r.streetCode}
                type="text"
                aria-label={`${r.streetName ?? r.streetCode}：办理中 ${r.open} 件，超期 ${r.overdue} 件`}
                onClick={() => patch({ regionCode: r.streetCode, overdue: r.overdue > 0 ? 'true' : undefined, statusGroup: 'open' })}
              >
                <Space size={6}>
                  <span>{r.streetName ?? r.streetCode}</span>
                  <span>办理中 {r.open}</span>
                  <Badge count={r.overdue} showZero color={r.overdue > 0 ? '#c01c28' : '#8a8a8a'} overflowCount={999} title="超期件数" />
                </Space>
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <Segmented
            aria-label="显示方式"
            value={view}
            onChange={(v) => setView(v as 'table' | 'board')}
            options={[
              { value: 'table', label: '表格' },
              { value: 'board', label: '看板' },
            ]}
          />
          <Select
            allowClear
            aria-label="按补贴项目筛选"
            placeholder="全部补贴项目"
            value={query.programmeCode}
            onChange={(programmeCode?: string) => patch({ programmeCode })}
            options={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
            style={{ width: elderMode ? 320 : 240 }}
          />
          {view === 'table' ? (
            <Select
              allowClear
              aria-label="按状态筛选"
              placeholder="全部状态"
              value={query.statusGroup ? `g:${query.statusGroup}` : query.status}
              onChange={(v?: string) =>
                patch(
                  v?.startsWith('g:')
                    ? { statusGroup: v.slice(2) as ApplicationQuery['statusGroup'], status: undefined }
                    : { status: v as TApplicationStatus | undefined, statusGroup: undefined },
                )
              }
              options={[
                {
                  label: '分组',
                  options: [
                    { value: 'g:open', label: '办理中' },
                    { value: 'g:done', label: '已办结' },
                  ],
                },
                { label: '状态', options: applicationStatuses.map((s) => ({ value: s, label: applicationStatusLabels[s] })) },
              ]}
              style={{ width: elderMode ? 240 : 170 }}
            />
          ) : null}
          <div style={{ width: elderMode ? 320 : 240 }}>
            <RegionTreeSelect
              allowClear
              aria-label="按区划筛选"
              placeholder="全部区划"
              value={query.regionCode}
              onChange={(regionCode) => patch({ regionCode })}
            />
          </div>
          <Select
            allowClear
            aria-label="按时限筛选"
            placeholder="全部时限"
            value={query.overdue}
            onChange={(overdue?: 'true') => patch({ overdue })}
            options={[{ value: 'true', label: '仅看超期' }]}
            style={{ width: 140 }}
          />
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="申请列表加载失败" />
        {view === 'table' ? (
          <Table<ApplicationSummary>
            rowKey="id"
            columns={columns}
            {...listTableProps(list, elderMode)}
            rowClassName={(a) => (a.overdueDays > 0 ? 'yy-row-overdue' : '')}
            locale={{ emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description={filtersActive ? '没有符合条件的申请' : '暂无申请'} /> }}
            pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }), '件')}
          />
        ) : (
          <div className="yy-board" role="list" aria-label="按状态分列的申请看板">
            {BOARD.map((s) => {
              const col = items.filter((a) => a.status === s)
              return (
                <section key={s} className="yy-board-col" role="listitem" aria-label={`${applicationStatusLabels[s]}，${col.length} 件`}>
                  <header>
                    <ApplicationStatusTag status={s} /> <span className="yy-board-count">{col.length}</span>
                  </header>
                  {col.map((a) => (
                    <button
                      key={a.id}
                      type="button"
                      className={`yy-board-card${a.overdueDays > 0 ? ' is-overdue' : ''}`}
                      onClick={() => navigate(`/benefits/applications/${a.id}`)}
                    >
                      <strong>{a.elderName}</strong>
                      <span>{a.programmeName}</span>
                      <span>{a.regionName ?? ''}</span>
                      <Deadline a={a} compact />
                    </button>
                  ))}
                </section>
              )
            })}
          </div>
        )}
      </Card>
      <NewApplicationModal open={creating} onClose={() => setCreating(false)} onCreated={(a) => navigate(`/benefits/applications/${a.id}`)} />
    </>
  )
}
