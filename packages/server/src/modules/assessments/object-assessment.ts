import { assessmentEvents } from '@yiyang/core'
import { assessmentFlow, todayInShanghai, type TAssessmentScale } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { assertCanStep, runStep } from '../../platform/workflow.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { getAssessmentInScope } from './assessments.repo.js'
import type { TObjection } from './assessments.schemas.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'
import { assertNoOpenAssessment, checkAssessor, insertScheduled } from './schedule-assessment.js'

/**
 * The elder or family objects to a result within the objection window: the result is marked
 * disputed (it stays in force) and a dispute_review re-assessment is scheduled with another
 * assessor. Returns the new assessment.
 */
export async function objectAssessment(ctx: Ctx, id: string, input: TObjection) {
  requirePermission(ctx.actor, 'assessment:object')
  const actor = ctx.actor
  const today = todayInShanghai(ctx.clock.now())
  const review = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, actor, id, true)
    assertCanStep(assessmentFlow.object, before.status)
    if (before.objectionDeadline && today > before.objectionDeadline) {
      throw new AppError('OBJECTION_WINDOW_CLOSED', `异议期限已于 ${before.objectionDeadline} 截止`)
    }
    if (input.scheduledDate < today) throw fieldError('scheduledDate', '复评日期不能早于今天')
    const assessor = await checkAssessor(t.tx, input.assessorId, before.regionCode)
    if (before.assessors.some((a) => a.userId === assessor.id)) throw fieldError('assessorId', '复评应由原评估员以外的评估员进行')
    await assertNoOpenAssessment(t.tx, before.elderId)
    const created = await insertScheduled(t, {
      elderId: before.elderId,
      regionCode: before.regionCode,
      elderSnapshot: before.elderSnapshot,
      scale: before.scale as TAssessmentScale,
      reason: 'dispute_review',
      scheduledDate: input.scheduledDate,
      assessor,
      disputedId: before.id,
      note: `对 ${before.effectiveDate ?? ''} 评估结果的异议复评`,
    })
    const objection = {
      by: input.by,
      relation: input.relation ?? null,
      reason: input.reason,
      at: ctx.clock.now().toISOString(),
      reviewAssessmentId: created.id,
    }
    await runStep(t, {
      table: assessments,
      step: assessmentFlow.object,
      before,
      patch: { objection },
      // The objection's wording stays out of the log; who objected and when is kept.
      audit: {
        action: 'assessment.objected',
        entityType: 'assessment',
        snapshot: assessmentAuditSnapshot,
        extra: { objectionBy: input.relation ?? '本人或家属', reviewAssessmentId: created.id },
      },
      event: { type: assessmentEvents.objected, payload: (after) => ({ elderId: after.elderId, reviewAssessmentId: created.id }) },
    })
    return created
  })
  return detailOf(ctx, review)
}
