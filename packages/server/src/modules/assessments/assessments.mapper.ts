import { assessmentFlow, availableActions, maskName, type TAssessmentReason, type TAssessmentScale, type TAssessmentStatus } from '@yiyang/core'
import type { Crypto } from '../../platform/crypto.js'
import { can, type TActor } from '../../platform/permissions.js'
import type { assessments } from './assessments.tables.js'
import { emptyInfo, levelName, missingItems, scaleItems, type TAnnexAInfo, type TItemAnswers } from './scales.js'

export type TAssessmentRow = typeof assessments.$inferSelect

/** Buttons for this user: allowed from the status by the table and permitted to the role. */
/** The assigned assessor, or the second assessor named on the form. */
export function isAssignedAssessor(actor: TActor, row: Pick<TAssessmentRow, 'assessorId' | 'assessors'>): boolean {
  return row.assessorId === actor.userId || row.assessors.some((a) => a.userId === actor.userId)
}

export function actionsFor(actor: TActor, row: TAssessmentRow): string[] {
  // supersede is done by the system when a newer result takes effect, never by hand.
  const mine = actor.role !== 'assessor' || isAssignedAssessor(actor, row)
  return availableActions(assessmentFlow, row.status).filter(
    (a) => a !== 'supersede' && can(actor, assessmentFlow[a].permission) && (mine || (a !== 'start' && a !== 'submit')),
  )
}

export function readAnswers(row: TAssessmentRow, crypto: Crypto): { items: TItemAnswers; info: TAnnexAInfo } {
  if (!row.answersEnc) return { items: {}, info: emptyInfo() }
  const parsed = JSON.parse(crypto.decrypt(row.answersEnc)) as { items?: TItemAnswers; info?: TAnnexAInfo }
  return { items: parsed.items ?? {}, info: { ...emptyInfo(), ...(parsed.info ?? {}) } }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toAssessmentSummary(row: TAssessmentRow, actor: TActor, regionName: string | null) {
  const scale = row.scale as TAssessmentScale
  return {
    id: row.id,
    elderId: row.elderId,
    elderName: row.elderSnapshot.name,
    elderSex: row.elderSnapshot.sex,
    elderBirthDate: row.elderSnapshot.birthDate,
    regionCode: row.regionCode,
    regionName,
    scale,
    reason: row.reason as TAssessmentReason,
    status: row.status as TAssessmentStatus,
    scheduledDate: row.scheduledDate,
    assessorId: row.assessorId,
    assessors: row.assessors,
    assessedAt: iso(row.assessedAt),
    answeredCount: row.answeredCount,
    itemCount: scaleItems[scale].length,
    dimensions: row.dimensions ?? null,
    total: row.total,
    initialLevel: row.initialLevel,
    finalLevel: row.finalLevel,
    finalLevelName: levelName(scale, row.finalLevel),
    effectiveDate: row.effectiveDate,
    objectionDeadline: row.objectionDeadline,
    actions: actionsFor(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The full record with answers: only for users holding assessment:read (every route checks it). */
export function toAssessmentDetail(row: TAssessmentRow, actor: TActor, regionName: string | null, crypto: Crypto) {
  const { items, info } = readAnswers(row, crypto)
  return {
    ...toAssessmentSummary(row, actor, regionName),
    items,
    info: { riskEvents: info.riskEvents as Record<string, number>, diagnoses: info.diagnoses, coma: info.coma, notes: info.notes ?? null },
    missing: missingItems(row.scale as TAssessmentScale, items),
    place: row.place,
    reasons: row.reasons ?? null,
    signatures: { assessor1: row.signatures.assessor1 ?? null, assessor2: row.signatures.assessor2 ?? null, informant: row.signatures.informant ?? null },
    note: row.note,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    reviewerName: row.reviewerName,
    reviewNote: row.reviewNote,
    returnReason: row.returnReason,
    objection: row.objection ? { ...row.objection, relation: row.objection.relation ?? null } : null,
    disputedId: row.disputedId,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    cancelReason: row.cancelReason,
  }
}

/**
 * What the audit log keeps: workflow facts and the result, never the answers, the Annex A
 * health information or the objection text; the elder's name masked.
 */
export const assessmentAuditSnapshot = (r: TAssessmentRow) => ({
  id: r.id,
  elderId: r.elderId,
  elderName: maskName(r.elderSnapshot.name),
  regionCode: r.regionCode,
  scale: r.scale,
  reason: r.reason,
  status: r.status,
  scheduledDate: r.scheduledDate,
  assessorId: r.assessorId,
  answeredCount: r.answeredCount,
  total: r.total,
  initialLevel: r.initialLevel,
  finalLevel: r.finalLevel,
  effectiveDate: r.effectiveDate,
  objectionDeadline: r.objectionDeadline,
  disputedId: r.disputedId,
  supersedesId: r.supersedesId,
  supersededById: r.supersededById,
})
