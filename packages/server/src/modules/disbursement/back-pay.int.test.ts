import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clonePlace, createTestApp, type TestApp } from '../../../test/app.js'
import { TEST_SECRET, testConfig } from '../../../test/config.js'
import { systemCtx } from '../../bootstrap.js'
import { openPglite, rowsOf, type Database } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { benefitsDueSource } from './benefits-due-source.js'
import { runMonth } from './run-month.js'
import { verifyLedger } from './verify-ledger.js'

/**
 * Back pay (补发) in segments and the two application checks, against hand-computed amounts.
 * 高龄津贴 (seed programme `gaoling`): 80–89 → 100 元, 90–99 → 300 元 a month; the payment age of
 * month M is the age on the last day of M−1, so a birthday in August pays the new band from
 * September.
 */
type TScenario = { turning90: string; diedMidMonth: string; noApproval: string; objected: string }

async function setUpScenario(db: Database['db']): Promise<TScenario> {
  const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s))
  const picked = await q<{ id: string; region_code: string }>(sql`
    select e.id, e.region_code from elders e
     where e.status = 'active' and e.hukou = 'local' and e.merged_into is null
       and not exists (select 1 from benefits b where b.elder_id = e.id)
       and not exists (select 1 from benefit_applications a where a.elder_id = e.id)
     order by e.id limit 4`)
  expect(picked).toHaveLength(4)
  const [a, b, c, d] = picked as [(typeof picked)[0], (typeof picked)[0], (typeof picked)[0], (typeof picked)[0]]
  // A: turns 90 on 15 August 2026. B: 85 all year, dies on 20 October 2026. C, D: 85.
  await db.execute(sql`update elders set birth_date = '1936-08-15' where id = ${a.id}`)
  await db.execute(sql`update elders set birth_date = '1941-03-02' where id in (${b.id}, ${c.id}, ${d.id})`)
  await db.execute(sql`update elders set status = 'deceased', status_date = '2026-10-20' where id = ${b.id}`)
  const app = async (e: { id: string; region_code: string }, status: string) =>
    (
      await q<{ id: string }>(sql`
        insert into benefit_applications (elder_id, region_code, programme_code, status, elder_name_masked, amount_fen)
        values (${e.id}, ${e.region_code}, 'gaoling', ${status}, '张*', 10000) returning id`)
    )[0]!.id
  const benefit = async (e: { id: string; region_code: string }, applicationId: string, o: { amount: number; from: string; granted: string; stop?: string }) =>
    db.execute(sql`
      insert into benefits (elder_id, region_code, programme_code, application_id, amount_fen, from_month, stop_month, status, next_review_month, created_at)
      values (${e.id}, ${e.region_code}, 'gaoling', ${applicationId}, ${o.amount}, ${o.from}, ${o.stop ?? null}, ${o.stop ? 'stopped' : 'active'}, '2027-06',
              ${`${o.granted}T10:00:00+08:00`}::timestamptz)`)
  // A: approval overdue — granted 10 October, paid from June (its deadline passed in May).
  await benefit(a, await app(a, 'active'), { amount: 30000, from: '2026-06', granted: '2026-10-10' })
  // B: granted 5 October from July; died 20 October, so stopped from November.
  await benefit(b, await app(b, 'stopped'), { amount: 10000, from: '2026-07', granted: '2026-10-05', stop: '2026-11' })
  // C: a benefit whose application was never approved (still in 公示).
  await benefit(c, await app(c, 'notice_open'), { amount: 10000, from: '2026-11', granted: '2026-10-20' })
  // D: approved, but an objection lodged on 3 November is still open.
  const dApp = await app(d, 'active')
  await benefit(d, dApp, { amount: 10000, from: '2026-11', granted: '2026-10-20' })
  await db.execute(sql`
    insert into benefit_objections (application_id, region_code, name, contact_hash, contact_enc, reason, status, created_at)
    values (${dApp}, ${d.region_code}, '李*', 'hash-d', 'enc-d', '其子女经济条件良好', 'open', '2026-11-03T09:00:00+08:00')`)
  return { turning90: a.id, diedMidMonth: b.id, noApproval: c.id, objected: d.id }
}

type TLine = { elder_id: string; kind: string; period_from: string; period_to: string; amount_fen: string | number; explanation: string }
const linesOf = async (db: Database['db'], month: string, elderIds: string[]) =>
  rowsOf<TLine>(
    await db.execute(sql`
      select elder_id, kind, period_from, period_to, amount_fen, explanation from disbursement_lines
       where month = ${month} and elder_id in (select unnest(${`{${elderIds.join(',')}}`}::uuid[]))
       order by elder_id, period_from`),
  ).map((l) => ({ ...l, amount_fen: Number(l.amount_fen) }))

describe('back pay (补发) in segments, in process and over HTTP', () => {
  let t: TestApp
  let ctx: Ctx
  let s: TScenario
  let bureau: string
  beforeAll(async () => {
    t = await createTestApp()
    ctx = systemCtx(t.database, testConfig())
    bureau = await t.login('bureau')
    s = await setUpScenario(t.database.db)
  })
  afterAll(async () => {
    await t?.close()
  })
  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: bureau }, ...(payload ? { payload: payload as object } : {}) })

  it('pays the months owed once, one line per segment of one band, up to the month of death', async () => {
    const run = await runMonth(ctx, { month: '2026-11', regionCode: '620702', source: benefitsDueSource, owner: 'bp', chunkSize: 7 })
    expect(run.status).toBe('draft')
    const a = await linesOf(t.database.db, '2026-11', [s.turning90])
    expect(a.map((l) => [l.kind, l.period_from, l.period_to, l.amount_fen])).toEqual([
      ['back_pay', '2026-06', '2026-08', 3 * 10000],
      ['back_pay', '2026-09', '2026-10', 2 * 30000],
      ['regular', '2026-11', '2026-11', 30000],
    ])
    expect(a[0]!.explanation).toBe('高龄津贴补发 2026-06至2026-08，共3个月，每月100.00元（按89周岁）')
    expect(a[1]!.explanation).toBe('高龄津贴补发 2026-09至2026-10，共2个月，每月300.00元（按90周岁）')
    const b = await linesOf(t.database.db, '2026-11', [s.diedMidMonth])
    expect(b.map((l) => [l.kind, l.period_from, l.period_to, l.amount_fen])).toEqual([['back_pay', '2026-07', '2026-10', 4 * 10000]])

    // Over HTTP: the batch's lines carry their kind, months and the benefit and application links.
    const lines = (await inject('GET', `/disbursement/batches/${run.batchId}/lines?pageSize=100`)).json()
    const mine = lines.items.filter((l: { elderId: string }) => l.elderId === s.turning90)
    expect(mine).toHaveLength(3)
    expect(mine.every((l: { benefitId: string | null; applicationId: string | null }) => l.benefitId && l.applicationId)).toBe(true)
    expect(mine.map((l: { kind: string }) => l.kind).sort()).toEqual(['back_pay', 'back_pay', 'regular'])

    // A second run of the month changes nothing.
    const again = await runMonth(ctx, { month: '2026-11', regionCode: '620702', source: benefitsDueSource, owner: 'bp2' })
    expect(again).toEqual(run)
    // The next month pays the regular month only: every owed month is paid already.
    await runMonth(ctx, { month: '2026-12', regionCode: '620702', source: benefitsDueSource, owner: 'bp3' })
    const dec = await linesOf(t.database.db, '2026-12', [s.turning90, s.diedMidMonth])
    expect(dec.map((l) => [l.elder_id, l.kind, l.amount_fen])).toEqual([[s.turning90, 'regular', 30000]])
    const paidMonths = rowsOf<{ month: string }>(
      await t.database.db.execute(sql`select month from disbursement_line_months where elder_id = ${s.turning90} order by month`),
    ).map((r) => r.month)
    expect(paidMonths).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    expect(await verifyLedger(t.database.db)).toMatchObject({ ok: true })
  })

  it('flags a benefit without an approved application and a payment while an objection was open', async () => {
    const scan = await inject('POST', '/disbursement/anomalies/scan', { month: '2026-11' })
    expect(scan.statusCode, scan.body).toBe(200)
    const list = (await inject('GET', '/disbursement/anomalies?month=2026-11&pageSize=100')).json()
    const of = (elderId: string) => list.items.filter((x: { elderId: string }) => x.elderId === elderId).map((x: { kind: string; detail: string }) => x)
    expect(of(s.noApproval).map((x: { kind: string }) => x.kind)).toEqual(['no_approved_application'])
    expect(of(s.noApproval)[0].detail).toContain('公示中')
    expect(of(s.objected).map((x: { kind: string }) => x.kind)).toEqual(['paid_during_objection'])
    expect(of(s.objected)[0].detail).toContain('1 件异议')
    // Back pay for months before the death is not "paid after death"; approved ones are clean.
    expect(of(s.diedMidMonth)).toEqual([])
    expect(of(s.turning90)).toEqual([])
    // Checking again adds nothing.
    expect((await inject('POST', '/disbursement/anomalies/scan', { month: '2026-11' })).json().created).toBe(0)
  })
})

const root = fileURLToPath(new URL('../../../../../', import.meta.url))
const exec = promisify(execFile)

describe('back pay through the CLI (npm run -s disburse, ledger:verify)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yy-backpay-cli-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('computes the month with its back-pay lines, prints the same figures again, and the ledger verifies', async () => {
    const place = await clonePlace(join(dir, 'pgdata'))
    const env: NodeJS.ProcessEnv = { ...process.env, SECRET_KEY: TEST_SECRET, DATA_DIR: dir, LOG_LEVEL: 'silent', MQTT_ENABLED: 'false' }
    let database: Database
    if (place.kind === 'pglite') {
      database = await openPglite({ dataDir: join(dir, 'pgdata'), loadDataDir: new Blob([readFileSync(place.args[2]!)]) })
      delete env.DATABASE_URL
    } else {
      database = await place.open()
      env.DATABASE_URL = place.args[1]
    }
    let s: TScenario
    try {
      s = await setUpScenario(database.db)
    } finally {
      await database.close()
    }
    try {
      const cli = (script: string, ...args: string[]) => exec(process.execPath, ['--import', 'tsx', join(root, script), ...args], { env, cwd: root })
      const first = JSON.parse((await cli('packages/server/src/cli/disburse.ts', '--month', '2026-11')).stdout.trim())
      expect(first).toMatchObject({ month: '2026-11', status: 'draft' })
      const second = JSON.parse((await cli('packages/server/src/cli/disburse.ts', '--month', '2026-11')).stdout.trim())
      expect(second).toEqual(first)
      expect((await cli('packages/server/src/cli/ledger-verify.ts')).stdout).toMatch(/^OK \d+ postings/)
      const db2 = place.kind === 'pglite' ? await openPglite({ dataDir: join(dir, 'pgdata') }) : await place.open()
      try {
        const a = await linesOf(db2.db, '2026-11', [s.turning90, s.diedMidMonth])
        expect(a.map((l) => [l.elder_id, l.kind, l.period_from, l.period_to, l.amount_fen])).toEqual(
          [
            [s.turning90, 'back_pay', '2026-06', '2026-08', 30000],
            [s.turning90, 'back_pay', '2026-09', '2026-10', 60000],
            [s.turning90, 'regular', '2026-11', '2026-11', 30000],
            [s.diedMidMonth, 'back_pay', '2026-07', '2026-10', 40000],
          ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : String(x[0]) > String(y[0]) ? 1 : 0)),
        )
      } finally {
        await db2.close()
      }
    } finally {
      await place.drop()
    }
  }, 240_000)
})
