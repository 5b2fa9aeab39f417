import { assessmentFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { transition } from '../../platform/workflow.js'
import { appendAudit } from '../../platform/audit.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { getAssessmentInScope, requireAssignedAssessor } from './assessments.repo.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'
import { sql } from 'drizzle-orm'

/** The assessor opens the form: scheduled → in_progress. */
export async function startAssessment(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'assessment:write')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    requireAssignedAssessor(t.actor!, before)
    const after = await transition(t, assessments, before.id, assessmentFlow.start, {
      assessedAt: before.assessedAt ?? ctx.clock.now(), version: sql`${assessments.version} + 1`, updatedAt: ctx.clock.now(),
    })
    await appendAudit(t, { action: 'assessment.started', entityType: 'assessment', entityId: id, regionCode: after.regionCode, before: assessmentAuditSnapshot(before), after: assessmentAuditSnapshot(after) })
    return after
  })
  return detailOf(ctx, row)
}
