/**
 * Calendar-date helpers. Business dates are Asia/Shanghai calendar dates written
 * "YYYY-MM-DD" (domain.md §3, style.md §8). China has had no daylight saving since
 * 1991, so Shanghai time is UTC+8 for every date the platform handles.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date "YYYY-MM-DD". */
export type TDateString = string

/** The Asia/Shanghai calendar date of `now` (default: the current instant), as "YYYY-MM-DD". */
export function todayInShanghai(now: Date = new Date()): TDateString {
  if (Number.isNaN(now.getTime())) throw new RangeError('无效的时间')
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** True when `y-m-d` is a real Gregorian calendar date (e.g. no 2023-02-29). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

/** True for a well-formed, real "YYYY-MM-DD" date string. */
export function isDateString(value: unknown): value is TDateString {
  if (typeof value !== 'string') return false
  const m = DATE_RE.exec(value)
  return m !== null && isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Normalises a date-ish value to an Asia/Shanghai calendar date: a "YYYY-MM-DD" string is
 * taken as is; a Date or an ISO date-time string is converted to its Shanghai date.
 */
export function toShanghaiDate(value: string | Date): TDateString {
  if (value instanceof Date) return todayInShanghai(value)
  const trimmed = value.trim()
  if (DATE_RE.test(trimmed)) {
    if (!isDateString(trimmed)) throw new RangeError(`无效的日期：${value}`)
    return trimmed
  }
  const d = new Date(trimmed)
  if (Number.isNaN(d.getTime())) throw new RangeError(`无效的日期：${value}`)
  return todayInShanghai(d)
}

function splitDate(date: TDateString): [number, number, number] {
  const m = DATE_RE.exec(date)
  if (!m || !isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`无效的日期：${date}`)
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

function formatDate(year: number, month: number, day: number): TDateString {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function dayNumber(date: TDateString): number {
  const [y, m, d] = splitDate(date)
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string | Date, to: string | Date): number {
  return dayNumber(toShanghaiDate(to)) - dayNumber(toShanghaiDate(from))
}

/** `date` plus `days` calendar days (negative allowed). */
export function addDays(date: TDateString, days: number): TDateString {
  const t = new Date((dayNumber(date) + days) * DAY_MS)
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month is
 * clamped to its last day (2024-02-29 + 12 months = 2025-02-28).
 */
export function addMonths(date: TDateString, months: number): TDateString {
  if (!Number.isInteger(months)) throw new RangeError('月数必须为整数')
  const [y, m, d] = splitDate(date)
  const index = y * 12 + (m - 1) + months
  const ny = Math.floor(index / 12)
  const nm = index - ny * 12 + 1
  return formatDate(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

/**
 * Age in full years (周岁) on `date`, comparing month and day (domain.md §3). When a Date is
 * given its Asia/Shanghai calendar date is used. Someone born on 29 February turns a year
 * older on 1 March in common years.
 */
export function ageOn(birthDate: string, date: string | Date): number {
  const [by, bm, bd] = splitDate(toShanghaiDate(birthDate))
  const [y, m, d] = splitDate(toShanghaiDate(date))
  let age = y - by
  if (m < bm || (m === bm && d < bd)) age -= 1
  return age
}

/** A moment as Shanghai wall-clock "YYYY-MM-DD HH:mm" for text stored or printed by the server (notes, reports). */
export function shanghaiDateTime(value: string | Date): string {
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString()
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`
}
