import { assessmentStatusesInForce } from '@yiyang/core'
import { and, count, eq, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { narrowPrefix, regionFilter } from '../../platform/list.js'
import type { TStats, TStatsQuery } from './assessments.schemas.js'
import { assessments } from './assessments.tables.js'
import { scaleLevels } from './scales.js'

/** Child-region prefix length under a scope prefix: county → streets, street → communities. */
const childLength = (prefix: string) => (prefix.length < 4 ? 4 : prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12)

/**
 * Distribution of the levels in force (effective or disputed results) per child region of the
 * scope, for one scale — results of the two standards are not comparable and are never mixed.
 */
export async function getLevelStats(ctx: Ctx, q: TStatsQuery): Promise<TStats> {
  requirePermission(ctx.actor, 'assessment:read')
  const prefix = narrowPrefix(ctx.actor, q.regionCode)
  const len = childLength(prefix ?? ctx.actor.scopePrefix)
  // Inlined (a digit count we computed), so SELECT and GROUP BY are the same expression.
  const child = sql<string>`rpad(substr(${assessments.regionCode}, 1, ${sql.raw(String(len))}), 12, '0')`
  const rows = await ctx.db
    .select({ region: child, level: assessments.finalLevel, n: count() })
    .from(assessments)
    .where(
      and(
        regionFilter(assessments.regionCode, ctx.actor, q.regionCode),
        eq(assessments.scale, q.scale),
        inArray(assessments.status, [...assessmentStatusesInForce]),
      ),
    )
    .groupBy(child, assessments.finalLevel)
  const levels = scaleLevels(q.scale)
  const byRegion = new Map<string, number[]>()
  for (const r of rows) {
    const counts = byRegion.get(r.region) ?? levels.map(() => 0)
    if (r.level !== null && counts[r.level] !== undefined) counts[r.level]! += Number(r.n)
    byRegion.set(r.region, counts)
  }
  const names = await regionNames(ctx.db, [...byRegion.keys()])
  // "中度以上失能" in subsidy rules: level 2 and worse.
  const moderate = (c: number[]) => c.slice(2).reduce((a, b) => a + b, 0)
  const list = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, counts]) => ({
      regionCode: code,
      regionName: names.get(code) ?? code,
      counts,
      total: counts.reduce((a, b) => a + b, 0),
      moderateOrWorse: moderate(counts),
    }))
  const totals = levels.map((_, i) => list.reduce((s, r) => s + r.counts[i]!, 0))
  return { scale: q.scale, levels, rows: list, totals: { counts: totals, total: totals.reduce((a, b) => a + b, 0), moderateOrWorse: moderate(totals) } }
}
