import { abilityLevelName, gbt42195Dimensions } from '@yiyang/core'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Empty, Skeleton } from 'antd'
import { useMemo } from 'react'
import { errorMessage } from '../../api/client'
import { formatDate } from '../../shared/format'
import { useElderMode } from '../../app/elderMode'
import { assessmentKeys, fetchElderHistory, type AssessmentSummary } from './api'
import { EChart } from './EChart'

const wrapName = (name: string) => (name.length > 4 ? `${name.slice(0, 4)}\n${name.slice(4)}` : name)

/** Radar of the four GB/T 42195 dimensions as a share of each maximum (32/15/28/15). */
export function DimensionRadar({ assessment, compare }: { assessment: AssessmentSummary; compare?: AssessmentSummary | null }) {
  const { elderMode } = useElderMode()
  const option = useMemo(() => {
    const values = (a: AssessmentSummary) => gbt42195Dimensions.map((d) => a.dimensions?.[d.id] ?? 0)
    const series = [{ name: `本次（${a11yDate(assessment)}）`, value: values(assessment), areaStyle: { opacity: 0.25 } }]
    if (compare) series.push({ name: `上次（${a11yDate(compare)}）`, value: values(compare), areaStyle: { opacity: 0.08 } })
    return {
      color: ['#1a5fb4', '#a35200'],
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      radar: {
        // Elder mode: 20 px labels need more room around a smaller web.
        radius: elderMode ? '46%' : '58%',
        center: ['50%', '47%'],
        // Long names wrap after four characters: on a tablet the chart is ~420 px wide and a
        // one-line "感知觉与社会参与" ran past its edge (issue 24 item 6).
        indicator: gbt42195Dimensions.map((d) => ({
          name: `${wrapName(d.name)}\n${elderMode ? `${d.maxPoints}分` : `（满分 ${d.maxPoints}）`}`,
          max: d.maxPoints,
        })),
        axisName: { color: elderMode ? '#000' : '#1f2733', fontSize: elderMode ? 16 : 12 },
      },
      series: [{ type: 'radar', data: series, symbolSize: 6, lineStyle: { width: 2 } }],
    }
  }, [assessment, compare, elderMode])
  if (assessment.scale !== 'gbt42195_2022' || !assessment.dimensions) return <Empty description="该量表不按四个维度计分，暂无雷达图" />
  const text = gbt42195Dimensions.map((d) => `${d.name} ${assessment.dimensions?.[d.id] ?? 0}/${d.maxPoints}`).join('，')
  return <EChart option={option} height={320} label={`四个维度得分雷达图：${text}`} />
}

/** The date a result belongs to, in Beijing time (effective date, else the day it was assessed). */
const a11yDate = (a: AssessmentSummary) => a.effectiveDate ?? (a.assessedAt ? formatDate(a.assessedAt) : null) ?? a.scheduledDate

/** Line chart of the elder's past results: total (GB/T 42195) and final level over time. */
export function ElderTrendChart({ elderId, highlightId }: { elderId: string; highlightId?: string }) {
  const history = useQuery({ queryKey: assessmentKeys.history(elderId), queryFn: () => fetchElderHistory(elderId) })
  const points = useMemo(
    () =>
      (history.data?.items ?? [])
        .filter((a) => a.finalLevel !== null && ['effective', 'disputed', 'superseded', 'reviewed'].includes(a.status))
        .sort((a, b) => a11yDate(a).localeCompare(a11yDate(b)))
        .map((a) => ({ date: a11yDate(a), total: a.total, level: a.finalLevel!, id: a.id, scale: a.scale })),
    [history.data],
  )
  const option = useMemo(
    () => ({
      color: ['#1a5fb4', '#c4262e'],
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 56, top: 32, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => p.date) },
      yAxis: [
        { type: 'value', name: '总分', min: 0, max: 90, interval: 15 },
        {
          type: 'value',
          name: '等级',
          min: 0,
          max: 4,
          interval: 1,
          inverse: true,
          axisLabel: { formatter: (v: number) => abilityLevelName(v, 'gbt42195_2022') ?? String(v) },
        },
      ],
      series: [
        {
          name: '总分（0–90）',
          type: 'line',
          data: points.map((p) => (p.id === highlightId ? { value: p.total, symbolSize: 14 } : p.total)),
          symbolSize: 8,
          lineStyle: { width: 3 },
        },
        {
          name: '最终等级',
          type: 'line',
          yAxisIndex: 1,
          step: 'end',
          data: points.map((p) => p.level),
          symbolSize: 8,
          lineStyle: { width: 2, type: 'dashed' },
        },
      ],
    }),
    [points, highlightId],
  )
  if (history.isPending) return <Skeleton active />
  if (history.isError) return <Alert type="error" showIcon title="历次评估加载失败" description={errorMessage(history.error)} />
  if (points.length === 0) return <Empty description="暂无已生效的评估结果" />
  const text = points.map((p) => `${p.date} 总分 ${p.total ?? '—'} 等级 ${p.level}`).join('；')
  return <EChart option={option} height={300} label={`历次评估趋势：${text}`} />
}

export function ChartsCard({ assessment }: { assessment: AssessmentSummary }) {
  return (
    <div className="yy-assess-charts">
      <Card title="四维度得分" size="small">
        <DimensionRadar assessment={assessment} />
      </Card>
      <Card title="历次评估趋势" size="small">
        <ElderTrendChart elderId={assessment.elderId} highlightId={assessment.id} />
      </Card>
    </div>
  )
}
