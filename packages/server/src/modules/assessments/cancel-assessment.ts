import { assessmentFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { getAssessmentInScope } from './assessments.repo.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'

/** Cancels an assessment not yet submitted (scheduled, in progress or returned), with a reason. */
export async function cancelAssessment(ctx: Ctx, id: string, reason: string) {
  requirePermission(ctx.actor, 'assessment:schedule')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    return runStep(t, {
      table: assessments,
      step: assessmentFlow.cancel,
      before,
      patch: { cancelReason: reason },
      audit: { action: 'assessment.cancelled', entityType: 'assessment', snapshot: assessmentAuditSnapshot, extra: { cancelReason: reason } },
    })
  })
  return detailOf(ctx, row)
}
