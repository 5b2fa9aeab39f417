import { assignBlockMessages, assignmentBlock, orderEvents } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverForAssignment } from '../providers/index.js'
import { getOrder } from './get-order.js'
import { orderReach, type TOrderRow } from './orders.repo.js'
import { orderStep } from './order-step.js'
import type { TAssignOrder } from './orders.schemas.js'

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
    const check = async (before: TOrderRow) => {
      const cg = await caregiverForAssignment(t.tx, input.caregiverId)
      if (!cg || cg.providerId !== before.providerId || cg.status !== 'active') throw fieldError('caregiverId', '该护理员不属于承接本工单的服务商')
      if (mode === 'reassign' && cg.id === before.caregiverId) throw fieldError('caregiverId', '改派的护理员与原护理员相同')
      const block = assignmentBlock(cg, before.skill, before.serviceDate)
      if (block) throw new AppError('NOT_ELIGIBLE', assignBlockMessages[block], [{ path: 'caregiverId', message: assignBlockMessages[block] }])
    }
    await orderStep(t, await orderReach(t.tx, actor), id, {
      action: mode,
      version: input.version,
      check,
      note: mode === 'reassign' ? (input.reason ?? '改派') : null,
      patch: { caregiverId: input.caregiverId },
      event: { type: orderEvents.assigned, payload: (r) => ({ caregiverId: r.caregiverId }) },
    })
  })
  return getOrder(ctx, id)
}
