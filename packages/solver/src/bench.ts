/**
 * Benchmark runner (CLI code, uses node:fs / child_process). Runs the CLI on every Solomon and
 * home-care instance one after another, checks each answer with the independent checkers and
 * compares with the best-known values; then the scale and re-plan benches.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseSolomon } from './solomon.js'
import { checkSolomon } from './check-solomon.js'
import { parseHhc } from './hhc.js'
import { checkHhc } from './check-hhc.js'
import { generateStreetDay } from './gen.js'
import { solveProblem } from './engine.js'
import { checkPlan } from './check-plan.js'
import { replan } from './replan.js'
import type { Visit } from './model.js'

const here = dirname(fileURLToPath(import.meta.url))
const pkg = resolve(here, '..')
const solveBin = join(pkg, 'bin', 'solve.mjs')

function findBench(): string {
  const cands = [process.env.YIYANG_BENCH_DIR, resolve(pkg, '../../../shared/bench'), resolve(pkg, '../../shared/bench'), resolve(process.cwd(), '../shared/bench')]
  for (const c of cands) if (c && existsSync(join(c, 'solomon', 'bks.json'))) return c
  throw new Error('benchmark data not found (set YIYANG_BENCH_DIR to the shared/bench folder)')
}

interface Args {
  only: Set<string>
  filter: RegExp | null
  solomonMs: number
  hhcMs: number
  scaleMs: number
  md: string | null
  seed: number
}

function parse(argv: string[]): Args {
  const a: Args = { only: new Set(['solomon', 'hhc', 'scale', 'replan']), filter: null, solomonMs: 5000, hhcMs: 10000, scaleMs: 30000, md: null, seed: 1 }
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]
    const v = argv[i + 1]
    if (k === '--only') {
      a.only = new Set(v.split(','))
      i++
    } else if (k === '--filter') {
      a.filter = new RegExp(v)
      i++
    } else if (k === '--solomon-ms') {
      a.solomonMs = Number(v)
      i++
    } else if (k === '--hhc-ms') {
      a.hhcMs = Number(v)
      i++
    } else if (k === '--scale-ms') {
      a.scaleMs = Number(v)
      i++
    } else if (k === '--md') {
      a.md = v
      i++
    } else if (k === '--seed') {
      a.seed = Number(v)
      i++
    } else if (k === '--help') {
      console.log('usage: bench:solver [--only solomon,hhc,scale,replan] [--filter REGEX] [--solomon-ms 5000] [--hhc-ms 10000] [--scale-ms 30000] [--seed 1] [--md FILE]')
      process.exit(0)
    } else throw new Error(`unknown option ${k}`)
  }
  return a
}

function runSolve(format: string, ms: number, file: string, seed: number): { out: unknown; ms: number; err: string } {
  const t = performance.now()
  const r = spawnSync(process.execPath, [solveBin, '--format', format, '--time-limit-ms', String(ms), '--seed', String(seed), file], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  const el = performance.now() - t
  let out: unknown = null
  try {
    out = JSON.parse(r.stdout)
  } catch {
    out = null
  }
  return { out, ms: el, err: (r.stderr || '').trim() }
}

const f2 = (x: number): string => x.toFixed(2)
const pct = (x: number): string => (Math.abs(x) < 0.005 ? '0.00' : (x >= 0 ? '+' : '') + x.toFixed(2)) + '%'

export async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child-scale') return childScale(Number(argv[1]), Number(argv[2]))
  const a = parse(argv)
  const bench = findBench()
  const md: string[] = []
  const say = (s: string): void => {
    console.log(s)
  }
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), Node ${process.version}; one search thread per run, runs one after another`
  say(`# solver bench — ${new Date().toISOString()} — ${machine}`)
  md.push(`Machine: ${machine}.`, '')
  let failures = 0

  if (a.only.has('solomon')) {
    const bks = JSON.parse(readFileSync(join(bench, 'solomon', 'bks.json'), 'utf8')) as Record<string, { class: string; vehicles: number; distance: number; distance_only: { distance: number } }>
    const names = Object.keys(bks).filter((n) => !a.filter || a.filter.test(n))
    say(`\n## Solomon VRPTW, ${a.solomonMs} ms per instance (hierarchical objective)`)
    md.push(`### Solomon, ${a.solomonMs} ms per instance`, '', '| instance | vehicles | BKS veh | distance | BKS distance | gap % (same veh) | gap % vs distance-only BKS | time s | feasible |', '|---|---|---|---|---|---|---|---|---|')
    say('instance  veh  bks  distance    bks_dist    gap      gap_do   time   ok')
    let tv = 0
    let tb = 0
    let td = 0
    let gsum = 0
    let gdo = 0
    let gcount = 0
    let nOk = 0
    let maxT = 0
    const byClass = new Map<string, { v: number; bv: number; d: number; bd: number }>()
    for (const name of names) {
      const b = bks[name]
      const file = join(bench, 'solomon', `${name}.txt`)
      const inst = parseSolomon(readFileSync(file, 'utf8'))
      const r = runSolve('solomon', a.solomonMs, file, a.seed)
      maxT = Math.max(maxT, r.ms)
      const o = r.out as { routes?: number[][] } | null
      const chk = o && Array.isArray(o.routes) ? checkSolomon(inst, o.routes) : null
      const ok = !!chk && chk.feasible
      if (!ok) failures++
      else nOk++
      const v = chk?.vehicles ?? NaN
      const d = chk?.distance ?? NaN
      const gap = (100 * (d - b.distance)) / b.distance
      const gapDo = (100 * (d - b.distance_only.distance)) / b.distance_only.distance
      tv += v
      tb += b.vehicles
      td += d
      gdo += gapDo
      if (v === b.vehicles) {
        gsum += gap
        gcount++
      }
      const c = byClass.get(b.class) ?? { v: 0, bv: 0, d: 0, bd: 0 }
      c.v += v
      c.bv += b.vehicles
      c.d += d
      c.bd += b.distance
      byClass.set(b.class, c)
      const gs = v === b.vehicles ? pct(gap) : `(+${v - b.vehicles} veh)`
      say(`${name.padEnd(8)} ${String(v).padStart(4)} ${String(b.vehicles).padStart(4)} ${f2(d).padStart(10)} ${f2(b.distance).padStart(10)} ${gs.padStart(10)} ${pct(gapDo).padStart(8)} ${(r.ms / 1000).toFixed(2).padStart(6)} ${ok ? 'yes' : 'NO ' + (chk?.errors[0] ?? r.err)}`)
      md.push(`| ${name} | ${v} | ${b.vehicles} | ${f2(d)} | ${f2(b.distance)} | ${v === b.vehicles ? pct(gap) : `+${v - b.vehicles} veh`} | ${pct(gapDo)} | ${(r.ms / 1000).toFixed(2)} | ${ok ? 'yes' : '**NO**'} |`)
    }
    const meanGap = gcount ? gsum / gcount : NaN
    const n = names.length
    say(`TOTAL vehicles ${tv} (best-known ${tb}), distance ${f2(td)} (best-known 57186.87 at 405 vehicles), mean gap ${pct(meanGap)} over ${gcount} instances at best-known vehicle count, mean gap vs distance-only BKS ${pct(gdo / n)}, feasible ${nOk}/${n}, slowest answer ${(maxT / 1000).toFixed(2)} s`)
    md.push('', `**Total: ${tv} vehicles (best-known ${tb}), distance ${f2(td)}; mean distance gap ${pct(meanGap)} over the ${gcount} instances solved with the best-known vehicle count; mean gap to the distance-only best-known ${pct(gdo / n)}; ${nOk}/${n} feasible; slowest answer ${(maxT / 1000).toFixed(2)} s (CLI process wall time).**`, '')
    md.push('| class | vehicles | BKS veh | distance | BKS distance |', '|---|---|---|---|---|')
    for (const [k, c] of [...byClass].sort()) md.push(`| ${k} | ${c.v} | ${c.bv} | ${f2(c.d)} | ${f2(c.bd)} |`)
    md.push('')
  }

  if (a.only.has('hhc')) {
    const bks = JSON.parse(readFileSync(join(bench, 'hhc', 'bks.json'), 'utf8')) as Record<string, { patients: number; cost: number; distance: number; total_tardiness: number; max_tardiness: number; solution: string }>
    const names = Object.keys(bks).filter((n) => !a.filter || a.filter.test(n))
    say(`\n## Home care (Mankowska), ${a.hhcMs} ms per instance`)
    md.push(`### Home care, ${a.hhcMs} ms per instance`, '', '| instance | patients | cost | BKS cost | gap % | distance | tardiness | max tardiness | time s | feasible | BKS file re-checked |', '|---|---|---|---|---|---|---|---|---|---|---|')
    let gsum = 0
    let g10max = -Infinity
    let nOk = 0
    let maxT = 0
    for (const name of names) {
      const b = bks[name]
      const file = join(bench, 'hhc', 'instances', `${name}.json`)
      const inst = parseHhc(JSON.parse(readFileSync(file, 'utf8')))
      const ref = checkHhc(inst, JSON.parse(readFileSync(join(bench, 'hhc', b.solution), 'utf8')))
      const refOk = ref.feasible && Math.abs(ref.cost - b.cost) < 1e-3
      const r = runSolve('hhc', a.hhcMs, file, a.seed)
      maxT = Math.max(maxT, r.ms)
      const chk = r.out ? checkHhc(inst, r.out as Parameters<typeof checkHhc>[1]) : null
      const ok = !!chk && chk.feasible
      if (ok) nOk++
      else failures++
      const gap = chk ? (100 * (chk.cost - b.cost)) / b.cost : NaN
      gsum += gap
      if (b.patients === 10) g10max = Math.max(g10max, gap)
      say(`${name.padEnd(26)} ${f2(chk?.cost ?? NaN).padStart(9)} ${f2(b.cost).padStart(9)} ${pct(gap).padStart(8)} D=${f2(chk?.distance ?? NaN)} T=${f2(chk?.totalTardiness ?? NaN)} Tmax=${f2(chk?.maxTardiness ?? NaN)} ${(r.ms / 1000).toFixed(2)}s ${ok ? 'yes' : 'NO ' + (chk?.errors[0] ?? r.err)} ref=${refOk ? 'ok' : 'BAD'}`)
      md.push(`| ${name} | ${b.patients} | ${f2(chk?.cost ?? NaN)} | ${f2(b.cost)} | ${pct(gap)} | ${f2(chk?.distance ?? NaN)} | ${f2(chk?.totalTardiness ?? NaN)} | ${f2(chk?.maxTardiness ?? NaN)} | ${(r.ms / 1000).toFixed(2)} | ${ok ? 'yes' : '**NO**'} | ${refOk ? 'yes' : '**NO**'} |`)
    }
    const n = names.length
    say(`TOTAL mean cost gap ${pct(gsum / n)}, worst 10-patient gap ${pct(g10max)}, feasible ${nOk}/${n}, slowest answer ${(maxT / 1000).toFixed(2)} s`)
    md.push('', `**Mean cost gap ${pct(gsum / n)}; worst gap on the 10-patient instances ${pct(g10max)}; ${nOk}/${n} feasible; slowest answer ${(maxT / 1000).toFixed(2)} s.**`, '')
  }

  if (a.only.has('scale')) {
    say(`\n## Scale: 1000 visits, 60 caregivers, 10% double-staffed (${a.scaleMs} ms budget, separate process)`)
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'bench.mjs'), '--child-scale', String(a.scaleMs), String(a.seed)], { encoding: 'utf8', maxBuffer: 64 << 20 })
    let res: Record<string, number | boolean> | null = null
    try {
      res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '')
    } catch {
      res = null
    }
    if (!res) {
      failures++
      say(`scale bench failed: ${(r.stderr || '').split('\n')[0]}`)
    } else {
      const line = `first complete feasible plan after ${(Number(res.firstMs) / 1000).toFixed(2)} s (instance generation ${(Number(res.constructMs) / 1000).toFixed(2)} s included); final: ${res.unassigned} unassigned, ${res.used} caregivers used, distance ${f2(Number(res.distance))} km; checker ${res.feasible ? 'feasible' : 'INFEASIBLE'}; memory peak (max RSS) ${(Number(res.maxRssKb) / 1024).toFixed(0)} MB; ${res.iterations} iterations`
      if (!res.feasible) failures++
      say(line)
      md.push('### Scale (1,000 visits, 60 caregivers, 10% double-staffed)', '', line + '.', '')
    }
  }

  if (a.only.has('replan')) {
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
    const key = (s: { kind: string; start: number } & Partial<{ visitId: string; part: number }>): string => `${s.kind}:${s.visitId ?? ''}#${s.part ?? ''}@${s.start}`
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
  if (a.md) writeFileSync(a.md, md.join('\n') + '\n')
  say(failures === 0 ? '\nall answers feasible' : `\n${failures} failure(s)`)
  process.exitCode = failures === 0 ? 0 : 1
}

function childScale(ms: number, seed: number): void {
  const t0 = performance.now()
  const prob = generateStreetDay({ visits: 1000, caregivers: 60, doubleShare: 0.1, seed: 5 })
  let firstMs = NaN
  const t1 = performance.now()
  const plan = solveProblem(prob, { timeLimitMs: ms, seed, onFirstComplete: (e) => (firstMs = e + (t1 - t0)) })
  const chk = checkPlan(prob, plan)
  const constructMs = t1 - t0
  console.log(
    JSON.stringify({
      firstMs,
      constructMs,
      unassigned: plan.unassigned.length,
      used: plan.caregiversUsed,
      distance: plan.distance,
      feasible: chk.feasible,
      iterations: plan.iterations,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  )
}
void readdirSync
