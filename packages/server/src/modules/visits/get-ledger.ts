import { isoWeekKey, nextPeriodKey, periodRange, ruralMonthlyVisitRate, visitRate, WEEKLY_VISIT_RATE_TARGET, type TVisitChecklistItem } from '@yiyang/core'
import { and, asc, eq, gte, like, lt } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { regionLike } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { rateData } from './rate-data.js'
import type { TLedgerQuery } from './visits.schemas.js'
import { visitPlans, visits } from './visits.tables.js'

/**
 * 台账: one village/community (or any region in scope) and one month: who visited whom and
 * when, what was found, who was not visited, and the month's rates (S002 ledger; §13 rates).
 */
export async function getLedger(ctx: Ctx, q: TLedgerQuery) {
  requirePermission(ctx.actor, 'visit:read')
  const { start, end } = periodRange(q.month)
  const regionCode = q.regionCode ?? ctx.actor.scopeRegionCode
  const pattern = regionLike(ctx.actor, q.regionCode)
  const rows = await ctx.db
    .select({ v: visits, elderName: visitPlans.elderName, frequency: visitPlans.frequency })
    .from(visits)
    .innerJoin(visitPlans, eq(visitPlans.id, visits.planId))
    .where(and(like(visits.regionCode, pattern), gte(visits.visitedAt, start), lt(visits.visitedAt, end)))
    .orderBy(asc(visits.regionCode), asc(visits.visitedAt))
  const monthly = await rateData(ctx.db, pattern, 'monthly', q.month)
  // Every ISO week that overlaps the month and has begun (a week that has not started has no rate).
  const now = ctx.clock.now()
  const weeks: string[] = []
  for (let k = isoWeekKey(periodRange(q.month).startDate); periodRange(k).start < end && periodRange(k).start <= now; k = nextPeriodKey(k)) weeks.push(k)
  const weeklyRates = []
  for (const wk of weeks) {
    const d = await rateData(ctx.db, pattern, 'weekly', wk)
    weeklyRates.push({ week: wk, ...visitRate(d.targets, d.visits, periodRange(wk), WEEKLY_VISIT_RATE_TARGET) })
  }
  const visitedElders = new Set(rows.filter((r) => r.v.counted).map((r) => r.v.elderId))
  const missedPlans = await ctx.db
    .select()
    .from(visitPlans)
    .where(and(like(visitPlans.regionCode, pattern), eq(visitPlans.status, 'active'), lt(visitPlans.createdAt, end)))
    .orderBy(asc(visitPlans.regionCode), asc(visitPlans.elderName))
  const unvisitedPlans = missedPlans.filter((p) => !visitedElders.has(p.elderId))
  const names = await regionNames(ctx.db, [regionCode, ...rows.map((r) => r.v.regionCode), ...unvisitedPlans.map((p) => p.regionCode)])
  return {
    month: q.month,
    regionCode,
    regionName: names.get(regionCode) ?? null,
    rows: rows.map(({ v, elderName, frequency }) => ({
      visitId: v.id,
      elderName,
      regionCode: v.regionCode,
      regionName: names.get(v.regionCode) ?? null,
      frequency,
      visitorName: v.visitorName,
      mode: v.mode,
      visitedAt: v.visitedAt.toISOString(),
      counted: v.counted,
      concerns: (Object.entries(v.checklist) as [TVisitChecklistItem, string][]).filter(([, x]) => x === 'concern').map(([k]) => k),
      noCareFound: v.noCareFound,
      confirmedBy: v.confirmedBy,
    })),
    unvisited: unvisitedPlans.map((p) => ({
      elderName: p.elderName,
      regionName: names.get(p.regionCode) ?? null,
      frequency: p.frequency,
      visitorName: p.visitorName,
    })),
    monthlyRate: ruralMonthlyVisitRate(monthly.targets, monthly.visits, q.month),
    weeklyRates,
  }
}
