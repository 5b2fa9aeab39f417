import { periodKeyOf } from '@yiyang/core'
import { and, count, desc, eq, isNull, like, or, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import type { TFindPlans } from './visits.schemas.js'
import { toPlanItem } from './visits.mapper.js'
import { planScope } from './visits.repo.js'
import { visitPlans } from './visits.tables.js'

/** 探访计划 list; the red list is `redListed=true`; a volunteer sees their own elders only. */
export async function findPlans(ctx: Ctx, q: TFindPlans) {
  requirePermission(ctx.actor, 'visit:read')
  const now = ctx.clock.now()
  const where: (SQL | undefined)[] = [planScope(ctx.actor, q.regionCode)]
  if (q.status) where.push(eq(visitPlans.status, q.status))
  if (q.frequency) where.push(eq(visitPlans.frequency, q.frequency))
  if (q.visitorId) where.push(or(eq(visitPlans.visitorId, q.visitorId), eq(visitPlans.backupId, q.visitorId)))
  if (q.unassigned) where.push(isNull(visitPlans.visitorId))
  if (q.redListed !== undefined) where.push(eq(visitPlans.redListed, q.redListed))
  if (q.q) where.push(like(visitPlans.elderName, containsPattern(q.q)))
  if (q.dueNow) {
    // Not visited since the current period began, per frequency.
    const wk = periodKeyOf('weekly', now)
    const mo = periodKeyOf('monthly', now)
    where.push(eq(visitPlans.status, 'active'))
    where.push(
      sql`not exists (select 1 from visit_periods p where p.plan_id = ${visitPlans.id} and p.status = 'visited' and p.period_key = case when ${visitPlans.frequency} = 'weekly' then ${wk} else ${mo} end)`,
    )
  }
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(visitPlans)
      .where(cond)
      .orderBy(desc(visitPlans.redListed), desc(visitPlans.missedInRow), visitPlans.regionCode, visitPlans.elderName)
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(visitPlans).where(cond),
  ])
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  return pageResult(
    rows.map((r) => ({ ...toPlanItem(r, now), regionName: names.get(r.regionCode) ?? null })),
    Number(total?.n ?? 0),
    q,
  )
}
