/** Shared display formatting: every date on screen is Beijing time, in one format. */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

export const DISPLAY_TZ = 'Asia/Shanghai'

export function formatDateTime(iso: string | Date | null | undefined, withSeconds = false): string {
  if (!iso) return '—'
  const d = dayjs(iso)
  if (!d.isValid()) return String(iso)
  return d.tz(DISPLAY_TZ).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm')
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The Beijing calendar date of an instant ("2026-11-30T18:19:00Z" → "2026-12-01"). A date-only
 * value ("2026-12-01", a birth or effective date) is already a calendar date and is shown as is,
 * never shifted through the browser's own time zone. Never slice an ISO string for a date: its
 * first ten characters are the UTC date, a day early for anything done before 08:00 in Beijing.
 */
export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return '—'
  if (typeof iso === 'string' && DATE_ONLY.test(iso)) return iso
  const d = dayjs(iso)
  return d.isValid() ? d.tz(DISPLAY_TZ).format('YYYY-MM-DD') : String(iso)
}

/** Beijing wall-clock time of an instant, "HH:mm:ss" (e.g. "saved at …"). */
export function formatTime(at: string | Date | null | undefined): string {
  if (!at) return '—'
  const d = dayjs(at)
  return d.isValid() ? d.tz(DISPLAY_TZ).format('HH:mm:ss') : String(at)
}

/** Beijing wall-clock time of an instant without seconds, "HH:mm" (appointments, visits). */
export function formatClock(at: string | Date | null | undefined): string {
  if (!at) return '—'
  const d = dayjs(at)
  return d.isValid() ? d.tz(DISPLAY_TZ).format('HH:mm') : String(at)
}

export function fromNow(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = dayjs(iso)
  return d.isValid() ? d.fromNow() : String(iso)
}

/** Whole minutes (at least 1) from now until `iso`. */
export function minutesUntil(iso: string): number {
  return Math.max(1, Math.ceil(dayjs(iso).diff(dayjs(), 'second') / 60))
}

export function isFuture(iso: string | null | undefined): boolean {
  return !!iso && dayjs(iso).isAfter(dayjs())
}

export function greeting(now = dayjs().tz(DISPLAY_TZ)): string {
  const h = now.hour()
  if (h < 6) return '夜深了'
  if (h < 9) return '早上好'
  if (h < 12) return '上午好'
  if (h < 14) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}

export { dayjs }

/** Long ids (UUIDs, request ids) shortened for tables; the full value goes in a tooltip or copy. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id
}
