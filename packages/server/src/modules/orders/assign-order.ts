import { assignBlockMessages, assignmentBlock, orderEvents, spansOverlap } from '@yiyang/core'
import { and, eq, ne, notInArray } from 'drizzle-orm'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverForAssignment } from '../providers/index.js'
import { getOrder } from './get-order.js'
import { orderReach, type TOrderRow } from './orders.repo.js'
import { orderStep } from './order-step.js'
import { recordOrderFlags } from './order-flags.js'
import type { TAssignOrder } from './orders.schemas.js'
import { serviceOrders } from './orders.tables.js'

/**
 * Assignment by hand (the daily plan by the solver is the dispatch issue): a caregiver of the
 * order's provider, background check passed, holding a certificate for the item's skill valid
 * on the service date (持证上岗). An assigned order may be reassigned before check-in; two
 * dispatchers at once: one wins, the other gets INVALID_TRANSITION.
 */
export async function assignOrder(ctx: Ctx, id: string, input: TAssignOrder, mode: 'assign' | 'reassign' = 'assign') {
  requirePermission(ctx.actor, 'order:assign')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    let overlap = false
    let flags: string[] = []
    const check = async (before: TOrderRow) => {
      const cg = await caregiverForAssignment(t.tx, input.caregiverId)
      if (!cg || cg.providerId !== before.providerId || cg.status !== 'active') throw fieldError('caregiverId', '该护理员不属于承接本工单的服务商')
      if (mode === 'reassign' && cg.id === before.caregiverId) throw fieldError('caregiverId', '改派的护理员与原护理员相同')
      const block = assignmentBlock(cg, before.skill, before.serviceDate)
      if (block) throw new AppError('NOT_ELIGIBLE', assignBlockMessages[block], [{ path: 'caregiverId', message: assignBlockMessages[block] }])
      // Fund anomaly (domain.md §13): overlapping orders of one caregiver are flagged for a supervisor, not refused.
      overlap = false
      if (before.windowStart) {
        const others = await t.tx
          .select({ start: serviceOrders.windowStart, minutes: serviceOrders.plannedMinutes })
          .from(serviceOrders)
          .where(
            and(
              eq(serviceOrders.caregiverId, cg.id),
              eq(serviceOrders.serviceDate, before.serviceDate),
              ne(serviceOrders.id, before.id),
              notInArray(serviceOrders.status, ['cancelled', 'no_show']),
            ),
          )
        const mine = { start: before.windowStart, minutes: before.plannedMinutes }
        overlap = others.some((o) => o.start !== null && spansOverlap(mine, { start: o.start, minutes: o.minutes }))
      }
      flags = [...before.flags.filter((f) => f !== 'caregiver_overlap'), ...(overlap ? ['caregiver_overlap'] : [])]
    }
    const after = await orderStep(t, await orderReach(t.tx, actor), id, {
      action: mode,
      version: input.version,
      check,
      note: mode === 'reassign' ? (input.reason ?? '改派') : null,
      get patch() {
        return { caregiverId: input.caregiverId, flags }
      },
      event: { type: orderEvents.assigned, payload: (r) => ({ caregiverId: r.caregiverId }) },
    })
    await recordOrderFlags(t, after)
  })
  return getOrder(ctx, id)
}
