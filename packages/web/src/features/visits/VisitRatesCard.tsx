import { useQuery } from '@tanstack/react-query'
import { formatRate } from '@yiyang/core'
import { Card, Col, Progress, Row, Statistic, Typography } from 'antd'
import { useMemo } from 'react'
import { EChart, type EChartOption } from '../assessments/EChart'
import { fetchRates, visitKeys, type VisitRates } from './api'

type Rate = VisitRates['weekly']

function RateStat({ title, rate, hint }: { title: string; rate: Rate; hint: string }) {
  const percent = rate.rate === null ? 0 : Math.round(rate.rate * 1000) / 10
  return (
    <div>
      <Statistic title={title} value={formatRate(rate.rate)} />
      <Progress percent={percent} status={rate.met ? 'success' : 'exception'} showInfo={false} aria-label={`${title} ${formatRate(rate.rate)}`} />
      <Typography.Text type="secondary">
        已探访 {rate.numerator} / 应探访 {rate.denominator} 人 · 目标 {formatRate(rate.target)} · {hint}
      </Typography.Text>
    </div>
  )
}

/** The two visit rates of domain.md §13 with their seed targets, the 8-week trend and the child regions. */
export function VisitRatesCard({ regionCode }: { regionCode?: string }) {
  const rates = useQuery({ queryKey: visitKeys.rates(regionCode), queryFn: () => fetchRates(regionCode) })
  const trend = useMemo<EChartOption>(
    () => ({
      grid: { left: 48, right: 72, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      xAxis: { type: 'category', data: (rates.data?.trend ?? []).map((t) => t.week.replace(/^\d{4}-W/, '第') + '周') },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: '周探访率',
          data: (rates.data?.trend ?? []).map((t) => (t.rate === null ? null : Math.round(t.rate * 1000) / 10)),
          markLine: { data: [{ yAxis: 100, name: '目标' }], symbol: 'none', label: { formatter: '目标 100%' } },
        },
      ],
    }),
    [rates.data],
  )
  const children = useMemo<EChartOption>(
    () => ({
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: (rates.data?.children ?? []).map((c) => c.regionName ?? c.regionCode), inverse: true },
      series: [
        {
          type: 'bar',
          name: '周探访率',
          data: (rates.data?.children ?? []).map((c) => (c.weekly.rate === null ? 0 : Math.round(c.weekly.rate * 1000) / 10)),
        },
      ],
    }),
    [rates.data],
  )
  if (!rates.data) return <Card loading={rates.isPending} title="探访率" />
  const r = rates.data
  return (
    <Card
      title={`探访率 · ${r.regionName ?? r.regionCode}`}
      extra={
        <span>
          {r.week.replace('-W', ' 年第 ')} 周 / {r.month}
        </span>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12} xl={6}>
          <RateStat title="周探访率（城镇每周）" rate={r.weekly} hint="甘州方案要求 100%" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <RateStat title="农村月巡访率" rate={r.ruralMonthly} hint="每月巡访 1 次" />
        </Col>
        <Col xs={24} xl={12}>
          <EChart option={trend} height={180} label="近 8 周周探访率走势" />
        </Col>
        {r.children.length > 1 ? (
          <Col span={24}>
            <EChart option={children} height={Math.min(420, 40 + r.children.length * 26)} label="下级区划周探访率" />
          </Col>
        ) : null}
      </Row>
    </Card>
  )
}
