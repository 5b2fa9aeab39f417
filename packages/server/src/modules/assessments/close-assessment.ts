import { assessmentFlow } from '@yiyang/core'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { transition } from '../../platform/workflow.js'
import { appendAudit } from '../../platform/audit.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { getAssessmentInScope } from './assessments.repo.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'

/** Cancels an assessment not yet submitted (scheduled, in progress or returned), with a reason. */
export async function cancelAssessment(ctx: Ctx, id: string, reason: string) {
  requirePermission(ctx.actor, 'assessment:schedule')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    const after = await transition(t, assessments, before.id, assessmentFlow.cancel, { cancelReason: reason, version: sql`${assessments.version} + 1`, updatedAt: ctx.clock.now() })
    await appendAudit(t, { action: 'assessment.cancelled', entityType: 'assessment', entityId: id, regionCode: after.regionCode, before: assessmentAuditSnapshot(before), after: { ...assessmentAuditSnapshot(after), cancelReason: reason } })
    return after
  })
  return detailOf(ctx, row)
}

/**
 * The objection is withdrawn or rejected: disputed → effective, and the dispute_review
 * assessment, if not yet submitted, is cancelled with the same reason.
 */
export async function dismissObjection(ctx: Ctx, id: string, reason: string) {
  requirePermission(ctx.actor, 'assessment:review')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    const after = await transition(t, assessments, before.id, assessmentFlow.dismiss, { version: sql`${assessments.version} + 1`, updatedAt: ctx.clock.now() })
    const cancelled = await t.tx.update(assessments)
      .set({ status: assessmentFlow.cancel.to, cancelReason: `异议撤回或驳回：${reason}`, updatedAt: ctx.clock.now(), version: sql`${assessments.version} + 1` })
      .where(and(eq(assessments.disputedId, before.id), inArray(assessments.status, [...assessmentFlow.cancel.from])))
      .returning({ id: assessments.id })
    await appendAudit(t, { action: 'assessment.objection_dismissed', entityType: 'assessment', entityId: id, regionCode: after.regionCode, before: assessmentAuditSnapshot(before), after: { ...assessmentAuditSnapshot(after), reason, cancelledReviews: cancelled.map((c) => c.id) } })
    return after
  })
  return detailOf(ctx, row)
}
