import { dispatchPlanFlow } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { getPlanInScope, planAuditSnapshot } from './dispatch.repo.js'
import { dispatchPlans } from './dispatch.tables.js'
import { applyToOrders, planDetail, requireComputed, sameDayPlans } from './plan-store.js'

/**
 * Publishes a draft: other plans of the same day and scope are superseded, every placed
 * visit's order is assigned to its caregiver with the planned start and place in the day
 * (orders flow, audited), and each caregiver gets a notice.
 */
export async function publishPlan(ctx: Ctx, id: string, input: { version?: number }) {
  requirePermission(ctx.actor, 'dispatch:publish')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getPlanInScope(t.tx, actor, id, true)
    requireComputed(before)
    for (const other of await sameDayPlans(t.tx, before)) {
      if (other.id === before.id) continue
      await runStep(t, {
        table: dispatchPlans,
        step: dispatchPlanFlow.supersede,
        before: other,
        audit: { action: 'dispatch.plan_superseded', entityType: 'dispatch_plan', snapshot: planAuditSnapshot, extra: { by: before.id } },
      })
    }
    const after = await runStep(t, {
      table: dispatchPlans,
      step: dispatchPlanFlow.publish,
      before,
      version: input.version,
      patch: { publishedAt: t.clock.now(), publishedBy: actor.userId },
      audit: { action: 'dispatch.plan_published', entityType: 'dispatch_plan', snapshot: planAuditSnapshot },
    })
    await applyToOrders(t, after, null, null)
    return after
  })
  return planDetail(ctx.db, row)
}
