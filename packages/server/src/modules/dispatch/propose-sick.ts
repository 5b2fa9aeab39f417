import { solveInWorker } from '@yiyang/solver'
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { dispatchUnassignedReasonLabels, type TDispatchUnassignedReason } from '@yiyang/core'
import { fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { isoToMinutes, minutesToIso, planFigures, type TPlanState } from './dispatch.model.js'
import { getPlanInScope } from './dispatch.repo.js'
import { frozenKept, placements, splitRoutes, withPins } from './dispatch.replan.js'
import type { TDiff, TDiffChange } from './dispatch.schemas.js'
import { dispatchDiffs } from './dispatch.tables.js'
import { withTravel } from './load-model.js'
import { frozenOf } from './move-visit.js'
import { requireComputed } from './plan-store.js'

export type TDiffPayload = { state: TPlanState; changes: TDiffChange[]; figures: NonNullable<TPlanState['figures']> }

/** What changed between two plans, visit part by visit part (caregiver or start); a part nobody takes says why. */
export function planChanges(before: TPlanState, after: TPlanState): TDiffChange[] {
  const a = placements(before.plan)
  const b = placements(after.plan)
  const why = new Map((after.plan?.unassigned ?? []).map((u) => [u.visitId, u.reason]))
  const reasonOf = (id: string) =>
    dispatchUnassignedReasonLabels[(why.get(id) ?? 'no_feasible_slot') as TDispatchUnassignedReason] ?? dispatchUnassignedReasonLabels.no_feasible_slot
  const names = new Map(after.caregivers.map((c) => [c.id, c.name]))
  const visits = new Map(after.visits.map((v) => [v.orderId, v]))
  const out: TDiffChange[] = []
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const p = a.get(k)
    const q = b.get(k)
    if (p && q && p.caregiverId === q.caregiverId && Math.abs(p.start - q.start) < 0.5) continue
    const v = visits.get(k.split('#')[0]!)!
    out.push({
      orderId: v.orderId,
      elderName: v.elderName,
      itemName: v.itemName,
      fromCaregiverId: p?.caregiverId ?? null,
      fromCaregiverName: p ? (names.get(p.caregiverId) ?? null) : null,
      toCaregiverId: q?.caregiverId ?? null,
      toCaregiverName: q ? (names.get(q.caregiverId) ?? null) : null,
      fromStart: p ? minutesToIso(after.day, p.start) : null,
      toStart: q ? minutesToIso(after.day, q.start) : null,
      reason: q ? null : reasonOf(v.orderId),
    })
  }
  return out.sort((x, y) => (x.fromStart ?? '').localeCompare(y.fromStart ?? '') || x.orderId.localeCompare(y.orderId))
}

/**
 * A caregiver reported sick from a time: their visits from then on are redistributed among
 * the others (two seconds of search in a worker thread; locked, started and earlier visits
 * stay) and the result is proposed as a diff for the dispatcher to approve; nothing changes
 * before approval.
 */
export async function proposeSick(ctx: Ctx, id: string, input: { caregiverId: string; from: string }): Promise<TDiff> {
  requirePermission(ctx.actor, 'dispatch:plan')
  const actor = ctx.actor
  const row = await getPlanInScope(ctx.db, actor, id)
  const cur = requireComputed(row)
  if (!cur.caregivers.some((c) => c.id === input.caregiverId)) throw fieldError('caregiverId', '该护理员不在本方案中')
  const from = isoToMinutes(cur.day, input.from)
  if (from < 0 || from > 24 * 60) throw fieldError('from', '时间应在方案当日')
  const f = await frozenOf(ctx.db, cur, ctx.clock.now())
  // The sick caregiver's locks after `from` no longer hold; what started stays.
  const mine = new Set(
    cur.plan.routes
      .filter((r) => r.caregiverId === input.caregiverId)
      .flatMap((r) => r.stops.flatMap((s) => (s.kind === 'visit' && s.start >= from ? [s.visitId] : []))),
  )
  const f2 = { ...f, locks: new Set([...f.locks].filter((x) => !mine.has(x))), now: f.now === null ? null : Math.min(f.now, from) }
  const { locked, initial, frozenVisits, pins } = splitRoutes(cur.plan, f2)
  const head = locked[input.caregiverId] ?? []
  const headEnd = head.length
    ? Math.max(
        ...cur.plan.routes
          .find((r) => r.caregiverId === input.caregiverId)!
          .stops.slice(0, head.length)
          .map((s) => s.end),
      )
    : from
  const sickFrom = Math.max(from, headEnd + 60)
  const next = await withTravel(ctx.config, {
    ...structuredClone(cur),
    sick: [
      ...cur.sick.filter((s) => s.caregiverId !== input.caregiverId),
      { caregiverId: input.caregiverId, from: sickFrom, keep: head.filter((x) => !x.break).length },
    ],
  })
  delete initial[input.caregiverId]
  const sc = next.problem.caregivers.find((c) => c.id === input.caregiverId)!
  if (!sc.break && locked[input.caregiverId]) locked[input.caregiverId] = locked[input.caregiverId]!.filter((x) => !x.break)
  next.plan = await solveInWorker(
    withPins(next.problem, pins),
    { timeLimitMs: 2000, seed: 1 },
    { locked, initial, ...(f2.now !== null ? { notBefore: f2.now } : {}) },
  )
  if (!frozenKept(cur.plan, next.plan, frozenVisits)) throw fieldError('caregiverId', '重新分配改动了已锁定的服务，请解锁后重试')
  next.figures = planFigures(next.problem, next.plan)
  const changes = planChanges(cur, next)
  return withTx(ctx, async (t) => {
    const payload: TDiffPayload = { state: next, changes, figures: next.figures! }
    const [d] = await t.tx
      .insert(dispatchDiffs)
      .values({
        planId: row.id,
        regionCode: row.regionCode,
        kind: 'sick',
        status: 'proposed',
        baseVersion: row.version,
        payload,
        createdBy: actor.userId,
        createdAt: t.clock.now(),
      })
      .returning()
    await appendAudit(t, {
      action: 'dispatch.sick_proposed',
      entityType: 'dispatch_plan',
      entityId: row.id,
      regionCode: row.regionCode,
      after: { diffId: d!.id, caregiverId: input.caregiverId, from: input.from, changes: changes.length },
    })
    return toDiff(d!)
  })
}

export function toDiff(d: typeof dispatchDiffs.$inferSelect): TDiff {
  const p = d.payload as TDiffPayload
  return {
    id: d.id,
    planId: d.planId,
    kind: d.kind,
    status: d.status as TDiff['status'],
    baseVersion: d.baseVersion,
    // Diffs proposed before reasons were kept have none.
    changes: p.changes.map((c) => ({ ...c, reason: c.reason ?? null })),
    figures: p.figures,
    createdAt: d.createdAt.toISOString(),
  }
}

export async function diffOfPlan(db: DbOrTx, planId: string, diffId: string) {
  const [d] = await db
    .select()
    .from(dispatchDiffs)
    .where(and(eq(dispatchDiffs.id, diffId), eq(dispatchDiffs.planId, planId)))
  return d ?? null
}
