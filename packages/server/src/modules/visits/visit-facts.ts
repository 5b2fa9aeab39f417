import { and, eq, inArray, max } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { visitPlans, visits } from './visits.tables.js'

export type TVisitFacts = { hasVisitPlan: boolean; lastVisitDate: string | null }

/**
 * The worklist facts that belong to visits (core worklistFields hasVisitPlan, lastVisitDate):
 * an active plan, and the Shanghai date of the latest visit. Elders absent from the map have
 * neither. Batched by the caller (the worklist refresh reads elders 2000 at a time).
 */
export async function visitFactsByElder(db: DbOrTx, elderIds: string[]): Promise<Map<string, TVisitFacts>> {
  const out = new Map<string, TVisitFacts>()
  if (elderIds.length === 0) return out
  const [plans, last] = await Promise.all([
    db
      .select({ elderId: visitPlans.elderId })
      .from(visitPlans)
      .where(and(inArray(visitPlans.elderId, elderIds), eq(visitPlans.status, 'active'))),
    db
      .select({ elderId: visits.elderId, at: max(visits.visitedAt) })
      .from(visits)
      .where(inArray(visits.elderId, elderIds))
      .groupBy(visits.elderId),
  ])
  for (const p of plans) out.set(p.elderId, { hasVisitPlan: true, lastVisitDate: null })
  for (const l of last) {
    if (!l.at) continue
    const date = new Date(new Date(l.at).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
    out.set(l.elderId, { hasVisitPlan: out.get(l.elderId)?.hasVisitPlan ?? false, lastVisitDate: date })
  }
  return out
}
