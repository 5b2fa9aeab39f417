import { assessmentEvents } from '@yiyang/core'
import { addDays, assessmentFlow, icd10IsDementia, assessmentStatusesInForce, todayInShanghai, type TAssessmentScale } from '@yiyang/core'
import { and, eq, inArray, isNull, lte, ne } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { runStep } from '../../platform/workflow.js'
import { applyAbilityLevel } from '../elders/index.js'
import { assessmentAuditSnapshot, readAnswers, type TAssessmentRow } from './assessments.mapper.js'
import { getSettings } from './assessments.repo.js'
import { assessmentTriggers, assessments } from './assessments.tables.js'

/**
 * reviewed → effective, in the caller's transaction: the result in force for the elder (if
 * any) is superseded, the objection window opens, open "condition changed" reports are
 * resolved, the elder's ability level (and so its 失能 category) is updated through the
 * elders module, and `assessment.effective` is recorded for benefits to re-evaluate.
 */
export async function makeEffective(t: TxCtx, row: TAssessmentRow): Promise<TAssessmentRow> {
  const now = t.clock.now()
  const today = todayInShanghai(now)
  const [previous] = await t.tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.elderId, row.elderId), ne(assessments.id, row.id), inArray(assessments.status, [...assessmentStatusesInForce])))
    .for('update')
  if (previous) {
    await runStep(t, {
      table: assessments,
      step: assessmentFlow.supersede,
      before: previous,
      patch: { supersededById: row.id },
      audit: { action: 'assessment.superseded', entityType: 'assessment', snapshot: assessmentAuditSnapshot },
    })
  }
  const settings = await getSettings(t.tx, row.scale as TAssessmentScale)
  const after = await runStep(t, {
    table: assessments,
    step: assessmentFlow.activate,
    before: row,
    patch: { effectiveDate: today, objectionDeadline: addDays(today, settings.objectionDays), supersedesId: previous?.id ?? null },
    audit: { action: 'assessment.effective', entityType: 'assessment', snapshot: assessmentAuditSnapshot },
    event: {
      type: assessmentEvents.effective,
      payload: (a) => ({
        assessmentId: row.id,
        elderId: row.elderId,
        scale: row.scale,
        finalLevel: a.finalLevel,
        effectiveDate: today,
        previousAssessmentId: previous?.id ?? null,
        previousLevel: previous?.finalLevel ?? null,
      }),
    },
  })
  await t.tx
    .update(assessmentTriggers)
    .set({ resolvedAt: now, resolvedByAssessmentId: row.id })
    .where(
      and(
        eq(assessmentTriggers.elderId, row.elderId),
        isNull(assessmentTriggers.resolvedAt),
        lte(assessmentTriggers.reportedAt, row.assessedAt ?? row.submittedAt ?? now),
      ),
    )

  const { info } = readAnswers(row, t.crypto)
  await applyAbilityLevel(t, row.elderId, {
    scale: row.scale === 'mzt039_2013' ? 'mzt039' : 'gbt42195',
    level: after.finalLevel!,
    assessmentId: row.id,
    effectiveDate: today,
    hasDementiaDiagnosis: info.diagnoses.some((d) => icd10IsDementia(d.icd10)),
  })
  return after
}
