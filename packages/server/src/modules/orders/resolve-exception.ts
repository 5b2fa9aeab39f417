import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'
import { openFlagsOf, resolveFlagRecord } from './order-flags.js'

/** A supervisor looks into a flagged visit (far, short, late) and clears it for confirmation, with a note. */
export async function resolveException(ctx: Ctx, id: string, note: string) {
  requirePermission(ctx.actor, 'order:supervise')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    await orderStep(t, await orderReach(t.tx, actor), id, { action: 'resolve', patch: { resolveNote: note }, note })
    // The order's open anomaly flags are resolved with the same note.
    for (const f of await openFlagsOf(t, id)) await resolveFlagRecord(t, f, note)
  })
  return getOrder(ctx, id)
}
