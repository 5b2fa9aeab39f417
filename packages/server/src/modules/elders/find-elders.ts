import { todayInShanghai } from '@yiyang/core'
import { asc, desc, inArray, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toElderSummary, type TElderRow } from './elders.mapper.js'
import { pageOffset, pageResult } from '../../platform/list.js'
import { filterWhere } from './elders.repo.js'
import type { TElderFilter, TFindElders } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { ADVANCED_AGE_THRESHOLD, birthDateRangeForAges } from '@yiyang/core'
import { rowsOf } from '../../db/client.js'
import { categoryBitOrder } from './category-bits.js'

const sortColumns = { createdAt: elders.createdAt, name: elders.name, birthDate: elders.birthDate, regionCode: elders.regionCode } as const

/** Matches are counted exactly up to this many; beyond it the total is the planner's estimate. */
export const EXACT_COUNT_LIMIT = 10_000

/**
 * One page of the registry. At 1M+ elders the time is in scanning the matches, so each match is
 * visited once: one statement takes the first EXACT_COUNT_LIMIT + 1 matches from a covering
 * index (elders_list_idx, or a category's own elders_cat_*_idx: no heap visits), counts them and
 * sorts out the page, and returns only the page's 20 rows from the heap. A filter matching more than that is shown as "约 N 人": its
 * page comes from walking elders_created_idx in order (no sort of a million entries) and its total
 * is the planner's estimate (`totalIsEstimate`).
 */
export async function findElders(ctx: Ctx, q: TFindElders, opts: { exactCountLimit?: number } = {}) {
  const limit = opts.exactCountLimit ?? EXACT_COUNT_LIMIT
  requirePermission(ctx.actor, 'elder:read')
  const today = todayInShanghai(ctx.clock.now())
  const where = filterWhere(ctx.actor, q, today, ctx.crypto)
  const sortColumn = sortColumns[q.sort]
  const dir = q.order === 'asc' ? asc : desc
  const offset = pageOffset(q)

  // The first EXACT_COUNT_LIMIT + 1 matches in any order (their sort key and id only), their count,
  // and the page of them with its rows, in one round trip.
  const matches = ctx.db.$with('matches').as(
    ctx.db
      .select({ id: elders.id, key: sql`${sortColumn}`.as('key') })
      .from(elders)
      .where(where)
      .limit(limit + 1),
  )
  const pageOfMatches = ctx.db.select({ id: matches.id }).from(matches).orderBy(dir(matches.key), dir(matches.id)).limit(q.pageSize).offset(offset)
  const rows: TElderRow[] = []
  const first = await ctx.db
    .with(matches)
    .select({ matched: sql<number>`(select count(*) from ${matches})`.mapWith(Number), row: elders })
    .from(sql`(select 1) as one`)
    .leftJoin(elders, inArray(elders.id, pageOfMatches))
    .orderBy(dir(sortColumn), dir(elders.id))
  const counted = first[0]?.matched ?? 0
  for (const r of first) if (r.row) rows.push(r.row)

  let total = counted
  let totalIsEstimate = false
  if (counted > limit) {
    // More matches than were counted: the page in sort order and an estimate of the total.
    totalIsEstimate = true
    const ids = ctx.db.select({ id: elders.id }).from(elders).where(where).orderBy(dir(sortColumn), dir(elders.id)).limit(q.pageSize).offset(offset)
    const [page, estimate] = await Promise.all([
      ctx.db.select().from(elders).where(inArray(elders.id, ids)).orderBy(dir(sortColumn), dir(elders.id)),
      estimateRows(ctx, where),
    ])
    rows.length = 0
    rows.push(...page)
    total = Math.max(estimate, limit + 1)
  }

  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  const items = rows.map((r) => toElderSummary(r, today, ctx.crypto, names.get(r.regionCode) ?? null))
  return { ...pageResult(items, total, q), totalIsEstimate }
}

/** The planner's row estimate for the filter (no rows are read). */
async function estimateRows(ctx: Ctx, where: SQL): Promise<number> {
  const plan = rowsOf<{ 'QUERY PLAN': unknown }>(await ctx.db.execute(sql`explain (format json) select 1 from ${elders} where ${where}`))
  const raw = plan[0]?.['QUERY PLAN']
  const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[]
  return Math.round(json[0]?.Plan['Plan Rows'] ?? 0)
}

/** How many elders of the current filter carry each category (高龄 from the birth date). */
export async function countElderCategories(ctx: Ctx, f: TElderFilter) {
  requirePermission(ctx.actor, 'elder:read')
  const today = todayInShanghai(ctx.clock.now())
  const where = filterWhere(ctx.actor, f, today, ctx.crypto)
  const cutoff = birthDateRangeForAges(ADVANCED_AGE_THRESHOLD, null, today).to
  // Bit sums over category_bits: covered by elders_list_idx, no heap visits.
  const sums = sql.raw(categoryBitOrder.map((c, i) => `sum((category_bits >> ${i}) & 1)::int as "${c}"`).join(', '))
  const [totals] = rowsOf<Record<string, number | string | null>>(
    await ctx.db.execute(
      sql`select count(*)::int as total, (count(*) filter (where ${elders.birthDate} <= ${cutoff}))::int as advanced_age, ${sums} from ${elders} where ${where}`,
    ),
  )
  const counts: Record<string, number> = {}
  for (const c of [...categoryBitOrder, 'advanced_age']) {
    const n = Number(totals?.[c] ?? 0)
    if (n > 0) counts[c] = n
  }
  return { total: Number(totals?.total ?? 0), counts }
}
