import { eq } from 'drizzle-orm'
import { addDays } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { calendarCoveredUntil, calendarOverrides, loadWorkCalendar } from '../../platform/calendar.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'

/** The year's days that are not ordinary (holidays, 调休 working weekends, local overrides). */
export async function getCalendar(ctx: Ctx, year: number) {
  requirePermission(ctx.actor, 'benefit:read')
  const cal = await loadWorkCalendar(ctx.db, `${year}-01-01`, `${year}-12-31`)
  const days = []
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const info = cal.day(d)
    if (info.source !== 'weekday') days.push(info)
  }
  return { year, coveredUntil: calendarCoveredUntil, covered: String(year) <= calendarCoveredUntil, days }
}

/** Sets a local override (a holiday the package lacks, or a 调休 working day), audited. */
export async function setCalendarOverride(ctx: Ctx, date: string, input: { kind: 'holiday' | 'workday'; note: string }) {
  requirePermission(ctx.actor, 'benefit:configure')
  await withTx(ctx, async (t) => {
    const [before] = await t.tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date))
    await t.tx
      .insert(calendarOverrides)
      .values({ date, kind: input.kind, note: input.note, updatedBy: ctx.actor!.userId, updatedAt: ctx.clock.now() })
      .onConflictDoUpdate({
        target: calendarOverrides.date,
        set: { kind: input.kind, note: input.note, updatedBy: ctx.actor!.userId, updatedAt: ctx.clock.now() },
      })
    await appendAudit(t, { action: 'calendar.override_set', entityType: 'calendar_day', entityId: date, before: before ?? null, after: { date, ...input } })
  })
  return getCalendar(ctx, Number(date.slice(0, 4)))
}

export async function deleteCalendarOverride(ctx: Ctx, date: string) {
  requirePermission(ctx.actor, 'benefit:configure')
  await withTx(ctx, async (t) => {
    const [before] = await t.tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning()
    if (!before) throw new AppError('NOT_FOUND', '该日期没有本地调整')
    await appendAudit(t, { action: 'calendar.override_deleted', entityType: 'calendar_day', entityId: date, before, after: null })
  })
  return getCalendar(ctx, Number(date.slice(0, 4)))
}
