import { updateVersioned } from '../../platform/workflow.js'
import { assessmentEditableStatuses, type TAssessmentScale } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { readAnswers } from './assessments.mapper.js'
import { getAssessmentInScope, requireAssignedAssessor } from './assessments.repo.js'
import type { TSaveAnswers } from './assessments.schemas.js'
import { assessments, type TSignature, type TSignatures } from './assessments.tables.js'
import { detailOf } from './get-assessment.js'
import { checkDraftItems, draftDimensions, missingItems, scoreAnswers } from './scales.js'

/**
 * Autosave of the draft: merges the given answers (null clears one), validates every given
 * value against its item's options, and keeps the live result (partial subtotals, or the full
 * result once complete). Health data is stored encrypted.
 */
export async function saveAnswers(ctx: Ctx, id: string, input: TSaveAnswers) {
  requirePermission(ctx.actor, 'assessment:write')
  const row = await withTx(ctx, async (t) => {
    const before = await getAssessmentInScope(t.tx, t.actor!, id, true)
    requireAssignedAssessor(t.actor!, before)
    if (!(assessmentEditableStatuses as readonly string[]).includes(before.status)) {
      throw new AppError('INVALID_TRANSITION', '只有评估中或已退回的评估可以修改答案')
    }
    if (input.version !== undefined && input.version !== before.version) {
      throw new AppError('CONFLICT', '评估表已在其他设备上修改，请刷新后继续')
    }
    const scale = before.scale as TAssessmentScale
    const prev = readAnswers(before, ctx.crypto)
    const given = checkDraftItems(scale, input.items)
    const items = { ...prev.items }
    for (const [k, v] of Object.entries(input.items)) {
      if (v === null) delete items[k]
      else items[k] = given[k]!
    }
    const info = input.info ? { ...input.info, notes: input.info.notes ?? null } : prev.info
    const complete = missingItems(scale, items).length === 0
    const result = complete ? scoreAnswers(scale, items, info) : null
    const now = ctx.clock.now()
    const sign = (
      s: { name: string; relation?: string | null; confirmed: boolean } | null | undefined,
      old: TSignature | null | undefined,
    ): TSignature | null => {
      if (!s || !s.confirmed) return null
      // Keep the original confirmation time while the signer stays the same.
      return { name: s.name, relation: s.relation ?? null, confirmedAt: old && old.name === s.name ? old.confirmedAt : now.toISOString() }
    }
    const signatures: TSignatures = input.signatures
      ? {
          assessor1: input.signatures.assessor1 === undefined ? before.signatures.assessor1 : sign(input.signatures.assessor1, before.signatures.assessor1),
          assessor2: input.signatures.assessor2 === undefined ? before.signatures.assessor2 : sign(input.signatures.assessor2, before.signatures.assessor2),
          informant: input.signatures.informant === undefined ? before.signatures.informant : sign(input.signatures.informant, before.signatures.informant),
        }
      : before.signatures
    let assessors = before.assessors
    if (input.assessors) {
      // The assigned assessor stays first: workload and scope follow assessor_id.
      const rest = input.assessors.filter((a) => a.userId !== before.assessorId)
      const own = input.assessors.find((a) => a.userId === before.assessorId) ?? before.assessors[0]!
      assessors = [own, ...rest].slice(0, 2).map((a) => ({ userId: a.userId ?? null, name: a.name, certificateNo: a.certificateNo || null }))
    }
    const after = await updateVersioned(t, assessments, before.id, before.version, {
      answersEnc: ctx.crypto.encrypt(JSON.stringify({ items, info })),
      answeredCount: Object.keys(items).length,
      dimensions: result ? result.dimensions : draftDimensions(scale, items),
      total: result ? result.total : null,
      initialLevel: result ? result.initialLevel : null,
      finalLevel: result ? result.finalLevel : null,
      reasons: result ? result.reasons : null,
      place: input.place === undefined ? before.place : input.place,
      assessedAt: input.assessedAt === undefined ? before.assessedAt : input.assessedAt ? new Date(input.assessedAt) : null,
      assessors,
      signatures,
    })
    // Autosave is audited without content: answers and diagnoses never enter the log.
    await appendAudit(t, {
      action: 'assessment.draft_saved',
      entityType: 'assessment',
      entityId: id,
      regionCode: before.regionCode,
      after: { answeredCount: after.answeredCount, version: after.version },
    })
    return after
  })
  return detailOf(ctx, row)
}
