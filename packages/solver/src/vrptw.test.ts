import { describe, it, expect } from 'vitest'
import { solveVrptw, type VrptwResult } from './vrptw.js'
import { checkSolomon } from './check-solomon.js'
import { fleetLowerBound } from './vrptw-bound.js'
import { Rng } from './rng.js'
import type { VrptwInstance } from './solomon.js'

function randomInstance(seed: number, n: number): VrptwInstance {
  const r = new Rng(seed)
  const N = n + 1
  const inst: VrptwInstance = {
    name: `rand${seed}`,
    n,
    vehicles: n,
    capacity: 30,
    x: new Float64Array(N),
    y: new Float64Array(N),
    demand: new Float64Array(N),
    ready: new Float64Array(N),
    due: new Float64Array(N),
    service: new Float64Array(N),
  }
  inst.x[0] = 50
  inst.y[0] = 50
  inst.due[0] = 400
  for (let i = 1; i <= n; i++) {
    inst.x[i] = r.int(100)
    inst.y[i] = r.int(100)
    inst.demand[i] = 1 + r.int(12)
    inst.ready[i] = r.int(150)
    inst.due[i] = inst.ready[i] + 40 + r.int(120)
    inst.service[i] = 5
  }
  return inst
}

/** two runs of the same search gave the same plan, and it is feasible with every customer served */
function expectSameFeasible(inst: VrptwInstance, a: VrptwResult, b: VrptwResult): ReturnType<typeof checkSolomon> {
  expect(a.routes).toEqual(b.routes)
  const c = checkSolomon(inst, a.routes)
  expect(c.feasible).toBe(true)
  expect(a.unassigned).toEqual([])
  return c
}

/** solves twice with the same options: the same plan, checker-feasible, complete, with the distance it reports */
function solveTwiceFeasible(inst: VrptwInstance, opts: Parameters<typeof solveVrptw>[1]): VrptwResult {
  const a = solveVrptw(inst, opts)
  const c = expectSameFeasible(inst, a, solveVrptw(inst, opts))
  expect(c.distance).toBeCloseTo(a.distance, 6)
  return a
}

/** every customer 1..n is on exactly one route */
function expectEveryCustomerServed(a: VrptwResult, n: number): void {
  expect(a.routes.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
}

/** the answer is never worse than the plan the fleet phase handed over (same options, no distance-phase iteration) */
function expectNoWorseThanFleetPhase(inst: VrptwInstance, opts: Parameters<typeof solveVrptw>[1], a: VrptwResult): void {
  const start = solveVrptw(inst, { ...opts, maxIterations: 0 })
  expect(a.vehicles).toBeLessThanOrEqual(start.vehicles)
  if (a.vehicles === start.vehicles) expect(a.distance).toBeLessThanOrEqual(start.distance + 1e-9)
}

/** exact optimum (fewest vehicles, then distance) by enumerating giant tours and splits */
function bruteForce(inst: VrptwInstance): { vehicles: number; distance: number } {
  const n = inst.n
  const perm = Array.from({ length: n }, (_, i) => i + 1)
  let best = { vehicles: Infinity, distance: Infinity }
  const permute = (k: number): void => {
    if (k === n) {
      for (let mask = 0; mask < 1 << (n - 1); mask++) {
        const routes: number[][] = [[perm[0]]]
        for (let i = 1; i < n; i++) {
          if (mask & (1 << (i - 1))) routes.push([perm[i]])
          else routes[routes.length - 1].push(perm[i])
        }
        if (routes.length > best.vehicles) continue
        const c = checkSolomon(inst, routes)
        if (!c.feasible) continue
        if (c.vehicles < best.vehicles || (c.vehicles === best.vehicles && c.distance < best.distance - 1e-9))
          best = { vehicles: c.vehicles, distance: c.distance }
      }
      return
    }
    for (let i = k; i < n; i++) {
      ;[perm[k], perm[i]] = [perm[i], perm[k]]
      permute(k + 1)
      ;[perm[k], perm[i]] = [perm[i], perm[k]]
    }
  }
  permute(0)
  return best
}

function boundOf(inst: VrptwInstance): number {
  const N = inst.n + 1
  const d = new Float64Array(N * N)
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) d[i * N + j] = Math.hypot(inst.x[i] - inst.x[j], inst.y[i] - inst.y[j])
  const servable = new Uint8Array(N).fill(1)
  servable[0] = 0
  return fleetLowerBound({ n: inst.n, d, ready: inst.ready, due: inst.due, service: inst.service, demand: inst.demand, capacity: inst.capacity, servable })
}

describe('fleet lower bound (customers that cannot share a route)', () => {
  it('never exceeds the brute-force optimum and reaches it when the windows force the fleet', () => {
    let reached = 0
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const inst = randomInstance(seed, 6)
      // narrow windows on half of the seeds, so that some pairs cannot share a route
      if (seed % 2 === 0) for (let i = 1; i <= 6; i++) inst.due[i] = inst.ready[i] + 8
      const opt = bruteForce(inst)
      const lb = boundOf(inst)
      expect(lb).toBeGreaterThanOrEqual(1)
      expect(lb).toBeLessThanOrEqual(opt.vehicles)
      if (lb === opt.vehicles && opt.vehicles > 1) reached++
    }
    expect(reached).toBeGreaterThan(0)
  }, 60000)
  it('counts customers whose windows or demands exclude each other', () => {
    const inst = randomInstance(3, 8)
    // five customers due at the same moment at far-apart places: no two on one route
    for (let i = 1; i <= 5; i++) {
      inst.x[i] = 50 + 40 * Math.cos(i)
      inst.y[i] = 50 + 40 * Math.sin(i)
      inst.ready[i] = 100
      inst.due[i] = 101
      inst.demand[i] = 1
    }
    expect(boundOf(inst)).toBe(5)
    // demands above half of the capacity exclude each other whatever the windows
    const heavy = randomInstance(4, 7)
    for (let i = 1; i <= 7; i++) {
      heavy.demand[i] = 16
      heavy.ready[i] = 0
      heavy.due[i] = 300
    }
    expect(boundOf(heavy)).toBe(7)
    // the search reaches that fleet and spends no removal attempt below it
    const run = (fleetBound: boolean) => {
      let t = 0
      return solveVrptw(inst, { timeLimitMs: 400, seed: 1, now: () => (t += 1), fleetBound })
    }
    const on = run(true)
    const off = run(false)
    expect(checkSolomon(inst, on.routes).feasible).toBe(true)
    expect(on.vehicles).toBe(5)
    expect(off.vehicles).toBe(5)
    expect(on.fleetMs ?? 0).toBeLessThan(off.fleetMs ?? 0)
  }, 60000)
})

describe('VRPTW engine', () => {
  it('matches the brute-force optimum on tiny instances', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const inst = randomInstance(seed, 6)
      const opt = bruteForce(inst)
      const res = solveVrptw(inst, { timeLimitMs: 60000, seed: 1, maxIterations: 3000 })
      const c = checkSolomon(inst, res.routes)
      expect(c.feasible).toBe(true)
      expect(res.unassigned).toEqual([])
      expect(c.vehicles).toBe(opt.vehicles)
      expect(c.distance).toBeCloseTo(opt.distance, 6)
    }
  })
  it('is deterministic for a given seed and iteration budget', () => {
    const inst = randomInstance(9, 30)
    const a = solveVrptw(inst, { timeLimitMs: 60000, seed: 42, maxIterations: 2000 })
    const b = solveVrptw(inst, { timeLimitMs: 60000, seed: 42, maxIterations: 2000 })
    expect(a.routes).toEqual(b.routes)
    expect(a.distance).toBe(b.distance)
  })
  it('stops when the (injected) clock passes the time limit', () => {
    const inst = randomInstance(3, 40)
    let t = 0
    const res = solveVrptw(inst, { timeLimitMs: 1000, seed: 1, now: () => (t += 1) })
    // every clock read advances 1 ms: the search must stop after about 1000 reads
    expect(t).toBeLessThan(1100)
    expect(checkSolomon(inst, res.routes).feasible).toBe(true)
  })
  it('reports customers that no vehicle can serve instead of dropping them', () => {
    const inst = randomInstance(4, 8)
    inst.due[3] = 0 // unreachable window
    inst.ready[3] = 0
    inst.demand[5] = 99 // over capacity
    const res = solveVrptw(inst, { timeLimitMs: 60000, seed: 1, maxIterations: 200 })
    expect(res.unassigned.sort()).toEqual([3, 5])
    const served = res.routes.flat().sort((a, b) => a - b)
    expect(served).toEqual([1, 2, 4, 6, 7, 8])
  })
  it('local search (segment concatenation) and insertion with ejection keep every answer feasible and deterministic', () => {
    let moves = 0
    for (const seed of [11, 12, 13]) {
      const inst = randomInstance(seed, 40)
      // local search on every candidate, ejection on every fleet-minimisation step
      const opts = { timeLimitMs: 60000, seed, maxIterations: 200, lsProb: 1, ejectProb: 1, ejectMax: 40 }
      const a = solveTwiceFeasible(inst, opts)
      moves += (a.lsMoves ?? []).reduce((x, y) => x + y, 0)
      // the same search without the local search
      const off = solveVrptw(inst, { ...opts, lsNeighbours: 0 })
      expect(checkSolomon(inst, off.routes).feasible).toBe(true)
    }
    expect(moves).toBeGreaterThan(0)
  }, 60000)
  it('ejection search (up to three customers) and repeated route-removal attempts keep every answer feasible and deterministic', () => {
    let ejections = 0
    for (const seed of [22, 23]) {
      const inst = randomInstance(seed, 40)
      // a clock that advances 1 ms per read: attempts stall and are retried at the same points in both runs
      const run = (k: number) => {
        let t = 0
        return solveVrptw(inst, { timeLimitMs: 400, seed, now: () => (t += 1), ejectionProb: 0.5, ejectionK: k, fleetRetries: 5, stallShare: 0.05 })
      }
      for (const k of [1, 3]) {
        const a = run(k)
        const b = run(k)
        expectSameFeasible(inst, a, b)
        expectEveryCustomerServed(a, 40)
        ejections += a.lsMoves?.[4] ?? 0
      }
    }
    expect(ejections).toBeGreaterThan(0)
  }, 60000)
  it('squeeze (penalised local search) with routes reopened in fleet minimisation keeps every answer feasible and deterministic', () => {
    let squeezes = 0
    for (const seed of [31, 32, 33]) {
      const inst = randomInstance(seed, 40)
      const run = () => {
        let t = 0
        return solveVrptw(inst, { timeLimitMs: 600, seed, now: () => (t += 1), squeezeProb: 1, squeezeMax: 40, fleetReopen: true })
      }
      const a = run()
      const b = run()
      const c = expectSameFeasible(inst, a, b)
      expectEveryCustomerServed(a, 40)
      expect(c.distance).toBeCloseTo(a.distance, 6)
      squeezes += a.lsMoves?.[5] ?? 0
    }
    // the squeeze did put customers in that plain insertion could not place
    expect(squeezes).toBeGreaterThan(0)
  }, 60000)
  it('route minimisation by ejection and perturbation (Nagata & Bräysy) keeps every answer feasible, complete and deterministic', () => {
    let perturbed = 0
    let ejected = 0
    for (const seed of [51, 52, 53]) {
      // narrow windows and a large vehicle: the windows, not the load, decide the fleet
      const inst = randomInstance(seed, 40)
      inst.capacity = 200
      for (let i = 1; i <= 40; i++) {
        // every window opens after the customer can be reached from the depot
        inst.ready[i] = Math.max(inst.ready[i], Math.ceil(Math.hypot(inst.x[i] - 50, inst.y[i] - 50)))
        inst.due[i] = inst.ready[i] + 15 + ((i * 7) % 30)
      }
      // from the first step, and only after ruin and recreate has stalled (absence counters reset
      // for each route removal, the default, or inherited from ruin and recreate)
      let fleet = 0
      for (const nb of [{ nbRouteLen: 40 }, { nbAfterStall: 40, stallShare: 0.02 }, { nbAfterStall: 40, stallShare: 0.02, nbResetAbs: false }]) {
        const run = () => {
          let t = 0
          return solveVrptw(inst, { timeLimitMs: 600, seed, now: () => (t += 1), nbPerturb: 200, ...nb })
        }
        const a = run()
        const b = run()
        const c = expectSameFeasible(inst, a, b)
        expect(c.distance).toBeCloseTo(a.distance, 6)
        expectEveryCustomerServed(a, 40)
        perturbed += a.lsMoves?.[6] ?? 0
        ejected += a.lsMoves?.[4] ?? 0
        fleet = Math.max(fleet, a.vehicles)
      }
      // the fleet it reaches is within one vehicle of plain ruin and recreate's with the same clock
      let t = 0
      const plain = solveVrptw(inst, { timeLimitMs: 600, seed, now: () => (t += 1) })
      expect(fleet).toBeLessThanOrEqual(plain.vehicles + 1)
    }
    // the steps did run: ejections, and random feasible moves after them
    expect(ejected).toBeGreaterThan(0)
    expect(perturbed).toBeGreaterThan(0)
  }, 60000)
  it('annealing restarted from the best plan (saRuns) keeps every answer feasible and deterministic', () => {
    for (const seed of [41, 42]) {
      const inst = randomInstance(seed, 40)
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, saRuns: 3, saCross: false }
      const a = solveTwiceFeasible(inst, opts)
      // a restart goes back to the best plan: the answer is never worse than what the fleet phase handed over
      const single = solveVrptw(inst, { ...opts, saRuns: 1, maxIterations: 0 })
      expect(a.vehicles).toBeLessThanOrEqual(single.vehicles)
    }
  }, 60000)
  it('a recreate that gives up past the drawn acceptance threshold (earlyAbort) keeps every answer feasible, complete and deterministic', () => {
    let abandoned = 0
    for (const seed of [51, 52]) {
      const inst = randomInstance(seed, 50)
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, earlyAbort: true }
      const a = solveTwiceFeasible(inst, opts)
      expectEveryCustomerServed(a, 50)
      expectNoWorseThanFleetPhase(inst, opts, a)
      abandoned += a.abandoned ?? 0
      expect(a.abandoned).toBeLessThanOrEqual(a.iterations)
      // off, no candidate is given up
      expect(solveVrptw(inst, { ...opts, earlyAbort: false }).abandoned).toBe(0)
      // nor with the local search on random candidates, which may shorten one after its recreate
      expect(solveVrptw(inst, { ...opts, lsProb: 0.05 }).abandoned).toBe(0)
    }
    // most candidates of a cooling walk are worse than the current plan: many recreates give up
    expect(abandoned).toBeGreaterThan(100)
  }, 60000)
  it('string exchanges between routes in the local search (lsExchange) keep every answer feasible, complete and deterministic', () => {
    let exchanges = 0
    for (const seed of [63, 64]) {
      const inst = randomInstance(seed, 50)
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, lsExchange: true }
      const a = solveTwiceFeasible(inst, opts)
      expectEveryCustomerServed(a, 50)
      expectNoWorseThanFleetPhase(inst, opts, a)
      exchanges += a.lsMoves?.[9] ?? 0
      expect(solveVrptw(inst, { ...opts, lsExchange: false }).lsMoves?.[9]).toBe(0)
    }
    // strings are exchanged (none when it is off)
    expect(exchanges).toBeGreaterThan(0)
  }, 60000)
  it('a squeeze of the one customer a distance-phase candidate left out keeps every answer feasible and deterministic', () => {
    let squeezes = 0
    for (const seed of [61, 62]) {
      const inst = randomInstance(seed, 40)
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, distSqueeze: 1 }
      const a = solveTwiceFeasible(inst, opts)
      expectEveryCustomerServed(a, 40)
      squeezes += a.lsMoves?.[5] ?? 0
    }
    // candidates the plain repair would have dropped were completed
    expect(squeezes).toBeGreaterThan(0)
  }, 60000)
  it('relaxed windows (penalised local search, then repair) keep every answer feasible and deterministic', () => {
    let relaxed = 0
    let relaxedLocal = 0
    for (const [seed, relaxLocal] of [
      [81, false],
      [82, false],
      [83, true],
      [85, true],
    ] as const) {
      const inst = randomInstance(seed, 40)
      // relaxLocal: the search starts only from the routes the ruin and recreate changed
      const opts = {
        timeLimitMs: 60000,
        seed,
        maxIterations: 2000,
        relaxLambda: 0.5,
        relaxProb: 0.05,
        relaxRestart: true,
        relaxLocal,
        lsLocal: relaxLocal,
        lsProb: relaxLocal ? 0.05 : 0,
      }
      const a = solveTwiceFeasible(inst, opts)
      expectEveryCustomerServed(a, 40)
      relaxed += a.lsMoves?.[7] ?? 0
      if (relaxLocal) relaxedLocal += a.lsMoves?.[7] ?? 0
      expectNoWorseThanFleetPhase(inst, opts, a)
    }
    // relaxed runs did end feasible (their plans were repaired)
    expect(relaxed).toBeGreaterThan(0)
    expect(relaxedLocal).toBeGreaterThan(0)
  }, 60000)
  it('intra-route 2-opt (lsTwoOpt) in the plain and the relaxed local search keeps every answer feasible, complete and deterministic', () => {
    let reversed = 0
    for (const seed of [121, 122, 123]) {
      const inst = randomInstance(seed, 40)
      // wide windows and a large capacity: long routes, where a reversed segment can fit
      for (let i = 1; i <= 40; i++) inst.due[i] = inst.ready[i] + 250
      inst.capacity = 200
      const opts = { timeLimitMs: 60000, seed, maxIterations: 2000, lsTwoOpt: true, lsProb: 0.05, relaxProb: 0.05 }
      const a = solveTwiceFeasible(inst, opts)
      reversed += a.lsMoves?.[8] ?? 0
      expectEveryCustomerServed(a, 40)
      expectNoWorseThanFleetPhase(inst, opts, a)
      // off, no segment is ever reversed by the plain search
      expect(solveVrptw(inst, { ...opts, lsTwoOpt: false }).lsMoves?.[8]).toBe(0)
    }
    expect(reversed).toBeGreaterThan(0)
  }, 60000)
  it('crossover of annealing runs (saCross) keeps every answer feasible, complete and deterministic', () => {
    let children = 0
    for (const seed of [91, 92, 93]) {
      const inst = randomInstance(seed, 40)
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, saRuns: 5, saCross: true, starts: 0 }
      const a = solveTwiceFeasible(inst, opts)
      children += a.crossovers ?? 0
      expectEveryCustomerServed(a, 40)
      expectNoWorseThanFleetPhase(inst, opts, a)
    }
    // runs after the second start from children of two earlier runs (up to three per answer)
    expect(children).toBeGreaterThan(0)
    expect(children).toBeLessThanOrEqual(9)
  }, 60000)
  it('independent starts (starts) bring new constructions down to the fleet and keep every answer feasible, complete and deterministic', () => {
    let fresh = 0
    let differs = 0
    for (const seed of [111, 112, 113]) {
      const inst = randomInstance(seed, 40)
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, saRuns: 4, starts: 4 }
      const a = solveTwiceFeasible(inst, opts)
      fresh += a.freshStarts ?? 0
      expect(a.freshStarts ?? 0).toBeLessThanOrEqual(3)
      expectEveryCustomerServed(a, 40)
      expectNoWorseThanFleetPhase(inst, opts, a)
      const off = solveVrptw(inst, { ...opts, starts: 0 })
      expect(off.freshStarts).toBe(0)
      if (Math.abs(off.distance - a.distance) > 1e-9 || off.vehicles !== a.vehicles) differs++
      // a malformed count or share changes nothing and stops nothing
      expect(checkSolomon(inst, solveVrptw(inst, { ...opts, starts: Number.NaN, startShare: Number.NaN }).routes).feasible).toBe(true)
    }
    // starts 2–4 of each answer come from new plans at the best fleet, and they change the walk
    expect(fresh).toBeGreaterThan(0)
    expect(differs).toBeGreaterThan(0)
  }, 60000)
  it('starts from a rebuilt region of the fleet phase plan (regionStarts, where the fleet came slowly) keep every answer feasible, complete and deterministic', () => {
    let rebuilt = 0
    for (const seed of [121, 122, 123]) {
      const inst = randomInstance(seed, 40)
      // every fleet counts as slow, so only region starts can run
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, saRuns: 4, starts: 4, quickFleetShare: -1 }
      expect(solveVrptw(inst, opts).freshStarts).toBe(0)
      const a = solveTwiceFeasible(inst, { ...opts, regionStarts: true })
      rebuilt += a.freshStarts ?? 0
      expectEveryCustomerServed(a, 40)
      expectNoWorseThanFleetPhase(inst, opts, a)
    }
    expect(rebuilt).toBeGreaterThan(0)
  }, 60000)
  it('fresh retries (fleetFresh) bring a new construction to one route fewer when a removal stalled one customer short, feasible, complete and deterministic', () => {
    // wide capacity: the windows, not the loads, decide the fleet
    const inst = { ...randomInstance(48, 40), capacity: 200 }
    const run = (fleetFresh: number) => {
      let t = 0
      return solveVrptw(inst, { timeLimitMs: 600, seed: 48, now: () => (t += 1), fleetFresh })
    }
    const a = run(3)
    expect(run(3).routes).toEqual(a.routes)
    expect(a.freshWins).toBe(1)
    expect(checkSolomon(inst, a.routes).feasible).toBe(true)
    expectEveryCustomerServed(a, 40)
    const off = run(0)
    expect(off.freshWins).toBe(0)
    expect(a.vehicles).toBeLessThanOrEqual(off.vehicles)
    // a malformed count stops nothing
    expect(checkSolomon(inst, run(Number.NaN).routes).feasible).toBe(true)
  }, 60000)
  it('left-out customers kept in the annealing walk (leftOutPenalty) end in a feasible, complete, deterministic answer', () => {
    let kept = 0
    for (const [seed, every] of [
      [101, 1],
      [105, 2],
    ] as const) {
      const inst = randomInstance(seed, 40)
      const opts = { timeLimitMs: 60000, seed, maxIterations: 3000, saRuns: 4, leftOutPenalty: 20, leftOutEvery: every }
      const a = solveTwiceFeasible(inst, opts)
      kept += a.leftOutSteps ?? 0
      // the best plan only ever takes complete plans
      expectEveryCustomerServed(a, 40)
      expectNoWorseThanFleetPhase(inst, opts, a)
    }
    // the walk did go through incomplete plans
    expect(kept).toBeGreaterThan(0)
    // off by default
    expect(solveVrptw(randomInstance(101, 40), { timeLimitMs: 60000, seed: 101, maxIterations: 2000 }).leftOutSteps).toBe(0)
  }, 60000)
  it('granular insertion (off by default) and the full scan both keep every answer feasible, complete and deterministic', () => {
    for (const seed of [131, 132]) {
      const inst = randomInstance(seed, 60)
      for (const granular of [0, 8, Number.NaN]) {
        const a = solveTwiceFeasible(inst, { timeLimitMs: 60000, seed, maxIterations: 2000, granular })
        expectEveryCustomerServed(a, 60)
      }
      // a malformed count is the default
      expect(solveVrptw(inst, { timeLimitMs: 60000, seed, maxIterations: 2000, granular: Number.NaN }).routes).toEqual(
        solveVrptw(inst, { timeLimitMs: 60000, seed, maxIterations: 2000 }).routes,
      )
    }
  }, 60000)
  it('fleet-minimisation attempt caps that grow more slowly than a long budget (fleetBudgetExp) end a stalled fleet phase sooner', () => {
    const inst = randomInstance(76, 40)
    const run = (x: number) => {
      let t = 0
      return solveVrptw(inst, { timeLimitMs: 6000, seed: 76, now: () => (t += 1), fleetBudgetRefMs: 150, fleetBudgetExp: x })
    }
    const plain = run(1)
    const slow = run(0.3)
    expect(checkSolomon(inst, slow.routes).feasible).toBe(true)
    // the stalled last attempt is given up sooner, at the same fleet
    expect(slow.fleetMs ?? 0).toBeLessThan(plain.fleetMs ?? 0)
    expect(slow.vehicles).toBe(plain.vehicles)
  }, 60000)
})

describe('fleet minimisation at the lower bound', () => {
  /**
   * 20 customers beside the depot, demand 10 of 50 (capacity bound: 4 routes), service 100 in
   * a day of 430: a route serves at most four, so four routes leave four customers out, more
   * than half a route's, however long the removal runs
   */
  function fullDay(): VrptwInstance {
    const inst = randomInstance(1, 20)
    inst.capacity = 50
    inst.x[0] = 0
    inst.y[0] = 0
    inst.due[0] = 430
    for (let i = 1; i <= 20; i++) {
      inst.x[i] = Math.cos(i)
      inst.y[i] = Math.sin(i)
      inst.demand[i] = 10
      inst.ready[i] = 0
      inst.due[i] = 325
      inst.service[i] = 100
    }
    return inst
  }
  it('gives up a removal down to the bound that keeps half a route out without progress (lbHopeless), at the same fleet', () => {
    const inst = fullDay()
    const run = (lbHopeless: boolean) => {
      let t = 0
      return solveVrptw(inst, { timeLimitMs: 6000, seed: 3, now: () => (t += 4), lbHopeless })
    }
    const on = run(true)
    const off = run(false)
    for (const r of [on, off]) {
      expect(checkSolomon(inst, r.routes).feasible).toBe(true)
      expect(r.vehicles).toBe(5)
    }
    // the hopeless attempt at four routes ends about a second (of the injected clock) after it
    // stopped leaving fewer out, not at the fleet phase's caps (2.5 s)
    expect(on.fleetMs ?? 0).toBeLessThan(2000)
    expect(off.fleetMs ?? 0).toBeGreaterThan((on.fleetMs ?? 0) + 500)
  }, 60000)
})
