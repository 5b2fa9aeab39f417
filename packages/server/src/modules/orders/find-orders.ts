import { and, count, desc, eq, gte, like, lte, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, levelPrefix, pageOffset, pageResult, startsWithPattern } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverNames, providerNames } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import { toOrderSummary } from './orders.mapper.js'
import { orderReach, orderWhere } from './orders.repo.js'
import type { TFindOrders } from './orders.schemas.js'
import { serviceOrders } from './orders.tables.js'

export async function findOrders(ctx: Ctx, q: TFindOrders) {
  requirePermission(ctx.actor, 'order:read')
  const reach = await orderReach(ctx.db, ctx.actor)
  const where: (SQL | undefined)[] = [orderWhere(reach, q.regionCode)]
  if (q.regionCode && (ctx.actor.role === 'provider_admin' || ctx.actor.role === 'caregiver'))
    where.push(like(serviceOrders.regionCode, startsWithPattern(levelPrefix(q.regionCode))))
  if (q.status) where.push(eq(serviceOrders.status, q.status))
  if (q.providerId) where.push(eq(serviceOrders.providerId, q.providerId))
  if (q.caregiverId) where.push(eq(serviceOrders.caregiverId, q.caregiverId))
  if (q.elderId) where.push(eq(serviceOrders.elderId, q.elderId))
  if (q.dateFrom) where.push(gte(serviceOrders.serviceDate, q.dateFrom))
  if (q.dateTo) where.push(lte(serviceOrders.serviceDate, q.dateTo))
  if (q.q)
    where.push(
      or(
        like(serviceOrders.elderName, containsPattern(q.q)),
        like(serviceOrders.orderNo, containsPattern(q.q.toUpperCase())),
        like(serviceOrders.itemName, containsPattern(q.q)),
      ),
    )
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(serviceOrders)
      .where(cond)
      .orderBy(desc(serviceOrders.serviceDate), desc(serviceOrders.createdAt), serviceOrders.id)
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(serviceOrders).where(cond),
  ])
  const [region, provider, caregiver] = await Promise.all([
    regionNames(
      ctx.db,
      rows.map((r) => r.regionCode),
    ),
    providerNames(
      ctx.db,
      rows.map((r) => r.providerId),
    ),
    caregiverNames(
      ctx.db,
      rows.map((r) => r.caregiverId),
    ),
  ])
  return pageResult(
    rows.map((r) => toOrderSummary(r, { region, provider, caregiver })),
    Number(total?.n ?? 0),
    q,
  )
}
