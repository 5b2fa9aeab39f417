import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep, requireAssignedCaregiver } from './order-step.js'

/** The caregiver sets out (en route). */
export async function departOrder(ctx: Ctx, id: string, idempotencyKey?: string) {
  requirePermission(ctx.actor, 'order:serve')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const reach = await orderReach(t.tx, actor)
    await orderStep(t, reach, id, { action: 'depart', idempotencyKey, check: (b) => requireAssignedCaregiver(reach, b) })
  })
  return getOrder(ctx, id)
}
