import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { importXlsx, uploadImport, waitForImport, xlsx, xlsxBomb } from '../../../test/elder-import.js'
import { freshIdNumber, newElder } from '../../../test/factories.js'
import { rowsOf } from '../../db/client.js'
import { createCrypto } from '../../platform/crypto.js'
import { TEST_SECRET } from '../../../test/config.js'
import { sealImportFile } from './start-elder-import.js'

let t: TestApp
let officer: string

beforeAll(async () => {
  t = await createTestApp()
  officer = await t.login('dongjie.officer')
})
afterAll(async () => {
  await t?.close()
})

const elderByIdNumber = async (idNumber: string) => {
  const items = (await t.app.inject({ url: `/api/v1/elders?q=${idNumber}`, headers: { cookie: officer } })).json().items
  if (!items[0]) return null
  return (await t.app.inject({ url: `/api/v1/elders/${items[0].id}`, headers: { cookie: officer } })).json()
}
const row = (name: string, idNumber: string, extra: Record<number, unknown> = {}) => {
  const r: unknown[] = [name, idNumber, '620702001001', '', '', '', '', '', '', '', '', '', '', '', '', '', '']
  for (const [i, v] of Object.entries(extra)) r[Number(i)] = v
  return r
}

describe('xlsx bomb (issue 16 item 3)', () => {
  it('refuses a workbook whose shared strings expand to 200 MB, before parsing, and keeps serving', async () => {
    const bomb = await xlsxBomb(200)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const [res, during] = await Promise.all([uploadImport(t, officer, bomb), t.app.inject({ url: '/api/v1/elders?pageSize=1', headers: { cookie: officer } })])
    expect(res.statusCode).toBe(413)
    expect(res.json().message).toContain('文件解压后过大')
    expect(res.json().message).toContain('共享字符串')
    expect(during.statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/elders?pageSize=1', headers: { cookie: officer } })).statusCode).toBe(200)
    const bureau = await t.login('bureau')
    const refused = (await t.app.inject({ url: '/api/v1/audit?action=elder.import_refused', headers: { cookie: bureau } })).json().items
    expect(refused[0]).toMatchObject({ actorUsername: 'dongjie.officer', after: { code: 'PAYLOAD_TOO_LARGE' } })
  }, 60_000)

  it('refuses a bomb that understates its size in the zip directory, after inflating only the declared bytes', async () => {
    const forged = await xlsxBomb(200, 4096)
    const before = process.memoryUsage().rss
    const res = await uploadImport(t, officer, forged)
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain('无法按 Excel')
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024)
    expect((await t.app.inject({ url: '/api/v1/elders?pageSize=1', headers: { cookie: officer } })).statusCode).toBe(200)
  }, 60_000)

  it('refuses a sheet wider than 200 columns at upload, from its declared dimension', async () => {
    const wide = await xlsx([row('宽表', freshIdNumber())], (ws) => {
      ws.getCell(2, 250).value = 'x'
    })
    const res = await uploadImport(t, officer, wide)
    expect(res.statusCode).toBe(413)
    expect(res.json().message).toContain('列')
  })
})

describe('a matching ID number with another name (issue 24 item 1)', () => {
  it("the clerk's spreadsheet: 李秀英's ID with the name 郭明 is a conflict, not an update, until the row is confirmed", async () => {
    const idNumber = freshIdNumber({ sex: 'female', age: 78 })
    await newElder(t, officer, { name: '李秀英', idNumber, livingArrangement: 'with_children' })
    const other = freshIdNumber()
    await newElder(t, officer, { name: '王德胜', idNumber: other, livingArrangement: 'with_children' })
    const file = await xlsx([row('郭明', idNumber, { 4: '独居' }), row('王德胜', other, { 4: '独居' })])

    const job = await importXlsx(t, officer, file, 'valid_only')
    expect(job.result).toMatchObject({ committed: true, updated: 1, conflictCount: 1 })
    expect(job.result!.conflicts[0]).toMatchObject({ row: 2, fields: [{ label: '姓名', existing: '李秀英', imported: '郭明' }] })
    expect(job.result!.conflicts[0]!.idNumber).not.toBe(idNumber)
    expect(job.result!.message).toContain('姓名不一致')
    expect(await elderByIdNumber(idNumber)).toMatchObject({ name: '李秀英', livingArrangement: 'with_children' })
    // Every updated elder is listed with its changes in Chinese.
    expect(job.result!.changes).toEqual([
      expect.objectContaining({ row: 3, name: '王德胜', changes: [{ field: 'livingArrangement', label: '居住情况', before: '与子女同住', after: '独居' }] }),
    ])

    const wrongRow = await t.app.inject({
      method: 'POST',
      url: `/api/v1/elders/imports/${job.id}/confirm`,
      headers: { cookie: officer },
      payload: { rows: [3] },
    })
    expect(wrongRow.statusCode).toBe(400)
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/v1/elders/imports/${job.id}/confirm`,
      headers: { cookie: officer },
      payload: { rows: [2] },
    })
    expect(confirm.statusCode, confirm.body).toBe(200)
    const confirmed = await waitForImport(t, officer, confirm.json().id)
    expect(confirmed.result).toMatchObject({ committed: true, updated: 1, unchanged: 1, conflictCount: 0 })
    expect(confirmed.result!.changes[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', label: '姓名', before: '李秀英', after: '郭明' },
        { field: 'livingArrangement', label: '居住情况', before: '与子女同住', after: '独居' },
      ]),
    )
    expect(await elderByIdNumber(idNumber)).toMatchObject({ name: '郭明', livingArrangement: 'living_alone' })
  })

  it('all or nothing: a conflict alone stops the whole file', async () => {
    const idNumber = freshIdNumber()
    await newElder(t, officer, { name: '赵桂兰', idNumber })
    const fresh = freshIdNumber()
    const job = await importXlsx(t, officer, await xlsx([row('赵贵兰', idNumber), row('新人', fresh)]), 'all_or_nothing')
    expect(job.result).toMatchObject({ committed: false, conflictCount: 1, errorRows: 0 })
    expect(await elderByIdNumber(fresh)).toBeNull()
  })
})

describe('input cleaning and warnings (issue 24 items 3 and 4)', () => {
  it('accepts dashed, spaced and full-width numbers, maps synonyms with a warning and names unknown columns', async () => {
    const idNumber = freshIdNumber()
    const spaced = `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14)}`
    const young = freshIdNumber({ age: 45 })
    const head = ['姓名', '身份证号', '所在社区（村）', '老年人类别', '联系电话', '微信号', '备注']
    const file = await xlsx(
      [
        ['张三2', spaced, '620702001001', '五保户', '139-1234-5670', 'wx1', ''],
        ['李四', young, '620702001001', '', '', '', ''],
        ['王五', freshIdNumber({ age: 50 }), '620702001001', '低保户', '１３９１２３４５６７１', '', '重度残疾，街道同意登记'],
      ],
      undefined,
      head,
    )
    const job = await importXlsx(t, officer, file, 'valid_only')
    expect(job.result).toMatchObject({ committed: true, created: 2, errorRows: 1, unknownColumns: ['微信号'] })
    const warnings = job.result!.warnings.map((w) => `${w.row}${w.name}:${w.message}`)
    expect(warnings).toEqual(
      expect.arrayContaining([
        '2张三2:姓名中含有数字，请核对',
        '2张三2:“五保户”按“特困人员”导入',
        '4王五:“低保户”按“低保”导入',
        expect.stringMatching(/^4王五:未满60周岁/),
      ]),
    )
    const e = await elderByIdNumber(idNumber)
    expect(e).toMatchObject({ phone: '139****5670', categories: expect.arrayContaining(['destitute']) })
    const errors = (await t.app.inject({ url: `/api/v1/elders/imports/${job.id}/errors?format=json`, headers: { cookie: officer } })).json()
    expect(errors.items[0]).toMatchObject({ row: 3, name: '李四', column: '身份证号', message: expect.stringContaining('未满60周岁') })
  })

  it("the form's API: cleans numbers the same way and asks for a reason to keep an elder under 60", async () => {
    const idNumber = freshIdNumber()
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/elders',
      headers: { cookie: officer },
      payload: {
        name: '孙七',
        idNumber: `${idNumber.slice(0, 6)}-${idNumber.slice(6, 14)}-${idNumber.slice(14)}`,
        regionCode: '620702001001',
        phone: '１３９-１２３４-５６７２',
        contacts: [{ name: '孙女', phone: '139 1234 5673' }],
      },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ phone: '139****5672', contacts: [{ phone: '139****5673' }] })
    const young = freshIdNumber({ age: 55 })
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/elders',
      headers: { cookie: officer },
      payload: { name: '周八', idNumber: young, regionCode: '620702001001' },
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fields[0]).toMatchObject({ path: 'underAgeReason', message: expect.stringContaining('未满60周岁') })
    const kept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/elders',
      headers: { cookie: officer },
      payload: { name: '周八', idNumber: young, regionCode: '620702001001', underAgeReason: '重度残疾，街道同意登记' },
    })
    expect(kept.statusCode, kept.body).toBe(200)
  })
})

describe('the import is a durable job (issue 15 item 3)', () => {
  const officerId = async () => rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from users where username = 'dongjie.officer'`))[0]!.id

  /** A job row as a process killed with -9 leaves it: running, its lease run out. */
  async function crashedJob(file: Buffer, attempts: number, sealed = sealImportFile(createCrypto(TEST_SECRET), file)) {
    const id = crypto.randomUUID()
    await t.database.db
      .execute(sql`insert into jobs (id, kind, status, attempts, max_attempts, locked_by, locked_until, created_by, region_code, input, attachment, started_at, run_at)
      values (${id}, 'elder_import', 'running', ${attempts}, 3, 'w-dead', now() - interval '1 minute', ${await officerId()}, '620702001000',
              ${JSON.stringify({ filename: 'a.xlsx', size: file.length, mode: 'valid_only' })}::jsonb, ${sealed}, now(), now())`)
    return id
  }

  it('a run cut short by kill -9 is taken up again and finishes; out of attempts it fails with a reason, never left running', async () => {
    const idNumber = freshIdNumber()
    const resumed = await waitForImport(t, officer, await crashedJob(await xlsx([row('续跑', idNumber)]), 1))
    expect(resumed).toMatchObject({ status: 'succeeded', result: { created: 1 } })
    expect(await elderByIdNumber(idNumber)).toMatchObject({ name: '续跑' })
    const dead = await waitForImport(t, officer, await crashedJob(await xlsx([row('放弃', freshIdNumber())]), 3))
    expect(dead.status).toBe('failed')
    expect(dead.error).toContain('中断')
  })

  it('an upload sealed in the earlier text form (base64 inside a "v1." ciphertext) is still opened and imported', async () => {
    const idNumber = freshIdNumber()
    const file = await xlsx([row('旧格式', idNumber)])
    const legacy = Buffer.from(createCrypto(TEST_SECRET).encrypt(file.toString('base64')), 'utf8')
    const job = await waitForImport(t, officer, await crashedJob(file, 1, legacy))
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 1 } })
    expect(await elderByIdNumber(idNumber)).toMatchObject({ name: '旧格式' })
  })

  it('a re-run after the write committed returns the stored result and writes nothing twice', async () => {
    const idNumber = freshIdNumber()
    const job = await importXlsx(t, officer, await xlsx([row('只写一次', idNumber)]), 'valid_only')
    expect(job.result).toMatchObject({ created: 1 })
    // The stored upload is encrypted like every other copy of an ID number: not the zip itself.
    const [att] = rowsOf<{ head: string }>(
      await t.database.db.execute(sql`select encode(substring(attachment from 1 for 4), 'hex') as head from jobs where id = ${job.id}`),
    )
    expect(att!.head).not.toBe('504b0304')
    // As if the process died between the commit and marking the job done.
    await t.database.db.execute(sql`update jobs set status = 'running', locked_until = now() - interval '1 minute', attempts = 1 where id = ${job.id}`)
    const again = await waitForImport(t, officer, job.id)
    expect(again).toMatchObject({ status: 'succeeded', result: { created: 1, updated: 0 } })
    const n = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from elder_history h join audit_log a on a.entity_id = ${job.id} and a.action = 'elder.imported' where h.changes::text like ${'%' + job.id.slice(0, 8) + '%'}`,
      ),
    )[0]!.n
    expect(n).toBe(1)
  })
})

describe('error report', () => {
  it('carries the 姓名 column beside the row number', async () => {
    const job = await importXlsx(t, officer, await xlsx([row('错号', '620702195210010331')]), 'valid_only')
    const res = await t.app.inject({ url: `/api/v1/elders/imports/${job.id}/errors`, headers: { cookie: officer } })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(1).values).toEqual([undefined, '行号', '姓名', '列', '填写的内容', '问题'])
    expect(ws.getRow(2).getCell(2).value).toBe('错号')
  })
})
