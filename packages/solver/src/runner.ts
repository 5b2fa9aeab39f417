/** Run the engine in a worker thread so the caller's event loop stays responsive. */
import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { EngineExtras } from './engine.js'
import { ProblemError } from './engine.js'
import type { Plan, Problem, SolveOptions } from './model.js'

function workerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url)
  if (existsSync(fileURLToPath(here))) return here
  // running from sources (tests): use the compiled worker
  return new URL('../dist/worker.js', import.meta.url)
}

export function solveInWorker(problem: Problem, options: Omit<SolveOptions, 'now' | 'onFirstComplete'>, extras?: EngineExtras): Promise<Plan> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl())
    let done = false
    w.once('message', (m: { plan?: Plan; error?: string; name?: string }) => {
      done = true
      void w.terminate()
      if (m.plan) resolve(m.plan)
      else reject(m.name === 'ProblemError' ? new ProblemError(m.error ?? 'invalid problem') : new Error(m.error ?? 'solver failed'))
    })
    w.once('error', (e) => {
      if (!done) reject(e)
    })
    w.once('exit', (code) => {
      if (!done) reject(new Error(`solver worker exited with code ${code}`))
    })
    w.postMessage({ problem, options, extras })
  })
}
