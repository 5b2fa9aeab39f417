import { todayInShanghai } from '@yiyang/core'
import { asc, count, desc, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toElderSummary } from './elders.mapper.js'
import { filterWhere } from './elders.repo.js'
import type { TElderFilter, TFindElders } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { ADVANCED_AGE_THRESHOLD, birthDateRangeForAges } from '@yiyang/core'
import { rowsOf } from '../../db/client.js'

const sortColumns = { createdAt: elders.createdAt, name: elders.name, birthDate: elders.birthDate, regionCode: elders.regionCode } as const

export async function findElders(ctx: Ctx, q: TFindElders) {
  requirePermission(ctx.actor, 'elder:read')
  const today = todayInShanghai(ctx.clock.now())
  const where = filterWhere(ctx.actor, q, today, ctx.crypto)
  const dir = q.order === 'asc' ? asc : desc
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(elders).where(where).orderBy(dir(sortColumns[q.sort]), dir(elders.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(elders).where(where),
  ])
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
  const [byCat, [totals]] = await Promise.all([
    ctx.db.execute(sql`select c as category, count(*)::int as n from ${elders}, unnest(${elders.categories}) as c where ${where} group by c`),
    ctx.db.select({ total: count(), aged: sql<number>`count(*) filter (where ${elders.birthDate} <= ${cutoff})`.mapWith(Number) }).from(elders).where(where),
  ])
  const counts: Record<string, number> = {}
  for (const r of rowsOf<{ category: string; n: number }>(byCat)) counts[r.category] = Number(r.n)
  if (totals?.aged) counts.advanced_age = totals.aged
  return { total: Number(totals?.total ?? 0), counts }
}
