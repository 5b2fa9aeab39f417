import { homeLocationSnapshot } from './elder-location.js'
import { ADVANCED_AGE_THRESHOLD, ageOn, deriveCategories, maskIdNumber, maskPhone, elderFieldLabels } from '@yiyang/core'
import type { Crypto } from '../../platform/crypto.js'
import type { TContact } from './elders.schemas.js'
import type { elders } from './elders.tables.js'

export type TElderRow = typeof elders.$inferSelect

const decryptJson = <T>(crypto: Crypto, enc: string | null, fallback: T): T => (enc ? (JSON.parse(crypto.decrypt(enc)) as T) : fallback)

/** Stored categories plus 高龄, which depends on today and is never stored. */
export function categoriesOn(row: Pick<TElderRow, 'categories' | 'birthDate'>, today: string): string[] {
  const list = row.categories.filter((c) => c !== 'advanced_age')
  if (ageOn(row.birthDate, today) >= ADVANCED_AGE_THRESHOLD) list.push('advanced_age')
  return list
}

export function maskedId(crypto: Crypto, row: Pick<TElderRow, 'idEnc'>): string {
  return maskIdNumber(crypto.decrypt(row.idEnc))
}

export function toElderSummary(row: TElderRow, today: string, crypto: Crypto, regionName: string | null) {
  return {
    id: row.id,
    name: row.name,
    idNumber: maskedId(crypto, row),
    sex: row.sex,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    regionCode: row.regionCode,
    regionName,
    livingArrangement: row.livingArrangement,
    categories: categoriesOn(row, today),
    status: row.status,
    phone: row.phonePrefix3 && row.phoneLast4 ? `${row.phonePrefix3}****${row.phoneLast4}` : null,
    abilityLevel: row.abilityLevel,
    abilityScale: row.abilityScale,
  }
}

export function derivedTags(row: TElderRow, today: string) {
  return deriveCategories({
    birthDate: row.birthDate,
    today,
    typed: row.typedCategories,
    livingArrangement: row.livingArrangement as never,
    abilityLevel: row.abilityLevel,
    abilityScale: (row.abilityScale as 'gbt42195' | 'mzt039' | null) ?? undefined,
    hasDementiaDiagnosis: row.hasDementia,
  }).tags
}

export function toElderDetail(row: TElderRow, today: string, crypto: Crypto, regionName: string | null) {
  const contacts = decryptJson<TContact[]>(crypto, row.contactsEnc, [])
  return {
    ...toElderSummary(row, today, crypto, regionName),
    hukou: row.hukou,
    typedCategories: row.typedCategories,
    categoryTags: derivedTags(row, today),
    address: row.addressMasked,
    contacts: contacts.map((c) => ({ ...c, phone: maskPhone(c.phone) })),
    chronicConditions: decryptJson<string[]>(crypto, row.healthEnc, []),
    hasFamilyDoctor: row.hasFamilyDoctor,
    familyDoctorDate: row.familyDoctorDate,
    familyDoctorName: row.familyDoctorName,
    hasVisitPlan: row.hasVisitPlan,
    note: row.note,
    homeLat: row.homeLat,
    homeLng: row.homeLng,
    statusDate: row.statusDate,
    statusReason: row.statusReason,
    abilityEffectiveDate: row.abilityEffectiveDate,
    lastAssessmentDate: row.lastAssessmentDate,
    mergedInto: row.mergedInto,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Masked snapshot for audit rows and history: never a clear ID number, phone or address. */
export function elderSnapshot(row: TElderRow, crypto: Crypto) {
  const contacts = decryptJson<TContact[]>(crypto, row.contactsEnc, [])
  return {
    name: row.name,
    idNumber: maskedId(crypto, row),
    regionCode: row.regionCode,
    hukou: row.hukou,
    livingArrangement: row.livingArrangement,
    categories: [...row.typedCategories].sort(),
    address: row.addressMasked,
    phone: row.phonePrefix3 && row.phoneLast4 ? `${row.phonePrefix3}****${row.phoneLast4}` : null,
    contacts: contacts.map((c) => `${c.name}（${c.relation || '联系人'}${c.isGuardian ? '，监护人' : ''}）${maskPhone(c.phone)}`),
    chronicConditions: decryptJson<string[]>(crypto, row.healthEnc, []).length,
    hasFamilyDoctor: row.hasFamilyDoctor,
    familyDoctorDate: row.familyDoctorDate,
    familyDoctorName: row.familyDoctorName,
    hasVisitPlan: row.hasVisitPlan,
    note: row.note,
    homeLocation: homeLocationSnapshot(crypto, row.homeLat, row.homeLng),
    status: row.status,
    statusDate: row.statusDate,
    statusReason: row.statusReason,
  }
}

/** Field names come from core's label catalogue, shared with the web's history and audit views. */
export const snapshotLabels: Record<string, string> = elderFieldLabels

export type TChange = { field: string; label: string; before: unknown; after: unknown }

/** Field-by-field difference of two masked snapshots. */
export function diffSnapshots(before: Record<string, unknown> | null, after: Record<string, unknown>): TChange[] {
  const out: TChange[] = []
  for (const [k, v] of Object.entries(after)) {
    const b = before ? before[k] : null
    if (JSON.stringify(b ?? null) !== JSON.stringify(v ?? null)) out.push({ field: k, label: snapshotLabels[k] ?? k, before: b ?? null, after: v ?? null })
  }
  return out
}
