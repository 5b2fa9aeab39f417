import { assessmentScaleLabels, assessmentScales, type TAssessmentScale } from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { DownloadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Form, InputNumber, Select, Skeleton, Space, Table, Tabs, type TableColumnsType } from 'antd'
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import {
  assessmentKeys,
  fetchSettings,
  fetchStats,
  fetchWorkload,
  downloadStatsXlsx,
  updateSettings,
  type LevelStats,
  type ScaleSettings,
  type WorkloadRow,
} from './api'
import { EChart } from './EChart'

/**
 * A horizontally scrollable table must be reachable by keyboard (axe scrollable-region-focusable):
 * the scroll container gets a tab stop and a name.
 */
function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current?.querySelector<HTMLElement>('.ant-table-content')
    if (el) {
      el.tabIndex = 0
      el.setAttribute('role', 'region')
      el.setAttribute('aria-label', label)
    }
  })
  return <div ref={ref}>{children}</div>
}

const LEVEL_COLORS = ['#237a3b', '#1a5fb4', '#d48806', '#c4262e', '#7a0d12']

function LevelDistribution({ scale, regionCode }: { scale: TAssessmentScale; regionCode?: string }) {
  const { elderMode } = useElderMode()
  const stats = useQuery({ queryKey: assessmentKeys.stats(scale, regionCode), queryFn: () => fetchStats(scale, regionCode) })
  const option = useMemo(() => {
    const s = stats.data
    if (!s) return {}
    return {
      color: LEVEL_COLORS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 72, containLabel: true },
      xAxis: { type: 'category', data: s.rows.map((r) => r.regionName), axisLabel: { interval: 0, rotate: s.rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: '人数', minInterval: 1 },
      series: s.levels.map((l, i) => ({ name: `${l.level}级 ${l.name}`, type: 'bar', stack: 'total', data: s.rows.map((r) => r.counts[i]), barMaxWidth: 48 })),
    }
  }, [stats.data])
  if (stats.isPending) return <Skeleton active />
  if (stats.isError) return <Alert type="error" showIcon title="统计加载失败" description={errorMessage(stats.error)} />
  const s: LevelStats = stats.data
  const columns: TableColumnsType<LevelStats['rows'][number]> = [
    { title: '区划', dataIndex: 'regionName', fixed: 'left' },
    ...s.levels.map((l, i) => ({
      title: `${l.level}级 ${l.name}`,
      key: `l${i}`,
      align: 'right' as const,
      render: (_v: unknown, r: LevelStats['rows'][number]) => r.counts[i],
    })),
    { title: '合计', dataIndex: 'total', align: 'right' as const },
    {
      title: '中度及以上',
      dataIndex: 'moderateOrWorse',
      align: 'right' as const,
      render: (v: number, r) => `${v}（${r.total ? Math.round((v / r.total) * 100) : 0}%）`,
    },
  ]
  if (s.rows.length === 0) return <Empty description="暂无现行有效的评估结果" />
  const text = s.rows.map((r) => `${r.regionName} ${r.total} 人，其中中度及以上 ${r.moderateOrWorse} 人`).join('；')
  return (
    <>
      <EChart option={option} height={elderMode ? 380 : 340} label={`各区划能力等级分布：${text}`} />
      <ScrollableTable label="各区划能力等级分布表">
        <Table
          rowKey="regionCode"
          columns={columns}
          dataSource={s.rows}
          pagination={false}
          size={elderMode ? 'large' : 'small'}
          scroll={{ x: 'max-content' }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>合计</b>
              </Table.Summary.Cell>
              {s.totals.counts.map((c, i) => (
                <Table.Summary.Cell key={i} index={i + 1} align="right">
                  <b>{c}</b>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={s.levels.length + 1} align="right">
                <b>{s.totals.total}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={s.levels.length + 2} align="right">
                <b>{s.totals.moderateOrWorse}</b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </ScrollableTable>
    </>
  )
}

function Workload({ regionCode }: { regionCode?: string }) {
  const { elderMode } = useElderMode()
  const q = useQuery({ queryKey: assessmentKeys.workload(regionCode), queryFn: () => fetchWorkload(regionCode) })
  const option = useMemo(() => {
    const rows = q.data ?? []
    return {
      color: ['#1a5fb4', '#0b7a75', '#c4262e', '#d48806', '#237a3b'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 32, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.assessorName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '待评估', type: 'bar', stack: 'open', data: rows.map((r) => r.scheduled) },
        { name: '评估中', type: 'bar', stack: 'open', data: rows.map((r) => r.inProgress) },
        { name: '被退回', type: 'bar', stack: 'open', data: rows.map((r) => r.returned) },
        { name: '待审核', type: 'bar', stack: 'open', data: rows.map((r) => r.submitted) },
        { name: '近30天完成', type: 'bar', data: rows.map((r) => r.completed30d) },
      ],
    }
  }, [q.data])
  if (q.isPending) return <Skeleton active />
  if (q.isError) return <Alert type="error" showIcon title="工作量加载失败" description={errorMessage(q.error)} />
  if (q.data.length === 0) return <Empty description="暂无评估任务" />
  const columns: TableColumnsType<WorkloadRow> = [
    { title: '评估员', dataIndex: 'assessorName' },
    { title: '待评估', dataIndex: 'scheduled', align: 'right' },
    { title: '其中已过预约日', dataIndex: 'overdueScheduled', align: 'right' },
    { title: '评估中', dataIndex: 'inProgress', align: 'right' },
    { title: '被退回', dataIndex: 'returned', align: 'right' },
    { title: '待审核', dataIndex: 'submitted', align: 'right' },
    { title: '近30天完成', dataIndex: 'completed30d', align: 'right' },
  ]
  return (
    <>
      <EChart
        option={option}
        height={300}
        label={`评估员工作量：${q.data.map((r) => `${r.assessorName} 进行中 ${r.scheduled + r.inProgress + r.returned}，近30天完成 ${r.completed30d}`).join('；')}`}
      />
      <ScrollableTable label="评估员工作量表">
        <Table
          rowKey="assessorId"
          columns={columns}
          dataSource={q.data}
          pagination={false}
          size={elderMode ? 'large' : 'small'}
          scroll={{ x: 'max-content' }}
        />
      </ScrollableTable>
    </>
  )
}

function Settings() {
  const { message } = App.useApp()
  const can = useCan()
  const queryClient = useQueryClient()
  const q = useQuery({ queryKey: assessmentKeys.settings, queryFn: fetchSettings })
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: async () => {
      message.success('设置已保存')
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.all })
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  if (q.isPending) return <Skeleton active />
  if (q.isError) return <Alert type="error" showIcon title="设置加载失败" description={errorMessage(q.error)} />
  const editable = can('assessment:settings')
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {!editable ? <Alert type="info" showIcon title="仅区民政局管理员可以修改这些设置" /> : null}
      {q.data.map((s) => (
        <Card key={s.scale} size="small" title={assessmentScaleLabels[s.scale]}>
          <Form<ScaleSettings> layout="inline" initialValues={s} disabled={!editable} onFinish={(v) => save.mutate({ ...v, scale: s.scale })}>
            <Form.Item name="intervalMonths" label="复评间隔（月）" rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item name="dueSoonDays" label="提前提醒（天）" rules={[{ required: true }]}>
              <InputNumber min={0} max={180} />
            </Form.Item>
            <Form.Item name="objectionDays" label="异议期限（天）" rules={[{ required: true }]}>
              <InputNumber min={0} max={90} />
            </Form.Item>
            {editable ? (
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存
                </Button>
              </Form.Item>
            ) : null}
          </Form>
        </Card>
      ))}
    </Space>
  )
}

/** Statistics of levels per region (chart, table, Excel), assessor workload and the settings. */
export function AssessmentStatsPage() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const [query, patch] = useUrlQuery<{ scale: string; regionCode?: string; tab: string }>({ scale: 'gbt42195_2022', regionCode: undefined, tab: 'levels' })
  const scale = query.scale as TAssessmentScale
  return (
    <>
      <PageHeader title="评估统计" description="现行有效评估结果的能力等级分布（两种标准分开统计），评估员工作量，以及复评与异议期限设置。" />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <div style={{ width: elderMode ? 320 : 240 }}>
            <RegionTreeSelect
              allowClear
              aria-label="统计范围"
              placeholder="全部管辖范围"
              value={query.regionCode}
              onChange={(regionCode) => patch({ regionCode })}
            />
          </div>
          {query.tab === 'levels' ? (
            <>
              <Select
                aria-label="评估标准"
                value={scale}
                onChange={(v: string) => patch({ scale: v })}
                options={assessmentScales.map((s) => ({ value: s, label: assessmentScaleLabels[s] }))}
                style={{ width: elderMode ? 380 : 300 }}
              />
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void downloadStatsXlsx(scale, query.regionCode).catch((err) => message.error(errorMessage(err)))}
              >
                导出 Excel
              </Button>
            </>
          ) : null}
        </Space>
        <Tabs
          activeKey={query.tab}
          onChange={(tab) => patch({ tab })}
          items={[
            { key: 'levels', label: '能力等级分布', children: <LevelDistribution scale={scale} regionCode={query.regionCode} /> },
            { key: 'workload', label: '评估员工作量', children: <Workload regionCode={query.regionCode} /> },
            { key: 'settings', label: '复评与异议设置', children: <Settings /> },
          ]}
        />
      </Card>
    </>
  )
}
