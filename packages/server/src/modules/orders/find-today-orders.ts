import { orderOpenForCaregiver, todayInShanghai } from '@yiyang/core'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverNames, providerNames } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import { toOrderDetail } from './orders.mapper.js'
import { orderReach, orderWhere } from './orders.repo.js'
import { serviceOrders } from './orders.tables.js'

/**
 * The caregiver's phone page: today's visits still to do or under way, with the address to
 * navigate to; in the published daily plan's order (planned start) when there is one, else by
 * the requested time.
 */
export async function findTodayOrders(ctx: Ctx) {
  requirePermission(ctx.actor, 'order:serve')
  const reach = await orderReach(ctx.db, ctx.actor)
  const today = todayInShanghai(ctx.clock.now())
  const rows = await ctx.db
    .select()
    .from(serviceOrders)
    .where(and(orderWhere(reach), eq(serviceOrders.serviceDate, today), inArray(serviceOrders.status, [...orderOpenForCaregiver, 'checked_out', 'exception'])))
    .orderBy(
      sql`coalesce(${serviceOrders.plannedStart}, ${serviceOrders.windowStart}) asc nulls last`,
      asc(serviceOrders.planSeq),
      asc(serviceOrders.createdAt),
    )
    .limit(100)
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
  return rows.map((r) => toOrderDetail(r, reach, ctx.crypto, { region, provider, caregiver }, []))
}
