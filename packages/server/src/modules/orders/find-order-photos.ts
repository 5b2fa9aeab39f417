import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrderInScope, orderReach } from './orders.repo.js'
import { serviceOrderPhotos } from './order-photos.tables.js'
import type { TOrderPhoto } from './supervision.schemas.js'

export const toOrderPhoto = (r: typeof serviceOrderPhotos.$inferSelect): TOrderPhoto => ({
  id: r.id,
  orderId: r.orderId,
  fileType: r.fileType,
  bytes: r.bytes,
  uploadedAt: r.uploadedAt.toISOString(),
})

/** The service record's photos, for whoever may read the order. */
export async function findOrderPhotos(ctx: Ctx, orderId: string) {
  requirePermission(ctx.actor, 'order:read')
  const order = await getOrderInScope(ctx.db, await orderReach(ctx.db, ctx.actor), orderId)
  const rows = await ctx.db
    .select()
    .from(serviceOrderPhotos)
    .where(eq(serviceOrderPhotos.orderId, order.id))
    .orderBy(asc(serviceOrderPhotos.uploadedAt), asc(serviceOrderPhotos.id))
  return rows.map(toOrderPhoto)
}
