import { useQuery } from '@tanstack/react-query'
import { availableActions, hotlineFlow, hotlineStatusLabels } from '@yiyang/core'
import { Alert, Button, Descriptions, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { formatDateTime } from '../../shared/format'
import { StatusTag } from '../../shared/StatusTag'
import { categoryLabel as elderCategoryLabel, livingLabel, sexLabel } from '../elders/labels'
import { fetchHotlineCall, hotlineKeys, type HotlineDetail } from './api'
import { HotlineActionModal, type THotlineModal } from './HotlineModals'
import { actionLabel, categoryLabel, categoryTone, hotlineStatusTone, resultLabel, satisfactionLabel } from './labels'

const buttons: { action: keyof typeof hotlineFlow; label: string; primary?: boolean; danger?: boolean }[] = [
  { action: 'intake', label: '受理', primary: true },
  { action: 'raiseAlarm', label: '转紧急报警', danger: true },
  { action: 'route', label: '转办' },
  { action: 'book', label: '预约服务' },
  { action: 'reply', label: '记录办理结果' },
  { action: 'callBack', label: '回访' },
  { action: 'close', label: '关闭工单' },
  { action: 'drop', label: '未接通关闭' },
]

/** Which buttons fit: the flow table's steps from the status, narrowed by the category (an emergency goes to the alarm desk, a booking books). */
function actionsFor(c: HotlineDetail) {
  const can = new Set(availableActions(hotlineFlow, c.status))
  return buttons.filter((b) => {
    if (!can.has(b.action)) return false
    if (b.action === 'raiseAlarm') return c.status === 'ringing' || c.category === 'emergency'
    if (c.status === 'open' && c.category === 'emergency') return false
    if (b.action === 'book') return c.category === 'booking'
    if (c.status === 'open' && c.category === 'booking') return false
    return true
  })
}

/** The caller's elder card (masked), the work order and its timeline, with the steps the status allows. */
export function HotlineDetailPanel({ id }: { id: string }) {
  const q = useQuery({ queryKey: hotlineKeys.detail(id), queryFn: () => fetchHotlineCall(id) })
  const [modal, setModal] = useState<THotlineModal>(null)
  if (q.isLoading) return <Skeleton active />
  if (!q.data) return <Empty description="工单不存在或不在您的管辖范围内" />
  const c = q.data
  const e = c.elder
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag tone={hotlineStatusTone[c.status] ?? 'neutral'}>{hotlineStatusLabels[c.status]}</StatusTag>
        {c.category ? <StatusTag tone={categoryTone(c.category)}>{categoryLabel(c.category)}</StatusTag> : null}
        <Typography.Text>来电 {c.callerPhoneMasked}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(c.receivedAt, true)}</Typography.Text>
      </Space>
      {c.overdue ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`已超过办理时限（${formatDateTime(c.deadlineAt)}）`} /> : null}
      {c.alarmId ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="已转为紧急报警"
          action={
            <Link to="/alarms" aria-label="到报警中心处置">
              到报警中心处置
            </Link>
          }
        />
      ) : null}
      {c.orderId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已预约服务：${c.routeTargetName ?? ''}`}
          action={<Link to={`/orders/${c.orderId}`}>查看服务工单</Link>}
        />
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        {actionsFor(c).map((b) => (
          <Button key={b.action} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setModal(b.action)}>
            {b.label}
          </Button>
        ))}
      </Space>
      {e ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered title="来电老人" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="姓名">
            {e.name}（{sexLabel(e.sex)}，{e.age}岁）
          </Descriptions.Item>
          <Descriptions.Item label="居住情况">{livingLabel(e.livingArrangement)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{e.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所在社区">{e.regionName ?? c.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="住址" span={2}>
            {e.address ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="类别" span={2}>
            {e.categories.length ? e.categories.map((x) => <Tag key={x}>{elderCategoryLabel(x)}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="慢性病" span={2}>
            {e.chronicConditions.length ? e.chronicConditions.join('、') : '无记录'}
          </Descriptions.Item>
          <Descriptions.Item label="家属联系人" span={2}>
            {e.contacts.length
              ? e.contacts.map((x, i) => (
                  <div key={i}>
                    {x.name}（{x.relation || '联系人'}）{x.phone}
                  </div>
                ))
              : '未登记'}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={c.candidates.length ? `来电号码匹配到 ${c.candidates.length} 位老人，请在受理时选择` : '来电号码未匹配到老人，可在受理时按姓名查找'}
        />
      )}
      <Descriptions size="small" column={1} bordered title="工单" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="来电人">{c.callerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="来电内容">{c.summary || '—'}</Descriptions.Item>
        <Descriptions.Item label="转办">{c.routeTargetName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="办理时限">{c.deadlineAt ? formatDateTime(c.deadlineAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="受理坐席">{c.takenByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="满意度">{c.satisfaction ? satisfactionLabel(c.satisfaction) : '—'}</Descriptions.Item>
      </Descriptions>
      {c.previousCalls.length ? (
        <Typography.Paragraph type="secondary">
          该号码近期来电 {c.previousCalls.length} 次：
          {c.previousCalls.map((p) => `${formatDateTime(p.receivedAt)} ${p.category ? categoryLabel(p.category) : '未受理'}`).join('；')}
        </Typography.Paragraph>
      ) : null}
      <Typography.Title level={5}>处理记录</Typography.Title>
      <Timeline
        items={c.actions.map((a) => ({
          content: (
            <div>
              <Typography.Text strong>{actionLabel(a.kind)}</Typography.Text>
              {resultLabel(a.kind, a.result) ? <Tag style={{ marginLeft: 8 }}>{resultLabel(a.kind, a.result)}</Tag> : null}
              <div>{a.note}</div>
              <Typography.Text type="secondary">
                {formatDateTime(a.at)} {a.actorName ?? '系统'}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      <HotlineActionModal kind={modal} call={c} onClose={() => setModal(null)} />
    </>
  )
}
