import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverNames, providerNames } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import { toOrderDetail } from './orders.mapper.js'
import { getOrderInScope, orderReach } from './orders.repo.js'
import { serviceOrderEvents } from './orders.tables.js'

export async function getOrder(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'order:read')
  const reach = await orderReach(ctx.db, ctx.actor)
  const row = await getOrderInScope(ctx.db, reach, id)
  const [events, region, provider, caregiver] = await Promise.all([
    ctx.db.select().from(serviceOrderEvents).where(eq(serviceOrderEvents.orderId, id)).orderBy(asc(serviceOrderEvents.at), asc(serviceOrderEvents.id)),
    regionNames(ctx.db, [row.regionCode]),
    providerNames(ctx.db, [row.providerId]),
    caregiverNames(ctx.db, [row.caregiverId]),
  ])
  return toOrderDetail(row, reach, ctx.crypto, { region, provider, caregiver }, events)
}
