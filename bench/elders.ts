/**
 * Elder registry bench (issue 4 item 11), on a PostgreSQL server (default
 * postgres://postgres@127.0.0.1:5432/postgres; BENCH_PG_URL to change). Creates and drops its own
 * database. Prints:
 *  (a) a 100,000-row xlsx imported through the real import path (HTTP upload → background job
 *      → streaming reader → validation → one transaction), rows/s, and the ratio to a plain
 *      COPY of the same rows into an identical table;
 *  (b) GET /api/v1/elders at 1M+ elders: p50/p99 per filter (the issue's category + street case and
 *      other common ones), the time split per stage, round trips, and per filter the buffers and
 *      PostgreSQL execution time of its statements (less load-sensitive than wall times).
 *      BENCH_LIST_REQUESTS (300) sets the number of category + street requests; BENCH_EXPLAIN=1
 *      prints the plans.
 * Figures only; never pass/fail.   npm run bench:elders   (BENCH_ELDERS=1000000 to change the size)
 */
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { makeIdNumber, todayInShanghai, elderCategoryLabels, livingArrangementLabels } from '@yiyang/core'
import { buildApp } from '../packages/server/src/app.js'
import { systemCtx } from '../packages/server/src/bootstrap.js'
import { openPostgres } from '../packages/server/src/db/client.js'
import { loadConfig } from '../packages/server/src/platform/config.js'
import { seedDemo } from '../packages/server/src/seed/demo.js'
import { generateElders } from '../packages/server/src/modules/elders/seed-elders.js'
import { importHeaderRow } from '../packages/server/src/modules/elders/import-columns.js'
import { insertElderRows } from './elder-rows.js'

const BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const TOTAL = Number(process.env.BENCH_ELDERS ?? 1_000_000)
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)
/** BENCH_DB=<name>: fill that database on the first run and keep it; later runs reuse it and only measure the list (b). */
const dbName = process.env.BENCH_DB ?? `yy_bench_elders_${process.pid}`
/** Set in main(): BENCH_DB names a database that already exists (filled by an earlier run). */
let reuse = false
const withDb = (name: string) => {
  const u = new URL(BASE)
  u.pathname = '/' + name
  return u.toString()
}
const url = withDb(dbName)
const t0 = () => performance.now()
const secs = (ms: number) => (ms / 1000).toFixed(1) + ' s'
const log = (s: string) => console.log(s)

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function main() {
  const admin = new pg.Client({ connectionString: BASE })
  await admin.connect()
  reuse = !!process.env.BENCH_DB && (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1
  if (!reuse) await admin.query(`CREATE DATABASE ${dbName}`)
  const work = mkdtempSync(join(tmpdir(), 'yy-bench-elders-'))
  const config = loadConfig({ SECRET_KEY: 'bench-secret-key-0123456789abcdefghijklmnop', DATA_DIR: work, LOG_LEVEL: 'silent', DATABASE_URL: url })
  const database = await openPostgres(url, 10)
  try {
    log(`颐养 elder bench — PostgreSQL ${(await admin.query('show server_version')).rows[0].server_version}, database ${dbName}`)
    await database.migrate()
    const ctx = systemCtx(database, config)
    if (!reuse) await seedDemo(ctx, { modules: false })
    const villages =
      (await admin.query('select 1')) &&
      (
        (await database.db.execute(/* sql */ `select code, name from regions where level = 'village' order by code` as never)) as unknown as {
          rows: { code: string; name: string }[]
        }
      ).rows
    const today = todayInShanghai()

    const pool = new pg.Pool({ connectionString: url, max: 4 })
    let t = t0()
    const file = join(work, 'import-100k.xlsx')
    if (!reuse) {
      // ---- 1M elders, generated like the demo seed (encrypted PII, hashes, derived categories).
      // Setup only: secondary indexes are dropped during the bulk load and rebuilt after it.
      const indexDefs =
        (await admin.query('select 1')) &&
        (await (async () => {
          const c = new pg.Client({ connectionString: url })
          await c.connect()
          const r = await c.query(
            `select indexname, indexdef from pg_indexes where tablename = 'elders' and indexname not in ('elders_pkey', 'elders_id_hash_uq')`,
          )
          for (const row of r.rows) await c.query(`drop index ${row.indexname}`)
          await c.end()
          return r.rows as { indexname: string; indexdef: string }[]
        })())
      t = t0()
      const BATCH = 20_000
      let inserted = 0
      const inserts: Promise<unknown>[] = []
      for (let b = 0; inserted < TOTAL; b++) {
        const n = Math.min(BATCH, TOTAL - inserted)
        // Each batch is its own pseudo-random stream; ID numbers stay unique through the batch's
        // own address code block (62 07 02 + 2-digit batch number keeps them apart from the import file).
        const rows = generateElders({ count: n, villages, today, seed: 1000 + b, encrypt: ctx.crypto.encrypt, hash: ctx.crypto.lookupHash })
        for (const r of rows) {
          const id = ctx.crypto.decrypt(r.idEnc)
          const unique = makeIdNumber(
            String(620000 + (b % 100)).padStart(6, '0'),
            `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
            Number(id.slice(14, 17)),
          )
          r.idEnc = ctx.crypto.encrypt(unique)
          r.idHash = ctx.crypto.lookupHash(unique)
          r.idPrefix6 = unique.slice(0, 6)
        }
        inserts.push(insertElderRows(pool, rows))
        if (inserts.length >= 4) await inserts.shift()
        inserted += n
        if (b % 10 === 0) process.stdout.write(`\r  生成并写入 ${inserted.toLocaleString()} / ${TOTAL.toLocaleString()} …`)
      }
      await Promise.all(inserts)
      const tIdx = t0()
      await Promise.all(indexDefs.map((d) => pool.query(d.indexdef)))
      await pool.query('analyze elders')
      log(`\r(setup) ${TOTAL.toLocaleString()} elders generated and inserted in ${secs(t0() - t)} (indexes rebuilt in ${secs(t0() - tIdx)})          `)

      // ---- (a) a 100k-row xlsx through the real import path.
      t = t0()
      const wbw = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false })
      const ws = wbw.addWorksheet('老年人信息')
      ws.addRow(importHeaderRow()).commit()
      const sample = generateElders({ count: IMPORT_ROWS, villages, today, seed: 777, encrypt: (s) => s, hash: (s) => s })
      const usedIds = new Set<string>()
      sample.forEach((r, i) => {
        // Address code 620721 is used by no generated elder: every row is a new person.
        let id = makeIdNumber('620721', r.birthDate!, i % 1000)
        for (let k = 1; usedIds.has(id); k++) id = makeIdNumber('620721', r.birthDate!, (i + k) % 1000)
        usedIds.add(id)
        ws.addRow([
          r.name,
          id,
          r.regionCode,
          r.hukou === 'local' ? '本地户籍' : '非本地户籍',
          livingArrangementLabels[r.livingArrangement as 'other'],
          (r.typedCategories ?? []).map((c) => elderCategoryLabels[c as 'low_income']).join('、'),
          r.addressEnc ?? '',
          r.phoneEnc ?? '',
          '',
          '',
          '',
          '',
          '',
          r.hasFamilyDoctor ? '是' : '否',
          r.familyDoctorDate ?? '',
          r.familyDoctorName ?? '',
          '',
        ]).commit()
      })
      ws.commit()
      await wbw.commit()
      log(`(setup) ${IMPORT_ROWS.toLocaleString()}-row xlsx written (${(statSync(file).size / 1048576).toFixed(1)} MB) in ${secs(t0() - t)}`)
    }
    const app = await buildApp({ database, config, logger: false, loginRateLimit: 1000 })
    await app.ready()
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'yiyang-demo' } })
    const cookie = `yy_sid=${login.cookies.find((c) => c.name === 'yy_sid')!.value}`
    if (!reuse) {
      const { readFileSync } = await import('node:fs')
      const body = readFileSync(file)
      const boundary = 'benchboundary'
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nvalid_only\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import-100k.xlsx"\r\n\r\n`,
        ),
        body,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      t = t0()
      const started = await app.inject({
        method: 'POST',
        url: '/api/v1/elders/imports',
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      })
      if (started.statusCode !== 200) throw new Error(`upload failed: ${started.body}`)
      const jobId = started.json().id as string
      let job: {
        status: string
        result: { created: number; updated: number; errorRows: number; rows: number } | null
        error: string | null
        progress: { phase: string; percent: number }
      }
      let lastPhase = ''
      for (;;) {
        job = (await app.inject({ url: `/api/v1/elders/imports/${jobId}`, headers: { cookie } })).json()
        if (job.progress?.phase !== lastPhase) {
          lastPhase = job.progress?.phase
          log(`  ${secs(t0() - t)} ${lastPhase} ${job.progress?.percent}%`)
        }
        if (job.status === 'succeeded' || job.status === 'failed') break
        await new Promise((r) => setTimeout(r, 200))
      }
      const importMs = t0() - t
      await app.jobs.drain()
      if (job.status !== 'succeeded') throw new Error(`import failed: ${job.error}`)
      const written = job.result!.created + job.result!.updated
      log(
        `(a) import ${job.result!.rows.toLocaleString()} rows: ${secs(importMs)}, ${Math.round(written / (importMs / 1000)).toLocaleString()} rows/s written (created ${job.result!.created.toLocaleString()}, updated ${job.result!.updated}, rejected rows ${job.result!.errorRows})`,
      )

      // Plain COPY of the same rows (as stored) into an identical table with the same indexes.
      const csv = join(work, 'rows.csv')
      const psql = (cmd: string) => execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', cmd], { stdio: ['ignore', 'pipe', 'inherit'] })
      // Generated columns (category_bits) are computed by the server on COPY too, as on import.
      const cols = (
        await pool.query(
          `select string_agg(column_name, ',' order by ordinal_position) as c from information_schema.columns where table_name = 'elders' and is_generated = 'NEVER'`,
        )
      ).rows[0].c as string
      psql(`\\copy (select ${cols} from elders where id_prefix6 = '620721') to '${csv}' csv`)
      psql('create table elders_copy (like elders including all)')
      t = t0()
      psql(`\\copy elders_copy (${cols}) from '${csv}' csv`)
      const copyMs = t0() - t
      log(
        `    plain COPY of the same ${written.toLocaleString()} rows into an identical table (same indexes): ${secs(copyMs)}; import / COPY = ${(importMs / copyMs).toFixed(1)}×`,
      )
      log(`    goal: 100k-row import ≤ 60 s → ${importMs <= 60_000 ? 'met' : 'NOT met'}`)
    }

    // ---- (b) list latency. VACUUM stands in for autovacuum after the bulk load and the import:
    // it sets the visibility map the index-only scans rely on.
    const count = Number((await pool.query('select count(*)::int as n from elders')).rows[0].n)
    await pool.query('vacuum analyze elders')
    await listBench(app, cookie, database, config, count)
    await app.close()
    await pool.end()
  } finally {
    await database.close().catch(() => {})
    if (process.env.BENCH_KEEP || process.env.BENCH_DB) log(`(kept database ${dbName})`)
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.end()
    rmSync(work, { recursive: true, force: true })
  }
}

// ---- (b) the list: p50/p99 per filter and where the time goes.

type TStatement = { text: string; values: unknown[]; start: number; ms: number }
/** Every statement the server sends through a pg.Pool (drizzle's node-postgres driver), timed from send to result. */
const statements: TStatement[] = []
const poolQuery = pg.Pool.prototype.query
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const cfg = args[0] as string | { text: string; values?: unknown[] }
  const rec: TStatement = {
    text: typeof cfg === 'string' ? cfg : cfg.text,
    values: ((typeof cfg === 'string' ? undefined : cfg.values) ?? args[1] ?? []) as unknown[],
    start: performance.now(),
    ms: 0,
  }
  const done = () => {
    rec.ms = performance.now() - rec.start
    statements.push(rec)
  }
  const res = (poolQuery as (...a: unknown[]) => unknown).apply(this, args)
  if (res && typeof (res as Promise<unknown>).then === 'function') (res as Promise<unknown>).then(done, done)
  return res
} as typeof pg.Pool.prototype.query

/** Which stage of the list a statement is (find-elders.ts). */
function stageOf(text: string): string {
  if (text.startsWith('with "matches"')) return 'sql: matches+count+page rows'
  if (text.startsWith('explain')) return 'sql: estimate'
  if (/from "regions"/.test(text)) return 'sql: region names'
  if (/^select count\(/.test(text)) return 'sql: count'
  if (/^select "id" from "elders"/.test(text)) return 'sql: ids'
  if (/in \(select/.test(text)) return 'sql: sorted page rows (>10k)'
  if (/"elders"."id" in \(\$/.test(text)) return 'sql: rows by id'
  return 'sql: other'
}

/** Wall time covered by a set of (possibly overlapping) intervals. */
function covered(list: { start: number; ms: number }[]) {
  const iv = list.map((s) => [s.start, s.start + s.ms] as const).sort((a, b) => a[0] - b[0])
  let total = 0,
    end = -Infinity
  for (const [a, b] of iv) {
    if (b > end) {
      total += b - Math.max(a, end)
      end = b
    }
  }
  return total
}

/** The scans of a JSON plan: "Index Only Scan elders_list_idx (83,475 entries)". */
function scans(plan: Record<string, unknown>): string[] {
  const own =
    /Scan/.test(String(plan['Node Type'])) && plan['Relation Name'] === 'elders'
      ? [
          `${plan['Node Type']} ${plan['Index Name'] ?? ''} (${(Number(plan['Actual Rows']) + Number(plan['Rows Removed by Filter'] ?? 0)) * Number(plan['Actual Loops'] ?? 1)} entries)`,
        ]
      : []
  return [...own, ...((plan.Plans as Record<string, unknown>[] | undefined) ?? []).flatMap(scans)]
}

const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`
const fmt = (ms: number) => ms.toFixed(1)

async function listBench(
  app: Awaited<ReturnType<typeof buildApp>>,
  cookie: string,
  database: Awaited<ReturnType<typeof openPostgres>>,
  config: ReturnType<typeof loadConfig>,
  count: number,
) {
  const { findElders } = await import('../packages/server/src/modules/elders/find-elders.js')
  const { ZFindElders } = await import('../packages/server/src/modules/elders/elders.schemas.js')
  const admin = (
    (await database.db.execute(`select id, role, scope_prefix, scope_region_code, provider_id from users where username = 'admin'` as never)) as unknown as {
      rows: Record<string, string>[]
    }
  ).rows[0]!
  const actor = {
    userId: admin.id!,
    username: 'admin',
    role: admin.role,
    scopePrefix: admin.scope_prefix!,
    scopeRegionCode: admin.scope_region_code!,
    providerId: admin.provider_id ?? null,
    via: 'session' as const,
  }
  const ctx = { ...systemCtx(database, config), actor } as unknown as Parameters<typeof findElders>[0]

  // The issue's case (5 categories × 4 streets × pages 1–3), then other common filters.
  const streets = ['620702001000', '620702002000', '620702100000', '620702104000']
  const cats = ['min_subsistence', 'living_alone', 'advanced_age', 'severe_disability', 'empty_nest']
  const cases: { filter: string; qs: string }[] = []
  const n = Number(process.env.BENCH_LIST_REQUESTS ?? 300)
  for (let i = 0; i < n; i++)
    cases.push({
      filter: `street + ${cats[i % cats.length]}`,
      qs: `categories=${cats[i % cats.length]}&regionCode=${streets[i % streets.length]}&page=${1 + (i % 3)}&pageSize=20`,
    })
  const extra = [
    ['no filter (whole county)', ''],
    ['street only', 'regionCode=620702001000'],
    ['community + min_subsistence', 'regionCode=620702001003&categories=min_subsistence'],
    ['county + living_alone', 'categories=living_alone'],
    ['two categories, any', 'regionCode=620702002000&categories=min_subsistence,living_alone'],
    ['name contains 王, street', 'regionCode=620702100000&q=%E7%8E%8B'],
    ['sort by age, street', 'regionCode=620702104000&sort=birthDate&order=desc'],
  ] as const
  for (let i = 0; i < Math.ceil(n / 7.5); i++) for (const [filter, qs] of extra) cases.push({ filter, qs: `${qs}&page=${1 + (i % 3)}&pageSize=20` })

  // Warm-up: every case once.
  for (const c of cases) await app.inject({ url: `/api/v1/elders?${c.qs}`, headers: { cookie } })
  log(`(b) GET /api/v1/elders, ${count.toLocaleString()} elders, sequential warmed requests; ${load()} at start`)

  type TRun = { filter: string; http: number; direct: number; stages: Map<string, number>; roundTrips: number; total: number; estimate: boolean }
  const runs: TRun[] = []
  for (const c of cases) {
    // The request as the web sends it…
    statements.length = 0
    let s = t0()
    const res = await app.inject({ url: `/api/v1/elders?${c.qs}`, headers: { cookie } })
    const http = t0() - s
    if (res.statusCode !== 200) throw new Error(`list failed ${res.statusCode} ${res.body}`)
    const body = res.json() as { total: number; totalIsEstimate?: boolean }
    // …then the use case alone with its statements: the difference is HTTP (session lookup, query
    // parsing, response schema, JSON) and what is left beside SQL is mapping (decrypt, mask, age).
    statements.length = 0
    s = t0()
    await findElders(ctx, ZFindElders.parse(Object.fromEntries(new URLSearchParams(c.qs))))
    const direct = t0() - s
    const stages = new Map<string, number>()
    for (const st of statements) stages.set(stageOf(st.text), (stages.get(stageOf(st.text)) ?? 0) + st.ms)
    stages.set('mapping and other JS', Math.max(0, direct - covered(statements)))
    stages.set('HTTP (auth, validation, serialisation)', Math.max(0, http - direct))
    runs.push({ filter: c.filter, http, direct, stages, roundTrips: statements.length, total: body.total, estimate: !!body.totalIsEstimate })
  }
  const endLoad = load()

  const pct = (v: number[], p: number) =>
    percentile(
      [...v].sort((a, b) => a - b),
      p,
    )
  const byFilter = new Map<string, TRun[]>()
  for (const r of runs) byFilter.set(r.filter, [...(byFilter.get(r.filter) ?? []), r])
  log('    filter                          n   p50 ms  p99 ms   round trips  matches')
  for (const [filter, rs] of byFilter) {
    const h = rs.map((r) => r.http)
    const totals = rs.map((r) => r.total)
    log(
      `    ${filter.padEnd(30)} ${String(rs.length).padStart(3)} ${fmt(pct(h, 50)).padStart(8)} ${fmt(pct(h, 99)).padStart(7)}   ${String(Math.round(rs.reduce((a, r) => a + r.roundTrips, 0) / rs.length)).padStart(6)}       ${rs.some((r) => r.estimate) ? '≈' : ''}${Math.round(totals.reduce((a, b) => a + b, 0) / totals.length).toLocaleString()}`,
    )
  }
  log('    time split (mean ms per request; SQL stages are send→result on the pool, so they include the round trip):')
  for (const [filter, rs] of [
    ["street + category (the issue's case)", runs.filter((r) => r.filter.startsWith('street + '))],
    ['all filters', runs],
  ] as const) {
    const names = [...new Set(rs.flatMap((r) => [...r.stages.keys()]))]
    log(
      `      ${filter}: ${names.map((n) => `${n} ${fmt(rs.reduce((a, r) => a + (r.stages.get(n) ?? 0), 0) / rs.length)}`).join(', ')}; HTTP total ${fmt(rs.reduce((a, r) => a + r.http, 0) / rs.length)}`,
    )
  }
  log(
    '    slowest requests, each with the use case replayed right after it: when the replay is fast, the request waited for a CPU (HTTP here = request − replay):',
  )
  for (const r of [...runs].sort((a, b) => b.http - a.http).slice(0, 5)) {
    log(
      `      ${fmt(r.http)} ms ${r.filter}: use case ${fmt(r.direct)} ms (${[...r.stages]
        .filter(([, v]) => v >= 1)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')})`,
    )
  }
  const issue = runs.filter((r) => r.filter.startsWith('street + ')).map((r) => r.http)
  const all = runs.map((r) => r.http)
  log(
    `    street + category: p50 ${fmt(pct(issue, 50))} ms, p99 ${fmt(pct(issue, 99))} ms; all filters: p50 ${fmt(pct(all, 50))} ms, p99 ${fmt(pct(all, 99))} ms; goal p99 ≤ 100 ms → ${pct(all, 99) <= 100 ? 'met' : 'NOT met'} (${endLoad} at end)`,
  )

  const ctimes: number[] = []
  for (const c of cases.slice(0, 60)) {
    const s = t0()
    await app.inject({ url: `/api/v1/elders/counts?${c.qs}`.replace(/&page=\d+&pageSize=\d+/, ''), headers: { cookie } })
    ctimes.push(t0() - s)
  }
  log(`    GET /api/v1/elders/counts (counts per category, street + category): p50 ${fmt(pct(ctimes, 50))} ms, p99 ${fmt(pct(ctimes, 99))} ms (${load()})`)

  // Less load-sensitive figures: for one request of each filter (page 2), the statements' buffers
  // (8 kB pages touched, hit or read) and PostgreSQL's own execution time, from EXPLAIN (ANALYZE, BUFFERS).
  {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    log(`    per request (page 2), from EXPLAIN (ANALYZE, BUFFERS) of the statements the server sent (${load()}):`)
    log('    filter                          statements  buffers  execution ms  plan of the main statement')
    for (const filter of byFilter.keys()) {
      const c = cases.find((x) => x.filter === filter)!
      statements.length = 0
      await findElders(ctx, ZFindElders.parse(Object.fromEntries(new URLSearchParams(c.qs.replace(/page=\d+/, 'page=2')))))
      const sent = [...statements]
      let buffers = 0,
        exec = 0,
        main = ''
      for (const st of sent) {
        if (st.text.startsWith('explain')) continue
        const [out] = (await client.query(`explain (analyze, buffers, format json) ${st.text}`, st.values)).rows[0]['QUERY PLAN'] as {
          Plan: Record<string, unknown>
          'Execution Time': number
        }[]
        buffers += Number(out!.Plan['Shared Hit Blocks'] ?? 0) + Number(out!.Plan['Shared Read Blocks'] ?? 0)
        exec += out!['Execution Time']
        if (!main && /"elders"/.test(st.text) && !/from "regions"/.test(st.text)) main = scans(out!.Plan).join(', ')
      }
      log(`    ${filter.padEnd(30)} ${String(sent.length).padStart(6)} ${String(buffers).padStart(12)} ${fmt(exec).padStart(11)}     ${main}`)
    }
    await client.end()
  }

  if (process.env.BENCH_EXPLAIN) {
    // The plans the server's statements get (same text and parameters, unnamed statements as
    // drizzle sends them), one per extra filter and one street + category case.
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    for (const c of [cases[0]!, cases[1]!, ...extra.map(([filter, qs]) => ({ filter, qs: qs + '&page=2&pageSize=20' }))]) {
      statements.length = 0
      await findElders(ctx, ZFindElders.parse(Object.fromEntries(new URLSearchParams(c.qs))))
      log(`\n    == ${c.filter} (${c.qs})`)
      for (const st of [...statements]) {
        if (st.text.startsWith('explain') || /from "regions"/.test(st.text)) continue
        const plan = await client.query(`explain (analyze, buffers) ${st.text}`, st.values as unknown[])
        log(plan.rows.map((r: Record<string, string>) => '      ' + r['QUERY PLAN']).join('\n'))
      }
    }
    await client.end()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
