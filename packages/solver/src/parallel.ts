/**
 * Parallel search: N independent searches in worker threads, thread i seeded with
 * `seed + i * SEED_STRIDE` (thread 0 keeps the caller's seed, so one thread gives exactly the
 * single-threaded answer). The best answer wins, ties going to the lowest thread index, so the
 * result depends only on the seed, the thread count and the iteration budget — not on which
 * worker finishes first. Independent searches rather than a shared best: exchanging solutions
 * mid-run would make the answer depend on message timing.
 */
import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { availableParallelism, cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { solveVrptw, type VrptwOptions, type VrptwResult } from './vrptw.js'
import { solveProblem, ProblemError, type EngineExtras } from './engine.js'
import type { Plan, Problem, SolveOptions } from './model.js'
import type { VrptwInstance } from './solomon.js'
import type { SearchJob } from './search-worker.js'

export const SEED_STRIDE = 7919

/** Default thread count: the machine's cores, at most 8. */
export function defaultThreads(): number {
  const n = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length
  return Math.max(1, Math.min(8, n))
}

function workerUrl(): URL {
  const here = new URL('./search-worker.js', import.meta.url)
  if (existsSync(fileURLToPath(here))) return here
  // running from sources (tests): use the compiled worker
  return new URL('../dist/search-worker.js', import.meta.url)
}

/** Absolute deadline in epoch ms (performance.timeOrigin is shared meaning across threads). */
function epochNow(): number {
  return performance.timeOrigin + performance.now()
}

function runJob<T>(job: SearchJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl())
    let done = false
    w.once('message', (m: { result?: T; error?: string; name?: string }) => {
      done = true
      void w.terminate()
      if (m.result !== undefined) resolve(m.result)
      else reject(m.name === 'ProblemError' ? new ProblemError(m.error ?? 'invalid problem') : new Error(m.error ?? 'solver failed'))
    })
    w.once('error', (e) => {
      if (!done) reject(e)
    })
    w.once('exit', (code) => {
      if (!done) reject(new Error(`solver worker exited with code ${code}`))
    })
    w.postMessage(job)
  })
}

/**
 * The order in which the parallel search picks its answer: fewer unassigned customers, then
 * fewer vehicles, then less distance. Strict, so ties keep the earlier (lower-index) thread.
 */
export function betterVrptw(
  a: Pick<VrptwResult, 'unassigned' | 'vehicles' | 'distance'>,
  b: Pick<VrptwResult, 'unassigned' | 'vehicles' | 'distance'>,
): boolean {
  const ua = a.unassigned.length
  const ub = b.unassigned.length
  return ua < ub || (ua === ub && (a.vehicles < b.vehicles || (a.vehicles === b.vehicles && a.distance < b.distance)))
}

export type ParallelVrptwOptions = Omit<VrptwOptions, 'now'> & { threads?: number }

export async function solveVrptwParallel(inst: VrptwInstance, opts: ParallelVrptwOptions): Promise<VrptwResult> {
  const threads = Math.max(1, Math.floor(opts.threads ?? defaultThreads()))
  const { threads: _t, ...base } = opts
  void _t
  const seed = base.seed ?? 1
  if (threads === 1) return solveVrptw(inst, { ...base, seed })
  const deadline = epochNow() + base.timeLimitMs
  const jobs: Promise<VrptwResult>[] = []
  for (let i = 0; i < threads; i++) jobs.push(runJob<VrptwResult>({ kind: 'vrptw', inst, opts: { ...base, seed: seed + i * SEED_STRIDE }, deadline }))
  const res = await Promise.all(jobs)
  let best = 0
  for (let i = 1; i < res.length; i++) if (betterVrptw(res[i], res[best])) best = i
  const out = res[best]
  out.iterations = res.reduce((t, r) => t + r.iterations, 0)
  return out
}

export type ParallelSolveOptions = Omit<SolveOptions, 'now' | 'onFirstComplete'> & { threads?: number }

export async function solveProblemParallel(problem: Problem, opts: ParallelSolveOptions, extras?: EngineExtras): Promise<Plan> {
  const threads = Math.max(1, Math.floor(opts.threads ?? defaultThreads()))
  const { threads: _t, ...base } = opts
  void _t
  const seed = base.seed ?? 1
  if (threads === 1) return solveProblem(problem, { ...base, seed }, extras)
  const deadline = epochNow() + base.timeLimitMs
  const jobs: Promise<Plan>[] = []
  for (let i = 0; i < threads; i++) jobs.push(runJob<Plan>({ kind: 'problem', problem, opts: { ...base, seed: seed + i * SEED_STRIDE }, extras, deadline }))
  const res = await Promise.all(jobs)
  let best = 0
  for (let i = 1; i < res.length; i++) {
    const a = res[i]
    const b = res[best]
    if (a.unassigned.length < b.unassigned.length || (a.unassigned.length === b.unassigned.length && a.cost < b.cost)) best = i
  }
  const out = res[best]
  out.iterations = res.reduce((t, r) => t + r.iterations, 0)
  return out
}
