/**
 * Month-run bench (issue 18 item 7).
 *
 *   npm run -s bench:disburse -- --elders N --benefits M [--generate-only] [--month YYYY-MM] [--run-only]
 *
 * --run-only times another month on the district generated before in the same database.
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
import { systemCtx } from '../packages/server/src/bootstrap.js'
import { openPglite, openPostgres, rowsOf, type Database } from '../packages/server/src/db/client.js'
import { loadConfig } from '../packages/server/src/platform/config.js'
import { seedDemo } from '../packages/server/src/seed/demo.js'
import { loadSeedProgrammes } from '../packages/server/src/seed/programmes.js'
import { generateElders } from '../packages/server/src/modules/elders/seed-elders.js'
import { elders } from '../packages/server/src/modules/elders/elders.tables.js'
import { benefitsDueSource, runMonth } from '../packages/server/src/modules/disbursement/index.js'

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

async function main() {
  const url = process.env.DATABASE_URL
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
    let inserted = runOnly ? N : 0
    let benefits = 0
    const BATCH = 2000
    for (let b = 0; inserted < N; b++) {
      const n = Math.min(BATCH, N - inserted)
      const rows = generateElders({ count: n, villages, today, seed: 5000 + b, encrypt: ctx.crypto.encrypt, hash: ctx.crypto.lookupHash, withPii: false })
      for (const r of rows) {
        // Unique ID numbers across batches: the batch picks the address code block.
        const id = makeIdNumber(String(610000 + (b % 10000)).padStart(6, '0'), r.birthDate!, (inserted % 997) + 1)
        r.idEnc = ctx.crypto.encrypt(id)
        r.idHash = ctx.crypto.lookupHash(`${id}:${b}:${inserted++}`)
        r.idPrefix6 = id.slice(0, 6)
      }
      const ids = await database.db.insert(elders).values(rows).returning({ id: elders.id })
      const due: string[] = []
      rows.forEach((r, i) => {
        if (benefits >= M) return
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
          if (!res.chosen || benefits >= M) continue
          benefits++
          // Approved in December 2025, paid from January: no back pay (补发) in the timed month.
          due.push(
            `('${ids[i]!.id}', '${r.regionCode}', '${res.program}', '${randomUUID()}', ${res.amountFen}, '2026-01', 'active', '2027-01', '2025-12-20T10:00:00+08:00')`,
          )
        }
      })
      if (due.length) {
        await database.db.execute(
          sql.raw(
            `insert into benefits (elder_id, region_code, programme_code, application_id, amount_fen, from_month, status, next_review_month, created_at) values ${due.join(',')}`,
          ),
        )
      }
      if (b % 20 === 0) process.stderr.write(`\r  生成 ${inserted.toLocaleString()} 位老人，${benefits.toLocaleString()} 项待遇 …`)
    }
    await database.db.execute(sql`analyze`)
    if (!runOnly)
      log(
        `\r(setup) ${inserted.toLocaleString()} elders and ${benefits.toLocaleString()} active benefits generated in ${secs(performance.now() - t)}          `,
      )
    if (generateOnly) return

    const rssBefore = process.resourceUsage().maxRSS
    t = performance.now()
    const result = await runMonth(ctx, { month: MONTH, regionCode: '620702', source: benefitsDueSource, owner: `bench:${process.pid}`, chunkSize: 2000 })
    const runMs = performance.now() - t
    const rssAfter = process.resourceUsage().maxRSS

    // The hand-written statement writes the same rows as the run (every column of a line, the
    // explanation text included) into a logged table shaped and indexed like disbursement_lines.
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
        insert into bench_hand_lines (batch_id, month, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation,
                                      period_from, period_to, benefit_id, application_id)
        select ${result.batchId}::uuid, ${MONTH}, c.elder_id, c.region_code, c.programme_code, c.program_name, c.delivery, c.fund_source, c.amount_fen,
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
  }
}

await main()
