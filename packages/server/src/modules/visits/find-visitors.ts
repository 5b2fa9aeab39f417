import { periodRange, periodKeyOf } from '@yiyang/core'
import { and, count, eq, gte, inArray, lt } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { narrowPrefix } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { findActiveUsersByRole } from '../accounts/index.js'
import { visitorRoles } from './assign-plans.js'
import { visitPlans, visits } from './visits.tables.js'

/**
 * Visitors who can take elders in a region, ordered as the assignment suggestion: those of the
 * elder's own community first (nearest), then the fewest active plans, then the fewest visits
 * this month.
 */
export async function findVisitors(ctx: Ctx, q: { regionCode?: string }) {
  requirePermission(ctx.actor, 'visit:plan')
  const prefix = narrowPrefix(ctx.actor, q.regionCode)
  if (prefix === null) return { items: [] }
  const target = q.regionCode ?? ctx.actor.scopeRegionCode
  const people = (await Promise.all(visitorRoles.map((r) => findActiveUsersByRole(ctx.db, r, prefix))))
    .flat()
    .filter((u) => target.startsWith(u.scopePrefix) || u.scopePrefix.startsWith(prefix))
  if (people.length === 0) return { items: [] }
  const ids = people.map((p) => p.id)
  const month = periodRange(periodKeyOf('monthly', ctx.clock.now()))
  const [plans, done] = await Promise.all([
    ctx.db
      .select({ id: visitPlans.visitorId, n: count() })
      .from(visitPlans)
      .where(and(inArray(visitPlans.visitorId, ids), eq(visitPlans.status, 'active')))
      .groupBy(visitPlans.visitorId),
    ctx.db
      .select({ id: visits.visitorId, n: count() })
      .from(visits)
      .where(and(inArray(visits.visitorId, ids), gte(visits.visitedAt, month.start), lt(visits.visitedAt, month.end)))
      .groupBy(visits.visitorId),
  ])
  const planBy = new Map(plans.map((p) => [p.id, Number(p.n)]))
  const doneBy = new Map(done.map((p) => [p.id, Number(p.n)]))
  const items = people.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    role: p.role,
    activePlans: planBy.get(p.id) ?? 0,
    visitsThisMonth: doneBy.get(p.id) ?? 0,
    sameCommunity: p.scopePrefix.length === 12 && target.startsWith(p.scopePrefix),
  }))
  items.sort((a, b) => Number(b.sameCommunity) - Number(a.sameCommunity) || a.activePlans - b.activePlans || a.visitsThisMonth - b.visitsThisMonth)
  return { items }
}
