/**
 * Working days (domain.md §6: step limits in working days). The calendar is a predicate the
 * server builds from a maintained holiday package with 调休 plus a local override table; core
 * only counts.
 */
import { addDays } from '../dates.js'

/** True when `date` ("YYYY-MM-DD") is a working day. */
export type TIsWorkingDay = (date: string) => boolean

/** Monday to Friday, with no holidays: the fallback for years the calendar does not cover. */
export function isWeekday(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d !== 0 && d !== 6
}

/** The date `n` working days after `from` (`from` itself not counted); n = 0 gives `from`. */
export function addWorkingDays(isWorkingDay: TIsWorkingDay, from: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('工作日数必须为非负整数')
  let d = from
  let left = n
  // A year has no more than ~40 days off in a row: bound the loop anyway.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    d = addDays(d, 1)
    if (isWorkingDay(d)) left--
  }
  return d
}

/** Working days after `due` up to and including `today` (0 when not late). */
export function workingDaysLate(isWorkingDay: TIsWorkingDay, due: string, today: string): number {
  if (today <= due) return 0
  let n = 0
  for (let d = addDays(due, 1); d <= today; d = addDays(d, 1)) if (isWorkingDay(d)) n++
  return n
}
