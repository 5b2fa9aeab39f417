import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'

/** The caregiver never came: recorded by a supervisor with the reason; the order draws no subsidy. */
export async function noShowOrder(ctx: Ctx, id: string, reason: string) {
  requirePermission(ctx.actor, 'order:supervise')
  const actor = ctx.actor
  await withTx(ctx, async (t) => orderStep(t, await orderReach(t.tx, actor), id, { action: 'noShow', patch: { cancelReason: reason }, note: reason }))
  return getOrder(ctx, id)
}
