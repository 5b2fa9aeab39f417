import { orderEvents } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'

/**
 * Cancellation rules: the requesting side (community, hotline, bureau) until the caregiver sets
 * out; the provider only before it has assigned a caregiver (after that it reassigns instead).
 * The reason is kept; the subsidy the order had drawn returns to the elder's month.
 */
export async function cancelOrder(ctx: Ctx, id: string, reason: string) {
  requirePermission(ctx.actor, 'order:cancel')
  const actor = ctx.actor
  await withTx(ctx, async (t) =>
    orderStep(t, await orderReach(t.tx, actor), id, {
      action: 'cancel',
      check: (b) => {
        if (actor.role === 'provider_admin' && b.status === 'assigned') throw new AppError('INVALID_TRANSITION', '已派单的工单请改派护理员，服务商不能取消')
      },
      patch: { cancelReason: reason },
      note: reason,
      event: { type: orderEvents.cancelled },
    }),
  )
  return getOrder(ctx, id)
}
