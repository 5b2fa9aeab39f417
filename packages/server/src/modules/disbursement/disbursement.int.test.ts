import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { rowsOf } from '../../db/client.js'
import { systemCtx } from '../../bootstrap.js'
import { testConfig } from '../../../test/config.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import type { TDueLine, TDueSource } from './due-source.js'
import { grantServiceCredit } from './grant-service-credit.js'
import { runMonth } from './run-month.js'
import { spendServiceCredit } from './spend-service-credit.js'
import { verifyLedger } from './verify-ledger.js'

let t: TestApp
let ctx: Ctx
let bureau: string
let admin: string
let nanjie: string
let elders: { id: string; region_code: string }[]

beforeAll(async () => {
  t = await createTestApp()
  ctx = systemCtx(t.database, testConfig())
  ;[bureau, admin, nanjie] = await Promise.all(['bureau', 'admin', 'nanjie.officer'].map((u) => t.login(u)))
  elders = rowsOf<{ id: string; region_code: string }>(await t.database.db.execute(sql`select id, region_code from elders order by id limit 7`))
})
afterAll(async () => {
  await t?.close()
})

const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) })

/** What is owed, from a plain list: pages of `limit` keyed by position. `fail` throws once at that page. */
function listSource(lines: TDueLine[], opts: { failAtPage?: number; hold?: Promise<void> } = {}): TDueSource {
  let failed = false
  return {
    count: async () => lines.length,
    page: async (_db, q) => {
      const from = q.after === null ? 0 : Number(q.after)
      if (opts.hold) await opts.hold
      if (opts.failAtPage !== undefined && !failed && from / q.limit === opts.failAtPage) {
        failed = true
        throw new Error('模拟中断')
      }
      const slice = lines.slice(from, from + q.limit)
      return { lines: slice, cursor: from + q.limit >= lines.length ? null : String(from + q.limit) }
    },
  }
}

const due = (elder: { id: string; region_code: string }, programCode: string, amountFen: number, delivery = 'cash'): TDueLine => ({
  elderId: elder.id,
  regionCode: elder.region_code,
  programCode,
  programName: programCode === 'gaoling' ? '高龄津贴' : '经济困难老年人养老服务补贴',
  delivery,
  fundSource: programCode === 'gaoling' ? 'fiscal' : 'welfare_lottery',
  amountFen,
  explanation: '测试',
})

const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: string | number }>(await t.database.db.execute(q))[0]!.n)

describe('month run', () => {
  it('writes one line per elder and programme with balanced postings; a second run changes nothing', async () => {
    const lines = [
      due(elders[0]!, 'gaoling', 10000),
      due(elders[1]!, 'gaoling', 30000),
      due(elders[1]!, 'jingji-kunnan', 20000, 'service_credits'),
      due(elders[2]!, 'gaoling', 60000),
    ]
    // The demo seed already paid this month's service credits (an approved batch): count from there.
    const budgets = async () =>
      new Map(
        rowsOf<{ code: string; balance_fen: string }>(
          await t.database.db.execute(sql`select code, balance_fen from ledger_accounts where kind = 'budget' order by code`),
        ).map((b) => [b.code, Number(b.balance_fen)]),
      )
    const budgetBefore = await budgets()
    const postingsBefore = await count(sql`select count(*) as n from ledger_postings`)
    const first = await runMonth(ctx, { month: '2026-11', regionCode: '620702', source: listSource(lines), owner: 'a', chunkSize: 3 })
    expect(first).toMatchObject({ month: '2026-11', lines: 4, totalFen: 120000, status: 'draft' })
    const postings = await count(sql`select count(*) as n from ledger_postings`)
    expect(postings - postingsBefore).toBe(8)
    const again = await runMonth(ctx, { month: '2026-11', regionCode: '620702', source: listSource(lines), owner: 'b' })
    expect(again).toEqual(first)
    expect(await count(sql`select count(*) as n from ledger_postings`)).toBe(postings)
    expect(await verifyLedger(t.database.db)).toMatchObject({ ok: true, postings })
    // Budget paid out 1200 yuan, the elders hold it: cash as payable, the non-cash part as credit.
    const budgetAfter = await budgets()
    expect([...budgetAfter].map(([code, fen]) => [code, fen - (budgetBefore.get(code) ?? 0)])).toEqual([
      ['budget:gaoling:fiscal:2026', 100000],
      ['budget:jingji-kunnan:welfare_lottery:2026', 20000],
    ])
  })

  it('resumes after a crash mid-run with no double and no missing line', async () => {
    const lines = elders.slice(0, 7).map((e, i) => due(e, 'gaoling', 10000 + i))
    await expect(
      runMonth(ctx, { month: '2026-10', regionCode: '620702', source: listSource(lines, { failAtPage: 2 }), owner: 'crashy', chunkSize: 2, leaseMs: 1 }),
    ).rejects.toThrow('模拟中断')
    expect(await count(sql`select count(*) as n from disbursement_lines where month = '2026-10'`)).toBe(4)
    const resumed = await runMonth(ctx, { month: '2026-10', regionCode: '620702', source: listSource(lines), owner: 'second', chunkSize: 2 })
    expect(resumed).toMatchObject({ lines: 7, totalFen: lines.reduce((s, l) => s + l.amountFen, 0), status: 'draft' })
    expect(await count(sql`select count(*) as n from disbursement_lines where month = '2026-10'`)).toBe(7)
    expect(await count(sql`select count(*) as n from ledger_transactions where month = '2026-10'`)).toBe(7)
    expect((await verifyLedger(t.database.db)).ok).toBe(true)
  })

  it('keeps a second runner out while the first holds the lease', async () => {
    let release!: () => void
    const hold = new Promise<void>((r) => (release = r))
    const lines = [due(elders[3]!, 'gaoling', 10000)]
    const first = runMonth(ctx, { month: '2026-09', regionCode: '620702', source: listSource(lines, { hold }), owner: 'one' })
    await new Promise((r) => setTimeout(r, 50))
    await expect(runMonth(ctx, { month: '2026-09', regionCode: '620702', source: listSource(lines), owner: 'two' })).rejects.toMatchObject({ code: 'BUSY' })
    release()
    expect(await first).toMatchObject({ lines: 1, status: 'draft' })
  })

  it('the unique index refuses a second line for the same month, elder and programme', async () => {
    await expect(
      t.database.db.execute(
        sql`insert into disbursement_lines (batch_id, month, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation, period_from, period_to)
            select batch_id, month, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation, period_from, period_to
              from disbursement_lines where month = '2026-11' limit 1`,
      ),
    ).rejects.toThrow()
    // Paying a month twice in any line (regular or back pay) is refused by the paid-months key.
    await expect(
      t.database.db.execute(
        sql`insert into disbursement_line_months (elder_id, program_code, month, line_id)
            select elder_id, program_code, month, gen_random_uuid() from disbursement_lines where month = '2026-11' limit 1`,
      ),
    ).rejects.toThrow()
  })
})

describe('batch review over HTTP', () => {
  it('is checked by one person and approved by another, with stale versions and wrong steps refused', async () => {
    const list = await inject('GET', '/disbursement/batches?month=2026-11', bureau)
    expect(list.statusCode, list.body).toBe(200)
    const batch = list.json().items.find((b: { month: string }) => b.month === '2026-11')
    expect(batch).toMatchObject({ status: 'draft', linesDone: 4 })
    // A street officer does not see the district's batch, not even by id.
    expect((await inject('GET', `/disbursement/batches/${batch.id}/lines`, nanjie)).statusCode).toBe(404)
    const lines = await inject('GET', `/disbursement/batches/${batch.id}/lines?pageSize=10`, bureau)
    expect(lines.json().total).toBe(4)
    expect((await inject('POST', `/disbursement/batches/${batch.id}/approve`, bureau, { version: batch.version })).statusCode).toBe(409)
    const checked = await inject('POST', `/disbursement/batches/${batch.id}/check`, bureau, { version: batch.version })
    expect(checked.json()).toMatchObject({ status: 'checked' })
    expect((await inject('POST', `/disbursement/batches/${batch.id}/check`, bureau, { version: checked.json().version })).statusCode).toBe(409)
    const self = await inject('POST', `/disbursement/batches/${batch.id}/approve`, bureau, { version: checked.json().version })
    expect(self.statusCode).toBe(403)
    expect(self.json().message).toContain('不能是同一人')
    expect((await inject('POST', `/disbursement/batches/${batch.id}/approve`, admin, { version: batch.version })).statusCode).toBe(409)
    const approved = await inject('POST', `/disbursement/batches/${batch.id}/approve`, admin, { version: checked.json().version })
    expect(approved.json()).toMatchObject({ status: 'approved' })
    const audit = await count(
      sql`select count(*) as n from audit_log where action in ('disbursement.checked', 'disbursement.approved') and entity_id = ${batch.id}`,
    )
    expect(audit).toBe(2)
  })

  it('exports the bank file of an approved batch and marks lines paid or failed from the result file', async () => {
    const batch = (await inject('GET', '/disbursement/batches', bureau)).json().items.find((b: { month: string }) => b.month === '2026-11')
    expect(batch.status).toBe('approved')
    for (const [i, acct] of [
      [0, '6222 0212 3456 7890 123'],
      [1, '6217000012345678901'],
    ] as const) {
      const r = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/elders/${elders[i]!.id}/bank-account`,
        headers: { cookie: bureau },
        payload: { bankName: '甘州农商银行', accountHolder: `户名${i}`, accountNumber: acct },
      })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json().accountNumberMasked).toMatch(/^\*\*\*\* \d{4}$/)
    }
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/elders/${elders[0]!.id}/bank-account`,
          headers: { cookie: bureau },
          payload: { bankName: '甘州农商银行', accountHolder: '户名', accountNumber: '12ab' },
        })
      ).statusCode,
    ).toBe(400)
    const stored = rowsOf<{ account_number_enc: string }>(await t.database.db.execute(sql`select account_number_enc from elder_bank_accounts`))
    expect(stored.every((r) => !r.account_number_enc.includes('6217000012345678901'))).toBe(true)

    const file = await inject('POST', `/disbursement/batches/${batch.id}/export`, bureau, { version: batch.version, format: 'xlsx' })
    expect(file.statusCode, file.body).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('代发明细')!
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '户名', '银行账号', '开户行', '金额（元）', '摘要', '明细编号'])
    expect(sheet.rowCount).toBe(3) // elders 0 and 1 (cash lines); elder 2 has no account yet
    expect(String(sheet.getRow(2).getCell(3).value) + String(sheet.getRow(3).getCell(3).value)).toContain('6217000012345678901')
    expect(wb.getWorksheet('缺少银行账号')!.rowCount).toBe(2)
    const ids = [2, 3].map((r) => String(sheet.getRow(r).getCell(7).value))
    const after = (await inject('GET', '/disbursement/batches', bureau)).json().items.find((b: { month: string }) => b.month === '2026-11')
    expect(after.status).toBe('exported')

    const upload = (csv: string, cookie = bureau) => {
      const boundary = 'bankresult'
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="result.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/disbursement/batches/${batch.id}/result`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      })
    }
    expect((await upload('编号,状态\n1,成功')).statusCode).toBe(400)
    const res = await upload(`明细编号,结果,失败原因\n${ids[0]},成功,\n${ids[1]},失败,账户已销户\n${randomUUID()},成功,\n${ids[0]},成功,\n`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ paid: 1, failed: 1, unknownRows: [4], duplicateRows: [5], pendingLeft: 1, status: 'exported' })
    // The same file again changes nothing.
    expect((await upload(`明细编号,结果\n${ids[0]},成功\n`)).json()).toMatchObject({ paid: 0, alreadySettledRows: [2] })

    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/elders/${elders[2]!.id}/bank-account`,
      headers: { cookie: bureau },
      payload: { bankName: '甘州农商银行', accountHolder: '户名2', accountNumber: '6217000099998888777' },
    })
    const again = await inject('POST', `/disbursement/batches/${batch.id}/export`, bureau, {
      version: after.version,
      format: 'csv',
      columns: ['lineId', 'holder', 'account', 'amountYuan'],
    })
    expect(again.statusCode).toBe(200)
    const csv = again.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(csv[0]).toBe('"明细编号","户名","银行账号","金额（元）"')
    expect(csv).toHaveLength(2)
    expect(csv[1]).toContain('"600.00"')
    const last = await upload(`明细编号,结果\n${csv[1]!.split(',')[0]!.replace(/"/g, '')},成功\n`)
    expect(last.json()).toMatchObject({ paid: 1, pendingLeft: 0, status: 'paid' })
    // The failed line goes to a re-issue batch of the same month; it pays the original accrual.
    const reissue = await inject('POST', `/disbursement/batches/${batch.id}/reissue`, bureau)
    expect(reissue.statusCode, reissue.body).toBe(200)
    const failedLine = (await inject('GET', `/disbursement/batches/${batch.id}/lines?status=reissued`, bureau)).json().items[0]
    expect(failedLine.failReason).toBe('账户已销户')
    expect(reissue.json()).toMatchObject({ month: '2026-11', seq: 2, status: 'draft', linesDone: 1, totalFen: failedLine.amountFen })
    expect((await inject('POST', `/disbursement/batches/${batch.id}/reissue`, bureau)).statusCode).toBe(409)
    const reLines = (await inject('GET', `/disbursement/batches/${reissue.json().id}/lines`, bureau)).json()
    expect(reLines.items[0].explanation).toContain('账户已销户')
    // Running the month again changes nothing.
    const rerun = await runMonth(ctx, { month: '2026-11', regionCode: '620702', source: listSource([]), owner: 'c' })
    expect(rerun).toMatchObject({ lines: 4, totalFen: 120000, status: 'paid' })
    expect((await verifyLedger(t.database.db)).ok).toBe(true)
    const exports = await count(sql`select count(*) as n from audit_log where action = 'disbursement.exported' and entity_id = ${batch.id}`)
    expect(exports).toBe(2)
  })

  it('starts a month run as a background job from the page', async () => {
    const r = await inject('POST', '/disbursement/runs', bureau, { month: '2026-08' })
    expect(r.statusCode, r.body).toBe(200)
    await t.settle()
    const list = await inject('GET', '/disbursement/batches', bureau)
    expect(list.json().items.find((b: { month: string }) => b.month === '2026-08')).toMatchObject({ status: 'draft' })
    expect((await inject('POST', '/disbursement/runs', bureau, { month: '2026-13' })).statusCode).toBe(400)
    expect((await inject('POST', '/disbursement/runs', nanjie, { month: '2026-08' })).statusCode).toBe(403)
  })
})

describe('ledger', () => {
  it('corrects by reversal, once; postings cannot be updated or deleted; an unbalanced transaction cannot commit', async () => {
    const [tx] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from ledger_transactions where month = '2026-11' order by ref limit 1`))
    const r = await inject('POST', `/ledger/transactions/${tx!.id}/reverse`, bureau, { reason: '金额录入错误' })
    expect(r.statusCode, r.body).toBe(200)
    expect((await inject('POST', `/ledger/transactions/${tx!.id}/reverse`, bureau, { reason: '再次冲正' })).statusCode).toBe(409)
    expect((await inject('POST', `/ledger/transactions/${tx!.id}/reverse`, nanjie, { reason: '越权冲正' })).statusCode).toBe(403)
    expect((await inject('GET', '/ledger/verify', bureau)).json()).toMatchObject({ ok: true, problem: null })
    await expect(t.database.db.execute(sql`update ledger_postings set amount_fen = 1`)).rejects.toThrow()
    await expect(t.database.db.execute(sql`delete from ledger_transactions`)).rejects.toThrow()
    await expect(
      t.database.db.transaction(async (tx2) => {
        const [row] = rowsOf<{ id: string }>(
          await tx2.execute(sql`insert into ledger_transactions (kind, ref, memo) values ('reversal', ${randomUUID()}, '坏账') returning id`),
        )
        const [acc] = rowsOf<{ id: string }>(await tx2.execute(sql`select id from ledger_accounts limit 1`))
        await tx2.execute(sql`insert into ledger_postings (tx_id, account_id, amount_fen) values (${row!.id}, ${acc!.id}, 5)`)
      }),
    ).rejects.toThrow()
    expect((await verifyLedger(t.database.db)).ok).toBe(true)
  })

  it('service credits: two settlements at once never spend more than the elder holds; one draw per order', async () => {
    const elder = elders[4]!
    await withTx(ctx, (tx) =>
      grantServiceCredit(tx, {
        elderId: elder.id,
        regionCode: elder.region_code,
        programCode: 'jingji-kunnan',
        programName: '经济困难老年人养老服务补贴',
        fundSource: 'welfare_lottery',
        month: '2026-11',
        amountFen: 30000,
      }),
    )
    const spend = (orderId: string) =>
      withTx(ctx, (tx) =>
        spendServiceCredit(tx, { elderId: elder.id, orderId, providerId: 'p1', providerRegionCode: '620702', maxFen: 20000, month: '2026-11' }),
      )
    const [a, b] = await Promise.all([spend('order-a'), spend('order-b')])
    expect([a.drawnFen, b.drawnFen].sort()).toEqual([10000, 20000])
    expect((await spend('order-a')).drawnFen).toBe(a.drawnFen)
    expect((await spend('order-c')).drawnFen).toBe(0)
    const credits = await inject('GET', `/elders/${elder.id}/credits`, bureau)
    expect(credits.json().balances).toEqual([expect.objectContaining({ programCode: 'jingji-kunnan', balanceFen: 0 })])
    expect(credits.json().history).toHaveLength(3)
    expect((await verifyLedger(t.database.db)).ok).toBe(true)
  })
})

describe('fund anomaly checks', () => {
  it('flags each kind once with its explanation, and a supervisor resolves them with a note', async () => {
    const [e3, e4, e5, e6] = [elders[3]!, elders[4]!, elders[5]!, elders[6]!]
    await t.database.db.execute(sql`update elders set status = 'deceased', status_date = '2026-05-10' where id = ${e3.id}`)
    const line = (e: typeof e3, programCode: string, programName: string, amountFen: number): TDueLine => ({
      ...due(e, 'gaoling', amountFen),
      programCode,
      programName,
    })
    await runMonth(ctx, {
      month: '2026-07',
      regionCode: '620702',
      owner: 'anomalies',
      source: listSource([
        line(e3, 'gaoling', '高龄津贴', 10000),
        line(e5, 'shineng-huli', '失能老年人护理补贴', 20000),
        line(e5, 'zhongcan-huli', '重度残疾人护理补贴', 17900),
        line(e6, 'gaoling', '高龄津贴', 99999),
      ]),
    })
    for (const e of [e4, e5, e6]) {
      const r = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/elders/${e.id}/bank-account`,
        headers: { cookie: bureau },
        payload: { bankName: '甘州农商银行', accountHolder: '代领人', accountNumber: '6217 0000 1111 2222 333' },
      })
      expect(r.statusCode).toBe(200)
    }
    const scan = await inject('POST', '/disbursement/anomalies/scan', bureau, { month: '2026-07' })
    expect(scan.statusCode, scan.body).toBe(200)
    expect(scan.json()).toMatchObject({ checkedLines: 4, found: 4, created: 4 })
    expect((await inject('POST', '/disbursement/anomalies/scan', bureau, { month: '2026-07' })).json()).toMatchObject({ found: 4, created: 0 })
    const list = (await inject('GET', '/disbursement/anomalies?month=2026-07&pageSize=50', bureau)).json()
    const byKind = Object.fromEntries(list.items.map((a: { kind: string; detail: string }) => [a.kind, a.detail]))
    expect(Object.keys(byKind).sort()).toEqual(['above_maximum', 'exclusive_group_twice', 'paid_after_end', 'shared_bank_account'])
    expect(byKind.paid_after_end).toContain('2026-05-10')
    expect(byKind.above_maximum).toContain('600.00')
    expect(byKind.exclusive_group_twice).toContain('重度残疾人护理补贴')
    expect(byKind.shared_bank_account).toContain('3 位老人')
    const one = list.items[0]
    const resolved = await inject('POST', `/disbursement/anomalies/${one.id}/resolve`, bureau, { note: '已追回多发金额', version: one.version })
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedNote: '已追回多发金额' })
    expect((await inject('POST', `/disbursement/anomalies/${one.id}/resolve`, bureau, { note: '再次处理', version: resolved.json().version })).statusCode).toBe(
      409,
    )
    expect((await inject('GET', '/disbursement/anomalies?status=open&month=2026-07', bureau)).json().total).toBe(3)
    expect(
      (await inject('GET', '/disbursement/anomalies?month=2026-07', nanjie))
        .json()
        .items.every((a: { regionCode: string }) => a.regionCode.startsWith('620702002')),
    ).toBe(true)
  })
})

describe('report', () => {
  it('sums paid lines by month, programme, street and fund source with the 福彩公益金 share, and exports it', async () => {
    const r = await inject('GET', '/disbursement/report?from=2026-11&to=2026-11', bureau)
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json()
    expect(body.totalFen).toBe(120000)
    expect(body.welfareLotteryFen).toBe(20000)
    expect(body.welfareLotteryShareBp).toBe(1667)
    expect(body.items.every((i: { streetName: string }) => /[\u4e00-\u9fff]/.test(i.streetName))).toBe(true)
    expect((await inject('GET', '/disbursement/report?from=2026-11&to=2026-10', bureau)).statusCode).toBe(400)
    const file = await inject('POST', '/disbursement/report/export', bureau, { from: '2026-11', to: '2026-11' })
    expect(file.statusCode).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer)
    const cells: string[] = []
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))))
    expect(cells).toContain('福彩公益金占比')
    expect(cells).toContain('16.67%')
  })
})
