import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getFlagInScope } from './find-order-flags.js'
import { openFlagsOf, resolveFlagRecord } from './order-flags.js'
import { getOrderInScope, orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'
import type { TResolveFlag } from './meals.schemas.js'

/**
 * A supervisor resolves one anomaly flag of an order with a note. When it was the order's last
 * open flag and the visit waits in exception, the order goes on to confirmation (the order
 * flow's resolve step) with the same note.
 */
export async function resolveOrderFlag(ctx: Ctx, id: string, input: TResolveFlag) {
  requirePermission(ctx.actor, 'order:supervise')
  const actor = ctx.actor
  return withTx(ctx, async (t) => {
    const before = await getFlagInScope(t.tx, actor, id, true)
    const after = await resolveFlagRecord(t, before, input.note, input.version)
    const reach = await orderReach(t.tx, actor)
    const order = await getOrderInScope(t.tx, reach, after.orderId, true)
    if (order.status === 'exception' && (await openFlagsOf(t, order.id)).length === 0)
      return {
        id: after.id,
        status: 'resolved' as const,
        orderId: order.id,
        orderStatus: (await orderStep(t, reach, order.id, { action: 'resolve', patch: { resolveNote: input.note }, note: input.note })).status,
      }
    return { id: after.id, status: 'resolved' as const, orderId: order.id, orderStatus: order.status }
  })
}
