import { useQuery } from '@tanstack/react-query'
import { visitFrequencyLabels, visitModeLabels } from '@yiyang/core'
import { Alert, Button, Card, Empty, List, Space, Typography } from 'antd'
import { StatusTag } from '../../shared/StatusTag'
import { DueTag, RedListTag } from './labels'
import { Link } from 'react-router-dom'
import { useElderMode } from '../../app/elderMode'
import { useMe } from '../../app/session'
import { dayjs, DISPLAY_TZ, formatDate, formatTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { fetchPlans, fetchVisits, visitKeys } from './api'
import { outboxSize } from './outbox'
import './visits.css'

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** 我的探访: the visitor's elders (not yet visited this period first) and their week as a calendar. */
export function MyVisitsPage() {
  const { data: me } = useMe()
  const { elderMode } = useElderMode()
  const monday = dayjs()
    .tz(DISPLAY_TZ)
    .startOf('day')
    .subtract((dayjs().tz(DISPLAY_TZ).day() + 6) % 7, 'day')
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'))
  const from = days[0]!.format('YYYY-MM-DD')
  const to = days[6]!.format('YYYY-MM-DD')
  const plans = useQuery({
    queryKey: visitKeys.plans({ visitorId: me?.id, status: 'active', page: 1, pageSize: 100 }),
    queryFn: () => fetchPlans({ visitorId: me!.id, status: 'active', page: 1, pageSize: 100 }),
    enabled: !!me,
  })
  const week = useQuery({
    queryKey: visitKeys.list({ visitorId: me?.id, from, to }),
    queryFn: () => fetchVisits({ visitorId: me!.id, from, to, page: 1, pageSize: 200 }),
    enabled: !!me,
  })
  const items = [...(plans.data?.items ?? [])].sort((a, b) => Number(b.dueNow) - Number(a.dueNow) || b.missedInRow - a.missedInRow)
  const waiting = outboxSize()
  const today = dayjs().tz(DISPLAY_TZ).format('YYYY-MM-DD')
  return (
    <div className="yy-visit-phone" style={{ maxWidth: 1100 }}>
      <PageHeader title="我的探访" description="本周（月）还没探访的老人排在前面；点“去探访”在手机上登记。" />
      {waiting > 0 ? <Alert type="warning" showIcon title={`本机有 ${waiting} 条探访尚未提交，联网后会自动提交`} style={{ marginBottom: 12 }} /> : null}
      <Card title="我负责的老人" className="yy-visit-card">
        <List
          loading={plans.isPending}
          locale={{ emptyText: <Empty description="还没有指派给您的老人" /> }}
          dataSource={items}
          renderItem={(p) => (
            <List.Item
              actions={[
                <Link key="go" to={`/visits/do/${p.id}`}>
                  <Button type={p.dueNow ? 'primary' : 'default'} size="large" aria-label={`去探访${p.elderName}`}>
                    {p.dueNow ? '去探访' : '再次探访'}
                  </Button>
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong style={{ fontSize: elderMode ? 24 : 18 }}>
                      {p.elderName}
                    </Typography.Text>
                    {p.redListed ? <RedListTag /> : null}
                    <DueTag active dueNow={p.dueNow} missedInRow={p.missedInRow} />
                    {p.visitorId !== me?.id ? <StatusTag tone="neutral">备用探访人</StatusTag> : null}
                  </Space>
                }
                description={`${p.regionName ?? ''} · ${visitFrequencyLabels[p.frequency]} · 最近 ${p.lastVisitAt ? formatDate(p.lastVisitAt) : '从未探访'}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={`本周探访日历（${from} 至 ${to}）`} className="yy-visit-card">
        <div className="yy-week">
          {days.map((d, i) => {
            const date = d.format('YYYY-MM-DD')
            const list = (week.data?.items ?? []).filter((v) => dayjs(v.visitedAt).tz(DISPLAY_TZ).format('YYYY-MM-DD') === date)
            return (
              <div key={date} className={`yy-week-day${date === today ? ' is-today' : ''}`}>
                <Typography.Text strong>
                  {WEEKDAYS[i]} {d.format('M月D日')}
                </Typography.Text>
                {list.length === 0 ? (
                  <div>
                    <Typography.Text type="secondary">无探访</Typography.Text>
                  </div>
                ) : (
                  list.map((v) => (
                    <div key={v.id}>
                      {formatTime(v.visitedAt)} {v.elderName}（{visitModeLabels[v.mode]}）
                    </div>
                  ))
                )}
              </div>
            )
          })}
        </div>
      </Card>
    </div>
  )
}
