import { assessmentFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { getAssessmentInScope, requireAssignedAssessor } from './assessments.repo.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'

/** The assessor opens the form: scheduled → in_progress. */
export async function startAssessment(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'assessment:write')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    requireAssignedAssessor(t.actor!, before)
    return runStep(t, {
      table: assessments,
      step: assessmentFlow.start,
      before,
      patch: { assessedAt: before.assessedAt ?? ctx.clock.now() },
      audit: { action: 'assessment.started', entityType: 'assessment', snapshot: assessmentAuditSnapshot },
    })
  })
  return detailOf(ctx, row)
}
