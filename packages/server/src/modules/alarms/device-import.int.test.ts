import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { multipart, xlsxBomb } from '../../../test/elder-import.js'
import { freshIdNumber, newElder } from '../../../test/factories.js'

/**
 * Excel import of devices (issue 21 item 1) over HTTP: template, all-or-nothing with Chinese row
 * errors, scope (an elder of another street reads like an unknown one), audit, size and bomb guards.
 */
let seq = 0
const uid = (p: string) => `${p}-${Date.now().toString(36)}-${seq++}`
const HEAD = ['设备序列号', '设备类型', '型号', 'SIM卡号', '绑定老人身份证号', '绑定日期']

async function sheet(rows: unknown[][], header = HEAD): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('设备')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('device import (Excel)', () => {
  let t: TestApp
  let admin: string, operatorA: string
  const idA = freshIdNumber()
  const idB = freshIdNumber()
  let elderA: string

  const upload = (cookie: string, file: Buffer, filename = 'devices.xlsx') => {
    const m = multipart(file, filename)
    return t.app.inject({ method: 'POST', url: '/api/v1/devices/import', headers: { cookie, ...m.headers }, payload: m.payload })
  }
  const listed = async (serial: string) =>
    (await t.app.inject({ url: `/api/v1/devices?q=${serial}`, headers: { cookie: admin } })).json().items as { serial: string; elderId: string; kind: string }[]
  const audit = async (action: string) =>
    (await t.app.inject({ url: `/api/v1/audit?action=${action}`, headers: { cookie: admin } })).json().items as {
      actorUsername: string
      after: Record<string, unknown>
    }[]

  beforeAll(async () => {
    t = await createTestApp()
    ;[admin, operatorA] = await Promise.all(['admin', 'dongjie.operator'].map((u) => t.login(u)))
    elderA = await newElder(t, admin, { regionCode: '620702001001', idNumber: idA })
    await newElder(t, admin, { regionCode: '620702002001', idNumber: idB })
  })
  afterAll(() => t.close())

  it('serves a template whose header row is the import columns', async () => {
    const r = await t.app.inject({ url: '/api/v1/devices/import-template', headers: { cookie: operatorA } })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer)
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEAD)
    const officer = await t.login('dongjie.officer')
    expect((await t.app.inject({ url: '/api/v1/devices/import-template', headers: { cookie: officer } })).statusCode).toBe(403)
  })

  it('writes nothing when any row is wrong, and names each row and column in Chinese', async () => {
    const good = uid('IMP')
    const outOfScope = uid('IMP')
    const file = await sheet([
      [good, '智能手环', 'X1', '13900001111', idA, '2026-01-05'],
      [uid('IMP'), '手表', '', '', idA, ''],
      [outOfScope, '一键呼叫器', '', '', idB, ''],
      [good, '智能手环', '', '', idA, ''],
      [uid('IMP'), '智能手环', '', '12345', idA, '2026-02-30'],
      [uid('IMP'), '智能手环', '', '', '110101199001011234', ''],
    ])
    const r = await upload(operatorA, file)
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json() as { imported: number; errors: { row: number; column: string; message: string }[] }
    expect(body.imported).toBe(0)
    const at = (row: number) => body.errors.filter((e) => e.row === row)
    expect(at(2)).toEqual([])
    expect(at(3)).toEqual([expect.objectContaining({ column: '设备类型', message: expect.stringContaining('无效') })])
    // Out of scope reads exactly like unknown: no street, no region in the message.
    expect(at(4)).toEqual([expect.objectContaining({ column: '绑定老人身份证号' })])
    expect(at(7)).toEqual([expect.objectContaining({ column: '绑定老人身份证号' })])
    expect(at(4)[0]!.message).toBe(at(7)[0]!.message)
    expect(at(4)[0]!.message).not.toMatch(/620702|南街/)
    expect(at(5)).toEqual([expect.objectContaining({ column: '设备序列号', message: '与第 2 行的设备序列号重复' })])
    expect(at(6).map((e) => e.column)).toEqual(['SIM卡号', '绑定日期'])
    expect(await listed(good)).toEqual([])
    expect(await listed(outOfScope)).toEqual([])
    expect((await audit('device.import_refused'))[0]).toMatchObject({ actorUsername: 'dongjie.operator', after: { errors: body.errors.length } })
  })

  it('imports every row of a clean file in one go, bound and audited; a second upload of it is refused by row', async () => {
    const a = uid('IMP')
    const b = uid('IMP')
    const file = await sheet([
      [a, '智能手环', 'X1', '13900001111', idA, '2026-01-05'],
      [b, '烟雾报警器', '', '', idA.toLowerCase(), ''],
    ])
    const r = await upload(operatorA, file)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toEqual({ imported: 2, errors: [] })
    expect(await listed(a)).toEqual([expect.objectContaining({ serial: a, elderId: elderA, kind: 'bracelet' })])
    expect(await listed(b)).toEqual([expect.objectContaining({ serial: b, kind: 'smoke_sensor' })])
    expect((await audit('device.imported'))[0]).toMatchObject({ actorUsername: 'dongjie.operator', after: { imported: 2 } })
    const registered = (await audit('device.registered')).filter((x) => x.after.serial === a || x.after.serial === b)
    expect(registered).toHaveLength(2)

    const again = (await upload(operatorA, file)).json()
    expect(again.imported).toBe(0)
    expect(again.errors).toEqual([
      { row: 2, column: '设备序列号', message: '该设备序列号已登记' },
      { row: 3, column: '设备序列号', message: '该设备序列号已登记' },
    ])
  })

  it('refuses a wrong header, a non-xlsx, an oversized upload and an xlsx bomb with Chinese messages', async () => {
    const header = await upload(operatorA, await sheet([[uid('IMP'), '智能手环']], ['设备序列号', '设备类型']))
    expect(header.statusCode).toBe(400)
    expect(header.json().message).toContain('绑定老人身份证号')
    const csv = await upload(operatorA, Buffer.from('设备序列号,设备类型\n'), 'devices.csv')
    expect(csv.statusCode).toBe(415)
    const big = await upload(operatorA, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(6 * 1024 * 1024, 1)]))
    expect(big.statusCode).toBe(413)
    expect(big.json().message).toContain('5 MB')
    const bomb = await upload(operatorA, await xlsxBomb(200))
    expect(bomb.statusCode).toBe(413)
    expect(bomb.json().message).toContain('解压后过大')
    const officer = await t.login('dongjie.officer')
    expect((await upload(officer, await sheet([]))).statusCode).toBe(403)
  }, 60_000)
})
