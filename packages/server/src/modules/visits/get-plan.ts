import { periodRange } from '@yiyang/core'
import { desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { regionNames } from '../regions/index.js'
import { toPlanItem, toVisitItem } from './visits.mapper.js'
import { getPlanInScope } from './visits.repo.js'
import { visitPeriods, visits } from './visits.tables.js'

/** One plan with its recent periods and visits, and what the visitor needs at the door. */
export async function getPlan(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'visit:read')
  const plan = await getPlanInScope(ctx.db, ctx.actor, id)
  const [periods, recent, names, summaries] = await Promise.all([
    ctx.db.select().from(visitPeriods).where(eq(visitPeriods.planId, plan.id)).orderBy(desc(visitPeriods.startsAt)).limit(12),
    ctx.db.select().from(visits).where(eq(visits.planId, plan.id)).orderBy(desc(visits.visitedAt)).limit(20),
    regionNames(ctx.db, [plan.regionCode]),
    elderSummariesByIds(ctx, [plan.elderId]),
  ])
  const summary = summaries.get(plan.elderId)
  return {
    ...toPlanItem(plan, ctx.clock.now()),
    regionName: names.get(plan.regionCode) ?? null,
    periods: periods.map((p) => ({ id: p.id, periodKey: p.periodKey, ...pick(periodRange(p.periodKey)), status: p.status, visitId: p.visitId })),
    visits: recent.map((v) => toVisitItem(v, ctx.crypto)),
    elder: {
      name: plan.elderName,
      age: summary?.age ?? 0,
      address: null,
      phone: summary?.phone ?? null,
      categories: summary?.categories ?? [],
    },
  }
}

const pick = (r: { startDate: string; endDate: string }) => ({ startDate: r.startDate, endDate: r.endDate })
