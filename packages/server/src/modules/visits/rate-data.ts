import { parseRegionCode, periodRange, type TRateTarget, type TRateVisit, type TVisitFrequency } from '@yiyang/core'
import { and, eq, gte, like, lt, or } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { visitPlans, visits } from './visits.tables.js'

export type TRegionTarget = TRateTarget & { regionCode: string; elderName: string; visitorName: string | null }
export type TRegionVisit = TRateVisit & { regionCode: string }

/**
 * The targets of a rate over a period: plans of that frequency that were in force at some time
 * during it (made before it ended, not ended before it began). The rural monthly rate counts
 * monthly plans in villagers' committees only (S002 is about villages).
 */
export async function rateData(db: DbOrTx, like_: string, frequency: TVisitFrequency, periodKey: string) {
  const { start, end } = periodRange(periodKey)
  const plans = await db
    .select()
    .from(visitPlans)
    .where(
      and(
        like(visitPlans.regionCode, like_),
        eq(visitPlans.frequency, frequency),
        lt(visitPlans.createdAt, end),
        or(eq(visitPlans.status, 'active'), gte(visitPlans.updatedAt, start)),
      ),
    )
  const targets: TRegionTarget[] = plans
    .filter((p) => frequency === 'weekly' || isRural(p.regionCode))
    .map((p) => ({ elderId: p.elderId, allowPhone: p.allowPhone, regionCode: p.regionCode, elderName: p.elderName, visitorName: p.visitorName }))
  const rows = await db
    .select({ elderId: visits.elderId, at: visits.visitedAt, mode: visits.mode, regionCode: visits.regionCode })
    .from(visits)
    .where(and(like(visits.regionCode, like_), gte(visits.visitedAt, start), lt(visits.visitedAt, end)))
  return { targets, visits: rows as TRegionVisit[], start, end }
}

export function isRural(code: string) {
  const info = parseRegionCode(code)
  return info.ok && info.kind === 'villagers_committee'
}

/** The next level's prefix length under a prefix (2 → 4 → 6 → 9 → 12). */
export function childPrefixLength(prefixLength: number): number | null {
  return ({ 2: 4, 4: 6, 6: 9, 9: 12 } as Record<number, number>)[prefixLength] ?? null
}
