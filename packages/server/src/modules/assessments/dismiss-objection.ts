import { assessmentFlow } from '@yiyang/core'
import { and, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { getAssessmentInScope } from './assessments.repo.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'

/**
 * The objection is withdrawn or rejected: disputed → effective, and the dispute_review
 * assessment, if not yet submitted, is cancelled with the same reason.
 */
export async function dismissObjection(ctx: Ctx, id: string, reason: string) {
  requirePermission(ctx.actor, 'assessment:review')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    const reviews = await t.tx
      .select()
      .from(assessments)
      .where(and(eq(assessments.disputedId, before.id), inArray(assessments.status, [...assessmentFlow.cancel.from])))
      .for('update')
    for (const review of reviews) {
      await runStep(t, {
        table: assessments,
        step: assessmentFlow.cancel,
        before: review,
        patch: { cancelReason: `异议撤回或驳回：${reason}` },
        audit: {
          action: 'assessment.cancelled',
          entityType: 'assessment',
          snapshot: assessmentAuditSnapshot,
          extra: { cancelReason: `异议撤回或驳回：${reason}` },
        },
      })
    }
    return runStep(t, {
      table: assessments,
      step: assessmentFlow.dismiss,
      before,
      audit: {
        action: 'assessment.objection_dismissed',
        entityType: 'assessment',
        snapshot: assessmentAuditSnapshot,
        extra: { reason, cancelledReviews: reviews.map((c) => c.id) },
      },
    })
  })
  return detailOf(ctx, row)
}
