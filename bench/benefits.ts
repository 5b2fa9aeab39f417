/**
 * Proactive discovery bench (issue 17 item 5), on a PostgreSQL server (default
 * postgres://postgres@127.0.0.1:5432/postgres; BENCH_PG_URL to change). Creates and drops its own
 * database (BENCH_DB=<name> keeps and reuses it). Fills BENCH_ELDERS elders (default 1,000,000;
 * generated like the demo seed, PII left unencrypted since discovery never reads it), then prints:
 *  (a) the full refresh of the eligible-but-not-applied and no-longer-eligible lists for the five
 *      demo programmes over the whole district (the durable job's work), elders/s;
 *  (b) one elder's refresh (what an elder or assessment event costs), p50/p99 of 200;
 *  (c) one page of a programme's list for a street (the list endpoint's query), p50/p99 of 200.
 * Figures only; never pass/fail.   npm run bench:benefits
 */
import { mkdtempSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { and, asc, count, eq, like } from 'drizzle-orm'
import { todayInShanghai } from '@yiyang/core'
import { systemCtx } from '../packages/server/src/bootstrap.js'
import { openPostgres } from '../packages/server/src/db/client.js'
import { loadConfig } from '../packages/server/src/platform/config.js'
import { seedDemo } from '../packages/server/src/seed/demo.js'
import { generateElders } from '../packages/server/src/modules/elders/seed-elders.js'
import { elders } from '../packages/server/src/modules/elders/elders.tables.js'
import { regions } from '../packages/server/src/modules/regions/regions.tables.js'
import { eligibilityFactsByIds } from '../packages/server/src/modules/elders/index.js'
import { benefitCandidates } from '../packages/server/src/modules/benefits/benefits.tables.js'
import { loadProgrammes, decisionMonth } from '../packages/server/src/modules/benefits/benefits.repo.js'
import { recomputeCandidates, refreshAllCandidates } from '../packages/server/src/modules/benefits/refresh-candidates.js'
import { seedProgrammes } from '../packages/server/src/modules/benefits/seed-programmes.js'

const BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const TOTAL = Number(process.env.BENCH_ELDERS ?? 1_000_000)
const dbName = process.env.BENCH_DB ?? `yy_bench_benefits_${process.pid}`
const withDb = (name: string) => {
  const u = new URL(BASE)
  u.pathname = '/' + name
  return u.toString()
}
const secs = (ms: number) => (ms / 1000).toFixed(1) + ' s'
const pct = (a: number[], p: number) => a.sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))]!.toFixed(1)

async function main() {
  const admin = new pg.Client({ connectionString: BASE })
  await admin.connect()
  const reuse = !!process.env.BENCH_DB && (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1
  if (!reuse) await admin.query(`CREATE DATABASE ${dbName}`)
  const url = withDb(dbName)
  const config = loadConfig({
    SECRET_KEY: 'bench-secret-key-0123456789abcdefghijklmnop',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'yy-bench-benefits-')),
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
  })
  const database = await openPostgres(url, 6)
  try {
    const v = (await admin.query('show server_version')).rows[0].server_version
    console.log(
      `颐养 discovery bench — PostgreSQL ${v}, ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    )
    await database.migrate()
    const ctx = systemCtx(database, config)
    const [have] = await database.db.select({ n: count() }).from(elders)
    if (Number(have?.n ?? 0) < TOTAL) {
      if (!reuse || Number(have?.n ?? 0) === 0) await seedDemo(ctx, { modules: false })
      await seedProgrammes(ctx)
      const villages = await database.db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(eq(regions.level, 'village'))
        .orderBy(asc(regions.code))
      const t = performance.now()
      const today = todayInShanghai()
      let n = 0
      for (let b = 0; n < TOTAL; b++) {
        const size = Math.min(1000, TOTAL - n)
        const rows = generateElders({ count: size, villages, today, seed: 5000 + b, encrypt: (s) => s, hash: (s) => s }).map((r, i) => ({
          ...r,
          idHash: `bench-${b}-${i}`,
          phoneHash: null,
        }))
        await database.db.insert(elders).values(rows)
        n += size
        if (b % 50 === 0) process.stdout.write(`\r  写入老人 ${n.toLocaleString()} / ${TOTAL.toLocaleString()} …`)
      }
      await database.db.execute('analyze elders' as never)
      console.log(`\r(setup) ${TOTAL.toLocaleString()} elders inserted in ${secs(performance.now() - t)}                `)
    } else {
      await seedProgrammes(ctx)
      console.log(`(setup) reusing ${Number(have!.n).toLocaleString()} elders in ${dbName}`)
    }

    // (a) full refresh
    let t = performance.now()
    const r = await refreshAllCandidates(ctx, '62')
    const ms = performance.now() - t
    const byKind = await database.db
      .select({ code: benefitCandidates.programmeCode, kind: benefitCandidates.kind, n: count() })
      .from(benefitCandidates)
      .groupBy(benefitCandidates.programmeCode, benefitCandidates.kind)
      .orderBy(benefitCandidates.programmeCode)
    console.log(
      `(a) full refresh, month ${r.month}: ${r.elders.toLocaleString()} active elders, ${r.candidates.toLocaleString()} list rows in ${secs(ms)} (${Math.round(r.elders / (ms / 1000)).toLocaleString()} elders/s)`,
    )
    for (const k of byKind) console.log(`      ${k.code.padEnd(14)} ${k.kind.padEnd(10)} ${Number(k.n).toLocaleString()}`)

    // (b) one elder's refresh, as an event triggers it
    const programmes = (await loadProgrammes(database.db)).map((p) => p.definition)
    const sample = await database.db.select({ id: elders.id }).from(elders).orderBy(asc(elders.id)).limit(200)
    const one: number[] = []
    for (const s of sample) {
      t = performance.now()
      const facts = await eligibilityFactsByIds(database.db, [s.id])
      await database.db.transaction((tx) => recomputeCandidates(tx, programmes, [...facts.values()], decisionMonth(new Date()), new Date()))
      one.push(performance.now() - t)
    }
    console.log(`(b) one elder's refresh (event path): p50 ${pct(one, 50)} ms, p99 ${pct(one, 99)} ms`)

    // (c) one page of the list for a street
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
    console.log(`(c) list page (高龄津贴, one street, 20 rows + total): p50 ${pct(page, 50)} ms, p99 ${pct(page, 99)} ms`)
  } finally {
    await database.close()
    if (!process.env.BENCH_DB) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.end()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
