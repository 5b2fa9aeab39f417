import { and, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { fileStore } from '../../platform/file-store.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrderInScope, orderReach } from './orders.repo.js'
import { serviceOrderPhotos } from './order-photos.tables.js'

/** A photo's bytes, only through the scoped read of its order. */
export async function getOrderPhoto(ctx: Ctx, orderId: string, photoId: string) {
  requirePermission(ctx.actor, 'order:read')
  const order = await getOrderInScope(ctx.db, await orderReach(ctx.db, ctx.actor), orderId)
  const [p] = await ctx.db
    .select()
    .from(serviceOrderPhotos)
    .where(and(eq(serviceOrderPhotos.id, photoId), eq(serviceOrderPhotos.orderId, order.id)))
  const got = p ? await fileStore(ctx.config).get(p.fileKey) : null
  if (!p || !got) throw new AppError('NOT_FOUND', '照片不存在或不在您的管辖范围内')
  return { type: p.fileType, size: got.bytes, stream: got.stream }
}
