import { and, eq } from 'drizzle-orm'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getPlanInScope } from './dispatch.repo.js'
import { dispatchDiffs } from './dispatch.tables.js'
import { planDetail, requireComputed, saveState } from './plan-store.js'
import { diffOfPlan, type TDiffPayload } from './propose-sick.js'

/**
 * Approves a proposed redistribution: the plan takes it (if nobody changed the plan since it
 * was computed), and on a published plan the orders and caregivers concerned follow.
 */
export async function approveDiff(ctx: Ctx, planId: string, diffId: string) {
  requirePermission(ctx.actor, 'dispatch:publish')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getPlanInScope(t.tx, actor, planId, true)
    requireComputed(before)
    const d = await diffOfPlan(t.tx, planId, diffId)
    if (!d) throw new AppError('NOT_FOUND', '变更不存在')
    if (d.status !== 'proposed') throw new AppError('INVALID_TRANSITION', '该变更已处理')
    if (d.baseVersion !== before.version) throw new AppError('CONFLICT', '方案在变更提出后已被修改，请重新提出')
    const done = await t.tx
      .update(dispatchDiffs)
      .set({ status: 'approved', decidedBy: actor.userId, decidedAt: t.clock.now() })
      .where(and(eq(dispatchDiffs.id, d.id), eq(dispatchDiffs.status, 'proposed')))
      .returning({ id: dispatchDiffs.id })
    if (done.length === 0) throw new AppError('INVALID_TRANSITION', '该变更已处理')
    const p = d.payload as TDiffPayload
    return saveState(t, before, p.state, { action: 'dispatch.diff_approved', extra: { diffId: d.id, kind: d.kind, changes: p.changes.length } })
  })
  return planDetail(ctx.db, row)
}
