import {
  applicationFlow,
  availableActions,
  canTakeStep,
  workingDaysLate,
  type TApplicationAction,
  type TApplicationStatus,
  type TIsWorkingDay,
  type TProgramme,
} from '@yiyang/core'
import { can, type TActor } from '../../platform/permissions.js'
import type { benefitApplications, benefitHistory, benefits } from './benefits.tables.js'

export type TApplicationRow = typeof benefitApplications.$inferSelect
export type TBenefitRow = typeof benefits.$inferSelect
export type TBenefitHistoryRow = typeof benefitHistory.$inferSelect

/** Steps the system takes (events, timers, approval) — never a button. */
const systemSteps: readonly TApplicationAction[] = ['assess', 'object', 'closeNotice', 'activate', 'stop', 'openNotice', 'resume']

/** What this actor may do next (flow table × programme path × role), so the web only renders buttons. */
export function actionsFor(actor: TActor, row: TApplicationRow, p: TProgramme | undefined): TApplicationAction[] {
  if (!p) return []
  return availableActions(applicationFlow, row.status).filter(
    (a) =>
      !systemSteps.includes(a) &&
      canTakeStep(p, a, row.status as TApplicationStatus) &&
      can(actor, applicationFlow[a].permission) &&
      (a !== 'verify' || !row.verifications.some((v) => v.userId === actor.userId)),
  )
}

export const applicationAuditSnapshot = (r: TApplicationRow) => ({
  id: r.id,
  elderId: r.elderId,
  elderName: r.elderNameMasked,
  regionCode: r.regionCode,
  programmeCode: r.programmeCode,
  status: r.status,
  amountFen: r.amountFen,
  stepDue: r.stepDue,
  returnReason: r.returnReason,
  noticeStart: r.noticeStart,
  noticeEnd: r.noticeEnd,
  decisionNote: r.decisionNote,
  verifications: r.verifications.map((v) => ({ userId: v.userId, name: v.name, at: v.at, photos: v.fileIds.length })),
  benefitId: r.benefitId,
})

export const benefitAuditSnapshot = (b: TBenefitRow) => ({
  id: b.id,
  elderId: b.elderId,
  programmeCode: b.programmeCode,
  amountFen: b.amountFen,
  fromMonth: b.fromMonth,
  stopMonth: b.stopMonth,
  status: b.status,
  nextReviewMonth: b.nextReviewMonth,
})

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toApplicationSummary(
  row: TApplicationRow,
  actor: TActor,
  p: TProgramme | undefined,
  regionName: string | null,
  today: string,
  isWorkingDay: TIsWorkingDay,
) {
  const overdueDays = row.stepDue ? workingDaysLate(isWorkingDay, row.stepDue, today) : 0
  return {
    id: row.id,
    elderId: row.elderId,
    elderName: row.elderNameMasked,
    regionCode: row.regionCode,
    regionName,
    programmeCode: row.programmeCode,
    programmeName: p?.name ?? row.programmeCode,
    status: row.status as TApplicationStatus,
    amountFen: row.amountFen,
    stepSince: row.stepSince,
    stepDue: row.stepDue,
    overdueDays,
    noticeStart: row.noticeStart,
    noticeEnd: row.noticeEnd,
    actions: actionsFor(actor, row, p),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function toApplicationDetail(...args: Parameters<typeof toApplicationSummary>) {
  const [row] = args
  return {
    ...toApplicationSummary(...args),
    note: row.note,
    clauses: row.clauses ?? [],
    returnReason: row.returnReason,
    verifications: row.verifications,
    assessmentId: row.assessmentId,
    assessmentLevel: row.assessmentLevel,
    assessedOn: row.assessedOn,
    streetReviewNote: row.streetReviewNote,
    noticeRound: row.noticeRound,
    decisionNote: row.decisionNote,
    decidedAt: iso(row.decidedAt),
    benefitId: row.benefitId,
    submittedAt: iso(row.submittedAt),
  }
}

export function toBenefit(b: TBenefitRow, p: TProgramme | undefined, regionName: string | null, elderName: string | null) {
  return {
    id: b.id,
    elderId: b.elderId,
    elderName,
    regionCode: b.regionCode,
    regionName,
    programmeCode: b.programmeCode,
    programmeName: p?.name ?? b.programmeCode,
    delivery: p?.delivery ?? null,
    amountFen: b.amountFen,
    fromMonth: b.fromMonth,
    stopMonth: b.stopMonth,
    stopReason: b.stopReason,
    status: b.status as 'active' | 'stopped',
    nextReviewMonth: b.nextReviewMonth,
    applicationId: b.applicationId,
    version: b.version,
  }
}

export const toHistory = (h: TBenefitHistoryRow, p: TProgramme | undefined) => ({
  id: h.id,
  benefitId: h.benefitId,
  programmeCode: h.programmeCode,
  programmeName: p?.name ?? h.programmeCode,
  kind: h.kind as 'granted' | 'band_change' | 'stopped' | 'review_due',
  fromAmountFen: h.fromAmountFen,
  toAmountFen: h.toAmountFen,
  effectiveMonth: h.effectiveMonth,
  reason: h.reason,
  at: h.at.toISOString(),
})
