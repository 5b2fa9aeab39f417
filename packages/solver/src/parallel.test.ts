import { describe, it, expect } from 'vitest'
import { solveVrptwParallel, solveProblemParallel, defaultThreads } from './parallel.js'
import { solveVrptw } from './vrptw.js'
import { solveProblem } from './engine.js'
import { checkSolomon } from './check-solomon.js'
import { checkPlan } from './check-plan.js'
import { generateStreetDay } from './gen.js'
import { Rng } from './rng.js'
import type { VrptwInstance } from './solomon.js'

function instance(seed: number, n: number): VrptwInstance {
  const r = new Rng(seed)
  const N = n + 1
  const inst: VrptwInstance = {
    name: 'p',
    n,
    vehicles: n,
    capacity: 40,
    x: new Float64Array(N),
    y: new Float64Array(N),
    demand: new Float64Array(N),
    ready: new Float64Array(N),
    due: new Float64Array(N),
    service: new Float64Array(N),
  }
  inst.x[0] = 50
  inst.y[0] = 50
  inst.due[0] = 600
  for (let i = 1; i <= n; i++) {
    inst.x[i] = r.int(100)
    inst.y[i] = r.int(100)
    inst.demand[i] = 1 + r.int(10)
    inst.ready[i] = r.int(300)
    inst.due[i] = inst.ready[i] + 60 + r.int(150)
    inst.service[i] = 5
  }
  return inst
}

describe('parallel search', () => {
  it('defaults to the machine cores, at most 8', () => {
    expect(defaultThreads()).toBeGreaterThanOrEqual(1)
    expect(defaultThreads()).toBeLessThanOrEqual(8)
  })
  it('one thread is exactly the single-threaded search', async () => {
    const inst = instance(3, 40)
    const a = await solveVrptwParallel(inst, { timeLimitMs: 60000, seed: 5, maxIterations: 400, threads: 1 })
    const b = solveVrptw(inst, { timeLimitMs: 60000, seed: 5, maxIterations: 400 })
    expect(a.routes).toEqual(b.routes)
  })
  it('VRPTW: same seed and thread count give the same answer, checked feasible, no worse than thread 0', async () => {
    const inst = instance(4, 60)
    const opts = { timeLimitMs: 60000, seed: 2, maxIterations: 600, threads: 3 }
    const a = await solveVrptwParallel(inst, opts)
    const b = await solveVrptwParallel(inst, opts)
    expect(a.routes).toEqual(b.routes)
    expect(checkSolomon(inst, a.routes).feasible).toBe(true)
    const one = solveVrptw(inst, { timeLimitMs: 60000, seed: 2, maxIterations: 600 })
    expect(a.vehicles * 1e6 + a.distance).toBeLessThanOrEqual(one.vehicles * 1e6 + one.distance + 1e-9)
  })
  it('general model: same seed and thread count give the same plan, checked feasible', async () => {
    const p = generateStreetDay({ visits: 40, caregivers: 5, doubleShare: 0.1, seed: 3 })
    const opts = { timeLimitMs: 60000, seed: 1, maxIterations: 200, threads: 2 }
    const a = await solveProblemParallel(p, opts)
    const b = await solveProblemParallel(p, opts)
    expect(a.routes).toEqual(b.routes)
    expect(checkPlan(p, a).feasible).toBe(true)
    const one = solveProblem(p, { timeLimitMs: 60000, seed: 1, maxIterations: 200 })
    expect(a.cost).toBeLessThanOrEqual(one.cost + 1e-9)
  })
})
