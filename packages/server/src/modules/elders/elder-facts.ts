import { ageOn, type TEligibilityFacts } from '@yiyang/core'
import { and, asc, count, eq, gt, inArray, isNull, like, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { scopeLike } from '../../platform/permissions.js'
import { categoriesOn, type TElderRow } from './elders.mapper.js'
import { elders } from './elders.tables.js'

export type TElderRuleFacts = { elderId: string; regionCode: string; name: string; status: string; facts: Record<string, unknown> }

/** One elder's facts for the core worklist rule language (core worklistFields). */
export function elderFactsForRules(row: TElderRow, today: string): Record<string, unknown> {
  return {
    age: ageOn(row.birthDate, today),
    sex: row.sex,
    livingArrangement: row.livingArrangement,
    hukou: row.hukou,
    status: row.status,
    categories: categoriesOn(row, today),
    abilityLevel: row.abilityLevel,
    regionCode: row.regionCode,
    hasVisitPlan: row.hasVisitPlan,
    hasFamilyDoctor: row.hasFamilyDoctor,
    hasGuardian: row.hasGuardian,
    lastAssessmentDate: row.lastAssessmentDate,
    lastVisitDate: null,
    lastCategoryChangeAt: row.lastCategoryChangeAt ? row.lastCategoryChangeAt.toISOString() : null,
    lastAlarmAt: null,
  }
}

/** Active, unmerged elders under a region prefix, in batches (keyset on id), with their facts. */
export async function* eldersInScopeForRules(db: DbOrTx, scopePrefix: string, today: string, batchSize = 2000): AsyncGenerator<TElderRuleFacts[]> {
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const rows = await db
      .select()
      .from(elders)
      .where(and(like(elders.regionCode, scopeLike(scopePrefix)), isNull(elders.mergedInto), eq(elders.status, 'active'), gt(elders.id, after)))
      .orderBy(asc(elders.id))
      .limit(batchSize)
    if (rows.length === 0) return
    yield rows.map((r) => toRuleFacts(r, today))
    after = rows[rows.length - 1]!.id
    if (rows.length < batchSize) return
  }
}

export type TElderEligibility = { facts: TEligibilityFacts; regionCode: string; name: string }

const toEligibility = (r: TElderRow): TElderEligibility => ({
  regionCode: r.regionCode,
  name: r.name,
  facts: {
    id: r.id,
    birthDate: r.birthDate,
    hukou: r.hukou,
    status: r.status,
    categories: r.typedCategories,
    // Programme rules speak GB/T 42195 levels (issue 17); an MZ/T 039 level is not the same scale.
    abilityLevel: r.abilityScale === 'mzt039' ? null : r.abilityLevel,
  },
})

/** Benefit eligibility facts of some elders (the caller has checked scope). */
export async function eligibilityFactsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, TElderEligibility>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select()
    .from(elders)
    .where(and(inArray(elders.id, [...new Set(ids)]), isNull(elders.mergedInto)))
  return new Map(rows.map((r) => [r.id, toEligibility(r)]))
}

/** Active, unmerged elders under a region prefix with their eligibility facts, in batches (keyset on id). */
export async function* eligibilityFactsInScope(db: DbOrTx, scopePrefix: string, batchSize = 5000): AsyncGenerator<TElderEligibility[]> {
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const rows = await db
      .select()
      .from(elders)
      .where(and(like(elders.regionCode, scopeLike(scopePrefix)), isNull(elders.mergedInto), eq(elders.status, 'active'), gt(elders.id, after)))
      .orderBy(asc(elders.id))
      .limit(batchSize)
    if (rows.length === 0) return
    yield rows.map(toEligibility)
    after = rows[rows.length - 1]!.id
    if (rows.length < batchSize) return
  }
}

/**
 * The same facts as a relation for set-based discovery (benefits discovery-sql.ts): active,
 * unmerged elders under a prefix as (id, region_code, hukou, status, categories, ability_level,
 * age), age being whole years on `factDay` (core ageOn).
 */
export function eligibilityFactsRelation(scopePrefix: string, factDay: string): SQL {
  return sql`
    select id, region_code, hukou, status, typed_categories as categories,
      -- Programme rules speak GB/T 42195 levels; an MZ/T 039 level is not the same scale (toEligibility).
      case when ability_scale = 'mzt039' then null else ability_level end::int as ability_level,
      -- yyyymmdd(day) − yyyymmdd(birth), in whole ten-thousands: the years whose anniversary has come.
      floor((${Number(factDay.replaceAll('-', ''))}::int
        - (date_part('year', birth_date) * 10000 + date_part('month', birth_date) * 100 + date_part('day', birth_date))) / 10000)::int as age
    from elders
    where region_code like ${scopeLike(scopePrefix)} and merged_into is null and status = 'active'`
}

/** Ids of the elders under a prefix, for set-based statements that replace rows by scope. */
export function elderIdsInScopeRelation(scopePrefix: string): SQL {
  return sql`select id from elders where region_code like ${scopeLike(scopePrefix)}`
}

/** How many active, unmerged elders a prefix holds. */
export async function countActiveEldersInScope(db: DbOrTx, scopePrefix: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(elders)
    .where(and(like(elders.regionCode, scopeLike(scopePrefix)), isNull(elders.mergedInto), eq(elders.status, 'active')))
  return Number(row?.n ?? 0)
}

const toRuleFacts = (r: TElderRow, today: string): TElderRuleFacts => ({
  elderId: r.id,
  regionCode: r.regionCode,
  name: r.name,
  status: r.status,
  facts: elderFactsForRules(r, today),
})

/** One elder's rule facts whatever the status (a merged duplicate counts as gone: null). */
export async function elderRuleFactsById(db: DbOrTx, elderId: string, today: string): Promise<TElderRuleFacts | null> {
  const [row] = await db
    .select()
    .from(elders)
    .where(and(eq(elders.id, elderId), isNull(elders.mergedInto)))
  return row ? toRuleFacts(row, today) : null
}
