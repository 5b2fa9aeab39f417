/**
 * Reassessment schedule. The interval is not in either standard [UNVERIFIED]: 12 months by
 * default (issue 5 item 6), configurable per scale; 6 months is also common.
 */
import { addMonths, daysBetween, toShanghaiDate, type TDateString } from '../dates.js'

export const DEFAULT_REASSESSMENT_INTERVAL_MONTHS = 12
export const DEFAULT_DUE_SOON_DAYS = 30

export const reassessmentStates = ['ok', 'due_soon', 'overdue'] as const
export type TReassessmentState = (typeof reassessmentStates)[number]
export const reassessmentStateLabels = {
  ok: '有效期内',
  due_soon: '即将到期',
  overdue: '已逾期',
} as const satisfies Record<TReassessmentState, string>

/** Due date of the next routine assessment: `effectiveDate` + `intervalMonths` (month-end clamped). */
export function reassessmentDueDate(effectiveDate: string | Date, intervalMonths: number = DEFAULT_REASSESSMENT_INTERVAL_MONTHS): TDateString {
  if (!Number.isInteger(intervalMonths) || intervalMonths <= 0) throw new RangeError('复评间隔月数应为正整数')
  return addMonths(toShanghaiDate(effectiveDate), intervalMonths)
}

/**
 * 'overdue' after the due date, 'due_soon' from `dueSoonDays` before it up to and including the
 * due date, otherwise 'ok'.
 */
export function reassessmentState(dueDate: string | Date, today: string | Date, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): TReassessmentState {
  const daysLeft = daysBetween(today, dueDate)
  if (daysLeft < 0) return 'overdue'
  if (daysLeft <= dueSoonDays) return 'due_soon'
  return 'ok'
}
