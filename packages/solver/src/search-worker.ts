/** Worker-thread entry of the parallel search (see parallel.ts): one independent search per worker. */
import { parentPort } from 'node:worker_threads'
import { solveVrptw, type VrptwOptions } from './vrptw.js'
import { solveProblem, type EngineExtras } from './engine.js'
import type { Problem, SolveOptions } from './model.js'
import type { VrptwInstance } from './solomon.js'

export type SearchJob =
  | { kind: 'vrptw'; inst: VrptwInstance; opts: Omit<VrptwOptions, 'now'>; deadline: number }
  | { kind: 'problem'; problem: Problem; opts: Omit<SolveOptions, 'now' | 'onFirstComplete'>; extras?: EngineExtras; deadline: number }

parentPort?.on('message', (job: SearchJob) => {
  try {
    // the budget is an absolute deadline set by the caller, so worker start-up time counts
    const left = Math.max(1, job.deadline - (performance.timeOrigin + performance.now()))
    const result =
      job.kind === 'vrptw'
        ? solveVrptw(job.inst, { ...job.opts, timeLimitMs: left })
        : solveProblem(job.problem, { ...job.opts, timeLimitMs: left }, job.extras)
    parentPort?.postMessage({ result })
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).message, name: (e as Error).name })
  }
})
