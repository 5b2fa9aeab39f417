import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'
import { solveProblem, ProblemError } from './engine.js'
import { checkPlan } from './check-plan.js'
import { replan } from './replan.js'
import { generateStreetDay } from './gen.js'
import { parseHhc, hhcToProblem, planToHhc } from './hhc.js'
import { checkHhc } from './check-hhc.js'
import { solveInWorker } from './runner.js'
import type { Plan, Problem, VisitStop } from './model.js'

// The published data sits beside the checkout (../shared/bench) or where YIYANG_BENCH_DIR says.
const bench = process.env.YIYANG_BENCH_DIR ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/bench')
const haveBench = existsSync(join(bench, 'hhc', 'bks.json'))
const distWorker = fileURLToPath(new URL('../dist/worker.js', import.meta.url))

const opts = { timeLimitMs: 60000, seed: 1, maxIterations: 300 }
const line = (n: number): Array<{ x: number; y: number }> => Array.from({ length: n }, (_, i) => ({ x: i * 10, y: 0 }))
const visitsOf = (plan: Plan, cg: string): VisitStop[] =>
  (plan.routes.find((r) => r.caregiverId === cg)?.stops.filter((s) => s.kind === 'visit') ?? []) as VisitStop[]

describe('general engine', () => {
  it('respects skills', () => {
    const p: Problem = {
      locations: line(5),
      travel: { kind: 'euclidean' },
      caregivers: [
        { id: 'a', skills: ['basic'], start: 0, shift: [0, 1000] },
        { id: 'b', skills: ['basic', 'nursing'], start: 0, shift: [0, 1000] },
      ],
      visits: [
        { id: 'v1', location: 1, duration: 10, skills: ['nursing'] },
        { id: 'v2', location: 2, duration: 10, skills: ['nursing'] },
        { id: 'v3', location: 3, duration: 10, skills: ['basic'] },
        { id: 'v4', location: 4, duration: 10, skills: ['wound-care'] },
      ],
    }
    const plan = solveProblem(p, opts)
    expect(checkPlan(p, plan).errors).toEqual([])
    expect(visitsOf(plan, 'a').map((s) => s.visitId)).not.toContain('v1')
    expect(visitsOf(plan, 'a').map((s) => s.visitId)).not.toContain('v2')
    expect(plan.unassigned).toEqual([{ visitId: 'v4', reason: 'no_skill', detail: expect.any(String) }])
  })

  it('respects shifts, breaks and hard windows, and gives reasons for unassigned visits', () => {
    const p: Problem = {
      locations: line(6),
      travel: { kind: 'euclidean' },
      caregivers: [
        { id: 'early', skills: [], start: 0, shift: [0, 120], capacity: 2, break: { window: [40, 60], duration: 20 } },
        { id: 'late', skills: [], start: 0, shift: [100, 300] },
      ],
      visits: [
        { id: 'v1', location: 1, duration: 15, window: [0, 50], demand: 1 },
        { id: 'v2', location: 2, duration: 15, window: [20, 90], demand: 1 },
        { id: 'v3', location: 3, duration: 15, window: [150, 200], demand: 1 },
        { id: 'v4', location: 4, duration: 15, window: [0, 10], demand: 1 }, // 40 away: unreachable
        { id: 'v5', location: 5, duration: 15, window: [0, 300], demand: 5 }, // over every capacity? late has none
        { id: 'v6', location: 1, duration: 15, window: [0, 300], demand: 9, skills: [] },
      ],
    }
    p.caregivers[1].capacity = 4
    const plan = solveProblem(p, opts)
    const chk = checkPlan(p, plan)
    expect(chk.errors).toEqual([])
    const reasons = Object.fromEntries(plan.unassigned.map((u) => [u.visitId, u.reason]))
    expect(reasons.v4).toBe('window_unreachable')
    expect(reasons.v6).toBe('capacity')
    const early = plan.routes.find((r) => r.caregiverId === 'early')!
    const br = early.stops.find((s) => s.kind === 'break')
    if (early.stops.length > 0) {
      expect(br).toBeDefined()
      expect(br!.start).toBeGreaterThanOrEqual(40)
      expect(br!.start).toBeLessThanOrEqual(60)
    }
    expect(visitsOf(plan, 'late').every((s) => s.start >= 100)).toBe(true)
    expect(plan.feasible).toBe(true)
  })

  it('synchronises double-staffed visits (simultaneous and sequential)', () => {
    const p: Problem = {
      locations: line(4),
      travel: { kind: 'euclidean' },
      caregivers: [
        { id: 'a', skills: ['lift'], start: 0, shift: [0, 1000] },
        { id: 'b', skills: ['lift', 'nurse'], start: 0, shift: [0, 1000] },
      ],
      visits: [
        { id: 'bath', location: 3, duration: 30, window: [0, 200], staff: [{ skills: ['lift'] }, { skills: ['lift'] }], sync: { type: 'simultaneous' } },
        {
          id: 'seq',
          location: 1,
          duration: 10,
          window: [0, 500],
          staff: [{ skills: ['nurse'] }, { skills: ['lift'] }],
          sync: { type: 'sequential', minGap: 50, maxGap: 70 },
        },
        { id: 'x', location: 2, duration: 10 },
      ],
    }
    const plan = solveProblem(p, opts)
    expect(checkPlan(p, plan).errors).toEqual([])
    const all = plan.routes.flatMap((r) => r.stops.filter((s) => s.kind === 'visit').map((s) => ({ ...(s as VisitStop), cg: r.caregiverId })))
    const bath = all.filter((s) => s.visitId === 'bath')
    expect(bath).toHaveLength(2)
    expect(bath[0].cg).not.toBe(bath[1].cg)
    expect(bath[0].start).toBeCloseTo(bath[1].start, 9)
    const s0 = all.find((s) => s.visitId === 'seq' && s.part === 0)!
    const s1 = all.find((s) => s.visitId === 'seq' && s.part === 1)!
    expect(s1.start - s0.start).toBeGreaterThanOrEqual(50 - 1e-9)
    expect(s1.start - s0.start).toBeLessThanOrEqual(70 + 1e-9)
  })

  it('penalises lateness on soft windows instead of dropping visits', () => {
    const p: Problem = {
      locations: line(3),
      travel: { kind: 'euclidean' },
      caregivers: [{ id: 'a', skills: [], start: 0, shift: [0, 1000] }],
      visits: [
        { id: 'v1', location: 1, duration: 50, window: [0, 20], windowMode: 'soft' },
        { id: 'v2', location: 2, duration: 50, window: [0, 20], windowMode: 'soft', latenessPenalty: 3 },
      ],
    }
    const plan = solveProblem(p, opts)
    expect(plan.unassigned).toEqual([])
    expect(checkPlan(p, plan).errors).toEqual([])
    // v2 is more expensive to be late: served first (start 20), v1 then at 20+50+10 = 80 (late 60)
    const st = visitsOf(plan, 'a')
    expect(st[0].visitId).toBe('v2')
    expect(plan.totalLateness).toBeCloseTo(60, 6)
  })

  it('gives the same plan for the same seed', () => {
    const p = generateStreetDay({ visits: 60, caregivers: 6, doubleShare: 0.1, seed: 3 })
    const a = solveProblem(p, { timeLimitMs: 60000, seed: 7, maxIterations: 150 })
    const b = solveProblem(p, { timeLimitMs: 60000, seed: 7, maxIterations: 150 })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(checkPlan(p, a).errors).toEqual([])
  })

  it('runs independent starts before the last annealing run, and none when re-planning from an initial plan', () => {
    const p = generateStreetDay({ visits: 60, caregivers: 6, doubleShare: 0.1, seed: 5 })
    const o = { timeLimitMs: 60000, seed: 3, maxIterations: 400 }
    const plain = solveProblem(p, o, { starts: 0 })
    const started = solveProblem(p, o, { starts: 8 })
    // the default up to 150 visits is eight starts over half the budget
    expect(JSON.stringify(solveProblem(p, o))).toBe(JSON.stringify(solveProblem(p, o, { starts: 8, startShare: 0.5 })))
    expect(JSON.stringify(started)).not.toBe(JSON.stringify(plain))
    // a malformed count or share (extras from code, not users) falls back instead of breaking the walk
    expect(solveProblem(p, o, { starts: Number.NaN }).cost).toBe(plain.cost)
    expect(solveProblem(p, o, { startShare: Number.NaN }).cost).toBe(solveProblem(p, o).cost)
    for (const plan of [plain, started]) expect(checkPlan(p, plan).errors).toEqual([])
    // with an initial plan the starts are skipped: the option changes nothing
    const initial = Object.fromEntries(
      plain.routes.map((r) => [r.caregiverId, r.stops.flatMap((s) => (s.kind === 'visit' ? [{ visitId: s.visitId, part: s.part }] : []))]),
    )
    const a = solveProblem(p, { ...o, maxIterations: 100 }, { initial, starts: 0 })
    const b = solveProblem(p, { ...o, maxIterations: 100 }, { initial, starts: 8 })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(a.cost).toBeLessThanOrEqual(plain.cost + 1e-9)
  })

  it('looks for insertion positions next to the nearest tasks a qualified caregiver can share', () => {
    // Nursing visits on a row at y = 100, each with a basic visit right beside it (y = 101) that
    // the nursing caregiver cannot take. With one neighbour per visit (granular 1), the nearest
    // location of every nursing visit is its basic twin, so a neighbourhood by location alone
    // leaves only the route ends as candidates; the skill-aware one offers the places next to
    // the nearest nursing visit, and the greedy construction sweeps the row in order.
    const xs = [60, 0, 100, 20, 120, 40, 80, 140, 160]
    const p: Problem = {
      locations: [
        { x: 0, y: 0 },
        ...xs.flatMap((x) => [
          { x, y: 100 },
          { x, y: 101 },
        ]),
      ],
      travel: { kind: 'euclidean' },
      caregivers: [
        { id: 'n', skills: ['nursing'], start: 0, shift: [0, 10000] },
        { id: 'b', skills: ['basic'], start: 0, shift: [0, 10000] },
      ],
      visits: xs.flatMap((_, i) => [
        { id: `n${i}`, location: 1 + 2 * i, duration: 1, skills: ['nursing'] },
        { id: `b${i}`, location: 2 + 2 * i, duration: 1, skills: ['basic'] },
      ]),
    }
    const o = { timeLimitMs: 60000, seed: 1, maxIterations: 0 }
    const row = (plan: Plan): number[] => visitsOf(plan, 'n').map((s) => xs[Number(s.visitId.slice(1))])
    const skill = solveProblem(p, o, { granular: 1 })
    expect(checkPlan(p, skill).errors).toEqual([])
    const sorted = [...xs].sort((a, b) => a - b).join()
    const r = row(skill)
    expect(r.join() === sorted || [...r].reverse().join() === sorted).toBe(true)
    const byLocation = solveProblem(p, o, { granular: 1, skillNear: false })
    expect(checkPlan(p, byLocation).errors).toEqual([])
    expect(skill.distance).toBeLessThan(byLocation.distance - 1)
    // a malformed count (extras from code, not users) falls back to the default of 30
    expect(solveProblem(p, o, { granular: Number.NaN }).distance).toBe(solveProblem(p, o).distance)
  })

  it('stops when the (injected) clock passes the time limit', () => {
    const p = generateStreetDay({ visits: 40, caregivers: 4, doubleShare: 0.1, seed: 2 })
    let t = 0
    const plan = solveProblem(p, { timeLimitMs: 500, seed: 1, now: () => (t += 1) })
    expect(t).toBeLessThan(560)
    expect(checkPlan(p, plan).errors).toEqual([])
  })

  it('rejects a malformed problem with a clear message', () => {
    expect(() =>
      solveProblem({ travel: { kind: 'euclidean' }, locations: line(1), caregivers: [], visits: [{ id: 'v', location: 5, duration: 1 }] }, opts),
    ).toThrow(ProblemError)
    expect(() =>
      solveProblem({ travel: { kind: 'euclidean' }, locations: line(2), caregivers: [{ id: 'a', skills: [], start: 0, shift: [10, 0] }], visits: [] }, opts),
    ).toThrow(/shift/)
  })

  it('re-plans an urgent visit without moving started visits', () => {
    const p = generateStreetDay({ visits: 80, caregivers: 8, doubleShare: 0.1, seed: 4 })
    const base = solveProblem(p, { timeLimitMs: 60000, seed: 1, maxIterations: 200 })
    const now = 12 * 60
    const { problem: p2, plan } = replan(
      p,
      base,
      { id: 'urgent', location: p.visits[3].location, duration: 20, window: [now, now + 90], skills: ['basic'] },
      { now, maxIterations: 100, timeLimitMs: 60000 },
    )
    expect(checkPlan(p2, plan).errors).toEqual([])
    expect(plan.unassigned.map((u) => u.visitId)).not.toContain('urgent')
    for (const r of base.routes) {
      const after = plan.routes.find((x) => x.caregiverId === r.caregiverId)!
      const started = r.stops.filter((s) => s.start < now)
      expect(after.stops.slice(0, started.length)).toEqual(started)
      for (const s of after.stops.slice(started.length)) expect(s.start).toBeGreaterThanOrEqual(now)
    }
  })

  it.skipIf(!existsSync(distWorker))('runs in a worker thread', async () => {
    const p = generateStreetDay({ visits: 30, caregivers: 4, doubleShare: 0.1, seed: 1 })
    const plan = await solveInWorker(p, { timeLimitMs: 60000, seed: 1, maxIterations: 50 })
    expect(checkPlan(p, plan).errors).toEqual([])
    await expect(solveInWorker({ ...p, caregivers: [{ id: 'x', skills: [], start: 99999, shift: [0, 1] }] }, { timeLimitMs: 100 })).rejects.toThrow(
      /out of range/,
    )
  })
})

describe.skipIf(!haveBench)('home-care instances', () => {
  it('reaches the best-known cost on 10-patient instances', () => {
    const bks = JSON.parse(readFileSync(join(bench, 'hhc', 'bks.json'), 'utf8'))
    for (const name of ['InstanzCPLEX_HCSRP_10_1', 'InstanzCPLEX_HCSRP_10_4']) {
      const inst = parseHhc(JSON.parse(readFileSync(join(bench, 'hhc', 'instances', `${name}.json`), 'utf8')))
      const plan = solveProblem(hhcToProblem(inst), { timeLimitMs: 60000, seed: 1, maxIterations: 3000 })
      const out = planToHhc(inst, plan)
      const c = checkHhc(inst, out)
      expect(c.errors).toEqual([])
      expect(c.cost).toBeCloseTo(out.cost, 6)
      expect(c.cost).toBeLessThanOrEqual(bks[name].cost * 1.005)
    }
  })
})

describe('general engine input checks', () => {
  it('rejects a break that cannot fit in the shift, and returns at once when nothing can be assigned', () => {
    const base: Problem = {
      locations: [
        { x: 0, y: 0 },
        { x: 5, y: 0 },
      ],
      travel: { kind: 'euclidean' },
      caregivers: [{ id: 'a', skills: [], start: 0, shift: [0, 100], break: { window: [150, 160], duration: 10 } }],
      visits: [{ id: 'v', location: 1, duration: 5 }],
    }
    expect(() => solveProblem(base, { timeLimitMs: 100 })).toThrow(/break cannot be taken/)
    const none: Problem = {
      ...base,
      caregivers: [{ id: 'a', skills: [], start: 0, shift: [0, 100] }],
      visits: [{ id: 'v', location: 1, duration: 5, skills: ['x'] }],
    }
    let t = 0
    const plan = solveProblem(none, { timeLimitMs: 1000, now: () => (t += 1) })
    expect(plan.unassigned).toEqual([{ visitId: 'v', reason: 'no_skill', detail: expect.any(String) }])
    expect(plan.iterations).toBe(0)
  })
})
