import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep, requireAssignedCaregiver } from './order-step.js'
import type { TRecordService } from './orders.schemas.js'

/** The service record: items done, notes, risks seen (may be saved again until check-out). */
export async function recordService(ctx: Ctx, id: string, input: TRecordService) {
  requirePermission(ctx.actor, 'order:serve')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const reach = await orderReach(t.tx, actor)
    await orderStep(t, reach, id, {
      action: 'record',
      idempotencyKey: input.idempotencyKey,
      check: (b) => requireAssignedCaregiver(reach, b),
      patch: { record: { itemsDone: input.itemsDone, notes: input.notes ?? null, risks: input.risks } },
      note: input.risks.length ? `发现风险：${input.risks.join('、')}` : null,
    })
  })
  return getOrder(ctx, id)
}
