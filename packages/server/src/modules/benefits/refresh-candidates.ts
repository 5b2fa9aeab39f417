import { and, eq, inArray, notInArray } from 'drizzle-orm'
import { evaluateProgrammes, type TProgramme } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import type { DbOrTx } from '../../db/client.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { requirePermission } from '../../platform/permissions.js'
import { countActiveEldersInScope, eligibilityFactsByIds, type TElderEligibility } from '../elders/index.js'
import { decisionMonth, loadProgrammes } from './benefits.repo.js'
import { benefitApplications, benefitCandidates, benefits } from './benefits.tables.js'
import { refreshCandidatesSql } from './discovery-sql.js'

const closed = ['active', 'stopped', 'rejected']

/**
 * Recomputes the discovery rows of some elders for the decision month: 'eligible' when the
 * elder qualifies for the programme (and 择高申领 chooses it) but has no benefit in its group
 * and no case under way; 'ineligible' when a benefit is active but the elder no longer qualifies.
 */
export async function recomputeCandidates(db: DbOrTx, programmes: TProgramme[], elders: TElderEligibility[], month: string, now: Date) {
  if (elders.length === 0) return 0
  const ids = elders.map((e) => e.facts.id)
  const [held, open] = await Promise.all([
    db
      .select({ elderId: benefits.elderId, code: benefits.programmeCode })
      .from(benefits)
      .where(and(inArray(benefits.elderId, ids), eq(benefits.status, 'active'))),
    db
      .select({ elderId: benefitApplications.elderId, code: benefitApplications.programmeCode })
      .from(benefitApplications)
      .where(and(inArray(benefitApplications.elderId, ids), notInArray(benefitApplications.status, closed))),
  ])
  const groupOf = new Map(programmes.map((p) => [p.code, p.group]))
  const heldBy = new Map<string, Set<string>>()
  for (const h of held) heldBy.set(h.elderId, (heldBy.get(h.elderId) ?? new Set()).add(h.code))
  const openBy = new Map<string, Set<string>>()
  for (const o of open) openBy.set(o.elderId, (openBy.get(o.elderId) ?? new Set()).add(o.code))
  const rows: (typeof benefitCandidates.$inferInsert)[] = []
  for (const e of elders) {
    const results = e.facts.status === 'active' ? evaluateProgrammes(programmes, e.facts, month) : []
    const mine = heldBy.get(e.facts.id) ?? new Set<string>()
    const pending = openBy.get(e.facts.id) ?? new Set<string>()
    const heldGroups = new Set([...mine].map((c) => groupOf.get(c)).filter((g): g is string => !!g))
    for (const r of results) {
      const group = groupOf.get(r.program)
      if (mine.has(r.program)) {
        if (!r.eligible)
          rows.push({ elderId: e.facts.id, programmeCode: r.program, regionCode: e.regionCode, kind: 'ineligible', amountFen: 0, month, computedAt: now })
      } else if (r.chosen && !pending.has(r.program) && !(group && heldGroups.has(group))) {
        rows.push({ elderId: e.facts.id, programmeCode: r.program, regionCode: e.regionCode, kind: 'eligible', amountFen: r.amountFen, month, computedAt: now })
      }
    }
  }
  await db.delete(benefitCandidates).where(inArray(benefitCandidates.elderId, ids))
  for (let i = 0; i < rows.length; i += 2000) await db.insert(benefitCandidates).values(rows.slice(i, i + 2000))
  return rows.length
}

/**
 * Full refresh under a region prefix: one set-based statement (discovery-sql.ts), which the bench
 * measures on 1M elders; the elders counted are the active ones it looked at.
 */
export async function refreshAllCandidates(ctx: Ctx, prefix: string, progress?: (p: unknown) => Promise<void>) {
  const programmes = (await loadProgrammes(ctx.db)).map((p) => p.definition)
  const month = decisionMonth(ctx.clock.now())
  const candidates = await withTx(ctx, (t) => refreshCandidatesSql(t.tx, programmes, prefix, month, ctx.clock.now()))
  const result = { month, elders: await countActiveEldersInScope(ctx.db, prefix), candidates }
  await progress?.(result)
  return result
}

export const refreshCandidatesJob = defineJob<{ prefix?: string; elderIds?: string[] }>({
  kind: 'benefits.refresh_candidates',
  label: '主动发现：重算应享未享名单',
  maxAttempts: 3,
  leaseMs: 600_000,
  async run(ctx, job) {
    if (job.input.elderIds) {
      const programmes = (await loadProgrammes(ctx.db)).map((p) => p.definition)
      const facts = await eligibilityFactsByIds(ctx.db, job.input.elderIds)
      const n = await withTx(ctx, (t) => recomputeCandidates(t.tx, programmes, [...facts.values()], decisionMonth(ctx.clock.now()), ctx.clock.now()))
      return { elders: facts.size, candidates: n }
    }
    return refreshAllCandidates(ctx, job.input.prefix ?? ctx.actor?.scopePrefix ?? '62', job.progress)
  },
})

/** A bureau admin (or street officer in their scope) asks for a full refresh now. */
export async function startCandidatesRefresh(ctx: Ctx) {
  requirePermission(ctx.actor, 'benefit:street_review')
  const actor = ctx.actor
  const { id } = await withTx(ctx, (t) =>
    enqueueJob(t, { kind: refreshCandidatesJob.kind, input: { prefix: actor.scopePrefix }, regionCode: actor.scopeRegionCode, maxAttempts: 3 }),
  )
  return { id }
}
