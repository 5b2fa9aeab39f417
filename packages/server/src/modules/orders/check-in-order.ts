import { distanceMetres, orderEvents } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { loadOrderSettings } from './order-settings.js'
import { orderReach } from './orders.repo.js'
import { orderStep, requireAssignedCaregiver } from './order-step.js'
import type { TCheckIn } from './orders.schemas.js'

/**
 * Check-in with the time (the server's) and the phone's location: the distance from the
 * elder's home is kept; farther than the configured distance is flagged at check-out, not blocked.
 */
export async function checkInOrder(ctx: Ctx, id: string, input: TCheckIn) {
  requirePermission(ctx.actor, 'order:serve')
  const actor = ctx.actor
  if ((input.lat == null) !== (input.lng == null)) throw fieldError('lat', '经纬度应同时提供')
  await withTx(ctx, async (t) => {
    const reach = await orderReach(t.tx, actor)
    const settings = await loadOrderSettings(t.tx)
    let distance: number | null = null
    await orderStep(t, reach, id, {
      action: 'checkIn',
      idempotencyKey: input.idempotencyKey,
      check: (b) => {
        requireAssignedCaregiver(reach, b)
        if (b.homeLat != null && b.homeLng != null && input.lat != null && input.lng != null) {
          distance = distanceMetres({ lat: b.homeLat, lng: b.homeLng }, { lat: input.lat, lng: input.lng })
        }
      },
      get patch() {
        return { checkInAt: ctx.clock.now(), checkInLat: input.lat ?? null, checkInLng: input.lng ?? null, checkInDistanceM: distance }
      },
      get note() {
        if (distance === null) return input.lat == null ? '未提供定位' : '老人住址未标注位置，未核对距离'
        return `距老人住址 ${distance} 米${distance > settings.maxDistanceM ? '（超出范围）' : ''}`
      },
      event: { type: orderEvents.checkedIn },
    })
  })
  return getOrder(ctx, id)
}
