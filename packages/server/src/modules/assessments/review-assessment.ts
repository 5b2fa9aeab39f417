import { assessmentEvents } from '@yiyang/core'
import { assessmentFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { getUsersBrief } from '../accounts/index.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { getAssessmentInScope } from './assessments.repo.js'
import type { TReview } from './assessments.schemas.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'
import { makeEffective } from './make-effective.js'

/**
 * Review of a submitted assessment. Approval makes the result effective at once (the
 * objection window then runs from the effective date); a return sends it back with a reason.
 * Nobody reviews an assessment they assessed.
 */
export async function reviewAssessment(ctx: Ctx, id: string, input: TReview) {
  requirePermission(ctx.actor, 'assessment:review')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, actor, id, true)
    if (before.assessors.some((a) => a.userId === actor.userId)) throw new AppError('FORBIDDEN', '评估员不能审核自己参与的评估')
    const now = ctx.clock.now()
    const me = (await getUsersBrief(t.tx, [actor.userId])).get(actor.userId)
    if (input.decision === 'return') {
      return runStep(t, {
        table: assessments,
        step: assessmentFlow.return,
        before,
        patch: { returnReason: input.reason, reviewedAt: now, reviewedBy: actor.userId, reviewerName: me?.displayName ?? actor.username },
        audit: { action: 'assessment.returned', entityType: 'assessment', snapshot: assessmentAuditSnapshot, extra: { returnReason: input.reason } },
        event: { type: assessmentEvents.returned, payload: (after) => ({ elderId: after.elderId, assessorId: after.assessorId }) },
      })
    }
    const reviewed = await runStep(t, {
      table: assessments,
      step: assessmentFlow.approve,
      before,
      patch: { reviewNote: input.note ?? null, reviewedAt: now, reviewedBy: actor.userId, reviewerName: me?.displayName ?? actor.username },
      audit: { action: 'assessment.approved', entityType: 'assessment', snapshot: assessmentAuditSnapshot },
    })
    return makeEffective(t, reviewed)
  })
  return detailOf(ctx, row)
}
