import { factDayForMonth, programmeFields, type TAmountRule, type TProgramme, type TRule, type TRuleCondition } from '@yiyang/core'
import { sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { scopeLike } from '../../platform/permissions.js'
import { elderIdsInScopeRelation, eligibilityFactsRelation } from '../elders/index.js'

/**
 * Proactive discovery as one set-based statement (issue 17 item 5): the programme rules, which
 * are data in core's rule language, are compiled to SQL predicates over the registry, so a full
 * refresh of a district with a million elders is one INSERT … SELECT instead of a million rule
 * evaluations in Node (bench:benefits measures both). The event path (one elder) still runs
 * core's evaluator (refresh-candidates.ts); a test holds the two to the same rows.
 */

/** Column expressions of the facts a programme rule reads (programmeFields), over the CTE `f`. */
const factColumns: Record<keyof typeof programmeFields, SQL> = {
  age: sql`f.age`,
  hukou: sql`f.hukou`,
  status: sql`f.status`,
  categories: sql`f.categories`,
  abilityLevel: sql`f.ability_level`,
}

const textArray = (values: readonly (string | number)[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${String(v)}`),
    sql`, `,
  )}]::text[]`
const numArray = (values: readonly (string | number)[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${Number(v)}`),
    sql`, `,
  )}]::int[]`

/** One condition as a boolean that is never NULL, with core's semantics of a missing fact (evaluateRule). */
function conditionSql(c: TRuleCondition): SQL {
  const field = programmeFields[c.field as keyof typeof programmeFields]
  if (!field) throw new Error(`未知字段：${c.field}`)
  const col = factColumns[c.field as keyof typeof programmeFields]
  const isArray = field.type === 'string_array'
  const value = (v: unknown) => (field.type === 'number' ? sql`${Number(v)}::int` : sql`${String(v)}::text`)
  const values = Array.isArray(c.value)
    ? (c.value as readonly (string | number)[])
    : c.value === undefined || c.value === null
      ? []
      : [c.value as string | number]
  switch (c.op) {
    case 'eq':
      return c.value === null ? sql`(${col} is null)` : sql`coalesce(${col} = ${value(c.value)}, false)`
    case 'ne':
      return c.value === null ? sql`(${col} is not null)` : sql`(${col} is distinct from ${value(c.value)})`
    case 'gt':
      return sql`coalesce(${col} > ${value(c.value)}, false)`
    case 'gte':
      return sql`coalesce(${col} >= ${value(c.value)}, false)`
    case 'lt':
      return sql`coalesce(${col} < ${value(c.value)}, false)`
    case 'lte':
      return sql`coalesce(${col} <= ${value(c.value)}, false)`
    case 'in':
      return sql`coalesce(${col} = any(${field.type === 'number' ? numArray(values) : textArray(values)}), false)`
    case 'contains':
      return sql`coalesce(${col} && ${textArray(values)}, false)`
    case 'isNull': {
      const empty = isArray ? sql`(${col} is null or cardinality(${col}) = 0)` : sql`(${col} is null)`
      return c.value === false ? sql`(not ${empty})` : empty
    }
    default:
      // Date operations: programmes read no date fact (programmeFields), so validation refuses them.
      throw new Error(`补贴规则不支持运算：${c.op}`)
  }
}

/** A validated rule as a boolean SQL expression over `f`. */
export function ruleSql(rule: TRule): SQL {
  if ('all' in rule)
    return sql`(${sql.join(
      rule.all.map((r) => ruleSql(r)),
      sql` and `,
    )})`
  if ('any' in rule)
    return sql`(${sql.join(
      rule.any.map((r) => ruleSql(r)),
      sql` or `,
    )})`
  if ('not' in rule) return sql`(not ${ruleSql(rule.not)})`
  return conditionSql(rule)
}

/** The monthly amount in fen, NULL when no tier matches (core then reports the elder not eligible). */
export function amountSql(amount: TAmountRule): SQL {
  const tiers = amount.tiers.map((t) => ({ when: t.when ? ruleSql(t.when) : sql`true`, fen: t.amountFen }))
  if (amount.pick === 'first')
    return sql`(case ${sql.join(
      tiers.map((t) => sql`when ${t.when} then ${t.fen}::int`),
      sql` `,
    )} end)`
  return sql`greatest(${sql.join(
    tiers.map((t) => sql`case when ${t.when} then ${t.fen}::int end`),
    sql`, `,
  )})`
}

const closedStatuses = sql`('active', 'stopped', 'rejected')`

/**
 * Replaces the discovery rows under a region prefix for payment month `month`, exactly as
 * recomputeCandidates would for every active elder there: 'eligible' when the elder qualifies, 择高申领
 * picks the programme, and neither a benefit of its group nor a case for it is under way; 'ineligible'
 * when a benefit is active but the elder no longer qualifies. Returns the number of rows written.
 */
export async function refreshCandidatesSql(
  db: DbOrTx,
  programmes: readonly TProgramme[],
  prefix: string,
  month: string,
  now: Date,
  /** Only this programme's rows (after an edit of its rules); the others of its group still decide 择高申领. */
  only?: string,
): Promise<number> {
  const like = scopeLike(prefix)
  const ofCode = only === undefined ? sql`` : sql` and programme_code = ${only}`
  // Rows of elders now in the prefix that still carry a region outside it go first; the statement
  // below replaces the rest (elders who left, deceased, moved out or merged, drop out there).
  await db.execute(sql`delete from benefit_candidates where region_code not like ${like} and elder_id in (${elderIdsInScopeRelation(prefix)})${ofCode}`)
  if (programmes.length === 0 || (only !== undefined && !programmes.some((p) => p.code === only))) {
    await db.execute(sql`delete from benefit_candidates where region_code like ${like}${ofCode}`)
    return 0
  }
  // Compiling this wide expression list to machine code costs more than it saves (seconds at 1M rows).
  await db.execute(sql`select set_config('jit', 'off', true)`)
  // The benefits held per elder fit in one hash in memory rather than batches on disk.
  await db.execute(sql`select set_config('work_mem', '64MB', true)`)
  const result = await db.execute(candidatesInsertSql(programmes, prefix, month, now, only))
  // node-postgres reports rowCount, PGlite affectedRows.
  const r = result as { rowCount?: number | null; affectedRows?: number }
  return Number(r.rowCount ?? r.affectedRows ?? 0)
}

/** The INSERT … SELECT of refreshCandidatesSql (exported for the bench's plans). */
export function candidatesInsertSql(programmes: readonly TProgramme[], prefix: string, month: string, now: Date, only?: string): SQL {
  const like = scopeLike(prefix)
  const day = factDayForMonth(month)
  // Per programme i: r_i the clauses, t_i the paying tier's amount (NULL: none pays); then e_i
  // eligible (both) and a_i the amount, 0 when not eligible (core evaluateProgramme).
  const raw = programmes.map((p, i) => sql`${ruleSql(p.eligibility)} as ${sql.raw(`r${i}`)}, ${amountSql(p.amount)} as ${sql.raw(`t${i}`)}`)
  const perProgramme = programmes.map((_p, i) =>
    sql.raw(`(r${i} and t${i} is not null) as e${i}, case when r${i} and t${i} is not null then t${i} else 0 end as a${i}`),
  )
  // 择高申领: programme i of a group is chosen when no other eligible member pays more, nor the same listed earlier.
  const chosen = programmes.map((p, i) => {
    const rivals = programmes.map((q, j) => ({ q, j })).filter(({ q, j }) => j !== i && p.group !== null && q.group === p.group)
    const beaten = rivals.map(({ j }) => sql.raw(`(e${j} and (a${j} > a${i}${j < i ? ` or a${j} = a${i}` : ''}))`))
    return beaten.length ? sql`(${sql.raw(`e${i}`)} and not (${sql.join(beaten, sql` or `)}))` : sql.raw(`e${i}`)
  })
  const groupCodes = (p: TProgramme) => programmes.filter((q) => p.group !== null && q.group === p.group).map((q) => q.code)
  const unpivot = sql.join(
    programmes.flatMap((p, i) =>
      only !== undefined && p.code !== only
        ? []
        : [
            sql`(${p.code}::text, ${sql.raw(`y.e${i}`)}, ${sql.raw(`y.a${i}`)}, ${chosen[i]!}, ${groupCodes(p).length ? textArray(groupCodes(p)) : sql`array[${p.code}::text]`})`,
          ],
    ),
    sql`, `,
  )
  return sql`
    -- OFFSET 0 keeps each level a subquery of its own: a fact (age above all) or a rule is computed
    -- once per elder rather than again wherever a later level names it.
    with f as (${eligibilityFactsRelation(prefix, day)} offset 0),
    x0 as (select f.id, f.region_code, ${sql.join(raw, sql`, `)} from f offset 0),
    x as (select x0.id, x0.region_code, ${sql.join(perProgramme, sql`, `)} from x0 offset 0),
    held as (select elder_id, array_agg(programme_code) as codes from benefits where status = 'active' group by elder_id),
    pending as (select elder_id, array_agg(programme_code) as codes from benefit_applications where status not in ${closedStatuses} group by elder_id),
    -- Only elders on a list go on: eligible for something, or holding a benefit (most are neither).
    y as (
      select x.*, h.codes as held_codes, p.codes as pending_codes
      from x
      left join held h on h.elder_id = x.id
      left join pending p on p.elder_id = x.id
      where ${sql.raw(programmes.map((_p, i) => `x.e${i}`).join(' or '))} or h.codes is not null
    ),
    r as (
      select y.id, y.region_code, v.code, v.eligible, v.amount, v.chosen,
        coalesce(y.held_codes @> array[v.code], false) as holds,
        coalesce(y.held_codes && v.group_codes, false) as group_held,
        coalesce(y.pending_codes @> array[v.code], false) as applied
      from y
      cross join lateral (values ${unpivot}) as v(code, eligible, amount, chosen, group_codes)
    ),
    n as (
      select id, code, region_code, case when holds then 'ineligible' else 'eligible' end as kind, case when holds then 0 else amount end as amount
      from r
      where (holds and not eligible) or (not holds and chosen and not applied and not group_held)
    ),
    -- Rows no longer on a list go; the others are written over in place (same keys: no index
    -- entries to add, unlike deleting all and inserting again).
    gone as (
      delete from benefit_candidates c
      where c.region_code like ${like}${only === undefined ? sql`` : sql` and c.programme_code = ${only}`}
        and not exists (select 1 from n where n.id = c.elder_id and n.code = c.programme_code)
    )
    insert into benefit_candidates (elder_id, programme_code, region_code, kind, amount_fen, month, computed_at)
    select id, code, region_code, kind, amount, ${month}, ${now} from n
    on conflict (elder_id, programme_code) do update set region_code = excluded.region_code, kind = excluded.kind,
      amount_fen = excluded.amount_fen, month = excluded.month, computed_at = excluded.computed_at
  `
}
