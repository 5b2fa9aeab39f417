import { todayInShanghai } from '@yiyang/core'
import { asc, count, desc, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toElderSummary } from './elders.mapper.js'
import { filterWhere } from './elders.repo.js'
import type { TElderFilter, TFindElders } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { ADVANCED_AGE_THRESHOLD, birthDateRangeForAges } from '@yiyang/core'
import { rowsOf } from '../../db/client.js'
import { categoryBitOrder } from './category-bits.js'

const sortColumns = { createdAt: elders.createdAt, name: elders.name, birthDate: elders.birthDate, regionCode: elders.regionCode } as const

export async function findElders(ctx: Ctx, q: TFindElders) {
  requirePermission(ctx.actor, 'elder:read')
  const today = todayInShanghai(ctx.clock.now())
  const where = filterWhere(ctx.actor, q, today, ctx.crypto)
  const dir = q.order === 'asc' ? asc : desc
  // Ids first (an index-only scan of elders_list_idx for the usual filters and sorts), then the
  // page's rows: at 1M elders this avoids visiting thousands of heap rows for 20 results.
  const [idRows, [total]] = await Promise.all([
    ctx.db.select({ id: elders.id }).from(elders).where(where).orderBy(dir(sortColumns[q.sort]), dir(elders.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(elders).where(where),
  ])
  const ids = idRows.map((r) => r.id)
  const byId = new Map((ids.length ? await ctx.db.select().from(elders).where(inArray(elders.id, ids)) : []).map((r) => [r.id, r]))
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined)
  const names = await regionNames(ctx.db, rows.map((r) => r.regionCode))
  return {
    items: rows.map((r) => toElderSummary(r, today, ctx.crypto, names.get(r.regionCode) ?? null)),
    total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize,
  }
}

/** How many elders of the current filter carry each category (高龄 from the birth date). */
export async function countElderCategories(ctx: Ctx, f: TElderFilter) {
  requirePermission(ctx.actor, 'elder:read')
  const today = todayInShanghai(ctx.clock.now())
  const where = filterWhere(ctx.actor, f, today, ctx.crypto)
  const cutoff = birthDateRangeForAges(ADVANCED_AGE_THRESHOLD, null, today).to
  // Bit sums over category_bits: covered by elders_list_idx, no heap visits.
  const sums = sql.raw(categoryBitOrder.map((c, i) => `sum((category_bits >> ${i}) & 1)::int as "${c}"`).join(', '))
  const [totals] = rowsOf<Record<string, number | string | null>>(await ctx.db.execute(
    sql`select count(*)::int as total, (count(*) filter (where ${elders.birthDate} <= ${cutoff}))::int as advanced_age, ${sums} from ${elders} where ${where}`,
  ))
  const counts: Record<string, number> = {}
  for (const c of [...categoryBitOrder, 'advanced_age']) {
    const n = Number(totals?.[c] ?? 0)
    if (n > 0) counts[c] = n
  }
  return { total: Number(totals?.total ?? 0), counts }
}
