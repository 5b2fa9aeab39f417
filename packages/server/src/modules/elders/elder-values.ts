import { deriveCategories, maskAddress, normalizePhoneText, parseIdNumber, type TLivingArrangement } from '@yiyang/core'
import { pinyin } from 'pinyin-pro'
import type { Crypto } from '../../platform/crypto.js'
import type { TContact, TElderInput } from './elders.schemas.js'
import type { TElderRow } from './elders.mapper.js'

/** 张伟 → "zw"; the surname reading is used for 单, 曾, 解 … */
export function nameInitials(name: string): string {
  try {
    return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '')
  } catch {
    return ''
  }
}

/** Core's one cleaner (issue 24 item 3), so a number is hashed the same whichever way it came in. */
export const normalizePhone = normalizePhoneText

/** Full derived set minus 高龄 (computed at read time), see elders.tables.ts. */
export function storedCategories(args: {
  typed: readonly string[]
  birthDate: string
  today: string
  livingArrangement: string
  abilityLevel?: number | null
  abilityScale?: string | null
  hasDementia?: boolean
}): string[] {
  return deriveCategories({
    birthDate: args.birthDate,
    today: args.today,
    typed: args.typed,
    livingArrangement: args.livingArrangement as TLivingArrangement,
    abilityLevel: args.abilityLevel ?? null,
    abilityScale: (args.abilityScale as 'gbt42195' | 'mzt039' | null) ?? undefined,
    hasDementiaDiagnosis: args.hasDementia ?? false,
  }).categories.filter((c) => c !== 'advanced_age')
}

export type TIdParts = { id: string; birthDate: string; sex: 'male' | 'female'; hash: string }

export function idParts(crypto: Crypto, idNumber: string, today: string): TIdParts | { error: string } {
  const p = parseIdNumber(idNumber, today)
  if (!p.ok) return { error: p.message }
  return { id: p.id, birthDate: p.birthDate, sex: p.sex, hash: crypto.lookupHash(p.id) }
}

/** Column values for the personal-data part of an elder (encrypted + lookup/mask columns). */
export function piiValues(crypto: Crypto, input: Partial<Pick<TElderInput, 'address' | 'phone' | 'contacts' | 'chronicConditions'>>) {
  const out: Partial<TElderRow> = {}
  if (input.address !== undefined) {
    const a = input.address?.trim() || null
    out.addressEnc = a ? crypto.encrypt(a) : null
    out.addressMasked = a ? maskAddress(a) : null
  }
  if (input.phone !== undefined) {
    const p = input.phone ? normalizePhone(input.phone) : null
    out.phoneEnc = p ? crypto.encrypt(p) : null
    out.phoneHash = p ? crypto.lookupHash(p) : null
    out.phonePrefix3 = p ? p.slice(0, 3) : null
    out.phoneLast4 = p ? p.slice(-4) : null
  }
  if (input.contacts !== undefined) {
    const list: TContact[] = input.contacts ?? []
    out.contactsEnc = list.length ? crypto.encrypt(JSON.stringify(list.map((c) => ({ ...c, phone: normalizePhone(c.phone) })))) : null
    out.hasGuardian = list.length > 0
  }
  if (input.chronicConditions !== undefined) {
    const list = input.chronicConditions ?? []
    out.healthEnc = list.length ? crypto.encrypt(JSON.stringify(list)) : null
  }
  return out
}
