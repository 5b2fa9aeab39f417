import { describe, it, expect } from 'vitest'
import { checkPlan } from './check-plan.js'
import { solveProblem } from './engine.js'
import type { Plan, Problem, VisitStop } from './model.js'

const problem: Problem = {
  locations: [0, 1, 2, 3, 4].map((i) => ({ x: i * 10, y: 0 })),
  travel: { kind: 'euclidean' },
  caregivers: [
    { id: 'a', skills: ['basic', 'lift'], start: 0, shift: [0, 200], capacity: 3, break: { window: [60, 120], duration: 15 } },
    { id: 'b', skills: ['basic', 'lift'], start: 0, shift: [0, 200], capacity: 3 },
    { id: 'c', skills: ['basic'], start: 0, shift: [0, 200], capacity: 3 },
  ],
  visits: [
    { id: 'v1', location: 1, duration: 10, window: [0, 100], skills: ['basic'], demand: 1 },
    { id: 'v2', location: 2, duration: 10, window: [0, 100], skills: ['lift'], demand: 1 },
    { id: 'bath', location: 3, duration: 20, window: [0, 150], staff: [{ skills: ['lift'] }, { skills: ['lift'] }], sync: { type: 'simultaneous' }, demand: 1 },
    { id: 'v4', location: 4, duration: 10, window: [0, 180], demand: 1 },
  ],
}

const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p))
const stopsOf = (p: Plan, cg: string) => p.routes.find((r) => r.caregiverId === cg)!.stops

describe('plan checker', () => {
  const plan = solveProblem(problem, { timeLimitMs: 60000, seed: 1, maxIterations: 200 })
  it('accepts the engine plan', () => {
    expect(checkPlan(problem, plan).errors).toEqual([])
    expect(plan.unassigned).toEqual([])
  })
  it('catches a wrong skill', () => {
    const p = clone(plan)
    // move every stop of a lift-qualified caregiver to c (no lift skill)
    const from = p.routes.find((r) => r.caregiverId !== 'c' && r.stops.some((s) => s.kind === 'visit' && (s.visitId === 'v2' || s.visitId === 'bath')))!
    const to = p.routes.find((r) => r.caregiverId === 'c')!
    ;[from.stops, to.stops] = [to.stops, from.stops.filter((s) => s.kind === 'visit')]
    expect(checkPlan(problem, p).errors.join()).toMatch(/lacks skill lift/)
  })
  it('catches broken synchronisation', () => {
    const p = clone(plan)
    for (const r of p.routes) for (const s of r.stops) if (s.kind === 'visit' && s.visitId === 'bath' && s.part === 1) s.start += 5
    expect(checkPlan(problem, p).errors.join()).toMatch(/simultaneous/)
  })
  it('catches a missing visit, a duplicate and a silent drop', () => {
    const p = clone(plan)
    const r = p.routes.find((x) => x.stops.some((s) => s.kind === 'visit'))!
    const i = r.stops.findIndex((s) => s.kind === 'visit')
    const dup = clone(plan)
    const rd = dup.routes.find((x) => x.caregiverId === r.caregiverId)!
    rd.stops.push({ ...(rd.stops[i] as VisitStop), start: 190, end: 200 })
    r.stops.splice(i, 1)
    expect(checkPlan(problem, p).errors.join()).toMatch(/missing/)
    expect(checkPlan(problem, dup).errors.join()).toMatch(/planned twice/)
  })
  it('catches a late start on a hard window, a return after the shift and a missing break', () => {
    const late = clone(plan)
    const s = stopsOf(late, 'c').length ? stopsOf(late, 'c') : stopsOf(late, 'b')
    const v = s.find((x) => x.kind === 'visit') as VisitStop
    v.start = 185
    v.end = 195
    expect(checkPlan(problem, late).errors.join()).toMatch(/after its window closes|back at/)
    const noBreak = clone(plan)
    const a = noBreak.routes.find((r) => r.caregiverId === 'a')!
    if (a.stops.some((x) => x.kind === 'visit')) {
      a.stops = a.stops.filter((x) => x.kind !== 'break')
      expect(checkPlan(problem, noBreak).errors.join()).toMatch(/break missing/)
    }
  })
})
