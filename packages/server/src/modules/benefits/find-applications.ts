import { and, count, desc, eq, inArray, isNotNull, lt, notInArray, type SQL } from 'drizzle-orm'
import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { loadProgrammes } from './benefits.repo.js'
import { toApplicationSummary } from './benefits.mapper.js'
import type { TFindApplications } from './benefits.schemas.js'
import { benefitApplications } from './benefits.tables.js'

const doneStatuses = ['active', 'stopped', 'rejected']

/** Applications in scope: the table and the board (by status) both read this list. */
export async function findApplications(ctx: Ctx, q: TFindApplications) {
  requirePermission(ctx.actor, 'benefit:read')
  const today = todayInShanghai(ctx.clock.now())
  const where: (SQL | undefined)[] = [regionFilter(benefitApplications.regionCode, ctx.actor, q.regionCode)]
  if (q.status) where.push(eq(benefitApplications.status, q.status))
  if (q.statusGroup === 'open') where.push(notInArray(benefitApplications.status, doneStatuses))
  if (q.statusGroup === 'done') where.push(inArray(benefitApplications.status, doneStatuses))
  if (q.programmeCode) where.push(eq(benefitApplications.programmeCode, q.programmeCode))
  if (q.elderId) where.push(eq(benefitApplications.elderId, q.elderId))
  // A deadline passed (calendar) narrows the list; the exact working days late are computed per row.
  if (q.overdue === 'true') where.push(isNotNull(benefitApplications.stepDue), lt(benefitApplications.stepDue, today))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(benefitApplications)
      .where(cond)
      .orderBy(desc(benefitApplications.updatedAt), desc(benefitApplications.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(benefitApplications).where(cond),
  ])
  const programmes = new Map((await loadProgrammes(ctx.db, { includeInactive: true })).map((p) => [p.code, p.definition]))
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  const cal = await loadWorkCalendar(ctx.db, today)
  const items = rows.map((r) => toApplicationSummary(r, ctx.actor!, programmes.get(r.programmeCode), names.get(r.regionCode) ?? null, today, cal.isWorkingDay))
  return pageResult(items, Number(total?.n ?? 0), q)
}
