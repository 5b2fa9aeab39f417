/**
 * A/B runner for method changes (CLI code, uses node:fs). Solves instances in this process
 * with a budget the machine load does not distort: a fixed number of iterations
 * (`--iterations N`) or a CPU-time clock (`--cpu-ms N`, the process's own CPU time, read at
 * most every 20 ms because process.cpuUsage() is a system call that costs tens of µs and, read
 * every few iterations, ate up to half of the measured time). Prints one line per run and a
 * summary: total vehicles and mean distance gap at the best-known vehicle count (VRPTW sets),
 * or mean cost gap (home care). Options of the engine go in as JSON (`--opts '{"ruinSize":12}'`).
 *
 *   node packages/solver/bin/ab.mjs --set solomon --cpu-ms 4500 --seeds 1,2 r104 r112 rc105
 *   node packages/solver/bin/ab.mjs --set hhc --iterations 3000 InstanzVNS_HCSRP_300_1
 *
 * `--threads N` (VRPTW sets) measures what the parallel search gives on N idle cores on a
 * machine with fewer: the parallel search runs N independent searches seeded
 * `seed + i * SEED_STRIDE` and keeps the best by `betterVrptw`, so running those N searches one
 * after another, each on its own CPU-time budget, and keeping the best the same way gives the
 * same answer distribution without N cores. Each of the N searches runs in a process of its
 * own, like every run (below).
 *
 * Each run is a fresh process (a child running a copy of dist taken at the start, so a rebuild
 * during a long A/B does not change the code under test). In one process every solve after the
 * first ran 30–40 % fewer iterations in the same CPU time (r101, 3 s: 95 000 then 66 000 and
 * 76 000; InstanzVNS_HCSRP_100_2: 27 000 then 17 000 and 20 000): V8 specialises the engine's
 * closures to the values they capture only while one instance of each exists. The bench and the
 * CLI solve once per process, so the first-run speed is the one that counts.
 */
import { readFileSync, existsSync, mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseSolomon } from './solomon.js'
import { checkSolomon } from './check-solomon.js'
import { solveVrptw, type VrptwOptions } from './vrptw.js'
import { parseHhc, hhcToProblem, planToHhc } from './hhc.js'
import { checkHhc } from './check-hhc.js'
import { solveProblem, type EngineExtras } from './engine.js'
import { betterVrptw, SEED_STRIDE } from './parallel.js'

const USAGE =
  'usage: ab.mjs --set solomon|homberger200|homberger400|hhc|FOLDER (--cpu-ms N | --iterations N) [--seeds 1,2] [--threads N] [--opts JSON] [--extras JSON] INSTANCE...'

function benchDir(): string {
  const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const cands = [
    process.env.YIYANG_BENCH_DIR,
    resolve(pkg, '../../../shared/bench'),
    resolve(pkg, '../../shared/bench'),
    resolve(process.cwd(), '../shared/bench'),
  ]
  for (const c of cands) if (c && existsSync(join(c, 'solomon', 'bks.json'))) return c
  throw new Error('benchmark data not found (set YIYANG_BENCH_DIR to the shared/bench folder)')
}

/** CPU time of this process in ms, refreshed at most every 20 ms of wall time */
function cpuClock(): () => number {
  let cpu = 0
  let wall = -Infinity
  return () => {
    const w = performance.now()
    if (w - wall > 20) {
      const u = process.cpuUsage()
      cpu = (u.user + u.system) / 1000
      wall = w
    }
    return cpu
  }
}

/** what a child run reports back to the parent, beside its printed line */
const RESULT = 'AB-RESULT '

/** runs every (instance, seed) of argv in a fresh child process; prints their lines and the summary */
function runInChildren(argv: string[], set: string, names: string[], seeds: number[], opts: unknown, extras: unknown, threads: number): void {
  const dist = dirname(fileURLToPath(import.meta.url))
  const snap = mkdtempSync(join(tmpdir(), 'yiyang-ab-'))
  try {
    cpSync(dist, snap, { recursive: true })
    writeFileSync(join(snap, 'package.json'), '{"type":"module"}\n')
    // the child reports a failure as bin/ab.mjs does: one line, exit code 2
    const entry = `import { main } from ${JSON.stringify(pathToFileURL(join(snap, 'ab.js')).href)}
try { main(process.argv.slice(1)) } catch (e) { process.stderr.write(String(e?.message ?? e) + '\\n'); process.exitCode = 2 }`
    const rest: string[] = []
    for (let i = 0; i < argv.length; i++) {
      const k = argv[i]
      if (!k.startsWith('--')) continue
      if (k !== '--seeds' && k !== '--threads') rest.push(k, argv[i + 1])
      i++
    }
    type Run = { gap: number | null; vehicles: number; bv: number; unassigned: number[]; distance: number; line: string }
    const child = (name: string, seed: number): Run => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', entry, '--', ...rest, '--seeds', String(seed), '--child', '1', name], {
        encoding: 'utf8',
        env: { ...process.env, YIYANG_BENCH_DIR: benchDir() },
        maxBuffer: 64 << 20,
      })
      if (r.status === 0 && r.stderr) process.stderr.write(r.stderr)
      if (r.status !== 0) throw new Error(`${name} seed ${seed}: ${(r.stderr || '').trim().split('\n').pop() || `exit code ${r.status}`}`)
      const lines = r.stdout.split('\n')
      const res = lines.find((l) => l.startsWith(RESULT))
      if (!res) throw new Error(`${name} seed ${seed}: no result`)
      const o = JSON.parse(res.slice(RESULT.length)) as Omit<Run, 'line'>
      return { ...o, line: lines.filter((l) => l && !l.startsWith(RESULT)).join('\n') }
    }
    const gaps: number[] = []
    let veh = 0
    let bv = 0
    for (const name of names)
      for (const seed of seeds) {
        // with --threads N, the N searches of the parallel solver, each in a process of its own
        let best = child(name, seed)
        let won = 0
        for (let t = 1; t < (set === 'hhc' ? 1 : threads); t++) {
          const o = child(name, seed + t * SEED_STRIDE)
          if (betterVrptw(o, best)) {
            best = o
            won = t
          }
        }
        if (best.gap !== null) gaps.push(best.gap)
        veh += best.vehicles
        bv += best.bv
        console.log(won > 0 ? best.line.replace(`${name} seed ${seed + won * SEED_STRIDE}:`, `${name} seed ${seed}:`) + ` thread ${won}` : best.line)
      }
    const mg = (gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)).toFixed(3)
    if (set === 'hhc') console.log(`SUMMARY ${JSON.stringify(extras)}: mean gap ${mg}% over ${gaps.length} runs`)
    else
      console.log(
        `SUMMARY ${JSON.stringify(opts)}${threads > 1 ? ` ${threads} threads` : ''}: vehicles ${veh} (best-known ${bv}), mean gap ${mg}% over ${gaps.length} runs at the best-known fleet`,
      )
  } finally {
    rmSync(snap, { recursive: true, force: true })
  }
}

export function main(argv: string[]): void {
  let set = ''
  let cpuMs = 0
  let iterations = 0
  let seeds = [1]
  let threads = 1
  let child = false
  let opts: Partial<VrptwOptions> = {}
  let extras: EngineExtras = {}
  const names: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]
    const v = argv[i + 1]
    if (k === '--help') {
      console.log(USAGE)
      return
    }
    if (!k.startsWith('--')) {
      names.push(k)
      continue
    }
    if (v === undefined) throw new Error(`${k} needs a value`)
    i++
    if (k === '--set') set = v
    else if (k === '--cpu-ms') cpuMs = Number(v)
    else if (k === '--iterations') iterations = Number(v)
    else if (k === '--seeds') seeds = v.split(',').map(Number)
    else if (k === '--threads') threads = Math.max(1, Math.floor(Number(v)) || 1)
    else if (k === '--opts') opts = JSON.parse(v) as Partial<VrptwOptions>
    else if (k === '--extras') extras = JSON.parse(v) as EngineExtras
    else if (k === '--child') child = v === '1'
    else throw new Error(`unknown option ${k}`)
  }
  if (!set || names.length === 0 || cpuMs > 0 === iterations > 0) throw new Error(USAGE)
  if (!child) {
    runInChildren(argv, set, names, seeds, opts, extras, threads)
    return
  }
  const budget = iterations > 0 ? { timeLimitMs: 1e9, maxIterations: iterations } : { timeLimitMs: cpuMs }
  const bench = benchDir()
  const dir = set.includes('/') ? resolve(set) : join(bench, set)
  // a child run (runInChildren passes one instance and one seed): its line, then its result
  if (set === 'hhc') {
    const bks = JSON.parse(readFileSync(join(dir, 'bks.json'), 'utf8')) as Record<string, { cost: number }>
    for (const name of names)
      for (const seed of seeds) {
        const inst = parseHhc(JSON.parse(readFileSync(join(dir, 'instances', `${name}.json`), 'utf8')))
        const plan = solveProblem(hhcToProblem(inst), { ...budget, seed, now: cpuClock() }, extras)
        const chk = checkHhc(inst, planToHhc(inst, plan))
        const g = (chk.cost / bks[name].cost - 1) * 100
        console.log(
          `${name} seed ${seed}: cost ${chk.cost.toFixed(2)} (best-known ${bks[name].cost}) gap ${g.toFixed(2)}% iterations ${plan.iterations} feasible ${chk.feasible}`,
        )
        console.log(RESULT + JSON.stringify({ gap: g, vehicles: 0, bv: 0, unassigned: [], distance: chk.cost }))
      }
    return
  }
  const bks = JSON.parse(readFileSync(join(dir, 'bks.json'), 'utf8')) as Record<string, { vehicles: number; distance: number }>
  for (const name of names)
    for (const seed of seeds) {
      const inst = parseSolomon(readFileSync(join(dir, `${name}.txt`), 'utf8'))
      const r = solveVrptw(inst, { ...budget, seed, now: cpuClock(), ...opts })
      const chk = checkSolomon(inst, r.routes)
      const b = bks[name]
      const gap = r.vehicles === b.vehicles ? (r.distance / b.distance - 1) * 100 : null
      console.log(RESULT + JSON.stringify({ gap, vehicles: r.vehicles, bv: b.vehicles, unassigned: r.unassigned, distance: r.distance }))
      console.log(
        `${name} seed ${seed}: vehicles ${r.vehicles} (best-known ${b.vehicles}) distance ${r.distance.toFixed(2)} gap ${gap === null ? 'other fleet' : gap.toFixed(2) + '%'} iterations ${r.iterations} fleet phase ${Math.round(r.fleetMs ?? 0)} ms last removal ${Math.round(r.lastRemovalMs ?? 0)} ms feasible ${chk.feasible}${r.freshStarts ? ` fresh starts ${r.freshStarts}` : ''}${r.freshWins ? ` fresh wins ${r.freshWins}` : ''}`,
      )
    }
}
