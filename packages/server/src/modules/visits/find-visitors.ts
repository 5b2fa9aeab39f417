import { distanceMetres, periodRange, periodKeyOf, type TLatLng } from '@yiyang/core'
import { and, avg, count, desc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { narrowPrefix } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { findActiveUsersByRole } from '../accounts/index.js'
import { visitorRoles } from './assign-plans.js'
import { getPlanInScope } from './visits.repo.js'
import { visitPlans, visits } from './visits.tables.js'

/** Distances within the same kilometre count as equally near: the lighter load wins among them. */
const NEAR_BAND_M = 1000
const RECENT_DAYS = 30

/** Where the elder lives, as the platform has seen it: the check-in position of the last home visit that had one. */
async function elderPosition(db: DbOrTx, elderId: string): Promise<TLatLng | null> {
  const [v] = await db
    .select({ lat: visits.latitude, lng: visits.longitude })
    .from(visits)
    .where(and(eq(visits.elderId, elderId), eq(visits.mode, 'home'), isNotNull(visits.latitude), isNotNull(visits.longitude)))
    .orderBy(desc(visits.visitedAt))
    .limit(1)
  return v ? { lat: v.lat!, lng: v.lng! } : null
}

/** Where each visitor works: the centre of their home-visit check-ins of the last 30 days (none: unknown). */
async function visitorPositions(db: DbOrTx, ids: string[], since: Date): Promise<Map<string, TLatLng>> {
  const rows = await db
    .select({ id: visits.visitorId, lat: avg(visits.latitude), lng: avg(visits.longitude) })
    .from(visits)
    .where(and(inArray(visits.visitorId, ids), eq(visits.mode, 'home'), isNotNull(visits.latitude), isNotNull(visits.longitude), gte(visits.visitedAt, since)))
    .groupBy(visits.visitorId)
  return new Map(rows.filter((r) => r.lat != null && r.lng != null).map((r) => [r.id, { lat: Number(r.lat), lng: Number(r.lng) }]))
}

/**
 * Visitors who can take elders in a region, ordered as the assignment suggestion: those of the
 * elder's own community first, then — for one plan (`planId`) — the nearest (great-circle
 * distance from where the visitor has been checking in to where the elder was visited, by the
 * kilometre), then the fewest active plans, then the fewest visits this month. Where a position
 * is unknown (no check-in with coordinates yet) the distance is null and only the load ranks.
 */
export async function findVisitors(ctx: Ctx, q: { regionCode?: string; planId?: string }) {
  requirePermission(ctx.actor, 'visit:plan')
  const plan = q.planId ? await getPlanInScope(ctx.db, ctx.actor, q.planId) : null
  if (plan) q = { ...q, regionCode: plan.regionCode }
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
  const home = plan ? await elderPosition(ctx.db, plan.elderId) : null
  const where = home ? await visitorPositions(ctx.db, ids, new Date(ctx.clock.now().getTime() - RECENT_DAYS * 86_400_000)) : new Map<string, TLatLng>()
  const planBy = new Map(plans.map((p) => [p.id, Number(p.n)]))
  const doneBy = new Map(done.map((p) => [p.id, Number(p.n)]))
  const items = people.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    role: p.role,
    activePlans: planBy.get(p.id) ?? 0,
    visitsThisMonth: doneBy.get(p.id) ?? 0,
    sameCommunity: p.scopePrefix.length === 12 && target.startsWith(p.scopePrefix),
    distanceMetres: home && where.has(p.id) ? distanceMetres(where.get(p.id)!, home) : null,
  }))
  const band = (d: number | null) => (d === null ? Number.MAX_SAFE_INTEGER : Math.floor(d / NEAR_BAND_M))
  items.sort(
    (a, b) =>
      Number(b.sameCommunity) - Number(a.sameCommunity) ||
      band(a.distanceMetres) - band(b.distanceMetres) ||
      a.activePlans - b.activePlans ||
      a.visitsThisMonth - b.visitsThisMonth,
  )
  return { items }
}
