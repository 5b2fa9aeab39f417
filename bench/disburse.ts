/**
 * Month-run bench (issue 18 item 7).
 *
 *   npm run -s bench:disburse -- --elders N --benefits M [--generate-only] [--month YYYY-MM] [--run-only] [--database NAME] [--keep]
 *
 * --run-only times another month on the district generated before in the same database.
 * On PostgreSQL (DATABASE_URL) the bench fills its own database NAME (default
 * yiyang_bench_disburse) on that server: created afresh, dropped at the end unless --keep or
 * --generate-only; --run-only reuses it.
 *
 * Fills the database of DATABASE_URL (PGlite in a temporary folder when it is unset) with a
 * generated district: N elders with valid ID numbers and realistic categories, and up to M active
 * benefits of the five demo programmes, each one the elder is eligible for (择高申领 applied). Then,
 * unless --generate-only, runs and times one month through the real month run (pages, ledger
 * postings, cursor), and one hand-written INSERT … SELECT computing the same amounts, and prints
 * run time, lines/s, peak memory and the ratio. Figures only; never pass/fail.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benefitDeliveryLabels, evaluateProgrammes, makeIdNumber, todayInShanghai } from '@yiyang/core'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { systemCtx } from '../packages/server/src/bootstrap.js'
import { openPglite, openPostgres, rowsOf, type Database } from '../packages/server/src/db/client.js'
import { loadConfig } from '../packages/server/src/platform/config.js'
import { seedDemo } from '../packages/server/src/seed/demo.js'
import { loadSeedProgrammes } from '../packages/server/src/seed/programmes.js'
import { generateElders } from '../packages/server/src/modules/elders/seed-elders.js'
import { elders } from '../packages/server/src/modules/elders/elders.tables.js'
import { benefitsDueSource, runMonth } from '../packages/server/src/modules/disbursement/index.js'
import { timeOrderedUuid } from '../packages/server/src/modules/disbursement/run-month.js'

const args = process.argv.slice(2)
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt
}
const N = Number(opt('--elders', '100000'))
const M = Number(opt('--benefits', String(Math.round(N * 0.3))))
const MONTH = opt('--month', '2026-12')
const generateOnly = args.includes('--generate-only')
/** Time another month on a district generated before (same DATABASE_URL), without generating again. */
const runOnly = args.includes('--run-only')
const log = (s: string) => console.log(s)
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`

/** On PostgreSQL the bench works in its own database on DATABASE_URL's server (created, and dropped at the end unless kept). */
const dbName = opt('--database', 'yiyang_bench_disburse')
const keep = args.includes('--keep') || generateOnly

async function main() {
  const server = process.env.DATABASE_URL
  let url: string | undefined
  let admin: pg.Client | undefined
  if (server) {
    if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`--database ${dbName}: letters, digits and _ only`)
    admin = new pg.Client({ connectionString: server })
    await admin.connect()
    if (!runOnly) {
      await admin.query(`drop database if exists ${dbName}`)
      await admin.query(`create database ${dbName}`)
    }
    const u = new URL(server)
    u.pathname = `/${dbName}`
    url = u.toString()
  }
  const work = mkdtempSync(join(tmpdir(), 'yy-bench-disburse-'))
  const config = loadConfig({
    SECRET_KEY: 'bench-secret-key-0123456789abcdefghijklmnop',
    DATA_DIR: work,
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url } : {}),
  })
  const database: Database = url ? await openPostgres(url, 4) : await openPglite({ dataDir: join(work, 'pgdata') })
  try {
    log(`颐养 disbursement bench — ${url ? 'PostgreSQL' : 'PGlite'}; ${N.toLocaleString()} elders, up to ${M.toLocaleString()} benefits, month ${MONTH}`)
    await database.migrate()
    const ctx = systemCtx(database, config)
    const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(s))
    if (Number((await q<{ n: string }>(sql`select count(*) as n from regions`))[0]!.n) === 0) await seedDemo(ctx, { modules: false })
    const programmes = await loadSeedProgrammes()
    for (const [i, p] of programmes.entries()) {
      await database.db.execute(
        sql`insert into benefit_programmes (code, region_code, definition, position) values (${p.code}, '620702000000', ${JSON.stringify(p)}::jsonb, ${i}) on conflict (code) do nothing`,
      )
    }
    const villages = await q<{ code: string; name: string }>(sql`select code, name from regions where level = 'village' order by code`)
    const today = todayInShanghai()

    let t = performance.now()
    if (!runOnly) {
      const { elders: madeElders, benefits } = await generate(database, ctx, programmes, villages, today)
      log(
        `(setup) ${madeElders.toLocaleString()} elders and ${benefits.toLocaleString()} active benefits generated in ${secs(performance.now() - t)}          `,
      )
    }
    if (generateOnly) return

    const rssBefore = process.resourceUsage().maxRSS
    t = performance.now()
    const result = await runMonth(ctx, { month: MONTH, regionCode: '620702', source: benefitsDueSource, owner: `bench:${process.pid}`, chunkSize: 2000 })
    const runMs = performance.now() - t
    const rssAfter = process.resourceUsage().maxRSS

    // The hand-written statement writes the same rows as the run (every column of a line, the
    // explanation text included) into a logged table shaped and indexed like disbursement_lines,
    // with ids made the same way (time-ordered).
    await database.db.execute(sql`drop table if exists bench_hand_lines`)
    await database.db.execute(sql`create table bench_hand_lines (like disbursement_lines including defaults including indexes)`)
    const labels = JSON.stringify(benefitDeliveryLabels)
    t = performance.now()
    const [hand] = await q<{ n: string; total: string }>(sql`
      with computed as (
        select b.id as benefit_id, b.application_id, b.elder_id, b.region_code, b.programme_code, p.definition->>'name' as program_name,
               p.definition->>'delivery' as delivery, p.definition->>'fundSource' as fund_source,
               coalesce(later.from_amount_fen, b.amount_fen) as amount_fen, b.from_month
          from benefits b
          join benefit_programmes p on p.code = b.programme_code
          left join lateral (select h.from_amount_fen from benefit_history h
                              where h.benefit_id = b.id and h.kind = 'band_change' and h.effective_month > ${MONTH}
                              order by h.effective_month limit 1) later on true
         where b.region_code like '620702%' and b.from_month <= ${MONTH} and ((b.status = 'active' and b.stop_month is null) or b.stop_month > ${MONTH}))
      , ins as (
        insert into bench_hand_lines (id, batch_id, month, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation,
                                      period_from, period_to, benefit_id, application_id)
        select ${timeOrderedUuid}, ${result.batchId}::uuid, ${MONTH}, c.elder_id, c.region_code, c.programme_code, c.program_name, c.delivery, c.fund_source, c.amount_fen,
               c.program_name || '，' || coalesce(${labels}::jsonb->>c.delivery, '') || '每月' || to_char(c.amount_fen / 100.0, 'FM9999999990.00') || '元，自' || c.from_month || '起享受',
               ${MONTH}, ${MONTH}, c.benefit_id, c.application_id
          from computed c
        returning amount_fen)
      select count(*) as n, coalesce(sum(amount_fen), 0) as total from ins`)
    const handMs = performance.now() - t
    const same = await q<{ n: string }>(sql`
      select count(*) as n from (
        select elder_id, program_code, amount_fen, explanation from bench_hand_lines
        except
        select elder_id, program_code, amount_fen, explanation from disbursement_lines where batch_id = ${result.batchId}::uuid) d`)
    await database.db.execute(sql`drop table bench_hand_lines`)
    log(`month run: ${result.lines.toLocaleString()} lines, ${(result.totalFen / 100).toLocaleString()} 元, ${result.status}`)
    log(
      `  time ${secs(runMs)}, ${Math.round(result.lines / (runMs / 1000)).toLocaleString()} lines/s, peak RSS ${mib(rssAfter)} (before the run ${mib(rssBefore)})`,
    )
    log(
      `hand-written INSERT … SELECT of the same amounts: ${Number(hand!.n).toLocaleString()} rows, ${(Number(hand!.total) / 100).toLocaleString()} 元 in ${secs(handMs)}`,
    )
    log(`ratio month run / hand-written: ${(runMs / Math.max(handMs, 1)).toFixed(1)}×`)
    if (Number(hand!.total) !== result.totalFen) log('!! the two totals differ')
    if (Number(same[0]!.n) !== 0) log(`!! ${same[0]!.n} hand-written rows differ from the run's lines`)
  } finally {
    await database.close()
    rmSync(work, { recursive: true, force: true })
    if (admin) {
      if (!keep) await admin.query(`drop database if exists ${dbName}`)
      await admin.end()
    }
  }
}

/** Elders (and their benefits) generated in the process, then cloned in SQL to reach N. */
const TEMPLATE = 20_000

/**
 * The district: a template of up to TEMPLATE elders generated like the demo seed (valid ID
 * numbers, categories in real proportions) with the benefits the programme rules give them (择高申领,
 * capped in the template's share of M), then copied set-based in SQL until there are N elders —
 * one INSERT … SELECT per copy, new ids derived from the template's (md5), secondary elder indexes
 * dropped during the copy and rebuilt after. A copy keeps its template's encrypted ID number (the
 * run never reads it) under its own lookup hash, so the unique index holds.
 */
async function generate(
  database: Database,
  ctx: ReturnType<typeof systemCtx>,
  programmes: Awaited<ReturnType<typeof loadSeedProgrammes>>,
  villages: { code: string; name: string }[],
  today: string,
): Promise<{ elders: number; benefits: number }> {
  const exec = (s: ReturnType<typeof sql>) => database.db.execute(s)
  const T = Math.min(N, TEMPLATE)
  const templateBenefits = Math.min(M, Math.round((M * T) / N))
  await exec(sql`drop table if exists bench_template`)
  await exec(sql`create table bench_template (n integer primary key, elder_id uuid not null)`)
  let inserted = 0
  let benefits = 0
  const BATCH = 2000
  for (let b = 0; inserted < T; b++) {
    const n = Math.min(BATCH, T - inserted)
    const rows = generateElders({ count: n, villages, today, seed: 5000 + b, encrypt: ctx.crypto.encrypt, hash: ctx.crypto.lookupHash, withPii: false })
    for (const r of rows) {
      // Unique ID numbers across batches: the batch picks the address code block.
      const id = makeIdNumber(String(610000 + (b % 10000)).padStart(6, '0'), r.birthDate!, (inserted % 997) + 1)
      r.idEnc = ctx.crypto.encrypt(id)
      r.idHash = ctx.crypto.lookupHash(`${id}:${b}:${inserted++}`)
      r.idPrefix6 = id.slice(0, 6)
    }
    const ids = await database.db.insert(elders).values(rows).returning({ id: elders.id })
    await exec(sql.raw(`insert into bench_template (n, elder_id) values ${ids.map((r, i) => `(${inserted - n + i}, '${r.id}')`).join(',')}`))
    const due: string[] = []
    rows.forEach((r, i) => {
      const results = evaluateProgrammes(
        programmes,
        {
          id: ids[i]!.id,
          birthDate: r.birthDate!,
          hukou: r.hukou as 'local',
          status: 'active',
          categories: r.typedCategories ?? [],
          abilityLevel: r.abilityLevel ?? null,
        },
        MONTH,
      )
      for (const res of results) {
        if (!res.chosen || benefits >= templateBenefits) continue
        benefits++
        // Approved in December 2025, paid from January: no back pay (补发) in the timed month.
        due.push(
          `('${ids[i]!.id}', '${r.regionCode}', '${res.program}', '${randomUUID()}', ${res.amountFen}, '2026-01', 'active', '2027-01', '2025-12-20T10:00:00+08:00')`,
        )
      }
    })
    if (due.length) {
      await exec(
        sql.raw(
          `insert into benefits (elder_id, region_code, programme_code, application_id, amount_fen, from_month, status, next_review_month, created_at) values ${due.join(',')}`,
        ),
      )
    }
    process.stderr.write(`\r  模板 ${inserted.toLocaleString()} 位老人，${benefits.toLocaleString()} 项待遇 …`)
  }
  let total = T
  if (N > T) {
    const q = async <R>(s: ReturnType<typeof sql>) => rowsOf<R>(await exec(s))
    const indexes = await q<{ indexname: string; indexdef: string }>(
      sql`select indexname, indexdef from pg_indexes where tablename = 'elders' and indexname not in ('elders_pkey', 'elders_id_hash_uq')`,
    )
    for (const i of indexes) await exec(sql.raw(`drop index ${i.indexname}`))
    const cols = (
      await q<{ c: string }>(
        sql`select column_name as c from information_schema.columns where table_name = 'elders' and is_generated = 'NEVER' and column_name not in ('id', 'id_hash') order by ordinal_position`,
      )
    ).map((r) => r.c)
    const benefitCols = (
      await q<{ c: string }>(
        sql`select column_name as c from information_schema.columns where table_name = 'benefits' and column_name not in ('id', 'elder_id', 'application_id') order by ordinal_position`,
      )
    ).map((r) => r.c)
    for (let k = 1; total < N; k++) {
      const n = Math.min(T, N - total)
      await exec(
        sql.raw(`insert into elders (id, id_hash, ${cols.join(', ')})
                 select md5(e.id::text || ':${k}')::uuid, e.id_hash || ':${k}', ${cols.map((c) => `e.${c}`).join(', ')}
                   from bench_template t join elders e on e.id = t.elder_id where t.n < ${n}`),
      )
      const [added] = await q<{ n: string }>(
        sql.raw(`with ins as (
                   insert into benefits (id, elder_id, application_id, ${benefitCols.join(', ')})
                   select md5(b.id::text || ':${k}')::uuid, md5(b.elder_id::text || ':${k}')::uuid, md5(b.application_id::text || ':${k}')::uuid, ${benefitCols.map((c) => `b.${c}`).join(', ')}
                     from bench_template t join benefits b on b.elder_id = t.elder_id where t.n < ${n} and b.status = 'active'
                   returning 1)
                 select count(*) as n from ins`),
      )
      total += n
      benefits += Number(added!.n)
      process.stderr.write(`\r  复制到 ${total.toLocaleString()} 位老人，${benefits.toLocaleString()} 项待遇 …`)
    }
    const tIdx = performance.now()
    for (const i of indexes) await exec(sql.raw(i.indexdef))
    process.stderr.write(`\r  elder indexes rebuilt in ${secs(performance.now() - tIdx)}          \n`)
  }
  await exec(sql`drop table bench_template`)
  await exec(sql`analyze`)
  return { elders: total, benefits }
}

await main()
