import { useQuery } from '@tanstack/react-query'
import { App, Button, Empty, Modal, Select, Space, Switch, Table, TimePicker, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../api/client'
import { dayjs, DISPLAY_TZ, formatClock } from '../../shared/format'
import { fetchOrders } from '../orders/api'
import { applyMove, approveDiff, checkMove, insertUrgent, lockVisit, proposeSick, type MoveCheck, type PlanDetail, type PlanDiff } from './api'
import { CheckText, startIso } from './CheckText'
import { minutesOf } from './Timeline'

/**
 * One visit: move it to another caregiver or time (checked as the choice changes, applied on
 * confirmation) or lock it. The keyboard way of what dragging on the timeline does.
 */
export function MoveDialog({
  plan,
  date,
  orderId,
  caregiverId,
  onClose,
  onChanged,
}: {
  plan: PlanDetail
  date: string
  orderId: string
  caregiverId: string
  onClose: () => void
  onChanged: (p: PlanDetail) => void
}) {
  const { message } = App.useApp()
  const route = plan.routes.find((r) => r.caregiverId === caregiverId)
  const stop = route?.stops.find((s) => s.orderId === orderId)
  const [to, setTo] = useState(caregiverId)
  const [at, setAt] = useState(() => (stop ? minutesOf(stop.start) : 9 * 60))
  const [check, setCheck] = useState<MoveCheck | null | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const fixed = !!stop && (stop.locked || stop.started)
  const editable = plan.status === 'draft' || plan.status === 'published'
  useEffect(() => {
    if (!stop || fixed || !editable) return
    let live = true
    setCheck(null)
    checkMove(plan.id, { orderId, fromCaregiverId: caregiverId, toCaregiverId: to, start: startIso(date, at) })
      .then((r) => live && setCheck(r))
      .catch(() => live && setCheck(undefined))
    return () => {
      live = false
    }
  }, [to, at, plan.id, orderId, caregiverId, date, stop, fixed, editable])
  if (!stop || !route) return null
  async function apply() {
    setBusy(true)
    try {
      onChanged(await applyMove(plan.id, { orderId, fromCaregiverId: caregiverId, toCaregiverId: to, start: startIso(date, at), version: plan.version }))
      message.success('已调整')
      onClose()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  async function lock(locked: boolean) {
    try {
      onChanged(await lockVisit(plan.id, { orderId, locked, version: plan.version }))
      message.success(locked ? '已锁定，重新计划时不再移动' : '已解锁')
      onClose()
    } catch (e) {
      message.error(errorMessage(e))
    }
  }
  return (
    <Modal
      open
      title={`调整服务：${stop.elderName} ${stop.itemName}`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" disabled={!editable || fixed || !check?.feasible} loading={busy} onClick={() => void apply()}>
            确认调整
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          当前：{route.caregiverName} {formatClock(stop.start)}–{formatClock(stop.end)}
          {stop.address ? `，${stop.address}` : ''}
        </Typography.Text>
        <Space wrap>
          <span id="move-to">改派给</span>
          <Select
            aria-labelledby="move-to"
            style={{ width: 180 }}
            value={to}
            onChange={setTo}
            disabled={fixed || !editable}
            options={plan.routes.map((r) => ({ value: r.caregiverId, label: r.caregiverName }))}
          />
          <span id="move-at">开始时间</span>
          <TimePicker
            aria-labelledby="move-at"
            format="HH:mm"
            minuteStep={5}
            allowClear={false}
            disabled={fixed || !editable}
            value={dayjs.tz(`${date} ${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`, DISPLAY_TZ)}
            onChange={(d) => d && setAt(d.hour() * 60 + d.minute())}
          />
        </Space>
        <div aria-live="polite">
          {fixed ? <Typography.Text type="secondary">已锁定或已开始的服务不能移动</Typography.Text> : check !== undefined ? <CheckText check={check} /> : null}
        </div>
        <Space>
          <Switch checked={stop.locked} disabled={stop.started || !editable} onChange={(v) => void lock(v)} aria-label="锁定该服务" />
          <span>锁定该服务（重新计划、急单插入时不移动）</span>
        </Space>
      </Space>
    </Modal>
  )
}

/** An accepted order of the day not yet in the published plan goes in without moving started or locked visits. */
export function UrgentDialog({ plan, date, onClose, onChanged }: { plan: PlanDetail; date: string; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp()
  const inPlan = new Set([...plan.routes.flatMap((r) => r.stops.map((s) => s.orderId))])
  const orders = useQuery({
    queryKey: ['dispatch', 'urgent-candidates', date],
    queryFn: () => fetchOrders({ status: 'accepted', dateFrom: date, dateTo: date, page: 1, pageSize: 50 }),
  })
  const candidates = (orders.data?.items ?? []).filter((o) => !inPlan.has(o.id))
  const [orderId, setOrderId] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  async function go() {
    if (!orderId) return
    setBusy(true)
    try {
      const r = await insertUrgent(plan.id, orderId)
      if (r.placed) message.success(`已插入，${formatClock(r.start)} 开始${r.displaced ? `；为腾出时间，${r.displaced} 个服务退回待派，见“未安排”` : ''}`)
      else message.warning(`未能插入：${r.reasons.join('；')}`)
      onChanged()
      onClose()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      title="急单插入"
      onCancel={onClose}
      okText="插入方案"
      cancelText="取消"
      onOk={() => void go()}
      okButtonProps={{ disabled: !orderId, loading: busy }}
    >
      {candidates.length === 0 && !orders.isLoading ? (
        <Empty description="当天没有未进入方案的已接单工单" />
      ) : (
        <Select
          aria-label="急单"
          style={{ width: '100%' }}
          value={orderId}
          onChange={setOrderId}
          loading={orders.isLoading}
          placeholder="选择已接单的工单"
          options={candidates.map((o) => ({ value: o.id, label: `${o.orderNo} ${o.elderName} ${o.itemName}` }))}
        />
      )}
    </Modal>
  )
}

/** A caregiver off sick from a time: the redistribution is proposed as a diff, applied on approval. */
export function SickDialog({ plan, date, onClose, onChanged }: { plan: PlanDetail; date: string; onClose: () => void; onChanged: (p: PlanDetail) => void }) {
  const { message } = App.useApp()
  const [caregiverId, setCaregiverId] = useState<string | undefined>()
  const [from, setFrom] = useState(() => Math.max(8 * 60, Math.ceil((dayjs().tz(DISPLAY_TZ).hour() * 60 + dayjs().tz(DISPLAY_TZ).minute()) / 15) * 15))
  const [diff, setDiff] = useState<PlanDiff | null>(null)
  const [busy, setBusy] = useState(false)
  async function propose() {
    if (!caregiverId) return
    setBusy(true)
    try {
      setDiff(await proposeSick(plan.id, { caregiverId, from: startIso(date, from) }))
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  async function approve() {
    if (!diff) return
    setBusy(true)
    try {
      onChanged(await approveDiff(plan.id, diff.id))
      message.success('已批准，相关护理员已收到通知')
      onClose()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      width={720}
      title="护理员请假：重新分配"
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {diff ? (
            <Button type="primary" loading={busy} onClick={() => void approve()}>
              批准变更
            </Button>
          ) : (
            <Button type="primary" loading={busy} disabled={!caregiverId} onClick={() => void propose()}>
              生成变更
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="请假护理员"
          style={{ width: 180 }}
          placeholder="选择护理员"
          value={caregiverId}
          onChange={(v) => {
            setCaregiverId(v)
            setDiff(null)
          }}
          options={plan.routes.map((r) => ({ value: r.caregiverId, label: r.caregiverName }))}
        />
        <span id="sick-from">从</span>
        <TimePicker
          aria-labelledby="sick-from"
          format="HH:mm"
          minuteStep={15}
          allowClear={false}
          value={dayjs.tz(`${date} ${String(Math.floor(from / 60)).padStart(2, '0')}:${String(from % 60).padStart(2, '0')}`, DISPLAY_TZ)}
          onChange={(d) => {
            if (d) setFrom(d.hour() * 60 + d.minute())
            setDiff(null)
          }}
        />
        <span>起不能上门</span>
      </Space>
      {diff ? (
        <Table
          size="small"
          rowKey={(c) => `${c.orderId}-${c.toCaregiverId ?? ''}`}
          pagination={false}
          dataSource={diff.changes}
          locale={{ emptyText: '该护理员此后没有服务，无需调整' }}
          columns={[
            { title: '老年人', dataIndex: 'elderName' },
            { title: '服务', dataIndex: 'itemName' },
            { title: '原护理员', render: (_, c) => `${c.fromCaregiverName ?? '—'} ${c.fromStart ? formatClock(c.fromStart) : ''}` },
            {
              title: '改由',
              render: (_, c) =>
                c.toCaregiverName ? (
                  `${c.toCaregiverName} ${formatClock(c.toStart)}`
                ) : (
                  <Typography.Text style={{ color: '#a61d24' }}>{c.reason ? `无法安排（${c.reason}），退回待派` : '无法安排，退回待派'}</Typography.Text>
                ),
            },
          ]}
        />
      ) : null}
    </Modal>
  )
}
