import { withTx, type Ctx } from '../../platform/context.js'
import { fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getPlanInScope } from './dispatch.repo.js'
import type { z } from 'zod'
import type { ZLock } from './dispatch.schemas.js'
import { planDetail, requireComputed, saveState } from './plan-store.js'

/** Locks a visit to its caregiver and time (or unlocks it): re-planning never moves it; the caregiver's other visits stay free to move around it. */
export async function lockVisit(ctx: Ctx, id: string, input: z.infer<typeof ZLock>) {
  requirePermission(ctx.actor, 'dispatch:plan')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getPlanInScope(t.tx, actor, id, true)
    const state = structuredClone(requireComputed(before))
    if (!state.visits.some((v) => v.orderId === input.orderId)) throw fieldError('orderId', '该工单不在本方案中')
    const locks = new Set(state.locks)
    if (input.locked) locks.add(input.orderId)
    else locks.delete(input.orderId)
    state.locks = [...locks]
    return saveState(
      t,
      before,
      state,
      { action: input.locked ? 'dispatch.visit_locked' : 'dispatch.visit_unlocked', extra: { orderId: input.orderId } },
      input.version,
    )
  })
  return planDetail(ctx.db, row)
}
