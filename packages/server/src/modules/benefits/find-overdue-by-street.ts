import { and, count, isNotNull, lt, notInArray, sql } from 'drizzle-orm'
import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { benefitApplications } from './benefits.tables.js'

/** Open cases and overdue steps per street (township), inside the actor's scope. */
export async function findOverdueByStreet(ctx: Ctx, regionCode?: string) {
  requirePermission(ctx.actor, 'benefit:read')
  const today = todayInShanghai(ctx.clock.now())
  const street = sql<string>`substr(${benefitApplications.regionCode}, 1, 9)`
  const open = and(
    regionFilter(benefitApplications.regionCode, ctx.actor, regionCode),
    notInArray(benefitApplications.status, ['active', 'stopped', 'rejected', 'draft']),
  )
  const rows = await ctx.db
    .select({
      street,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${and(isNotNull(benefitApplications.stepDue), lt(benefitApplications.stepDue, today))})`,
    })
    .from(benefitApplications)
    .where(open)
    .groupBy(street)
    .orderBy(street)
  const codes = rows.map((r) => `${r.street}000`)
  const names = await regionNames(ctx.db, codes)
  return {
    month: today.slice(0, 7),
    rows: rows.map((r) => ({
      streetCode: `${r.street}000`,
      streetName: names.get(`${r.street}000`) ?? null,
      open: Number(r.open),
      overdue: Number(r.overdue),
    })),
  }
}
