/**
 * Changes to a computed plan (issue 20 items 3 and 4): hand moves, urgent insertion, a sick
 * caregiver. Every change keeps the *frozen head* of each caregiver's day in place: the visits
 * up to the last one that has already started or (re-planning during the day) is due to start
 * before now — with their times. A visit locked by the dispatcher is *pinned* instead: it keeps
 * its caregiver and start time, but the visits before and after it may still move around it
 * (a lock speaks for that visit only). Pure apart from the worker thread.
 */
import { checkPlan, solveInWorker, solveProblem, type LockedTask, type Plan, type PlanRoute, type Problem, type TaskRef } from '@yiyang/solver'

export type TFrozen = { locks: Set<string>; started: Set<string>; now: number | null }
/** A locked visit part outside the frozen head: its caregiver and start. */
export type TPin = { visitId: string; part: number; caregiverId: string; start: number }

const refOf = (s: PlanRoute['stops'][number]): TaskRef => (s.kind === 'break' ? { break: true } : { visitId: s.visitId, part: s.part })

/** Per caregiver: the frozen head (with start times) and the rest, in order; the pinned (locked) visit parts in the rest. */
export function splitRoutes(
  plan: Plan,
  f: TFrozen,
): { locked: Record<string, LockedTask[]>; initial: Record<string, TaskRef[]>; frozenVisits: Set<string>; pins: TPin[] } {
  const locked: Record<string, LockedTask[]> = {}
  const initial: Record<string, TaskRef[]> = {}
  const frozenVisits = new Set<string>()
  const pins: TPin[] = []
  for (const r of plan.routes) {
    let last = -1
    r.stops.forEach((s, i) => {
      if (f.now !== null && s.start < f.now) last = i
      if (s.kind === 'visit' && f.started.has(s.visitId)) last = i
    })
    const head = r.stops.slice(0, last + 1)
    const rest = r.stops.slice(last + 1)
    if (head.length) locked[r.caregiverId] = head.map((s) => ({ ...refOf(s), start: s.start }))
    if (rest.length) initial[r.caregiverId] = rest.map(refOf)
    for (const s of head) if (s.kind === 'visit') frozenVisits.add(s.visitId)
    for (const s of rest)
      if (s.kind === 'visit' && f.locks.has(s.visitId)) {
        pins.push({ visitId: s.visitId, part: s.part, caregiverId: r.caregiverId, start: s.start })
        frozenVisits.add(s.visitId)
      }
  }
  return { locked, initial, frozenVisits, pins }
}

/** A caregiver-only skill: a pinned visit part requires it, so only its own caregiver can take it. */
const pinTag = (caregiverId: string) => `pin:${caregiverId}`

/**
 * The problem with the pinned visit parts held in place: each part may be served only by its
 * caregiver and only at its start (a hard window of one instant). Everything else is unchanged,
 * so the engine is free to move the other visits of that caregiver before or after it.
 */
export function withPins(problem: Problem, pins: TPin[]): Problem {
  if (pins.length === 0) return problem
  const byVisit = new Map<string, TPin[]>()
  for (const p of pins) byVisit.set(p.visitId, [...(byVisit.get(p.visitId) ?? []), p])
  const who = new Set(pins.map((p) => p.caregiverId))
  return {
    ...problem,
    caregivers: problem.caregivers.map((c) => (who.has(c.id) ? { ...c, skills: [...c.skills, pinTag(c.id)] } : c)),
    visits: problem.visits.map((v) => {
      const ps = byVisit.get(v.id)
      if (!ps) return v
      const start = ps[0]!.start
      const base = { ...v, window: [start, start] as [number, number], windowMode: 'hard' as const }
      if (v.staff)
        return {
          ...base,
          staff: v.staff.map((n, k) => {
            const p = ps.find((x) => x.part === k)
            return p ? { ...n, skills: [...(n.skills ?? []), pinTag(p.caregiverId)] } : n
          }),
        }
      return { ...base, skills: [...(v.skills ?? []), pinTag(ps[0]!.caregiverId)] }
    }),
  }
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
  const { locked, initial, frozenVisits, pins } = splitRoutes(plan, f)
  if (opts.drop) for (const [cid, list] of Object.entries(initial)) initial[cid] = list.filter((r) => !opts.drop!(r, cid))
  // Every position of every route is a candidate for the visits to insert (not only those near them).
  const extras = { locked, initial, fullScan: true, ...(f.now !== null ? { notBefore: f.now } : {}) }
  const p = withPins(problem, pins)
  const out =
    opts.search > 0
      ? await solveInWorker(p, { timeLimitMs: opts.search, seed: opts.seed ?? 1 }, extras)
      : solveProblem(p, { timeLimitMs: 5_000, maxIterations: 0, seed: opts.seed ?? 1 }, extras)
  return { plan: out, frozenVisits, locked }
}

/**
 * Local repair for an urgent visit that fits nowhere as the day stands (every qualified
 * caregiver's shift is full): it takes the place of one movable, non-urgent, single-staffed
 * visit of a qualified caregiver — the nearest in place and time first — and that visit is
 * put back wherever it fits, or comes out unassigned. A candidate is kept only if nothing
 * else changes caregiver or drops out (times may shift), so the change stays small and
 * explainable; one that lets the displaced visit back in wins at once. Each try is one
 * cheap evaluation (no search); at most `tries` of them (three once one works), none after `budgetMs`.
 * Null when no try works (the caller falls back to a search).
 */
export function swapInsert(problem: Problem, plan: Plan, f: TFrozen, urgentId: string, o: { tries: number; budgetMs: number }): Plan | null {
  const t0 = performance.now()
  const { locked, initial, pins } = splitRoutes(plan, f)
  const p = withPins(problem, pins)
  const u = p.visits.find((v) => v.id === urgentId)
  if (!u || u.staff) return null
  const need = u.skills ?? []
  const pinned = new Set(pins.map((x) => x.visitId))
  const byId = new Map(p.visits.map((v) => [v.id, v]))
  const at = placements(plan)
  const pt = (i: number) => p.locations?.[i] as { lat: number; lon: number } | undefined
  const mid = u.window ? (u.window[0] + u.window[1]) / 2 : 0
  // Degrees of latitude as a distance (~111 km each), plus an hour apart ≈ 1.3 km; a shorter
  // visit than the urgent one rarely leaves it room (the shift end is hard), so it comes last.
  const apart = (x: { location: number; duration: number }, start: number) => {
    const a = pt(x.location)
    const b = pt(u.location)
    const d = a && b ? Math.hypot(a.lat - b.lat, (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180)) : 0
    return d + (Math.abs(start - mid) / 60) * 0.012 + (x.duration < u.duration ? 1 : 0)
  }
  const cands: { cid: string; i: number; id: string; score: number }[] = []
  for (const c of p.caregivers) {
    if (!need.every((s) => c.skills.includes(s))) continue
    ;(initial[c.id] ?? []).forEach((t, i) => {
      const x = t.break ? undefined : byId.get(t.visitId!)
      if (!x || x.staff || pinned.has(x.id) || (x.priority ?? 0) >= (u.priority ?? 0)) return
      cands.push({ cid: c.id, i, id: x.id, score: apart(x, at.get(`${x.id}#0`)?.start ?? mid) })
    })
  }
  cands.sort((a, b) => a.score - b.score)
  const extras = { locked, fullScan: true, ...(f.now !== null ? { notBefore: f.now } : {}) }
  let best: { plan: Plan; shifted: number } | null = null
  let tried = 0
  for (const cd of cands.slice(0, o.tries)) {
    // A usable swap in hand: look a little further for one that loses nothing, not on and on.
    if (performance.now() - t0 > o.budgetMs || (best && tried >= 3)) break
    tried++
    const init = { ...initial, [cd.cid]: initial[cd.cid]!.map((t, i) => (i === cd.i ? { visitId: urgentId, part: 0 } : t)) }
    let out: Plan
    try {
      out = solveProblem(p, { timeLimitMs: 5_000, maxIterations: 0, seed: 1 }, { ...extras, initial: init })
    } catch {
      continue
    }
    const now = placements(out)
    if (!now.has(`${urgentId}#0`)) continue
    let ok = true
    let shifted = 0
    for (const [k, was] of at) {
      if (k.startsWith(`${cd.id}#`)) continue
      const q = now.get(k)
      if (!q || q.caregiverId !== was.caregiverId) ok = false
      else if (Math.abs(q.start - was.start) > 0.5) shifted++
    }
    if (!ok) continue
    if (now.has(`${cd.id}#0`)) return out
    if (!best || shifted < best.shifted) best = { plan: out, shifted }
  }
  return best?.plan ?? null
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
