import { and, eq, gte, ilike, inArray, isNull, like, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import { birthDateRangeForAges, birthDateRangeForAgeBand, ADVANCED_AGE_THRESHOLD, parseIdNumber, type TAgeBand } from '@yiyang/core'
import type { DbOrTx } from '../../db/client.js'
import type { Crypto } from '../../platform/crypto.js'
import { AppError } from '../../platform/errors.js'
import { containsPattern, regionFilter, startsWithPattern } from '../../platform/list.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'
import { getRegion, regionNames } from '../regions/index.js'
import type { TElderFilter } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { categoryMask } from './category-bits.js'
import type { TElderRow } from './elders.mapper.js'

/** Region scope and not merged away: the where-clause of every list, get, count and export. */
export const scopeWhere = (actor: TActor): SQL => and(like(elders.regionCode, scopeLike(actor.scopePrefix)), isNull(elders.mergedInto))!

export async function getElderInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TElderRow> {
  const q = db
    .select()
    .from(elders)
    .where(and(eq(elders.id, id), scopeWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '老年人档案不存在或不在您的管辖范围内')
  return row
}

/** The elder's region must be a community/village inside the actor's scope. */
export async function checkElderRegion(db: DbOrTx, actor: TActor, code: string, path = 'regionCode') {
  const region = await getRegion(db, code)
  if (!region || !region.code.startsWith(actor.scopePrefix)) {
    // Outside the scope looks like absent (404), with the field named so the form can show it.
    throw new AppError('NOT_FOUND', '所选社区（村）不存在或不在您的管辖范围内', [{ path, message: '所选社区（村）不存在或不在您的管辖范围内' }])
  }
  if (region.level !== 'village') {
    throw new AppError('VALIDATION_FAILED', '请选择到社区（村）一级', [{ path, message: '请选择到社区（村）一级' }])
  }
  return region
}

/** "东街街道 县府街社区": the region holding a duplicate, and nothing more about it. */
export async function regionLabel(db: DbOrTx, code: string): Promise<string> {
  const names = await regionNames(db, [code.slice(0, 9) + '000', code])
  return [names.get(code.slice(0, 9) + '000'), names.get(code)].filter(Boolean).join(' ') || code
}

export function duplicateError(label: string, path = 'idNumber') {
  const msg = `该身份证号已在${label}登记，不能重复登记；如需迁入请联系该社区`
  return new AppError('DUPLICATE_ID_NUMBER', msg, [{ path, message: msg }])
}

// ---------- duplicate lookups (by the keyed hash of the ID number, across every region) ----------

export type TDuplicate = { id: string; regionCode: string; mergedInto: string | null }

/** The elder holding this ID number anywhere, except `exceptId`; callers decide what to reveal. */
export async function findElderByIdHash(db: DbOrTx, idHash: string, exceptId?: string): Promise<TDuplicate | null> {
  const [row] = await db
    .select({ id: elders.id, regionCode: elders.regionCode, mergedInto: elders.mergedInto })
    .from(elders)
    .where(exceptId ? and(eq(elders.idHash, idHash), ne(elders.id, exceptId)) : eq(elders.idHash, idHash))
  return row ?? null
}

/** Full rows of the elders holding these ID numbers (the import plans updates from them). */
export async function findEldersByIdHashes(db: DbOrTx, idHashes: string[]): Promise<Map<string, TElderRow>> {
  const out = new Map<string, TElderRow>()
  for (let i = 0; i < idHashes.length; i += 5000) {
    const rows = await db
      .select()
      .from(elders)
      .where(inArray(elders.idHash, idHashes.slice(i, i + 5000)))
    for (const r of rows) out.set(r.idHash, r)
  }
  return out
}

/**
 * The scope as a range of the text_pattern_ops index, the same rows as scopeWhere's `LIKE 'p%'`
 * (p is digits only: p ≤ code < p with its last digit + 1, compared bytewise). PostgreSQL turns a
 * LIKE prefix into that range for the index and then re-checks the LIKE on every entry: at 1M
 * elders the re-check of scope and region filter was a third of a list's scan (find-elders.ts).
 */
export function scopeRangeWhere(actor: TActor): SQL {
  const p = scopeLike(actor.scopePrefix).slice(0, -1)
  const next = p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1)
  return and(sql`${elders.regionCode} ~>=~ ${p}`, sql`${elders.regionCode} ~<~ ${next}`, isNull(elders.mergedInto))!
}

/** WHERE conditions of a list/count/export filter (scope included). */
export function filterWhere(actor: TActor, f: TElderFilter, today: string, crypto: Crypto): SQL {
  const where: (SQL | undefined)[] = [scopeRangeWhere(actor)]
  // Narrows inside the scope; a region outside it finds nothing (platform/list.ts).
  where.push(regionFilter(elders.regionCode, actor, f.regionCode))
  if (f.q) {
    const q = f.q.trim()
    const id = /^[\d０-９]{15}$|^[\d０-９]{17}[\dXx０-９Ｘｘ]$/.test(q) ? parseIdNumber(q, today) : null
    if (id) where.push(eq(elders.idHash, crypto.lookupHash(id.ok ? id.id : q)))
    else if (/^[a-zA-Z]{1,10}$/.test(q)) where.push(or(like(elders.nameInitials, startsWithPattern(q.toLowerCase())), ilike(elders.name, containsPattern(q))))
    else if (/^1\d{10}$/.test(q)) where.push(eq(elders.phoneHash, crypto.lookupHash(q)))
    // Chinese characters have no case: LIKE finds the same names as ILIKE without lower-casing each.
    else where.push(q.toLowerCase() === q.toUpperCase() ? like(elders.name, containsPattern(q)) : ilike(elders.name, containsPattern(q)))
  }
  if (f.categories?.length) {
    // Stored categories through the bitmask (covered by elders_list_idx); 高龄 through birth_date.
    // One `(category_bits & bit) = bit` per category, the bit inlined: the form the statistics of
    // migration 0008 describe, so the planner knows how many carry it (a `<> 0` over a mask is
    // guessed at 99.5 %, an `= mask` at 0.5 %).
    const bits = f.categories
      .map((c) => categoryMask([c]))
      .filter((m) => m !== 0)
      .map((m) => sql`(${elders.categoryBits} & ${sql.raw(String(m))}) = ${sql.raw(String(m))}`)
    const wantsAge = f.categories.includes('advanced_age')
    const age = wantsAge ? lte(elders.birthDate, birthDateRangeForAges(ADVANCED_AGE_THRESHOLD, null, today).to) : undefined
    where.push(f.categoryMatch === 'all' ? and(...bits, age) : or(...bits, age))
  }
  if (f.ageBand) {
    const r = birthDateRangeForAgeBand(f.ageBand as TAgeBand, today)
    where.push(lte(elders.birthDate, r.to))
    if (r.from) where.push(gte(elders.birthDate, r.from))
  }
  if (f.livingArrangement?.length) where.push(inArray(elders.livingArrangement, f.livingArrangement))
  if (f.status?.length) where.push(inArray(elders.status, f.status))
  if (f.abilityLevel?.length) where.push(inArray(elders.abilityLevel, f.abilityLevel))
  return and(...where)!
}
