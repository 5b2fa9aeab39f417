/**
 * Proactive discovery bench (issue 17 item 5), on a PostgreSQL server (default
 * postgres://postgres@127.0.0.1:5432/postgres; BENCH_PG_URL to change). Creates the database
 * yiyang_bench_benefits (BENCH_DB to name another) and drops it at the end unless BENCH_KEEP=1;
 * with BENCH_KEEP=1 a database that already holds the elders is reused. Fills BENCH_ELDERS elders (default 1,000,000)
 * with one set-based INSERT … SELECT FROM generate_series (PII left as placeholders: discovery never
 * reads it), active benefits for about half of the eligible elders and some no longer eligible,
 * then prints:
 *  (a) the full refresh of the eligible-but-not-applied and no-longer-eligible lists for all five
 *      demo programmes over the whole district (the durable job's work, one statement);
 *  (b) the same per programme (what an edit of one programme's rules costs);
 *  (c) with BENCH_JS=1, the former path for comparison: core's evaluator over every elder in
 *      batches of 5,000;
 *  (d) one elder's refresh (what an elder or assessment event costs), p50/p99 of 200;
 *  (e) one page of a programme's list for a street (the list endpoint's query), p50/p99 of 200.
 * Figures only; never pass/fail.   npm run bench:benefits
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { and, asc, count, eq, like, sql } from 'drizzle-orm'
import { factDayForMonth } from '@yiyang/core'
import { systemCtx } from '../packages/server/src/bootstrap.js'
import { openPostgres } from '../packages/server/src/db/client.js'
import { loadConfig } from '../packages/server/src/platform/config.js'
import { seedDemo } from '../packages/server/src/seed/demo.js'
import { elders } from '../packages/server/src/modules/elders/elders.tables.js'
import { countActiveEldersInScope, eligibilityFactsByIds, eligibilityFactsInScope } from '../packages/server/src/modules/elders/index.js'
import { benefitCandidates } from '../packages/server/src/modules/benefits/benefits.tables.js'
import { loadProgrammes, decisionMonth } from '../packages/server/src/modules/benefits/benefits.repo.js'
import { recomputeCandidates, refreshAllCandidates } from '../packages/server/src/modules/benefits/refresh-candidates.js'
import { refreshCandidatesSql } from '../packages/server/src/modules/benefits/discovery-sql.js'
import { seedProgrammes } from '../packages/server/src/modules/benefits/seed-programmes.js'

const BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const TOTAL = Number(process.env.BENCH_ELDERS ?? 1_000_000)
const dbName = process.env.BENCH_DB ?? 'yiyang_bench_benefits'
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error('BENCH_DB: lower-case letters, digits and _ only')
const keep = process.env.BENCH_KEEP === '1'
const withDb = (name: string) => {
  const u = new URL(BASE)
  u.pathname = '/' + name
  return u.toString()
}
const secs = (ms: number) => (ms / 1000).toFixed(1) + ' s'
const pct = (a: number[], p: number) => a.sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))]!.toFixed(1)

/**
 * The district's elders in one statement. Ages 60–104 (about 14% are 80 or more, 5% 90 or more),
 * 92% local hukou, 4% deceased or moved out, typed categories at rates like the demo seed, a
 * GB/T 42195 level for 35% and an MZ/T 039 level (not read by programmes) for 3%.
 */
function generateEldersSql(n: number, factDay: string) {
  return sql`
    insert into elders (region_code, name, name_initials, id_hash, id_enc, id_prefix6, birth_date, sex, hukou, living_arrangement,
                        typed_categories, categories, status, ability_scale, ability_level)
    select v.codes[1 + floor(x.r1 * v.n)::int], '测试老人' || x.g, 'csl', 'bench-' || x.g, 'bench', '620702',
      (${factDay}::date - make_interval(years => 60 + least(44, floor(-ln(1 - x.r2) * 9)::int), days => floor(x.r3 * 365)::int))::date,
      case when x.r4 < 0.47 then 'male' else 'female' end,
      case when x.r5 < 0.92 then 'local' else 'non_local' end,
      (array['living_alone', 'empty_nest', 'with_children', 'other'])[1 + floor(x.r6 * 4)::int],
      x.cats, x.cats,
      case when x.r7 < 0.96 then 'active' when x.r7 < 0.99 then 'deceased' else 'moved_out' end,
      case when x.r8 < 0.35 then 'gbt42195' when x.r8 < 0.38 then 'mzt039' end,
      case when x.r8 < 0.38 then (array[0, 0, 0, 1, 1, 1, 2, 2, 3, 4])[1 + floor(x.r9 * 10)::int] end
    from (
      select g, r1, r2, r3, r4, r5, r6, r7, r8, r9,
        array_remove(array[
          case when c1 < 0.02 then 'destitute' end,
          case when c1 < 0.012 then 'dispersed_support' when c1 < 0.02 then 'centralized_support' end,
          case when c1 >= 0.02 and c1 < 0.07 then 'min_subsistence' when c1 >= 0.07 and c1 < 0.09 then 'near_min_subsistence'
               when c1 >= 0.09 and c1 < 0.11 then 'low_income' end,
          case when c2 < 0.01 then 'family_planning_special' end,
          case when c3 < 0.03 then 'severe_disability' when c3 < 0.09 then 'disabled' end,
          case when c4 < 0.05 then 'economically_disadvantaged' end
        ], null)::text[] as cats
      from (
        select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7,
               random() as r8, random() as r9, random() as c1, random() as c2, random() as c3, random() as c4
        from generate_series(1, ${n}::int) as g
      ) as raw
    ) as x,
    (select array_agg(code order by code) as codes, count(*) as n from regions where level = 'village') as v`
}

async function main() {
  const admin = new pg.Client({ connectionString: BASE })
  await admin.connect()
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1
  // A database of that name that this run did not create is never dropped.
  if (exists && !keep) throw new Error(`database ${dbName} exists: BENCH_KEEP=1 reuses it, or drop it first`)
  if (!exists) await admin.query(`CREATE DATABASE ${dbName}`)
  const url = withDb(dbName)
  const config = loadConfig({
    SECRET_KEY: 'bench-secret-key-0123456789abcdefghijklmnop',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'yy-bench-benefits-')),
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
  })
  const database = await openPostgres(url, 6)
  const q = async <T>(s: ReturnType<typeof sql>) => ((await database.db.execute(s)) as unknown as { rows: T[] }).rows
  try {
    const v = (await admin.query('show server_version')).rows[0].server_version
    console.log(
      `颐养 discovery bench — PostgreSQL ${v}, database ${dbName}, ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    )
    await database.migrate()
    const ctx = systemCtx(database, config)
    const month = decisionMonth(ctx.clock.now())
    const [have] = await database.db.select({ n: count() }).from(elders)
    if (Number(have?.n ?? 0) < TOTAL) {
      if (Number(have?.n ?? 0) > 0) throw new Error(`${dbName} holds ${Number(have!.n)} elders, fewer than ${TOTAL}: drop it or set BENCH_DB`)
      await seedDemo(ctx, { modules: false })
      await seedProgrammes(ctx)
      // Setup only: secondary indexes go during the bulk load and are rebuilt after it.
      const indexes = await q<{ indexname: string; indexdef: string }>(
        sql`select indexname, indexdef from pg_indexes where tablename = 'elders' and indexname not in ('elders_pkey', 'elders_id_hash_uq')`,
      )
      for (const i of indexes) await database.db.execute(sql.raw(`drop index ${i.indexname}`))
      let t = performance.now()
      // One connection: the seed makes the district the same on every run.
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select setseed(0.17)`)
        await tx.execute(generateEldersSql(TOTAL, factDayForMonth(month)))
      })
      const tIdx = performance.now()
      for (const i of indexes) await database.db.execute(sql.raw(i.indexdef))
      await database.db.execute(sql`analyze elders`)
      console.log(
        `(setup) ${TOTAL.toLocaleString()} elders generated in ${secs(tIdx - t)} (generate_series), indexes rebuilt in ${secs(performance.now() - tIdx)}`,
      )
      // Benefits: about half of the eligible elders hold theirs; some hold a 消费补贴 without a level (不再符合).
      t = performance.now()
      await refreshAllCandidates(ctx, '62')
      await database.db.execute(sql`
        insert into benefits (elder_id, region_code, programme_code, application_id, amount_fen, from_month, status, next_review_month)
        select elder_id, region_code, programme_code, gen_random_uuid(), amount_fen, '2026-01', 'active', '2027-01'
        from benefit_candidates where kind = 'eligible' and random() < 0.5`)
      await database.db.execute(sql`
        insert into benefits (elder_id, region_code, programme_code, application_id, amount_fen, from_month, status, next_review_month)
        select id, region_code, 'xiaofei-quan', gen_random_uuid(), 30000, '2026-01', 'active', '2027-01'
        from elders where status = 'active' and ability_level is null and random() < 0.005`)
      await database.db.execute(sql`analyze benefits`)
      const [b] = await q<{ n: string }>(sql`select count(*) as n from benefits where status = 'active'`)
      console.log(`(setup) ${Number(b!.n).toLocaleString()} active benefits in ${secs(performance.now() - t)}`)
    } else {
      await seedProgrammes(ctx)
      console.log(`(setup) reusing ${Number(have!.n).toLocaleString()} elders in ${dbName}`)
    }

    // (a) full refresh, all programmes in one statement; (b) one programme at a time (both lists of
    // that programme, the whole district). Besides the wall time, the CPU time of the PostgreSQL
    // backend that ran it (from /proc, when the server is on this machine), which the load of
    // other work on a shared machine moves much less.
    const programmes = (await loadProgrammes(database.db)).map((p) => p.definition)
    const timed = async (only?: string) => {
      const t0 = performance.now()
      let cpu: number | null = null
      const n = await database.db.transaction(async (tx) => {
        const [{ pid }] = ((await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] }).rows as [{ pid: number }]
        const ticks = () => {
          try {
            const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
            return Number(f[11]) + Number(f[12])
          } catch {
            return null
          }
        }
        const before = ticks()
        const rows = await refreshCandidatesSql(tx, programmes, '62', month, new Date(), only)
        const after = ticks()
        if (before !== null && after !== null) cpu = (after - before) / 100
        return rows
      })
      return { n, wall: performance.now() - t0, cpu: cpu as number | null }
    }
    const cpuText = (c: number | null) => (c === null ? '' : `, PostgreSQL CPU ${c.toFixed(1)} s`)
    const all = await timed()
    const active = await countActiveEldersInScope(database.db, '62')
    const byKind = await database.db
      .select({ code: benefitCandidates.programmeCode, kind: benefitCandidates.kind, n: count() })
      .from(benefitCandidates)
      .groupBy(benefitCandidates.programmeCode, benefitCandidates.kind)
      .orderBy(benefitCandidates.programmeCode)
    console.log(
      `(a) full refresh, all ${programmes.length} programmes, month ${month}: ${active.toLocaleString()} active elders, ${all.n.toLocaleString()} list rows in ${secs(all.wall)}${cpuText(all.cpu)} (load ${os.loadavg()[0]!.toFixed(1)})`,
    )
    for (const k of byKind) console.log(`      ${k.code.padEnd(14)} ${k.kind.padEnd(10)} ${Number(k.n).toLocaleString()}`)
    for (const p of programmes) {
      const one = await timed(p.code)
      console.log(`(b) ${p.code.padEnd(14)} ${p.name}: ${one.n.toLocaleString()} rows in ${secs(one.wall)}${cpuText(one.cpu)}`)
    }
    const r = { month }
    let t = 0

    // (c) the former path: core's evaluator over every elder, batches of 5,000
    if (process.env.BENCH_JS === '1') {
      t = performance.now()
      let seen = 0
      let rows = 0
      for await (const batch of eligibilityFactsInScope(database.db, '62')) {
        rows += await database.db.transaction((tx) => recomputeCandidates(tx, programmes, batch, r.month, new Date()))
        seen += batch.length
      }
      console.log(
        `(c) former per-elder path (core evaluator in Node): ${seen.toLocaleString()} elders, ${rows.toLocaleString()} rows in ${secs(performance.now() - t)}`,
      )
    }

    // (d) one elder's refresh, as an event triggers it
    const sample = await database.db.select({ id: elders.id }).from(elders).orderBy(asc(elders.id)).limit(200)
    const one: number[] = []
    for (const s of sample) {
      t = performance.now()
      const facts = await eligibilityFactsByIds(database.db, [s.id])
      await database.db.transaction((tx) => recomputeCandidates(tx, programmes, [...facts.values()], decisionMonth(new Date()), new Date()))
      one.push(performance.now() - t)
    }
    console.log(`(d) one elder's refresh (event path): p50 ${pct(one, 50)} ms, p99 ${pct(one, 99)} ms`)

    // (e) one page of the list for a street
    const page: number[] = []
    for (let i = 0; i < 200; i++) {
      t = performance.now()
      const cond = and(eq(benefitCandidates.programmeCode, 'gaoling'), eq(benefitCandidates.kind, 'eligible'), like(benefitCandidates.regionCode, '620702001%'))
      await Promise.all([
        database.db
          .select()
          .from(benefitCandidates)
          .where(cond)
          .orderBy(asc(benefitCandidates.regionCode), asc(benefitCandidates.elderId))
          .limit(20)
          .offset(20 * (i % 10)),
        database.db.select({ n: count() }).from(benefitCandidates).where(cond),
      ])
      page.push(performance.now() - t)
    }
    console.log(`(e) list page (高龄津贴, one street, 20 rows + total): p50 ${pct(page, 50)} ms, p99 ${pct(page, 99)} ms`)
  } finally {
    await database.close()
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.end()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
