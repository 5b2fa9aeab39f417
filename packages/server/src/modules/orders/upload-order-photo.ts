import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { ORDER_PHOTO_MAX_BYTES, ORDER_PHOTOS_MAX } from '@yiyang/core'
import { and, count, eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { fileStore, imageTypes } from '../../platform/file-store.js'
import { requirePermission } from '../../platform/permissions.js'
import { requireAssignedCaregiver } from './order-step.js'
import { getOrderInScope, orderReach } from './orders.repo.js'
import { serviceOrderPhotos } from './order-photos.tables.js'
import { toOrderPhoto } from './find-order-photos.js'

/**
 * A photo of the service record from the caregiver's phone, while the visit is on (checked in or
 * recorded). The phone queues it offline and retries with the same idempotency key: a repeat is
 * answered with the photo already kept, never a second one.
 */
export async function uploadOrderPhoto(ctx: Ctx, orderId: string, idempotencyKey: string, file: { mimetype: string; stream: Readable }) {
  requirePermission(ctx.actor, 'order:serve')
  const drop = (e: unknown): never => {
    file.stream.resume()
    throw e
  }
  const reach = await orderReach(ctx.db, ctx.actor)
  const order = await getOrderInScope(ctx.db, reach, orderId).catch(drop)
  try {
    requireAssignedCaregiver(reach, order)
  } catch (e) {
    drop(e)
  }
  const [existing] = await ctx.db
    .select()
    .from(serviceOrderPhotos)
    .where(and(eq(serviceOrderPhotos.orderId, order.id), eq(serviceOrderPhotos.idempotencyKey, idempotencyKey)))
  if (existing) {
    file.stream.resume()
    return toOrderPhoto(existing)
  }
  if (order.status !== 'checked_in' && order.status !== 'recorded')
    drop(new AppError('INVALID_TRANSITION', '只有签到后、签退前可以上传服务照片', [{ path: 'file', message: '当前状态不能上传照片' }]))
  const [n] = await ctx.db.select({ n: count() }).from(serviceOrderPhotos).where(eq(serviceOrderPhotos.orderId, order.id))
  if (Number(n?.n ?? 0) >= ORDER_PHOTOS_MAX)
    drop(new AppError('VALIDATION_FAILED', `每张工单最多 ${ORDER_PHOTOS_MAX} 张照片`, [{ path: 'file', message: '照片已满' }]))
  const id = randomUUID()
  const store = fileStore(ctx.config)
  const put = await store.put(`order-photos/${order.id}/${id}`, file.stream, {
    maxBytes: ORDER_PHOTO_MAX_BYTES,
    types: imageTypes,
    label: '照片',
    declaredType: file.mimetype,
  })
  try {
    return await withTx(ctx, async (t) => {
      const [row] = await t.tx
        .insert(serviceOrderPhotos)
        .values({
          id,
          orderId: order.id,
          fileKey: put.key,
          fileType: put.type,
          bytes: put.bytes,
          sha256: put.sha256,
          idempotencyKey,
          uploadedBy: t.actor?.userId ?? null,
          uploadedAt: t.clock.now(),
        })
        .onConflictDoNothing()
        .returning()
      if (!row) {
        // The same key won a race with this request: keep the first photo only.
        const [first] = await t.tx
          .select()
          .from(serviceOrderPhotos)
          .where(and(eq(serviceOrderPhotos.orderId, order.id), eq(serviceOrderPhotos.idempotencyKey, idempotencyKey)))
        await store.delete(put.key)
        return toOrderPhoto(first!)
      }
      await appendAudit(t, {
        action: 'order.photo_added',
        entityType: 'order',
        entityId: order.id,
        regionCode: order.regionCode,
        after: { photoId: id, type: put.type, bytes: put.bytes, sha256: put.sha256 },
      })
      return toOrderPhoto(row)
    })
  } catch (err) {
    await store.delete(put.key)
    throw err
  }
}
