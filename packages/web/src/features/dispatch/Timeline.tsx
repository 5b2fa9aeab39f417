import { LockOutlined } from '@ant-design/icons'
import { Tooltip, Typography } from 'antd'
import { useRef, useState, type DragEvent } from 'react'
import { dayjs, DISPLAY_TZ, formatClock } from '../../shared/format'
import type { MoveCheck, PlanRoute, PlanStop } from './api'

export const routeColors = ['#1a5fb4', '#c64600', '#26734d', '#6b3fa0', '#a35200', '#0b7a75', '#b3261e', '#5c6b7a', '#8a4b08', '#2d6a9f']

/** Minutes since midnight in Shanghai. */
const minutesOf = (iso: string) => {
  const d = dayjs(iso).tz(DISPLAY_TZ)
  return d.hour() * 60 + d.minute()
}
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

export type DragTarget = { orderId: string; fromCaregiverId: string; toCaregiverId: string; minutes: number }

/**
 * The day per caregiver as a Gantt-like grid (issue 20 item 3): a row per caregiver with the
 * shift shaded, each visit a block at its planned time. A visit is dragged to another row or
 * time: while it hovers, the parent checks the move (`onHover`, feasibility and the cost
 * change shown in `check`); dropping applies it. Every block is also a button opening the move
 * dialog, so the keyboard can do what the mouse does.
 */
export function Timeline({
  routes,
  onOpen,
  onHover,
  onDrop,
  check,
  readOnly,
}: {
  routes: PlanRoute[]
  onOpen: (stop: PlanStop, route: PlanRoute) => void
  onHover: (t: DragTarget | null) => void
  onDrop: (t: DragTarget) => void
  check: { target: DragTarget; result: MoveCheck | null } | null
  readOnly: boolean
}) {
  const starts = routes.flatMap((r) => [minutesOf(r.shift.start), ...r.stops.map((s) => minutesOf(s.start))])
  const ends = routes.flatMap((r) => [minutesOf(r.shift.end), ...r.stops.map((s) => minutesOf(s.end))])
  const from = Math.max(0, Math.floor((Math.min(7 * 60, ...starts) - 0) / 60) * 60)
  const to = Math.min(24 * 60, Math.ceil(Math.max(19 * 60, ...ends) / 60) * 60)
  const span = to - from
  const pct = (m: number) => `${((m - from) / span) * 100}%`
  const dragging = useRef<{ orderId: string; fromCaregiverId: string; duration: number } | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const hours: number[] = []
  for (let h = from; h <= to; h += 60) hours.push(h)

  function target(e: DragEvent<HTMLDivElement>, caregiverId: string): DragTarget | null {
    const d = dragging.current
    if (!d) return null
    const box = e.currentTarget.getBoundingClientRect()
    const x = Math.min(Math.max(0, e.clientX - box.left), box.width)
    const minutes = Math.round((from + (x / box.width) * span) / 5) * 5
    return { orderId: d.orderId, fromCaregiverId: d.fromCaregiverId, toCaregiverId: caregiverId, minutes }
  }

  return (
    <div className="yy-gantt" role="group" aria-label="护理员时间轴">
      <div className="yy-gantt-row yy-gantt-head" aria-hidden>
        <div className="yy-gantt-name" />
        <div className="yy-gantt-track">
          {hours.map((h) => (
            <span key={h} className="yy-gantt-hour" style={{ left: pct(h) }}>
              {clock(h)}
            </span>
          ))}
        </div>
      </div>
      {routes.map((r, i) => {
        const color = routeColors[i % routeColors.length]!
        const shiftStart = minutesOf(r.shift.start)
        const shiftEnd = minutesOf(r.shift.end)
        const hint = check && check.target.toCaregiverId === r.caregiverId ? check : null
        return (
          <div key={r.caregiverId} className={`yy-gantt-row${over === r.caregiverId ? ' is-over' : ''}`} data-caregiver={r.caregiverName}>
            <div className="yy-gantt-name">
              <span className="yy-dot" style={{ background: color }} />
              <Typography.Text strong ellipsis>
                {r.caregiverName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.stops.length} 单
              </Typography.Text>
            </div>
            <div
              className="yy-gantt-track"
              data-testid={`track-${r.caregiverName}`}
              onDragOver={(e) => {
                if (readOnly || !dragging.current) return
                e.preventDefault()
                setOver(r.caregiverId)
                const t = target(e, r.caregiverId)
                if (t) onHover(t)
              }}
              onDragLeave={() => setOver((o) => (o === r.caregiverId ? null : o))}
              onDrop={(e) => {
                e.preventDefault()
                setOver(null)
                const t = target(e, r.caregiverId)
                dragging.current = null
                if (t) onDrop(t)
              }}
            >
              <div className="yy-gantt-shift" style={{ left: pct(shiftStart), width: `${((shiftEnd - shiftStart) / span) * 100}%` }} />
              {r.breakStart ? (
                <div className="yy-gantt-break" style={{ left: pct(minutesOf(r.breakStart)), width: `${(30 / span) * 100}%` }} title="休息" />
              ) : null}
              {r.stops.map((s, k) => {
                const a = minutesOf(s.start)
                const b = Math.max(a + 10, minutesOf(s.end))
                const label = `${k + 1}. ${s.elderName} ${s.itemName} ${formatClock(s.start)}–${formatClock(s.end)}${s.late ? `，迟到 ${s.lateMinutes} 分钟` : ''}${s.locked ? '，已锁定' : ''}${s.started ? '，已开始' : ''}`
                return (
                  <Tooltip key={`${s.orderId}-${k}`} title={label}>
                    <button
                      type="button"
                      className={`yy-gantt-stop${s.late ? ' is-late' : ''}${s.locked || s.started ? ' is-fixed' : ''}`}
                      style={{ left: pct(a), width: `${((b - a) / span) * 100}%`, background: color }}
                      aria-label={label}
                      draggable={!readOnly && !s.locked && !s.started}
                      onDragStart={(e) => {
                        dragging.current = { orderId: s.orderId, fromCaregiverId: r.caregiverId, duration: b - a }
                        e.dataTransfer.effectAllowed = 'move'
                        e.dataTransfer.setData('text/plain', s.orderId)
                      }}
                      onDragEnd={() => {
                        dragging.current = null
                        setOver(null)
                        onHover(null)
                      }}
                      onClick={() => onOpen(s, r)}
                    >
                      {s.locked ? <LockOutlined aria-hidden /> : null}
                      <span className="yy-gantt-stop-text">{s.elderName}</span>
                    </button>
                  </Tooltip>
                )
              })}
              {hint ? (
                <div className={`yy-gantt-ghost${hint.result?.feasible === false ? ' is-bad' : ''}`} style={{ left: pct(hint.target.minutes) }} aria-hidden>
                  {clock(hint.target.minutes)}
                </div>
              ) : null}
            </div>
          </div>
        )
      })}
    </div>
  )
}

export { clock, minutesOf }
