import { and, count, desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toPlanSummary } from './dispatch.mapper.js'
import { planWhere } from './dispatch.repo.js'
import type { TFindPlans } from './dispatch.schemas.js'
import { dispatchPlans } from './dispatch.tables.js'
import { planNames } from './plan-store.js'

/** Plans in the actor's reach, newest first; a street outside the scope gives an empty list. */
export async function findPlans(ctx: Ctx, q: TFindPlans) {
  requirePermission(ctx.actor, 'dispatch:read')
  const where = and(
    planWhere(ctx.actor, q.streetCode),
    q.date ? eq(dispatchPlans.serviceDate, q.date) : undefined,
    q.providerId ? eq(dispatchPlans.providerId, q.providerId) : undefined,
    q.streetCode ? eq(dispatchPlans.streetCode, q.streetCode) : undefined,
    q.status ? eq(dispatchPlans.status, q.status) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(dispatchPlans)
      .where(where)
      .orderBy(desc(dispatchPlans.serviceDate), desc(dispatchPlans.createdAt), desc(dispatchPlans.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(dispatchPlans).where(where),
  ])
  const names = await planNames(ctx.db, rows)
  return pageResult(
    rows.map((r) => toPlanSummary(r, names)),
    total?.n ?? 0,
    q,
  )
}
