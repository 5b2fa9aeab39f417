import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'

/** The provider takes the order (its admin; the bureau may act for it). */
export async function acceptOrder(ctx: Ctx, id: string, version?: number) {
  requirePermission(ctx.actor, 'order:accept')
  const actor = ctx.actor
  await withTx(ctx, async (t) => orderStep(t, await orderReach(t.tx, actor), id, { action: 'accept', version }))
  return getOrder(ctx, id)
}
