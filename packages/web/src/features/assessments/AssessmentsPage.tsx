import {
  assessmentScaleLabels,
  assessmentScales,
  assessmentStatuses,
  assessmentStatusLabels,
  type TAssessmentScale,
  type TAssessmentStatus,
} from '@yiyang/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Grid, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { assessmentKeys, fetchAssessments, type AssessmentQuery, type AssessmentSummary } from './api'
import { AssessmentStatusTag, LevelTag, reasonLabel, scaleShort } from './labels'
import { ScheduleAssessmentModal } from './ScheduleAssessmentModal'
import { ListLoadError, listTableProps, listPagination, ListSearch } from '../../shared/listTable'

const GROUPS = { open: '进行中', in_force: '现行有效', history: '已生效（含历史）' } as const

export function AssessmentsPage() {
  const { elderMode } = useElderMode()
  // Elder mode on a tablet: the assessor's name gives way so the result is not under 操作.
  const narrow = Grid.useBreakpoint().xl === false
  const can = useCan()
  const [query, patch, reset] = useUrlQuery<AssessmentQuery>({
    status: undefined,
    statusGroup: undefined,
    regionCode: undefined,
    scale: undefined,
    q: undefined,
    page: 1,
    pageSize: 20,
  })
  const [scheduling, setScheduling] = useState(false)
  const list = useQuery({ queryKey: assessmentKeys.list(query), queryFn: () => fetchAssessments(query), placeholderData: keepPreviousData })

  const columns: TableColumnsType<AssessmentSummary> = [
    {
      title: '老年人',
      dataIndex: 'elderName',
      render: (v: string, a) => (
        <Link to={`/assessments/${a.id}`}>
          <Typography.Text strong>{v}</Typography.Text>
        </Link>
      ),
    },
    // Secondary columns give way on tablets so that the result and 操作 stay in view (issue 24 item 6).
    { title: '所在社区（村）', dataIndex: 'regionName', responsive: ['xl'], render: (v: string | null, a) => v ?? a.regionCode },
    { title: '原因', dataIndex: 'reason', responsive: ['xl'], render: (r: string) => reasonLabel(r) },
    { title: '标准', dataIndex: 'scale', responsive: ['xxl'], render: (s: string) => scaleShort(s) },
    { title: '预约日期', dataIndex: 'scheduledDate' },
    { title: '评估员', key: 'assessor', hidden: elderMode && narrow, render: (_v, a) => a.assessors[0]?.name ?? '—' },
    { title: '状态', dataIndex: 'status', render: (s: TAssessmentStatus) => <AssessmentStatusTag status={s} /> },
    {
      title: '进度 / 结果',
      key: 'result',
      render: (_v, a) =>
        a.finalLevel !== null && !['in_progress', 'scheduled', 'returned'].includes(a.status) ? (
          <Space size={6}>
            {a.total !== null ? <span>{a.total} 分</span> : null}
            <LevelTag level={a.finalLevel} name={a.finalLevelName} />
          </Space>
        ) : (
          <span>
            已填 {a.answeredCount}/{a.itemCount}
          </span>
        ),
    },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_v, a) => (
        <Space size={4}>
          {a.actions.includes('start') || a.actions.includes('submit') ? <Link to={`/assessments/${a.id}/fill`}>填写</Link> : null}
          {a.actions.includes('approve') ? <Link to={`/assessments/${a.id}`}>审核</Link> : null}
          {a.finalLevel !== null && ['effective', 'disputed', 'superseded', 'reviewed', 'submitted'].includes(a.status) ? (
            <Link to={`/assessments/${a.id}/report`}>报告</Link>
          ) : null}
          <Link to={`/assessments/${a.id}`}>详情</Link>
        </Space>
      ),
    },
  ]
  const filtersActive = !!(query.status || query.statusGroup || query.regionCode || query.scale || query.q)

  return (
    <>
      <PageHeader
        title="能力评估"
        description="按 GB/T 42195-2022《老年人能力评估规范》（或 MZ/T 039-2013）安排、填写、审核老年人能力评估，结果生效后自动更新老人的失能类别。"
        extra={
          can('assessment:schedule') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)}>
              安排评估
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch label="按老人姓名搜索" placeholder="老人姓名" value={query.q} onSearch={(q) => patch({ q })} width={240} elderWidth={340} />
          <Select
            allowClear
            aria-label="按状态筛选"
            placeholder="全部状态"
            value={query.statusGroup ? `g:${query.statusGroup}` : query.status}
            onChange={(v?: string) =>
              patch(
                v?.startsWith('g:')
                  ? { statusGroup: v.slice(2) as AssessmentQuery['statusGroup'], status: undefined }
                  : { status: v as TAssessmentStatus | undefined, statusGroup: undefined },
              )
            }
            options={[
              { label: '分组', options: Object.entries(GROUPS).map(([k, v]) => ({ value: `g:${k}`, label: v })) },
              { label: '状态', options: assessmentStatuses.map((s) => ({ value: s, label: assessmentStatusLabels[s] })) },
            ]}
            style={{ width: elderMode ? 240 : 170 }}
          />
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
            aria-label="按评估标准筛选"
            placeholder="全部标准"
            value={query.scale}
            onChange={(scale?: TAssessmentScale) => patch({ scale })}
            options={assessmentScales.map((s) => ({ value: s, label: assessmentScaleLabels[s] }))}
            style={{ width: elderMode ? 360 : 280 }}
          />
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="评估列表加载失败" />
        <Table<AssessmentSummary>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{
            emptyText: list.isPending ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty description={filtersActive ? '没有符合条件的评估记录' : '暂无评估记录，点击“安排评估”开始'} />
            ),
          }}
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }))}
        />
      </Card>
      <ScheduleAssessmentModal open={scheduling} onClose={() => setScheduling(false)} />
    </>
  )
}
