import { availableActions, certificateState, providerFlow, todayInShanghai, type TProviderStatus } from '@yiyang/core'
import { can, type TActor } from '../../platform/permissions.js'
import type { TCaregiverRow, TProviderRow } from './providers.repo.js'
import type { caregiverCertificates, creditRecords } from './providers.tables.js'
import type { TCaregiverSummary, TProviderDetail, TProviderSummary } from './providers.schemas.js'

type TCertRow = typeof caregiverCertificates.$inferSelect

export const providerAuditSnapshot = (r: TProviderRow) => ({
  name: r.name,
  uscc: r.uscc,
  status: r.status,
  regionCode: r.regionCode,
  kind: r.kind,
  legalRepresentative: r.legalRepresentative,
  serviceArea: r.serviceArea,
  serviceItems: r.serviceItems.map((i) => ({ itemCode: i.itemCode, priceFen: i.priceFen, reason: i.reason })),
  reviewReason: r.reviewReason,
})

export function toProviderSummary(r: TProviderRow, regionName: string | null, caregiverCount: number): TProviderSummary {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    kind: r.kind,
    regionCode: r.regionCode,
    regionName,
    status: r.status as TProviderStatus,
    legalRepresentative: r.legalRepresentative,
    starRating: r.starRating,
    caregiverCount,
    updatedAt: r.updatedAt.toISOString(),
  }
}

export function toProviderDetail(r: TProviderRow, actor: TActor, names: Map<string, string>, caregiverCount: number, creditPoints: number): TProviderDetail {
  return {
    ...toProviderSummary(r, names.get(r.regionCode) ?? null, caregiverCount),
    contactPhone: r.contactPhone,
    address: r.address,
    serviceArea: r.serviceArea.map((code) => ({ code, name: names.get(code) ?? null })),
    serviceItems: r.serviceItems,
    reviewReason: r.reviewReason,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    siteLat: r.siteLat,
    siteLng: r.siteLng,
    version: r.version,
    creditPoints,
    actions: availableActions(providerFlow, r.status).filter((a) => can(actor, providerFlow[a].permission)),
  }
}

const stateRank = { expired: 0, expiring: 1, valid: 2 } as const

export function toCaregiverSummary(r: TCaregiverRow, certs: TCertRow[], providerName: string | null, now: Date): TCaregiverSummary {
  const today = todayInShanghai(now)
  const certificates = certs.map((c) => ({
    id: c.id,
    number: c.number,
    level: c.level,
    skill: c.skill,
    expiresOn: c.expiresOn,
    state: certificateState(c.expiresOn, today),
  }))
  // The caregiver's standing is their best certificate: one valid certificate keeps them 持证.
  const best = certificates.reduce<'expired' | 'expiring' | 'valid' | null>((b, c) => (b === null || stateRank[c.state] > stateRank[b] ? c.state : b), null)
  return {
    id: r.id,
    providerId: r.providerId,
    providerName,
    name: r.name,
    idNumber: r.idMasked,
    phone: r.phoneMasked,
    skills: r.skills,
    trainingHours: r.trainingHours,
    backgroundCheck: r.backgroundCheck,
    backgroundCheckDate: r.backgroundCheckDate,
    shift: r.shift,
    certificates,
    certificateState: best ?? 'none',
    status: r.status,
    version: r.version,
  }
}

export const caregiverAuditSnapshot = (r: TCaregiverRow) => ({
  providerId: r.providerId,
  name: r.name,
  idNumber: r.idMasked,
  skills: r.skills,
  trainingHours: r.trainingHours,
  backgroundCheck: r.backgroundCheck,
  backgroundCheckDate: r.backgroundCheckDate,
  shift: r.shift,
  status: r.status,
})

export const toCreditRecord = (r: typeof creditRecords.$inferSelect) => ({
  id: r.id,
  kind: r.kind,
  points: r.points,
  note: r.note,
  orderId: r.orderId,
  recordedAt: r.recordedAt.toISOString(),
})
