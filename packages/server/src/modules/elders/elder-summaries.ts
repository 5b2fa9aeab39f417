import { todayInShanghai } from '@yiyang/core'
import { inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { regionNames } from '../regions/index.js'
import { toElderSummary } from './elders.mapper.js'
import { elders } from './elders.tables.js'

/** Masked summaries of elders by id, for other modules' lists (the caller has checked scope). */
export async function elderSummariesByIds(ctx: Ctx, ids: string[]) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map<string, ReturnType<typeof toElderSummary>>()
  const rows = await ctx.db.select().from(elders).where(inArray(elders.id, unique))
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  const today = todayInShanghai(ctx.clock.now())
  return new Map(rows.map((r) => [r.id, toElderSummary(r, today, ctx.crypto, names.get(r.regionCode) ?? null)]))
}
export type TElderSummary = ReturnType<typeof toElderSummary>
