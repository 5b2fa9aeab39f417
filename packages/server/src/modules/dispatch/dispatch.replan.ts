/**
 * Changes to a computed plan (issue 20 items 3 and 4): hand moves, urgent insertion, a sick
 * caregiver. Every change keeps the *frozen head* of each caregiver's day in place: the visits
 * up to the last one that is locked by the dispatcher, already started, or (re-planning during
 * the day) due to start before now — with their times. Pure apart from the worker thread.
 */
import { checkPlan, solveInWorker, solveProblem, type LockedTask, type Plan, type PlanRoute, type Problem, type TaskRef } from '@yiyang/solver'

export type TFrozen = { locks: Set<string>; started: Set<string>; now: number | null }

const refOf = (s: PlanRoute['stops'][number]): TaskRef => (s.kind === 'break' ? { break: true } : { visitId: s.visitId, part: s.part })

/** Per caregiver: the frozen head (with start times) and the rest, in order. */
export function splitRoutes(plan: Plan, f: TFrozen): { locked: Record<string, LockedTask[]>; initial: Record<string, TaskRef[]>; frozenVisits: Set<string> } {
  const locked: Record<string, LockedTask[]> = {}
  const initial: Record<string, TaskRef[]> = {}
  const frozenVisits = new Set<string>()
  for (const r of plan.routes) {
    let last = -1
    r.stops.forEach((s, i) => {
      if (f.now !== null && s.start < f.now) last = i
      if (s.kind === 'visit' && (f.locks.has(s.visitId) || f.started.has(s.visitId))) last = i
    })
    const head = r.stops.slice(0, last + 1)
    const rest = r.stops.slice(last + 1)
    if (head.length) locked[r.caregiverId] = head.map((s) => ({ ...refOf(s), start: s.start }))
    if (rest.length) initial[r.caregiverId] = rest.map(refOf)
    for (const s of head) if (s.kind === 'visit') frozenVisits.add(s.visitId)
  }
  return { locked, initial, frozenVisits }
}

/** The problem without the visits the plan leaves out (so an evaluation does not try to place them). */
export function placedOnly(problem: Problem, plan: Plan, extra: string[] = []): Problem {
  const placed = new Set(plan.routes.flatMap((r) => r.stops.flatMap((s) => (s.kind === 'visit' ? [s.visitId] : []))))
  for (const id of extra) placed.add(id)
  return { ...problem, visits: problem.visits.filter((v) => placed.has(v.id)) }
}

const visitSeq = (r: PlanRoute | undefined) => (r ? r.stops.flatMap((s) => (s.kind === 'visit' ? [`${s.visitId}#${s.part}`] : [])) : [])

/**
 * Times for given routes without any search: the engine's least schedule for exactly these
 * orders. Null when they cannot be kept (a shift overrun, a synchronisation cycle, a visit the
 * engine had to put elsewhere).
 */
export function evaluateRoutes(problem: Problem, locked: Record<string, LockedTask[]>, initial: Record<string, TaskRef[]>, notBefore?: number): Plan | null {
  let out: Plan
  try {
    out = solveProblem(problem, { timeLimitMs: 5_000, maxIterations: 0, seed: 1 }, { locked, initial, ...(notBefore === undefined ? {} : { notBefore }) })
  } catch {
    return null
  }
  if (out.unassigned.length > 0) return null
  const byCg = new Map(out.routes.map((r) => [r.caregiverId, r]))
  for (const c of problem.caregivers) {
    const want = [...(locked[c.id] ?? []), ...(initial[c.id] ?? [])].filter((t) => !t.break).map((t) => `${t.visitId}#${t.part ?? 0}`)
    const got = visitSeq(byCg.get(c.id))
    if (want.join() !== got.join()) return null
  }
  // The engine trusts given routes for skills: the independent checker does not.
  return checkPlan(problem, out).feasible ? out : null
}

/**
 * Re-plan with new visits or a changed caregiver: the frozen heads stay, the rest starts from
 * the current order. `search` 0: cheapest insertion only (nothing else changes order); more:
 * that many milliseconds of search in a worker thread.
 */
export async function replanState(
  problem: Problem,
  plan: Plan,
  f: TFrozen,
  opts: { search: number; drop?: (r: TaskRef, caregiverId: string) => boolean; seed?: number },
) {
  const { locked, initial, frozenVisits } = splitRoutes(plan, f)
  if (opts.drop) for (const [cid, list] of Object.entries(initial)) initial[cid] = list.filter((r) => !opts.drop!(r, cid))
  const extras = { locked, initial, ...(f.now !== null ? { notBefore: f.now } : {}) }
  const out =
    opts.search > 0
      ? await solveInWorker(problem, { timeLimitMs: opts.search, seed: opts.seed ?? 1 }, extras)
      : solveProblem(problem, { timeLimitMs: 5_000, maxIterations: 0, seed: opts.seed ?? 1 }, extras)
  return { plan: out, frozenVisits, locked }
}

/** Where each visit part is (caregiver, start) in a plan. */
export function placements(plan: Plan | null): Map<string, { caregiverId: string; start: number; seq: number }> {
  const m = new Map<string, { caregiverId: string; start: number; seq: number }>()
  for (const r of plan?.routes ?? []) {
    let seq = 0
    for (const s of r.stops) if (s.kind === 'visit') m.set(`${s.visitId}#${s.part}`, { caregiverId: r.caregiverId, start: s.start, seq: seq++ })
  }
  return m
}

/** Frozen visits must be where they were, at the same time (a guard: the engine keeps them). */
export function frozenKept(before: Plan, after: Plan, frozen: Set<string>): boolean {
  const a = placements(before)
  const b = placements(after)
  for (const [k, p] of a) {
    if (!frozen.has(k.split('#')[0]!)) continue
    const q = b.get(k)
    if (!q || q.caregiverId !== p.caregiverId || Math.abs(q.start - p.start) > 1e-6) return false
  }
  return true
}
