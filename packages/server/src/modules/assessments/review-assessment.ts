import { assessmentFlow } from '@yiyang/core'
import { sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { transition } from '../../platform/workflow.js'
import { appendAudit } from '../../platform/audit.js'
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
      const after = await transition(t, assessments, before.id, assessmentFlow.return, {
        returnReason: input.reason, reviewedAt: now, reviewedBy: actor.userId, reviewerName: me?.displayName ?? actor.username,
        version: sql`${assessments.version} + 1`, updatedAt: now,
      })
      await appendAudit(t, { action: 'assessment.returned', entityType: 'assessment', entityId: id, regionCode: after.regionCode, before: assessmentAuditSnapshot(before), after: { ...assessmentAuditSnapshot(after), returnReason: input.reason } })
      await recordEvent(t, { type: 'assessment.returned', entityType: 'assessment', entityId: id, regionCode: after.regionCode, payload: { elderId: after.elderId, assessorId: after.assessorId } })
      return after
    }
    const reviewed = await transition(t, assessments, before.id, assessmentFlow.approve, {
      reviewNote: input.note ?? null, reviewedAt: now, reviewedBy: actor.userId, reviewerName: me?.displayName ?? actor.username,
      version: sql`${assessments.version} + 1`, updatedAt: now,
    })
    await appendAudit(t, { action: 'assessment.approved', entityType: 'assessment', entityId: id, regionCode: reviewed.regionCode, before: assessmentAuditSnapshot(before), after: assessmentAuditSnapshot(reviewed) })
    return makeEffective(t, reviewed)
  })
  return detailOf(ctx, row)
}
