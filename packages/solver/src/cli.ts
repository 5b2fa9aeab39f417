/** Command-line front end: `solve --format solomon|hhc --time-limit-ms N [--seed N] [--threads N] FILE`. */
import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { parseSolomon, InputError } from './solomon.js'
import { solveVrptw } from './vrptw.js'
import { checkSolomon } from './check-solomon.js'
import { parseHhc, hhcToProblem, planToHhc } from './hhc.js'
import { checkHhc } from './check-hhc.js'
import { solveProblem, ProblemError } from './engine.js'
import { defaultThreads, solveProblemParallel, solveVrptwParallel } from './parallel.js'
import type { VrptwResult } from './vrptw.js'
import type { Plan } from './model.js'

export const USAGE = 'usage: solve --format solomon|hhc --time-limit-ms N [--seed N] [--threads N] FILE'

export interface CliArgs {
  format: 'solomon' | 'hhc'
  timeLimitMs: number
  seed: number
  /** independent searches in worker threads (default: the machine's cores, at most 8) */
  threads: number
  file: string
}

export function parseArgs(argv: string[]): CliArgs | 'help' {
  let format: string | undefined
  let limit: number | undefined
  let seed = 1
  let threads: number | undefined
  let file: string | undefined
  const need = (i: number, flag: string): string => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new InputError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]
    let inline: string | undefined
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1)
      a = a.slice(0, a.indexOf('='))
    }
    const val = (): string => {
      if (inline !== undefined) return inline
      const v = need(i, a)
      i++
      return v
    }
    if (a === '--help' || a === '-h') return 'help'
    else if (a === '--format') format = val()
    else if (a === '--time-limit-ms') {
      const v = val()
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new InputError(`--time-limit-ms must be a positive integer, got "${v}"`)
      limit = Number(v)
    } else if (a === '--seed') {
      const v = val()
      if (!/^-?\d+$/.test(v)) throw new InputError(`--seed must be an integer, got "${v}"`)
      seed = Number(v)
    } else if (a === '--threads') {
      const v = val()
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new InputError(`--threads must be an integer from 1 to 64, got "${v}"`)
      threads = Number(v)
    } else if (a.startsWith('-') && a !== '-') throw new InputError(`unknown option ${a}`)
    else {
      if (file !== undefined) throw new InputError(`only one FILE expected, got "${file}" and "${a}"`)
      file = a
    }
  }
  if (format === undefined) throw new InputError('--format is required (solomon or hhc)')
  if (format !== 'solomon' && format !== 'hhc') throw new InputError(`--format must be solomon or hhc, got "${format}"`)
  if (file === undefined) throw new InputError('FILE is required')
  return { format, timeLimitMs: limit ?? (format === 'hhc' ? 10000 : 5000), seed, threads: threads ?? defaultThreads(), file }
}

function readInput(file: string): string {
  let st
  try {
    st = statSync(file)
  } catch {
    throw new InputError(`cannot read ${file}: no such file`)
  }
  if (!st.isFile()) throw new InputError(`cannot read ${file}: not a file`)
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`)
  }
}

type Out = { stdout: string; stderr: string; code: number }
type Prepared =
  | { done: Out }
  | { kind: 'solomon'; args: CliArgs; inst: ReturnType<typeof parseSolomon>; limit: number }
  | { kind: 'hhc'; args: CliArgs; inst: ReturnType<typeof parseHhc>; limit: number }

function fail(e: unknown): Out {
  if (e instanceof InputError || e instanceof ProblemError) return { stdout: '', stderr: `solve: ${e.message}\n`, code: 2 }
  return { stdout: '', stderr: `solve: internal error: ${(e as Error)?.message ?? String(e)}\n`, code: 1 }
}

function prepare(argv: string[], startedAt: number, cwd?: string): Prepared {
  const args = parseArgs(argv)
  if (args === 'help') return { done: { stdout: USAGE + '\n', stderr: '', code: 0 } }
  // `npm run` changes to the repository root; relative paths are meant from where npm was started
  const text = readInput(cwd && !isAbsolute(args.file) ? resolve(cwd, args.file) : args.file)
  // stop the search early enough: 6% of the budget + 80 ms for launcher, output and exit
  // (worker threads start inside that margin: their budget is an absolute deadline)
  const limit = Math.max(1, args.timeLimitMs * 0.94 - 80 - (performance.now() - startedAt))
  if (args.format === 'solomon') return { kind: 'solomon', args, inst: parseSolomon(text), limit }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new InputError(`${args.file} is not valid JSON: ${(e as Error).message.split('\n')[0]}`)
  }
  return { kind: 'hhc', args, inst: parseHhc(json), limit }
}

function solomonOut(inst: ReturnType<typeof parseSolomon>, res: VrptwResult): Out {
  const out: Record<string, unknown> = { vehicles: res.vehicles, distance: res.distance, routes: res.routes }
  let stderr = ''
  if (res.unassigned.length > 0) {
    out.unassigned = res.unassigned
    stderr = `solve: ${res.unassigned.length} customer(s) cannot be served by any vehicle: ${res.unassigned.join(' ')}\n`
  } else {
    const chk = checkSolomon(inst, res.routes)
    if (!chk.feasible) {
      out.feasible = false
      stderr = `solve: internal check failed: ${chk.errors[0]}\n`
    }
  }
  return { stdout: JSON.stringify(out) + '\n', stderr, code: 0 }
}

function hhcOut(inst: ReturnType<typeof parseHhc>, plan: Plan): Out {
  const out = planToHhc(inst, plan)
  let stderr = ''
  if (plan.unassigned.length > 0) {
    stderr = `solve: ${plan.unassigned.length} patient(s) cannot be served: ${plan.unassigned.map((u) => `${u.visitId} (${u.reason})`).join(', ')}\n`
  } else {
    const chk = checkHhc(inst, out)
    if (!chk.feasible) {
      ;(out as unknown as Record<string, unknown>).feasible = false
      stderr = `solve: internal check failed: ${chk.errors[0]}\n`
    }
  }
  return { stdout: JSON.stringify(out) + '\n', stderr, code: 0 }
}

/**
 * Run one solve in this thread (one search, whatever `--threads` says). `startedAt` is the
 * performance.now() value when the process started (0 when called from a fresh process); the
 * search stops with a margin so the answer is out in time.
 */
export function runCli(argv: string[], startedAt = 0, cwd?: string): Out {
  try {
    const p = prepare(argv, startedAt, cwd)
    if ('done' in p) return p.done
    if (p.kind === 'solomon') return solomonOut(p.inst, solveVrptw(p.inst, { timeLimitMs: p.limit, seed: p.args.seed }))
    return hhcOut(p.inst, solveProblem(hhcToProblem(p.inst), { timeLimitMs: p.limit, seed: p.args.seed }))
  } catch (e) {
    return fail(e)
  }
}

/** The CLI proper: like runCli, with `--threads N` independent searches in worker threads. */
export async function runCliAsync(argv: string[], startedAt = 0, cwd?: string): Promise<Out> {
  try {
    const p = prepare(argv, startedAt, cwd)
    if ('done' in p) return p.done
    const threads = p.args.threads
    if (p.kind === 'solomon') return solomonOut(p.inst, await solveVrptwParallel(p.inst, { timeLimitMs: p.limit, seed: p.args.seed, threads }))
    return hhcOut(p.inst, await solveProblemParallel(hhcToProblem(p.inst), { timeLimitMs: p.limit, seed: p.args.seed, threads }))
  } catch (e) {
    return fail(e)
  }
}
