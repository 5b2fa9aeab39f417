/** Worker-thread entry: receives { problem, options, extras }, posts back { plan } or { error }. */
import { parentPort } from 'node:worker_threads'
import { solveProblem } from './engine.js'

parentPort?.on(
  'message',
  (msg: { problem: Parameters<typeof solveProblem>[0]; options: Parameters<typeof solveProblem>[1]; extras?: Parameters<typeof solveProblem>[2] }) => {
    try {
      const plan = solveProblem(msg.problem, msg.options, msg.extras)
      parentPort?.postMessage({ plan })
    } catch (e) {
      parentPort?.postMessage({ error: (e as Error).message, name: (e as Error).name })
    }
  },
)
