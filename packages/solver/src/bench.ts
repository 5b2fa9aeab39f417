/**
 * Benchmark runner (CLI code, uses node:fs / child_process). Runs the CLI on every instance of
 * the selected sets one after another (a fresh process each), checks each answer with the
 * independent checkers and compares with the best-known values; then the scale and re-plan
 * benches. The per-instance results are kept in bench-results/solver-bench.json (and the printed
 * output in bench-results/solver-bench-last.txt); the next run prints them beside its own figures (as a ratio
 * new / earlier), then updates the files.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { dirname, join, resolve, isAbsolute, basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseSolomon } from './solomon.js'
import { checkSolomon } from './check-solomon.js'
import { parseHhc } from './hhc.js'
import { checkHhc } from './check-hhc.js'
import { generateStreetDay } from './gen.js'
import { solveProblem } from './engine.js'
import { solveProblemParallel } from './parallel.js'
import { checkPlan } from './check-plan.js'
import { replan } from './replan.js'
import type { Visit } from './model.js'

const here = dirname(fileURLToPath(import.meta.url))
const pkg = resolve(here, '..')
const repo = resolve(pkg, '../..')
const solveBin = join(pkg, 'bin', 'solve.mjs')
// kept inside the package (the docs tree belongs to other work); docs/solver.md carries the
// tables of the last full run, with these earlier figures beside the new ones
const defaultRecord = join(pkg, 'bench-results', 'solver-bench.json')
/** the printed output of the last run, kept beside the record */
const lastOutput = (record: string): string => record.replace(/\.json$/, '') + '-last.txt'

function findBench(): string {
  const cands = [process.env.YIYANG_BENCH_DIR, resolve(repo, '../shared/bench'), resolve(pkg, '../../shared/bench'), resolve(process.cwd(), '../shared/bench')]
  for (const c of cands) if (c && existsSync(join(c, 'solomon', 'bks.json'))) return c
  throw new Error('benchmark data not found (set YIYANG_BENCH_DIR to the shared/bench folder)')
}

/** The eight hard Solomon instances of the 30 s goal (issue 23). */
const EIGHT = ['c104', 'c208', 'r104', 'r112', 'r207', 'rc105', 'rc108', 'rc202']

/** One VRPTW run: a folder of Solomon-format files with a bks.json, a time limit, a thread count. */
interface SetRun {
  /** label used in the output and the record ("solomon", "eight", "homberger200", or a folder name) */
  label: string
  dir: string
  ms: number
  threads: number
  names: string[] | null
}

interface Args {
  parts: string[]
  filter: RegExp | null
  timeLimitMs: number | null
  threads: number[] | null
  solomonMs: number
  hhcMs: number
  scaleMs: number
  md: string | null
  record: string | null
  seed: number
}

const USAGE =
  'usage: bench:solver [--only solomon,eight,homberger200,homberger400,hhc,scale,replan] [--set homberger200|homberger400|FOLDER] [--time-limit-ms N] [--threads 1,4] [--filter REGEX] [--solomon-ms 5000] [--hhc-ms 10000] [--scale-ms 30000] [--seed 1] [--md FILE] [--record FILE|none]'

const FULL = ['solomon', 'eight', 'homberger200', 'homberger400', 'hhc', 'scale', 'replan']

function parse(argv: string[]): Args {
  const a: Args = {
    parts: FULL,
    filter: null,
    timeLimitMs: null,
    threads: null,
    solomonMs: 5000,
    hhcMs: 10000,
    scaleMs: 30000,
    md: null,
    record: defaultRecord,
    seed: 1,
  }
  let sets: string[] = []
  let only: string[] | null = null
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]
    const v = argv[i + 1]
    const num = (): number => {
      if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${k} needs a positive integer`)
      i++
      return Number(v)
    }
    if (k === '--help') {
      console.log(USAGE)
      process.exit(0)
    }
    if (v === undefined) throw new Error(`${k} needs a value`)
    if (k === '--only') {
      only = v.split(',')
      i++
    } else if (k === '--set') {
      sets = sets.concat(v.split(','))
      i++
    } else if (k === '--filter') {
      a.filter = new RegExp(v)
      i++
    } else if (k === '--time-limit-ms') a.timeLimitMs = num()
    else if (k === '--threads') {
      a.threads = v.split(',').map(Number)
      if (a.threads.some((t) => !Number.isInteger(t) || t < 1)) throw new Error('--threads takes positive integers, e.g. 1,4')
      i++
    } else if (k === '--solomon-ms') a.solomonMs = num()
    else if (k === '--hhc-ms') a.hhcMs = num()
    else if (k === '--scale-ms') a.scaleMs = num()
    else if (k === '--seed') a.seed = num()
    else if (k === '--md') {
      a.md = v
      i++
    } else if (k === '--record') {
      a.record = v === 'none' ? null : resolve(v)
      i++
    } else throw new Error(`unknown option ${k}`)
  }
  if (only || sets.length) a.parts = (only ?? []).concat(sets)
  return a
}

function runSolve(format: string, ms: number, threads: number, file: string, seed: number): { out: unknown; ms: number; err: string } {
  const t = performance.now()
  const r = spawnSync(
    process.execPath,
    [solveBin, '--format', format, '--time-limit-ms', String(ms), '--seed', String(seed), '--threads', String(threads), file],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  )
  const el = performance.now() - t
  let out: unknown
  try {
    out = JSON.parse(r.stdout)
  } catch {
    out = null
  }
  return { out, ms: el, err: (r.stderr || '').trim() }
}

const f2 = (x: number): string => x.toFixed(2)
const pct = (x: number): string => (Math.abs(x) < 0.005 ? '0.00' : (x >= 0 ? '+' : '') + x.toFixed(2)) + '%'
const ratio = (x: number, y: number | undefined): string =>
  y === undefined || !Number.isFinite(y) || y === 0 || !Number.isFinite(x) ? '—' : (x / y).toFixed(4)
const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN)

/** Per-instance figures kept between runs, keyed by run ("homberger200@10000ms/1t"). */
interface InstRec {
  v?: number
  d?: number
  cost?: number
  gap?: number
  ok: boolean
}
interface RunRec {
  at: string
  machine: string
  load: string
  note?: string
  instances: Record<string, InstRec>
  summary?: Record<string, number | string | boolean>
}
interface Record_ {
  about: string
  runs: Record<string, RunRec>
}

function loadRecord(file: string | null): Record_ {
  if (file && existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record_
    } catch {
      /* a broken record only loses the comparison */
    }
  }
  return { about: 'Last figures of npm run bench:solver per run (set@limit/threads); the next run prints them beside its own.', runs: {} }
}

interface Goal {
  what: string
  figure: string
  met: boolean | null
}

export async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child-scale') return childScale(Number(argv[1]), Number(argv[2]), Number(argv[3] ?? 1))
  const a = parse(argv)
  const bench = findBench()
  const md: string[] = []
  const out: string[] = []
  const say = (s: string): void => {
    console.log(s)
    out.push(s)
  }
  const load = (): string =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), Node ${process.version}`
  const started = new Date().toISOString()
  say(`# solver bench — ${started} — ${machine}; load average at start ${load()}; runs one after another`)
  md.push(`Machine: ${machine}; load average at start ${load()}.`, '')
  const rec = loadRecord(a.record)
  const prevRuns = JSON.parse(JSON.stringify(rec.runs)) as Record<string, RunRec>
  const goals: Goal[] = []
  let failures = 0
  const save = (): void => {
    if (!a.record) return
    writeFileSync(a.record, JSON.stringify(rec, null, 1) + '\n')
    writeFileSync(lastOutput(a.record), out.join('\n') + '\n')
  }
  const runRec = (key: string): RunRec => {
    const r = (rec.runs[key] ??= { at: started, machine, load: load(), instances: {} })
    r.at = started
    r.machine = machine
    r.load = load()
    delete r.note
    return r
  }

  const setRuns: SetRun[] = []
  for (const part of a.parts) {
    if (part === 'hhc' || part === 'scale' || part === 'replan') continue
    const threadsFor = (dflt: number[]): number[] => a.threads ?? dflt
    if (part === 'solomon')
      for (const t of threadsFor([1]))
        setRuns.push({ label: 'solomon', dir: join(bench, 'solomon'), ms: a.timeLimitMs ?? a.solomonMs, threads: t, names: null })
    else if (part === 'eight')
      for (const t of threadsFor([1])) setRuns.push({ label: 'eight', dir: join(bench, 'solomon'), ms: a.timeLimitMs ?? 30000, threads: t, names: EIGHT })
    else if (part === 'homberger200')
      for (const t of threadsFor([1, 4])) setRuns.push({ label: part, dir: join(bench, part), ms: a.timeLimitMs ?? 10000, threads: t, names: null })
    else if (part === 'homberger400')
      for (const t of threadsFor([1])) setRuns.push({ label: part, dir: join(bench, part), ms: a.timeLimitMs ?? 30000, threads: t, names: null })
    else {
      // any folder of Solomon-format files with a bks.json, by path or by name under the bench data
      const dir = isAbsolute(part) || part.startsWith('.') ? resolve(part) : join(bench, part)
      if (!existsSync(join(dir, 'bks.json'))) throw new Error(`unknown part or set "${part}" (no bks.json in ${dir})`)
      for (const t of threadsFor([1])) setRuns.push({ label: basename(dir), dir, ms: a.timeLimitMs ?? 10000, threads: t, names: null })
    }
  }

  for (const run of setRuns) {
    const bks = JSON.parse(readFileSync(join(run.dir, 'bks.json'), 'utf8')) as Record<
      string,
      { class?: string; vehicles: number; distance: number; distance_only?: { distance: number } }
    >
    const names = (run.names ?? Object.keys(bks)).filter((n) => bks[n] && (!a.filter || a.filter.test(n)))
    if (!names.length) continue
    const key = `${run.label}@${run.ms}ms/${run.threads}t`
    const prev = prevRuns[key]
    const r0 = runRec(key)
    say(`\n## ${run.label}: ${names.length} instance(s), ${run.ms} ms each, ${run.threads} thread(s) (hierarchical objective; load ${load()})`)
    if (prev) say(`earlier run of ${key}: ${prev.at} (load ${prev.load})${prev.note ? ' — ' + prev.note : ''}; "ratio" = new distance / earlier distance`)
    md.push(
      `### ${run.label}, ${run.ms} ms per instance, ${run.threads} thread(s)`,
      '',
      '| instance | vehicles | BKS veh | distance | BKS distance | gap % (same veh) | earlier | ratio | time s | feasible |',
      '|---|---|---|---|---|---|---|---|---|---|',
    )
    say('instance     veh  bks   distance   bks_dist        gap    earlier    ratio   time  ok')
    const byClass = new Map<string, { v: number; bv: number; d: number; bd: number; gaps: number[]; pd: number; cd: number }>()
    const gaps: number[] = []
    let tv = 0
    let tb = 0
    let td = 0
    let nOk = 0
    let maxT = 0
    let worst = -Infinity
    let pdSum = 0
    let cdSum = 0
    let allBksVeh = true
    for (const name of names) {
      const b = bks[name]
      const file = join(run.dir, `${name}.txt`)
      const inst = parseSolomon(readFileSync(file, 'utf8'))
      const r = runSolve('solomon', run.ms, run.threads, file, a.seed)
      maxT = Math.max(maxT, r.ms)
      const o = r.out as { routes?: number[][] } | null
      const chk = o && Array.isArray(o.routes) ? checkSolomon(inst, o.routes) : null
      const ok = !!chk && chk.feasible
      if (!ok) failures++
      else nOk++
      const v = chk?.vehicles ?? NaN
      const d = chk?.distance ?? NaN
      const gap = (100 * (d - b.distance)) / b.distance
      tv += v
      tb += b.vehicles
      td += d
      if (v === b.vehicles) {
        gaps.push(gap)
        worst = Math.max(worst, gap)
      } else allBksVeh = false
      const cls = b.class ?? (/^[a-z]+\d/i.exec(name)?.[0] ?? '?').toUpperCase()
      const c = byClass.get(cls) ?? { v: 0, bv: 0, d: 0, bd: 0, gaps: [], pd: 0, cd: 0 }
      c.v += v
      c.bv += b.vehicles
      c.d += d
      c.bd += b.distance
      if (v === b.vehicles) c.gaps.push(gap)
      const p = prev?.instances[name]
      if (p?.d !== undefined && Number.isFinite(p.d) && Number.isFinite(d)) {
        c.pd += p.d
        c.cd += d
        pdSum += p.d
        cdSum += d
      }
      byClass.set(cls, c)
      r0.instances[name] = { v, d, gap: v === b.vehicles ? gap : undefined, ok }
      save()
      const gs = v === b.vehicles ? pct(gap) : `+${v - b.vehicles} veh`
      const es = p?.d !== undefined ? `${p.v}/${f2(p.d)}` : '—'
      say(
        `${name.padEnd(11)} ${String(v).padStart(4)} ${String(b.vehicles).padStart(4)} ${f2(d).padStart(10)} ${f2(b.distance).padStart(10)} ${gs.padStart(10)} ${es.padStart(10)} ${ratio(d, p?.d).padStart(8)} ${(r.ms / 1000).toFixed(2).padStart(6)} ${ok ? 'yes' : 'NO ' + (chk?.errors[0] ?? r.err)}`,
      )
      md.push(
        `| ${name} | ${v} | ${b.vehicles} | ${f2(d)} | ${f2(b.distance)} | ${gs} | ${es} | ${ratio(d, p?.d)} | ${(r.ms / 1000).toFixed(2)} | ${ok ? 'yes' : '**NO**'} |`,
      )
    }
    const mg = mean(gaps)
    const n = names.length
    say('class      veh  bks   distance   bks_dist   mean gap (n)   ratio')
    md.push(
      '',
      '| class | vehicles | BKS veh | distance | BKS distance | mean gap % at BKS vehicles (instances) | ratio to earlier |',
      '|---|---|---|---|---|---|---|',
    )
    let worstClass = -Infinity
    for (const [k, c] of [...byClass].sort()) {
      const g = mean(c.gaps)
      if (c.gaps.length) worstClass = Math.max(worstClass, g)
      say(
        `${k.padEnd(8)} ${String(c.v).padStart(5)} ${String(c.bv).padStart(4)} ${f2(c.d).padStart(10)} ${f2(c.bd).padStart(10)} ${(pct(g) + ` (${c.gaps.length})`).padStart(14)} ${ratio(c.cd, c.pd).padStart(7)}`,
      )
      md.push(`| ${k} | ${c.v} | ${c.bv} | ${f2(c.d)} | ${f2(c.bd)} | ${pct(g)} (${c.gaps.length}) | ${ratio(c.cd, c.pd)} |`)
    }
    const prevGaps = names.map((x) => prev?.instances[x]?.gap).filter((x): x is number => typeof x === 'number')
    const prevV = names.reduce((s, x) => s + (prev?.instances[x]?.v ?? NaN), 0)
    const tot = `TOTAL ${run.label} ${run.ms} ms ${run.threads}t: vehicles ${tv} (best-known ${tb}), distance ${f2(td)}, mean gap ${pct(mg)} over ${gaps.length}/${n} instances at the best-known vehicle count, worst ${pct(worst)}, feasible ${nOk}/${n}, slowest answer ${(maxT / 1000).toFixed(2)} s${prev ? `; earlier: vehicles ${prevV}, mean gap ${pct(mean(prevGaps))} over ${prevGaps.length}, distance ratio ${ratio(cdSum, pdSum)}` : ''}; load ${load()}`
    say(tot)
    md.push('', `**${tot}**`, '')
    r0.summary = { vehicles: tv, bksVehicles: tb, distance: td, meanGap: mg, atBksVehicles: gaps.length, instances: n, feasible: nOk }
    save()
    const full = names.length === (run.names ?? Object.keys(bks)).length
    const tag = `${run.label} at ${run.ms / 1000} s, ${run.threads} thread(s)${full ? '' : ` (subset of ${n})`}`
    if (run.label === 'solomon' && run.ms === 5000) {
      goals.push({ what: `Solomon 56 at 5 s: ≤ 406 vehicles`, figure: `${tv} (${tag})`, met: full ? tv <= 406 : null })
      goals.push({
        what: `Solomon 56 at 5 s: mean gap ≤ 0.8 % at the best-known vehicle count`,
        figure: `${pct(mg)} over ${gaps.length}`,
        met: full ? mg <= 0.8 : null,
      })
    } else if (run.label === 'eight' && run.ms === 30000) {
      goals.push({
        what: 'Eight instances at 30 s: best-known vehicles on all, mean gap ≤ 0.3 %, none above 1 %',
        figure: `${tv} vehicles (best-known ${tb}), mean ${pct(mg)}, worst ${pct(worst)} (${tag})`,
        met: full ? allBksVeh && mg <= 0.3 && worst <= 1 : null,
      })
    } else if (run.label === 'homberger200' && run.ms === 10000 && run.threads === 1) {
      goals.push({
        what: 'Gehring–Homberger 200 at 10 s: mean gap ≤ 1.5 %, no class above 3 %, vehicles within +2 of best-known',
        figure: `mean ${pct(mg)} over ${gaps.length}, worst class ${pct(worstClass)}, vehicles ${tv} (best-known ${tb}) (${tag})`,
        met: full ? mg <= 1.5 && worstClass <= 3 && tv - tb <= 2 : null,
      })
    } else if (run.label === 'homberger200' && run.ms === 10000 && run.threads === 4) {
      // with fewer cores than threads the searches share them, so the figure is not the goal's
      const cores = availableParallelism()
      const short = cores < run.threads
      goals.push({
        what: 'Gehring–Homberger 200 at 10 s with 4 threads: mean gap ≤ 1 %',
        figure: `mean ${pct(mg)} over ${gaps.length}, vehicles ${tv} (${tag})${short ? `; only ${cores} cores here, so the 4 searches shared them: for the 4-core figure run bin/ab.mjs --set homberger200 --cpu-ms 9000 --threads 4` : ''}`,
        met: full && !short ? mg <= 1 : null,
      })
    } else if (run.label === 'homberger400' && run.ms === 30000 && run.threads === 1) {
      goals.push({
        what: 'Gehring–Homberger 400 at 30 s: mean gap ≤ 3 %',
        figure: `mean ${pct(mg)} over ${gaps.length}, vehicles ${tv} (best-known ${tb}) (${tag})`,
        met: full ? mg <= 3 : null,
      })
    }
  }

  if (a.parts.includes('hhc')) {
    const bks = JSON.parse(readFileSync(join(bench, 'hhc', 'bks.json'), 'utf8')) as Record<
      string,
      { patients: number; cost: number; distance: number; total_tardiness: number; max_tardiness: number; solution: string }
    >
    const names = Object.keys(bks).filter((n) => !a.filter || a.filter.test(n))
    for (const threads of a.threads ?? [1]) {
      const key = `hhc@${a.hhcMs}ms/${threads}t`
      const prev = prevRuns[key]
      const r0 = runRec(key)
      say(`\n## Home care (Mankowska), ${a.hhcMs} ms per instance, ${threads} thread(s) (load ${load()})`)
      if (prev) say(`earlier run of ${key}: ${prev.at} (load ${prev.load})${prev.note ? ' — ' + prev.note : ''}; "ratio" = new cost / earlier cost`)
      md.push(
        `### Home care, ${a.hhcMs} ms per instance, ${threads} thread(s)`,
        '',
        '| instance | patients | cost | BKS cost | gap % | earlier | ratio | distance | tardiness | max tardiness | time s | feasible | BKS file re-checked |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      )
      const gaps: number[] = []
      let g10max = -Infinity
      let nOk = 0
      let maxT = 0
      let pc = 0
      let cc = 0
      for (const name of names) {
        const b = bks[name]
        const file = join(bench, 'hhc', 'instances', `${name}.json`)
        const inst = parseHhc(JSON.parse(readFileSync(file, 'utf8')))
        const ref = checkHhc(inst, JSON.parse(readFileSync(join(bench, 'hhc', b.solution), 'utf8')))
        const refOk = ref.feasible && Math.abs(ref.cost - b.cost) < 1e-3
        const r = runSolve('hhc', a.hhcMs, threads, file, a.seed)
        maxT = Math.max(maxT, r.ms)
        const chk = r.out ? checkHhc(inst, r.out as Parameters<typeof checkHhc>[1]) : null
        const ok = !!chk && chk.feasible
        if (ok) nOk++
        else failures++
        const gap = chk ? (100 * (chk.cost - b.cost)) / b.cost : NaN
        gaps.push(gap)
        if (b.patients === 10) g10max = Math.max(g10max, gap)
        const p = prev?.instances[name]
        if (p?.cost !== undefined && chk) {
          pc += p.cost
          cc += chk.cost
        }
        r0.instances[name] = { cost: chk?.cost, gap, ok }
        save()
        say(
          `${name.padEnd(26)} ${f2(chk?.cost ?? NaN).padStart(9)} ${f2(b.cost).padStart(9)} ${pct(gap).padStart(8)} earlier ${p?.cost !== undefined ? f2(p.cost) : '—'} ratio ${ratio(chk?.cost ?? NaN, p?.cost)} D=${f2(chk?.distance ?? NaN)} T=${f2(chk?.totalTardiness ?? NaN)} Tmax=${f2(chk?.maxTardiness ?? NaN)} ${(r.ms / 1000).toFixed(2)}s ${ok ? 'yes' : 'NO ' + (chk?.errors[0] ?? r.err)} ref=${refOk ? 'ok' : 'BAD'}`,
        )
        md.push(
          `| ${name} | ${b.patients} | ${f2(chk?.cost ?? NaN)} | ${f2(b.cost)} | ${pct(gap)} | ${p?.cost !== undefined ? f2(p.cost) : '—'} | ${ratio(chk?.cost ?? NaN, p?.cost)} | ${f2(chk?.distance ?? NaN)} | ${f2(chk?.totalTardiness ?? NaN)} | ${f2(chk?.maxTardiness ?? NaN)} | ${(r.ms / 1000).toFixed(2)} | ${ok ? 'yes' : '**NO**'} | ${refOk ? 'yes' : '**NO**'} |`,
        )
      }
      const n = names.length
      const mg = mean(gaps)
      const worst = Math.max(...gaps)
      const prevGaps = names.map((x) => prev?.instances[x]?.gap).filter((x): x is number => typeof x === 'number')
      const tot = `TOTAL home care ${a.hhcMs} ms ${threads}t: mean cost gap ${pct(mg)}, worst ${pct(worst)}, worst 10-patient gap ${pct(g10max)}, feasible ${nOk}/${n}, slowest answer ${(maxT / 1000).toFixed(2)} s${prev ? `; earlier: mean gap ${pct(mean(prevGaps))}, cost ratio ${ratio(cc, pc)}` : ''}; load ${load()}`
      say(tot)
      md.push('', `**${tot}**`, '')
      r0.summary = { meanGap: mg, worstGap: worst, instances: n, feasible: nOk }
      save()
      if (a.hhcMs === 10000 && threads === 1)
        goals.push({
          what: 'Home care 20 at 10 s: mean ≤ 0.3 %, none above 2 %',
          figure: `mean ${pct(mg)}, worst ${pct(worst)}${n < 20 ? ` (subset of ${n})` : ''}`,
          met: n === 20 ? mg <= 0.3 && worst <= 2 : null,
        })
    }
  }

  if (a.parts.includes('scale')) {
    const figs: string[] = []
    let firstMs = NaN
    for (const threads of a.threads ?? [1, 4]) {
      say(`\n## Scale: 1000 visits, 60 caregivers, 10% double-staffed (${a.scaleMs} ms budget, ${threads} thread(s), separate process; load ${load()})`)
      const r = spawnSync(process.execPath, [join(pkg, 'bin', 'bench.mjs'), '--child-scale', String(a.scaleMs), String(a.seed), String(threads)], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      })
      let res: Record<string, number | boolean> | null
      try {
        res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '')
      } catch {
        res = null
      }
      const key = `scale@${a.scaleMs}ms/${threads}t`
      const prev = prevRuns[key]?.summary
      if (!res) {
        failures++
        say(`scale bench failed: ${(r.stderr || '').split('\n')[0]}`)
        continue
      }
      const first =
        threads === 1
          ? `first complete feasible plan after ${(Number(res.firstMs) / 1000).toFixed(2)} s (instance generation ${(Number(res.constructMs) / 1000).toFixed(2)} s included); `
          : ''
      if (threads === 1) firstMs = Number(res.firstMs)
      const line = `${threads} thread(s): ${first}after ${a.scaleMs / 1000} s: cost ${f2(Number(res.cost))}${prev ? ` (earlier ${f2(Number(prev.cost))}, ratio ${ratio(Number(res.cost), Number(prev.cost))})` : ''}, ${res.unassigned} unassigned, ${res.used} caregivers used, distance ${f2(Number(res.distance))} km; checker ${res.feasible ? 'feasible' : 'INFEASIBLE'}; memory peak (max RSS) ${(Number(res.maxRssKb) / 1024).toFixed(0)} MB; ${res.iterations} iterations`
      if (!res.feasible) failures++
      say(line)
      figs.push(`${threads}t cost ${f2(Number(res.cost))}`)
      const r0 = runRec(key)
      r0.summary = {
        cost: Number(res.cost),
        firstMs: Number(res.firstMs),
        distance: Number(res.distance),
        unassigned: Number(res.unassigned),
        feasible: !!res.feasible,
      }
      save()
      md.push(`### Scale (1,000 visits, 60 caregivers, 10% double-staffed), ${threads} thread(s)`, '', line + '.', '')
    }
    goals.push({
      what: 'Scale, 1,000 visits / 60 caregivers / 10 % double: first feasible < 5 s; cost after 30 s for 1 and 4 threads',
      figure: `first feasible ${(firstMs / 1000).toFixed(2)} s; ${figs.join(', ')}`,
      met: Number.isFinite(firstMs) ? firstMs < 5000 : null,
    })
  }

  if (a.parts.includes('replan')) {
    say('\n## Re-plan: 300-visit plan + 1 urgent visit')
    const prob = generateStreetDay({ visits: 300, caregivers: 20, doubleShare: 0.1, seed: 11 })
    const base = solveProblem(prob, { timeLimitMs: 5000, seed: a.seed })
    const nowT = 12 * 60
    const urgent: Visit = { id: 'urgent-1', location: prob.visits[17].location, duration: 30, window: [nowT + 30, nowT + 120], skills: ['nursing'], demand: 1 }
    const t = performance.now()
    let firstMs = NaN
    const { problem: p2, plan } = replan(prob, base, urgent, { now: nowT, timeLimitMs: 1000, seed: a.seed, onFirstComplete: (e) => (firstMs = e) })
    const el = performance.now() - t
    const chk = checkPlan(p2, plan)
    // started visits unchanged?
    const key = (s: { kind: string; start: number } & Partial<{ visitId: string; part: number }>): string =>
      `${s.kind}:${s.visitId ?? ''}#${s.part ?? ''}@${s.start}`
    let moved = 0
    for (const r of base.routes) {
      const after = plan.routes.find((x) => x.caregiverId === r.caregiverId)!
      const have = new Set(after.stops.map(key))
      for (const s of r.stops) if (s.start < nowT && !have.has(key(s))) moved++
    }
    const placed = plan.unassigned.every((u) => u.visitId !== 'urgent-1')
    const ok = chk.feasible && moved === 0 && placed && el < 2000
    if (!ok) failures++
    const line = `base plan ${base.caregiversUsed} caregivers, ${base.unassigned.length} unassigned; re-plan at 12:00: urgent visit inserted after ${(firstMs / 1000).toFixed(3)} s, whole call (with 1 s of improvement search) ${(el / 1000).toFixed(2)} s; urgent visit ${placed ? 'placed' : 'NOT placed'}, started visits moved: ${moved}, checker ${chk.feasible ? 'feasible' : 'INFEASIBLE: ' + chk.errors[0]}`
    say(line)
    md.push('### Re-plan (300 visits, 20 caregivers, one urgent nursing visit at 12:00)', '', line + '.', '')
  }

  if (goals.length) {
    say(`\n## Goals (issue 23) — ${machine}; load average now ${load()}`)
    md.push('### Goals', '', '| goal | figure | met |', '|---|---|---|')
    for (const g of goals) {
      const m = g.met === null ? 'n/a (subset)' : g.met ? 'yes' : 'NO'
      say(`- ${g.what}: ${g.figure} — ${m}`)
      md.push(`| ${g.what} | ${g.figure} | ${m} |`)
    }
    md.push('')
  }
  if (a.md) writeFileSync(a.md, md.join('\n') + '\n')
  say(failures === 0 ? '\nall answers feasible' : `\n${failures} failure(s)`)
  save()
  process.exitCode = failures === 0 ? 0 : 1
}

async function childScale(ms: number, seed: number, threads: number): Promise<void> {
  const t0 = performance.now()
  const prob = generateStreetDay({ visits: 1000, caregivers: 60, doubleShare: 0.1, seed: 5 })
  let firstMs = NaN
  const t1 = performance.now()
  // the first-feasible time is only observable in this thread, so it is measured with one thread
  const plan =
    threads === 1
      ? solveProblem(prob, { timeLimitMs: ms, seed, onFirstComplete: (e) => (firstMs = e + (t1 - t0)) })
      : await solveProblemParallel(prob, { timeLimitMs: ms, seed, threads })
  const chk = checkPlan(prob, plan)
  const constructMs = t1 - t0
  console.log(
    JSON.stringify({
      firstMs,
      constructMs,
      cost: plan.cost,
      unassigned: plan.unassigned.length,
      used: plan.caregiversUsed,
      distance: plan.distance,
      feasible: chk.feasible,
      iterations: plan.iterations,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  )
}
