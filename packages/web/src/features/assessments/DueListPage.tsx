import { reassessmentStateLabels, reassessmentStates, type TReassessmentState } from '@yiyang/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { assessmentKeys, fetchDue, type DueItem, type DueQuery } from './api'
import { DueStateTag, LevelTag } from './labels'
import { ScheduleAssessmentModal } from './ScheduleAssessmentModal'
import { ListLoadError, listTableProps, listPagination } from '../../shared/listTable'

/** Reassessment schedule: due soon and overdue per region, and elders whose condition changed. */
export function DueListPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const [query, patch] = useUrlQuery<DueQuery>({ regionCode: undefined, state: undefined, page: 1, pageSize: 20 })
  const [scheduleFor, setScheduleFor] = useState<DueItem | null>(null)
  const list = useQuery({ queryKey: assessmentKeys.due(query), queryFn: () => fetchDue(query), placeholderData: keepPreviousData })

  const columns: TableColumnsType<DueItem> = [
    { title: '老年人', dataIndex: 'elderName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '所在社区（村）', dataIndex: 'regionName', render: (v: string | null, d) => v ?? d.regionCode },
    {
      title: '原因',
      key: 'source',
      render: (_v, d) => (d.source === 'condition_change' ? <span>身体状况变化：{d.triggerNote}</span> : <span>定期复评（上次 {d.lastEffectiveDate}）</span>),
    },
    { title: '当前等级', key: 'level', render: (_v, d) => (d.lastLevel === null ? '—' : <LevelTag level={d.lastLevel} name={d.lastLevelName} />) },
    { title: '应复评日期', dataIndex: 'dueDate' },
    {
      title: '状态',
      key: 'state',
      render: (_v, d) => (
        <Space size={6}>
          <DueStateTag state={d.state} />
          <span>{d.daysLeft < 0 ? `逾期 ${-d.daysLeft} 天` : d.daysLeft === 0 ? '今天到期' : `剩 ${d.daysLeft} 天`}</span>
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      render: (_v, d) =>
        d.openAssessmentId ? (
          <Link to={`/assessments/${d.openAssessmentId}`}>已安排，查看</Link>
        ) : can('assessment:schedule') ? (
          <Button type="link" size="small" onClick={() => setScheduleFor(d)}>
            安排评估
          </Button>
        ) : d.lastAssessmentId ? (
          <Link to={`/assessments/${d.lastAssessmentId}`}>上次评估</Link>
        ) : null,
    },
  ]

  return (
    <>
      <PageHeader title="复评提醒" description="结果生效满设定月数（默认 12 个月）需要复评；报告身体状况变化的老人立即列入。默认显示即将到期和已逾期。" />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
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
            aria-label="按到期状态筛选"
            placeholder="即将到期和已逾期"
            value={query.state}
            onChange={(state?: TReassessmentState) => patch({ state })}
            options={reassessmentStates.map((s) => ({ value: s, label: reassessmentStateLabels[s] }))}
            style={{ width: elderMode ? 260 : 190 }}
          />
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="复评清单加载失败" retry={false} />
        <Table<DueItem>
          rowKey={(d) => `${d.elderId}-${d.source}-${d.lastAssessmentId ?? d.dueDate}`}
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{ emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description="没有需要复评的老人" /> }}
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }), '人次')}
        />
      </Card>
      <ScheduleAssessmentModal
        open={!!scheduleFor}
        onClose={() => setScheduleFor(null)}
        elder={scheduleFor ? { id: scheduleFor.elderId, name: scheduleFor.elderName, regionCode: scheduleFor.regionCode } : null}
        reason={scheduleFor?.source === 'condition_change' ? 'triggered' : 'routine'}
      />
    </>
  )
}
