import { maskName, periodKeyOf } from '@yiyang/core'
import type { Crypto } from '../../platform/crypto.js'
import type { TPlanRow, TTaskRow, TVisitRow } from './visits.repo.js'

/** What the audit log keeps of a plan: the elder's name masked. */
export const planAuditSnapshot = (r: TPlanRow) => ({
  elderName: maskName(r.elderName),
  frequency: r.frequency,
  status: r.status,
  ruleId: r.ruleId,
  visitorName: r.visitorName,
  backupName: r.backupName,
  redListed: r.redListed,
  missedInRow: r.missedInRow,
})

export const periodAuditSnapshot = (r: { periodKey: string; status: string; planId: string }) => ({
  planId: r.planId,
  periodKey: r.periodKey,
  status: r.status,
})

/** The log keeps the findings (ok/concern) and that notes exist, never the notes (health). */
export const visitAuditSnapshot = (r: TVisitRow) => ({
  planId: r.planId,
  visitorName: r.visitorName,
  mode: r.mode,
  visitedAt: r.visitedAt.toISOString(),
  counted: r.counted,
  checklist: r.checklist,
  noCareFound: r.noCareFound,
  confirmedBy: r.confirmedBy,
  hasLocation: r.latitude !== null,
})

export const taskAuditSnapshot = (r: TTaskRow) => ({
  kind: r.kind,
  status: r.status,
  ownerName: r.ownerName,
  dueDate: r.dueDate,
  linkType: r.linkType,
  linkId: r.linkId,
})

export function toPlanItem(r: TPlanRow, now: Date) {
  return {
    id: r.id,
    elderId: r.elderId,
    elderName: r.elderName,
    regionCode: r.regionCode,
    frequency: r.frequency,
    allowPhone: r.allowPhone,
    ruleId: r.ruleId,
    reason: r.reason,
    status: r.status,
    visitorId: r.visitorId,
    visitorName: r.visitorName,
    backupId: r.backupId,
    backupName: r.backupName,
    missedInRow: r.missedInRow,
    redListed: r.redListed,
    lastVisitAt: r.lastVisitAt?.toISOString() ?? null,
    currentPeriod: periodKeyOf(r.frequency, now),
    /** Not visited in the current period yet (the period is still running). */
    dueNow: r.status === 'active' && (!r.lastVisitAt || periodKeyOf(r.frequency, r.lastVisitAt) !== periodKeyOf(r.frequency, now)),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }
}

export function toVisitItem(r: TVisitRow, crypto: Crypto | null) {
  return {
    id: r.id,
    planId: r.planId,
    elderId: r.elderId,
    regionCode: r.regionCode,
    visitorId: r.visitorId,
    visitorName: r.visitorName,
    mode: r.mode,
    visitedAt: r.visitedAt.toISOString(),
    periodKey: r.periodKey,
    counted: r.counted,
    latitude: r.latitude,
    longitude: r.longitude,
    checklist: r.checklist,
    problems: crypto && r.problemsEnc ? crypto.decrypt(r.problemsEnc) : null,
    actions: crypto && r.actionsEnc ? crypto.decrypt(r.actionsEnc) : null,
    noCareFound: r.noCareFound,
    confirmedBy: r.confirmedBy,
    confirmerName: r.confirmerName,
    hasPhoto: r.photoFile !== null,
  }
}

export function toTaskItem(r: TTaskRow, elderName: string | null) {
  return {
    id: r.id,
    visitId: r.visitId,
    elderId: r.elderId,
    elderName,
    regionCode: r.regionCode,
    kind: r.kind,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    dueDate: r.dueDate,
    status: r.status,
    note: r.note,
    resultNote: r.resultNote,
    linkType: r.linkType,
    linkId: r.linkId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }
}
