/**
 * Import step 2: compare the parsed rows with the registry and decide, row by row: create, update
 * (with what changes), unchanged, a conflict that waits for the operator, or an error. Reads only.
 */
import { elderCategoryLabels, hukouTypeLabels, livingArrangementLabels, maskAddress, maskIdNumber, maskPhone, type TElderCategory } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import type { Crypto } from '../../platform/crypto.js'
import { regionNames, regionsInScope } from '../regions/index.js'
import { isOutOfScope, outOfScopeDuplicateMessage } from './duplicate-guard.js'
import { nameInitials, normalizePhone, storedCategories } from './elder-values.js'
import { diffSnapshots, type TChange } from './elders.mapper.js'
import { findEldersByIdHashes } from './elders.repo.js'
import type { TContact } from './elders.schemas.js'
import type { TImportError, TImportRecord, TRegionResolver } from './import-columns.js'
import { homeLocationSnapshot } from './elder-location.js'
import type { TImportChange, TImportConflict } from './import-types.js'
import type { TImportCreateRow, TImportUpdateRow } from './import-write-columns.js'

export type TPlannedUpdate = { row: number; name: string; values: TImportUpdateRow; changes: TChange[] }
export type TImportPlan = {
  creates: TImportCreateRow[]
  updates: TPlannedUpdate[]
  unchanged: number
  conflicts: TImportConflict[]
  outOfScopeHits: number
  inScopeHits: number
}

/** Communities/villages inside the actor's scope, by code, "code name" or unique name. */
export async function regionResolver(ctx: Ctx): Promise<TRegionResolver> {
  const actor = ctx.actor!
  const villages = (await regionsInScope(ctx.db, actor)).filter((r) => r.level === 'village')
  const townships = await regionNames(
    ctx.db,
    villages.map((v) => v.parentCode ?? ''),
  )
  const byCode = new Map(villages.map((v) => [v.code, v]))
  const byName = new Map<string, string[]>()
  for (const v of villages) {
    for (const n of [v.name, `${townships.get(v.parentCode ?? '') ?? ''}${v.name}`]) byName.set(n, [...(byName.get(n) ?? []), v.code])
  }
  return (text) => {
    const m = /^(\d{12})/.exec(text)
    if (m) {
      return byCode.has(m[1]!) ? { code: m[1]! } : { error: `区划代码 ${m[1]} 不是您管辖范围内的社区（村）` }
    }
    const codes = byName.get(text.replace(/\s+/g, ''))
    if (!codes) return { error: `找不到您管辖范围内名为“${text}”的社区（村），请从下拉列表选择` }
    if (codes.length > 1) return { error: `有多个名为“${text}”的社区（村），请填写12位区划代码` }
    return { code: codes[0]! }
  }
}

type TClear = {
  name: string
  regionCode: string
  hukou: string
  livingArrangement: string
  typedCategories: string[]
  address: string | null
  phone: string | null
  contacts: TContact[]
  chronicConditions: string[]
  hasFamilyDoctor: boolean
  familyDoctorDate: string | null
  familyDoctorName: string | null
  note: string | null
  homeLat: number | null
  homeLng: number | null
}

const maskedOfClear = (c: TClear, crypto: Crypto) => ({
  name: c.name,
  regionCode: c.regionCode,
  hukou: c.hukou,
  livingArrangement: c.livingArrangement,
  categories: [...c.typedCategories].sort(),
  address: c.address ? maskAddress(c.address) : null,
  phone: c.phone ? maskPhone(c.phone) : null,
  contacts: c.contacts.map((x) => `${x.name}（${x.relation || '联系人'}${x.isGuardian ? '，监护人' : ''}）${maskPhone(x.phone)}`),
  chronicConditions: c.chronicConditions.length,
  hasFamilyDoctor: c.hasFamilyDoctor,
  familyDoctorDate: c.familyDoctorDate,
  familyDoctorName: c.familyDoctorName,
  note: c.note,
  homeLocation: homeLocationSnapshot(crypto, c.homeLat, c.homeLng),
})

/** A masked snapshot value as the result page shows it: Chinese words, never internal codes. */
export function changeValueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (field === 'hukou') return hukouTypeLabels[v as 'local'] ?? String(v)
  if (field === 'livingArrangement') return livingArrangementLabels[v as 'other'] ?? String(v)
  if (field === 'categories' && Array.isArray(v)) return v.map((c) => elderCategoryLabels[c as TElderCategory] ?? String(c)).join('、')
  if (field === 'chronicConditions') return `${String(v)} 条`
  if (Array.isArray(v)) return v.map(String).join('；')
  return String(v)
}

export const changesForResult = (u: TPlannedUpdate, elderId: string): TImportChange => ({
  row: u.row,
  elderId,
  name: u.name,
  changes: u.changes.map((c) => ({ field: c.field, label: c.label, before: changeValueText(c.field, c.before), after: changeValueText(c.field, c.after) })),
})

/**
 * Splits valid records into creates, updates (with field changes), unchanged rows and conflicts;
 * ID numbers registered outside the scope become errors that say only "elsewhere".
 * `confirmed` rows (row → elder id) may rename: the operator saw both names and chose.
 */
export async function planElderImport(
  ctx: Ctx,
  records: TImportRecord[],
  errors: TImportError[],
  today: string,
  confirmed: Map<number, string> = new Map(),
): Promise<TImportPlan> {
  const actor = ctx.actor!
  const c = ctx.crypto
  const hashes = records.map((r) => c.lookupHash(r.idNumber))
  const existing = await findEldersByIdHashes(ctx.db, hashes)
  const plan: TImportPlan = { creates: [], updates: [], unchanged: 0, conflicts: [], outOfScopeHits: 0, inScopeHits: 0 }
  const now = ctx.clock.now()
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!
    const hash = hashes[i]!
    const old = existing.get(hash)
    if (old && isOutOfScope(ctx, old)) {
      plan.outOfScopeHits++
      errors.push({ row: rec.row, name: rec.name, column: '身份证号', value: rec.idNumber, message: outOfScopeDuplicateMessage })
      continue
    }
    if (old) plan.inScopeHits++
    if (old?.mergedInto) {
      errors.push({ row: rec.row, name: rec.name, column: '身份证号', value: rec.idNumber, message: '该身份证号的档案已合并到其他档案，请在系统中核对' })
      continue
    }
    // Same ID number, another person's name: most often a mistyped ID. Never rename silently
    // (issue 24 item 1: 李秀英's record became 郭明); the operator confirms the row or fixes it.
    if (old && old.name !== rec.name && confirmed.get(rec.row) !== old.id) {
      plan.conflicts.push({
        row: rec.row,
        elderId: old.id,
        idNumber: maskIdNumber(rec.idNumber),
        fields: [{ field: 'name', label: '姓名', existing: old.name, imported: rec.name }],
      })
      continue
    }
    const before: TClear | null = old
      ? {
          name: old.name,
          regionCode: old.regionCode,
          hukou: old.hukou,
          livingArrangement: old.livingArrangement,
          typedCategories: old.typedCategories,
          address: old.addressEnc ? c.decrypt(old.addressEnc) : null,
          phone: old.phoneEnc ? c.decrypt(old.phoneEnc) : null,
          contacts: old.contactsEnc ? (JSON.parse(c.decrypt(old.contactsEnc)) as TContact[]) : [],
          chronicConditions: old.healthEnc ? (JSON.parse(c.decrypt(old.healthEnc)) as string[]) : [],
          hasFamilyDoctor: old.hasFamilyDoctor,
          familyDoctorDate: old.familyDoctorDate,
          familyDoctorName: old.familyDoctorName,
          note: old.note,
          homeLat: old.homeLat,
          homeLng: old.homeLng,
        }
      : null
    const contact = rec.contact ? { ...rec.contact, phone: normalizePhone(rec.contact.phone) } : undefined
    const next: TClear = {
      name: rec.name,
      regionCode: rec.regionCode,
      hukou: rec.hukou ?? before?.hukou ?? 'local',
      livingArrangement: rec.livingArrangement ?? before?.livingArrangement ?? 'other',
      typedCategories: rec.categories ?? before?.typedCategories ?? [],
      address: rec.address ?? before?.address ?? null,
      phone: rec.phone ? normalizePhone(rec.phone) : (before?.phone ?? null),
      contacts: contact ? [contact, ...(before?.contacts ?? []).filter((x) => x.name !== contact.name)].slice(0, 10) : (before?.contacts ?? []),
      chronicConditions: rec.chronicConditions ?? before?.chronicConditions ?? [],
      hasFamilyDoctor: rec.hasFamilyDoctor ?? (rec.familyDoctorDate || rec.familyDoctorName ? true : (before?.hasFamilyDoctor ?? false)),
      familyDoctorDate: rec.familyDoctorDate ?? before?.familyDoctorDate ?? null,
      familyDoctorName: rec.familyDoctorName ?? before?.familyDoctorName ?? null,
      note: rec.note ?? before?.note ?? null,
      homeLat: rec.homeLat ?? before?.homeLat ?? null,
      homeLng: rec.homeLng ?? before?.homeLng ?? null,
    }
    if (before && JSON.stringify(before) === JSON.stringify(next)) {
      plan.unchanged++
      continue
    }
    const categories = storedCategories({
      typed: next.typedCategories,
      birthDate: rec.birthDate,
      today,
      livingArrangement: next.livingArrangement,
      abilityLevel: old?.abilityLevel,
      abilityScale: old?.abilityScale,
      hasDementia: old?.hasDementia,
    })
    const common = {
      regionCode: next.regionCode,
      name: next.name,
      nameInitials: nameInitials(next.name),
      hukou: next.hukou as 'local',
      livingArrangement: next.livingArrangement,
      typedCategories: next.typedCategories,
      categories,
      addressEnc: next.address ? c.encrypt(next.address) : null,
      addressMasked: next.address ? maskAddress(next.address) : null,
      phoneEnc: next.phone ? c.encrypt(next.phone) : null,
      phoneHash: next.phone ? c.lookupHash(next.phone) : null,
      phonePrefix3: next.phone ? next.phone.slice(0, 3) : null,
      phoneLast4: next.phone ? next.phone.slice(-4) : null,
      contactsEnc: next.contacts.length ? c.encrypt(JSON.stringify(next.contacts)) : null,
      hasGuardian: next.contacts.length > 0,
      healthEnc: next.chronicConditions.length ? c.encrypt(JSON.stringify(next.chronicConditions)) : null,
      hasFamilyDoctor: next.hasFamilyDoctor,
      familyDoctorDate: next.familyDoctorDate,
      familyDoctorName: next.familyDoctorName,
      note: next.note,
      homeLat: next.homeLat,
      homeLng: next.homeLng,
    }
    if (!old) {
      plan.creates.push({
        ...common,
        idHash: hash,
        idEnc: c.encrypt(rec.idNumber),
        idPrefix6: rec.idNumber.slice(0, 6),
        birthDate: rec.birthDate,
        sex: rec.sex,
        lastCategoryChangeAt: next.typedCategories.length ? now : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
    } else {
      const categoriesChanged = [...categories].sort().join() !== [...old.categories].sort().join()
      plan.updates.push({
        row: rec.row,
        name: rec.name,
        values: { id: old.id, ...common, lastCategoryChangeAt: categoriesChanged ? now : null },
        changes: diffSnapshots(maskedOfClear(before!, c), maskedOfClear(next, c)),
      })
    }
  }
  return plan
}
