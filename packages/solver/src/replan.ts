/** Re-planning: insert urgent visits into an existing plan, keeping started visits fixed. Pure. */
import { solveProblem, type EngineExtras, type LockedTask, type TaskRef } from './engine.js'
import type { Plan, Problem, Visit } from './model.js'

export interface ReplanOptions {
  /** current time: stops starting before it are fixed, nothing new starts before it */
  now: number
  /** search budget after the insertion (default 1000 ms) */
  timeLimitMs?: number
  seed?: number
  maxIterations?: number
  /** called when the first plan with every assignable visit placed exists (ms since the start) */
  onFirstComplete?: (elapsedMs: number) => void
}

/**
 * Add `urgent` visits to `problem` and re-plan from `plan`: visits (and breaks) that started
 * before `now` keep their caregiver, order and start time; the rest may move.
 */
export function replan(problem: Problem, plan: Plan, urgent: Visit | Visit[], o: ReplanOptions): { problem: Problem; plan: Plan } {
  const add = Array.isArray(urgent) ? urgent : [urgent]
  const p2: Problem = { ...problem, visits: [...problem.visits, ...add.map((u) => ({ priority: 10, ...u }))] }
  const locked: Record<string, LockedTask[]> = {}
  const initial: Record<string, TaskRef[]> = {}
  for (const r of plan.routes) {
    const lk: LockedTask[] = []
    const rest: TaskRef[] = []
    for (const s of r.stops) {
      const ref: TaskRef = s.kind === 'break' ? { break: true } : { visitId: s.visitId, part: s.part }
      if (s.start < o.now && rest.length === 0) lk.push({ ...ref, start: s.start })
      else rest.push(ref)
    }
    if (lk.length) locked[r.caregiverId] = lk
    if (rest.length) initial[r.caregiverId] = rest
  }
  const extras: EngineExtras = { locked, initial, notBefore: o.now }
  const out = solveProblem(p2, { timeLimitMs: o.timeLimitMs ?? 1000, seed: o.seed, maxIterations: o.maxIterations, onFirstComplete: o.onFirstComplete }, extras)
  return { problem: p2, plan: out }
}
