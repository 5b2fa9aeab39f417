import { createRequire } from 'node:module'
import { and, gte, lte } from 'drizzle-orm'
import { isWeekday, type TIsWorkingDay } from '@yiyang/core'
import type { DbOrTx } from '../db/client.js'
import { calendarOverrides } from './calendar.tables.js'

export { calendarOverrides } from './calendar.tables.js'

type TChineseDays = { holidays: Record<string, string>; workdays: Record<string, string> }
// chinese-days (MIT, github.com/vsme/chinese-days) publishes the State Council's yearly
// holiday and 调休 schedule as data; years it does not cover fall back to Monday–Friday.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as TChineseDays

export type TDayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday'
export type TDayInfo = { date: string; kind: TDayKind; isWorkingDay: boolean; source: 'package' | 'override' | 'weekday'; note: string | null }

/** What the holiday package says about a day, without local overrides. */
export function packageDay(date: string): Omit<TDayInfo, 'source'> & { source: 'package' | 'weekday' } {
  const h = data.holidays[date]
  if (h) return { date, kind: 'holiday', isWorkingDay: false, source: 'package', note: h.split(',')[1] ?? null }
  const w = data.workdays[date]
  if (w) return { date, kind: 'adjusted_workday', isWorkingDay: true, source: 'package', note: `${w.split(',')[1] ?? ''}调休上班` }
  const wd = isWeekday(date)
  return { date, kind: wd ? 'workday' : 'weekend', isWorkingDay: wd, source: 'weekday', note: null }
}

/** The last year the package has a schedule for. */
export const calendarCoveredUntil = Object.keys(data.holidays).sort().at(-1)!.slice(0, 4)

/**
 * The working-day predicate for a date range: the package with the local override table on top.
 * Overrides are read once for the range (default: two years around `from`).
 */
export async function loadWorkCalendar(db: DbOrTx, from: string, to?: string): Promise<{ isWorkingDay: TIsWorkingDay; day: (d: string) => TDayInfo }> {
  const start = `${Number(from.slice(0, 4)) - 1}-01-01`
  const end = to ?? `${Number(from.slice(0, 4)) + 1}-12-31`
  const rows = await db
    .select()
    .from(calendarOverrides)
    .where(and(gte(calendarOverrides.date, start), lte(calendarOverrides.date, end)))
  const overrides = new Map(rows.map((r) => [r.date, r]))
  const day = (d: string): TDayInfo => {
    const o = overrides.get(d)
    if (o)
      return {
        date: d,
        kind: o.kind === 'holiday' ? 'holiday' : isWeekday(d) ? 'workday' : 'adjusted_workday',
        isWorkingDay: o.kind === 'workday',
        source: 'override',
        note: o.note,
      }
    return packageDay(d)
  }
  return { isWorkingDay: (d) => day(d).isWorkingDay, day }
}
