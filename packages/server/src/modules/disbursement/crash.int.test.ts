import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { clonePlace, fakeClock } from '../../../test/app.js'
import { testConfig } from '../../../test/config.js'
import { syntheticSource } from '../../../test/disburse-source.js'
import { rowsOf } from '../../db/client.js'
import { createCrypto } from '../../platform/crypto.js'
import { EventBus } from '../../platform/events.js'
import { runMonth } from './run-month.js'
import { verifyLedger } from './verify-ledger.js'

const dir = mkdtempSync(join(tmpdir(), 'yy-disburse-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const child = fileURLToPath(new URL('../../../test/disburse-child.ts', import.meta.url))

describe('a kill -9 in the middle of a month run', () => {
  it('resumes with no double and no missing line, on this database', async () => {
    const place = await clonePlace(join(dir, 'pgdata'))
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...place.args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    p.stderr.on('data', (d) => (err += String(d)))
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child never reached RUNNING: ${out} ${err}`)), 120_000)
      p.stdout.on('data', (d) => {
        out += String(d)
        if (out.includes('RUNNING')) {
          clearTimeout(timer)
          resolve()
        }
      })
      p.on('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)))
    })
    const exited = new Promise((r) => p.on('exit', r))
    p.kill('SIGKILL')
    await exited
    expect(out).not.toContain('FINISHED')

    const database = await place.open()
    try {
      const count = async () =>
        Number(rowsOf<{ n: string }>(await database.db.execute(sql`select count(*) as n from disbursement_lines where month = '2026-11'`))[0]!.n)
      const partial = await count()
      expect(partial).toBeGreaterThanOrEqual(150)
      expect(partial).toBeLessThan(1000)
      // Every committed page is whole: lines, postings and the cursor went in together.
      expect(partial % 50).toBe(0)
      expect((await verifyLedger(database.db)).ok).toBe(true)

      const clock = fakeClock()
      clock.advance(60_000) // past the dead runner's lease
      const config = testConfig()
      const ctx = {
        db: database.db,
        actor: null,
        requestId: 'resume',
        ip: 'local',
        clock,
        config,
        crypto: createCrypto(config.secretKey),
        events: new EventBus(),
      }
      const result = await runMonth(ctx, { month: '2026-11', regionCode: '620702', owner: 'resumer', chunkSize: 50, source: syntheticSource(1000) })
      const expectedFen = Array.from({ length: 1000 }, (_, i) => 10000 + (i % 3) * 20000).reduce((a, b) => a + b, 0)
      expect(result).toMatchObject({ lines: 1000, totalFen: expectedFen, status: 'draft' })
      expect(await count()).toBe(1000)
      // The run's own transactions: the demo seed may also have posted in 2026-11 (a service
      // credit spent on an order it settled a week before a date early in December).
      const runTx = sql`t.month = '2026-11' and t.kind in ('benefit_accrual', 'credit_grant')`
      const tx = rowsOf<{ n: string }>(await database.db.execute(sql`select count(*) as n from ledger_transactions t where ${runTx}`))
      expect(Number(tx[0]!.n)).toBe(1000)
      // Two postings a line, besides those of the demo seed.
      const demo = rowsOf<{ n: string }>(
        await database.db.execute(sql`select count(*) as n from ledger_postings p join ledger_transactions t on t.id = p.tx_id where not (${runTx})`),
      )
      expect(await verifyLedger(database.db)).toMatchObject({ ok: true, postings: 2000 + Number(demo[0]!.n) })
    } finally {
      await database.close()
      await place.drop()
    }
  }, 180_000)
})
