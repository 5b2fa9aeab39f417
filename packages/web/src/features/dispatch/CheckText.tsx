import { Typography } from 'antd'
import type { MoveCheck } from './api'

/** The start of a visit as ISO in Shanghai time, from a date and minutes of the day. */
export const startIso = (date: string, minutesOfDay: number) =>
  `${date}T${String(Math.floor(minutesOfDay / 60)).padStart(2, '0')}:${String(minutesOfDay % 60).padStart(2, '0')}:00+08:00`

export function CheckText({ check }: { check: MoveCheck | null }) {
  if (!check) return <Typography.Text type="secondary">正在检查…</Typography.Text>
  const delta = Math.round(check.costDelta * 10) / 10
  return check.feasible ? (
    <Typography.Text style={{ color: '#1d6b33' }}>可行，成本变化 {delta > 0 ? `+${delta}` : delta}（路途分钟 + 迟到加权）</Typography.Text>
  ) : (
    <Typography.Text style={{ color: '#a61d24' }}>不可行：{check.reasons.join('；')}</Typography.Text>
  )
}
