import { orderEvents, orderFlagLabels, visitFlags, type TOrderFlag } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { enqueueJob } from '../../platform/jobs.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { loadOrderSettings, visitRulesOf } from './order-settings.js'
import { getOrderInScope, orderReach, type TOrderRow } from './orders.repo.js'
import { orderStep, requireAssignedCaregiver } from './order-step.js'
import { AUTO_CONFIRM_JOB } from './auto-confirm-job.js'
import { recordOrderFlags } from './order-flags.js'

/**
 * Check-out: the visit's evidence is judged (far from home, too short, late). A clean visit
 * waits for the elder's confirmation (auto-confirmed after N days); a flagged one goes to
 * exception for a supervisor. Nothing is blocked on the phone.
 */
export async function checkOutOrder(ctx: Ctx, id: string, idempotencyKey?: string) {
  requirePermission(ctx.actor, 'order:serve')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const reach = await orderReach(t.tx, actor)
    const settings = await loadOrderSettings(t.tx)
    const now = ctx.clock.now()
    const current = await getOrderInScope(t.tx, reach, id, true)
    requireAssignedCaregiver(reach, current)
    const flagsOf = (b: TOrderRow): TOrderFlag[] =>
      b.checkInAt
        ? visitFlags(
            { checkInDistanceM: b.checkInDistanceM, checkInAt: b.checkInAt, checkOutAt: now, windowStart: b.windowStart, plannedMinutes: b.plannedMinutes },
            visitRulesOf(settings),
          )
        : []
    // Anomaly flags raised earlier (same item twice, overlapping orders) stay until a supervisor has looked.
    const flags = [...new Set([...(current.flags as TOrderFlag[]), ...flagsOf(current)])]
    const action = flags.length ? 'checkOutFlagged' : 'checkOut'
    const after = await orderStep(t, reach, id, {
      action,
      idempotencyKey,
      patch: { checkOutAt: now, flags },
      note: flags.length ? flags.map((f) => orderFlagLabels[f]).join('；') : null,
      event: { type: flags.length ? orderEvents.exception : orderEvents.checkedOut, payload: () => ({ flags }) },
    })
    await recordOrderFlags(t, after)
    if (after.status === 'checked_out') {
      await enqueueJob(t, {
        kind: AUTO_CONFIRM_JOB,
        input: { orderId: id },
        idempotencyKey: `auto-confirm:${id}`,
        runAt: new Date(now.getTime() + settings.autoConfirmDays * 86_400_000),
      })
    }
  })
  return getOrder(ctx, id)
}
