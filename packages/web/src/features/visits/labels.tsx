import { visitFrequencyLabels, visitPeriodStatusLabels, type TVisitFrequency, type TVisitPeriodStatus } from '@yiyang/core'
import { StatusTag, type Tone } from '../../shared/StatusTag'

export function FrequencyTag({ frequency }: { frequency: TVisitFrequency }) {
  return <StatusTag tone={frequency === 'weekly' ? 'info' : 'accent'}>{visitFrequencyLabels[frequency]}</StatusTag>
}

const periodTones: Record<TVisitPeriodStatus, Tone> = {
  open: 'neutral',
  visited: 'success',
  missed: 'warning',
  escalated_community: 'danger',
  escalated_street: 'danger',
}
export function PeriodTag({ status }: { status: TVisitPeriodStatus }) {
  return <StatusTag tone={periodTones[status]}>{visitPeriodStatusLabels[status]}</StatusTag>
}

/** This period's state of a plan: visited, due, or overdue with the streak. */
export function DueTag({ active, dueNow, missedInRow }: { active: boolean; dueNow: boolean; missedInRow: number }) {
  if (!active) return <StatusTag tone="neutral">已结束</StatusTag>
  if (!dueNow) return <StatusTag tone="success">本期已探访</StatusTag>
  return missedInRow > 0 ? <StatusTag tone="danger">待探访（已连续逾期 {missedInRow} 期）</StatusTag> : <StatusTag tone="warning">本期待探访</StatusTag>
}

export const RedListTag = () => <StatusTag tone="danger">红名单</StatusTag>
