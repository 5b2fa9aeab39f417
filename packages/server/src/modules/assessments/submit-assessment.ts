import { assessmentEvents } from '@yiyang/core'
import { assessmentFlow, type TAssessmentScale } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError, type TFieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { assertCanStep, runStep } from '../../platform/workflow.js'
import { getUsersBrief } from '../accounts/index.js'
import { assessmentAuditSnapshot, readAnswers } from './assessments.mapper.js'
import { getAssessmentInScope, requireAssignedAssessor } from './assessments.repo.js'
import { assessments } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'
import { missingItems, scoreAnswers } from './scales.js'

/**
 * Hands a complete form in for review. Rejected while any item is unanswered (the missing
 * items are named), without two assessors — at least one a user with the assessor role and a
 * certificate number —, without place and time, or without the three signatures.
 */
export async function submitAssessment(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'assessment:write')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    requireAssignedAssessor(t.actor!, before)
    assertCanStep(assessmentFlow.submit, before.status)
    const scale = before.scale as TAssessmentScale
    const { items, info } = readAnswers(before, ctx.crypto)
    const missing = missingItems(scale, items)
    if (missing.length) {
      const names = missing.map((m) => `${m.key} ${m.name}`)
      throw new AppError(
        'ASSESSMENT_INCOMPLETE',
        `还有 ${missing.length} 项未填写：${names.slice(0, 8).join('、')}${missing.length > 8 ? ' 等' : ''}`,
        missing.map((m) => ({ path: `items.${m.key}`, message: `${m.key} ${m.name} 未填写` })),
        { missing },
      )
    }
    const fields: TFieldError[] = []
    const assessors = before.assessors
    if (assessors.length < 2 || assessors.some((a) => !a.name.trim()) || assessors[0]!.name === assessors[1]!.name) {
      fields.push({ path: 'assessors', message: '需要两名不同的评估员' })
    } else {
      const users = await getUsersBrief(
        t.tx,
        assessors.map((a) => a.userId).filter((x): x is string => !!x),
      )
      const certified = assessors.some((a) => a.userId && users.get(a.userId)?.role === 'assessor' && a.certificateNo)
      if (!certified) fields.push({ path: 'assessors', message: '至少一名评估员须为平台评估员账号并填写证书编号' })
    }
    if (!before.place) fields.push({ path: 'place', message: '请填写评估地点' })
    if (!before.assessedAt) fields.push({ path: 'assessedAt', message: '请填写评估时间' })
    const s = before.signatures
    if (!s.assessor1) fields.push({ path: 'signatures.assessor1', message: '评估员1未签名确认' })
    if (!s.assessor2) fields.push({ path: 'signatures.assessor2', message: '评估员2未签名确认' })
    if (!s.informant) fields.push({ path: 'signatures.informant', message: '老年人或信息提供者未签名确认' })
    if (fields.length) throw new AppError('VALIDATION_FAILED', fields.map((f) => f.message).join('；'), fields)

    const result = scoreAnswers(scale, items, info)
    return runStep(t, {
      table: assessments,
      step: assessmentFlow.submit,
      before,
      patch: {
        dimensions: result.dimensions,
        total: result.total,
        initialLevel: result.initialLevel,
        finalLevel: result.finalLevel,
        reasons: result.reasons,
        submittedAt: ctx.clock.now(),
        submittedBy: t.actor!.userId,
        returnReason: null,
      },
      audit: { action: 'assessment.submitted', entityType: 'assessment', snapshot: assessmentAuditSnapshot },
      event: { type: assessmentEvents.submitted, payload: (after) => ({ elderId: after.elderId, scale }) },
    })
  })
  return detailOf(ctx, row)
}
