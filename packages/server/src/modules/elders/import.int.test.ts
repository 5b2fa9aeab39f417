import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { freshIdNumber, newElder } from '../../../test/factories.js'
import { xlsx } from '../../../test/elder-import.js'

let t: TestApp
let officer: string
let nanjie: string
let worker: string

beforeAll(async () => {
  t = await createTestApp()
  ;[officer, nanjie, worker] = await Promise.all(['dongjie.officer', 'nanjie.officer', 'dongjie.worker'].map((u) => t.login(u)))
})
afterAll(async () => {
  await t?.close()
})

function multipart(file: Buffer, filename: string, mode?: string) {
  const boundary = '----yy' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  if (mode) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n`))
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function upload(cookie: string, file: Buffer, mode = 'all_or_nothing', filename = 'elders.xlsx') {
  const m = multipart(file, filename, mode)
  return t.app.inject({ method: 'POST', url: '/api/v1/elders/imports', headers: { cookie, ...m.headers }, payload: m.payload })
}

type TJob = {
  status: string
  error: string | null
  result: { committed: boolean; created: number; updated: number; unchanged: number; errorRows: number; rows: number; message: string } | null
  hasErrorReport: boolean
  progress: { percent: number }
}

async function importFile(cookie: string, file: Buffer, mode = 'all_or_nothing'): Promise<TJob & { id: string }> {
  const res = await upload(cookie, file, mode)
  expect(res.statusCode, res.body).toBe(200)
  const { id } = res.json()
  return waitForJob(cookie, id)
}

async function waitForJob(cookie: string, id: string): Promise<TJob & { id: string }> {
  for (let i = 0; i < 600; i++) {
    await t.settle()
    const job = await t.app.inject({ url: `/api/v1/elders/imports/${id}`, headers: { cookie } })
    expect(job.statusCode).toBe(200)
    const j = job.json() as TJob
    if (j.status === 'succeeded' || j.status === 'failed') return { ...j, id }
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('import did not finish')
}

async function errorReport(cookie: string, id: string) {
  const res = await t.app.inject({ url: `/api/v1/elders/imports/${id}/errors`, headers: { cookie } })
  expect(res.statusCode).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  expect(ws.getRow(1).values).toEqual([undefined, '行号', '姓名', '列', '填写的内容', '问题'])
  const out: { row: number; name: string; column: string; value: string; message: string }[] = []
  ws.eachRow((r, n) => {
    if (n > 1)
      out.push({
        row: Number(r.getCell(1).value),
        name: String(r.getCell(2).value ?? ''),
        column: String(r.getCell(3).value ?? ''),
        value: String(r.getCell(4).value ?? ''),
        message: String(r.getCell(5).value ?? ''),
      })
  })
  return out
}

const findById = async (cookie: string, idNumber: string) =>
  (await t.app.inject({ url: `/api/v1/elders?q=${idNumber}`, headers: { cookie } })).json().total as number

describe('elder import: template', () => {
  it('downloads a template with drop-down validation and the communities in scope', async () => {
    const res = await t.app.inject({ url: '/api/v1/elders/import-template', headers: { cookie: officer } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['老年人信息', '下拉选项', '填写说明'])
    expect(wb.getWorksheet('老年人信息')!.getCell('C1').value).toBe('所在社区（村）*')
    const lists = wb.getWorksheet('下拉选项')!
    expect(String(lists.getCell('A1').value)).toMatch(/^620702001\d{3} /)
    const validations = (wb.getWorksheet('老年人信息') as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model
    expect(Object.values(validations).some((v) => v.type === 'list')).toBe(true)
    expect((await t.app.inject({ url: '/api/v1/elders/import-template', headers: { cookie: worker } })).statusCode).toBe(403)
  })
})

describe('elder import: good files', () => {
  it('imports, then re-importing the same file updates by ID number and creates no duplicates', async () => {
    const ids = [freshIdNumber(), freshIdNumber({ sex: 'female' }), freshIdNumber({ age: 85 })]
    const rows = [
      [
        '张建国',
        ids[0],
        '620702001001 县府街社区',
        '本地户籍',
        '独居',
        '低保、重度残疾',
        '甘肃省张掖市甘州区幸福小区3号楼2单元501室',
        '13800001111',
        '张小明',
        '儿子',
        '13900002222',
        '是',
        '高血压、糖尿病',
        '是',
        '2024-03-01',
        '李医生',
        '',
      ],
      ['李秀兰', ids[1].toLowerCase(), '620702001002', '', '空巢', '', '', '', '', '', '', '', '', '否', '', '', '备注'],
      ['王德胜', ids[2], '南关社区', '非本地户籍', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ]
    const file = await xlsx(rows)
    const first = await importFile(officer, file)
    expect(first.status).toBe('succeeded')
    expect(first.result).toMatchObject({ committed: true, rows: 3, created: 3, updated: 0, errorRows: 0 })
    for (const id of ids) expect(await findById(officer, id)).toBe(1)
    const again = await importFile(officer, file)
    expect(again.result).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 })
    rows[2]![4] = '独居'
    const changed = await importFile(officer, await xlsx(rows))
    expect(changed.result).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
    const list = (await t.app.inject({ url: `/api/v1/elders?q=${ids[0]}`, headers: { cookie: officer } })).json().items[0]
    expect(list.categories).toEqual(expect.arrayContaining(['min_subsistence', 'severe_disability', 'disabled', 'living_alone']))
    const detail = (await t.app.inject({ url: `/api/v1/elders/${list.id}`, headers: { cookie: officer } })).json()
    expect(detail).toMatchObject({ phone: '138****1111', familyDoctorDate: '2024-03-01', hasFamilyDoctor: true, chronicConditions: ['高血压', '糖尿病'] })
    expect(detail.contacts[0]).toMatchObject({ name: '张小明', phone: '139****2222', isGuardian: true })
    const hist = (await t.app.inject({ url: `/api/v1/elders/${list.id}/history`, headers: { cookie: officer } })).json().items
    expect(hist.at(-1)).toMatchObject({ action: 'created', source: 'import' })
  })

  it('reads dates typed as text, as Excel serial numbers and as date cells; skips empty rows; uses formula results', async () => {
    const ids = [freshIdNumber(), freshIdNumber(), freshIdNumber(), freshIdNumber()]
    const file = await xlsx([
      ['甲', ids[0], '620702001001', '', '', '', '', '', '', '', '', '', '', '是', '2023/5/6', '', ''],
      [],
      ['乙', ids[1], '620702001001', '', '', '', '', '', '', '', '', '', '', '是', 45352, '', ''],
      ['丙', ids[2], '620702001001', '', '', '', '', '', '', '', '', '', '', '是', new Date(Date.UTC(2022, 0, 2)), '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      [
        '丁',
        { formula: `"${ids[3]!.slice(0, 9)}"&"${ids[3]!.slice(9)}"`, result: ids[3] },
        '620702001001',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '是',
        '2021年7月8日',
        '',
        '',
      ],
    ])
    const job = await importFile(officer, file)
    expect(job.result).toMatchObject({ committed: true, created: 4, errorRows: 0, rows: 4 })
    const dates = []
    for (const id of ids) {
      const e = (await t.app.inject({ url: `/api/v1/elders?q=${id}`, headers: { cookie: officer } })).json().items[0]
      dates.push((await t.app.inject({ url: `/api/v1/elders/${e.id}`, headers: { cookie: officer } })).json().familyDoctorDate)
    }
    expect(dates).toEqual(['2023-05-06', '2024-03-01', '2022-01-02', '2021-07-08'])
  })
})

describe('elder import: bad input never half-imports', () => {
  const badRows = async (good: string) => {
    const dupId = freshIdNumber()
    return xlsx([
      ['好人', good, '620702001001'],
      ['', freshIdNumber(), '620702001001'],
      ['校验码错', '430102199001011234', '620702001001'],
      ['重复甲', dupId, '620702001001'],
      ['重复乙', dupId, '620702001001'],
      ['类别错', freshIdNumber(), '620702001001', '', '', '低保、高龄、富豪'],
      ['外街', freshIdNumber(), '620702002001'],
      // eslint-disable-next-line no-loss-of-precision -- an ID typed into Excel as a number loses its last digits; that is the case under test
      ['数字号', 620702195001011234, '620702001001'],
      ['电话错', freshIdNumber(), '620702001001', '', '', '', '', '12345'],
      ['日期错', freshIdNumber(), '620702001001', '', '', '', '', '', '', '', '', '', '', '是', '去年春天'],
      ['公式', { formula: 'NOW()' }, '620702001001'],
    ])
  }

  it('all or nothing: one bad row means nothing is written, and the error report lists row, column, value, message', async () => {
    const good = freshIdNumber()
    const job = await importFile(officer, await badRows(good), 'all_or_nothing')
    expect(job.status).toBe('succeeded')
    expect(job.result).toMatchObject({ committed: false, created: 0 })
    expect(job.result!.errorRows).toBe(9)
    expect(await findById(officer, good)).toBe(0)
    const report = await errorReport(officer, job.id)
    const byRow = (r: number) =>
      report
        .filter((e) => e.row === r)
        .map((e) => `${e.column}:${e.message}`)
        .join(' | ')
    expect(byRow(3)).toContain('姓名:姓名为必填项')
    expect(byRow(4)).toContain('校验码')
    expect(report.find((e) => e.row === 4)!.value).toBe('430102199001011234')
    expect(byRow(6)).toContain('与第 5 行的身份证号重复')
    expect(byRow(7)).toContain('“高龄”由系统')
    expect(byRow(7)).toContain('未知的老年人类别“富豪”')
    expect(byRow(8)).toContain('不是您管辖范围内的社区')
    expect(byRow(9)).toContain('存成了数字')
    expect(byRow(10)).toContain('联系电话')
    expect(byRow(11)).toContain('签约日期无法识别')
    expect(byRow(12)).toContain('公式')
    const json = await t.app.inject({ url: `/api/v1/elders/imports/${job.id}/errors?format=json`, headers: { cookie: officer } })
    expect(json.json().items[0]).toMatchObject({ row: 3, column: '姓名' })
    expect(json.json().total).toBe(report.length)
  })

  it('valid rows only: the good rows are written and the bad ones reported', async () => {
    const good = freshIdNumber()
    const job = await importFile(officer, await badRows(good), 'valid_only')
    expect(job.result).toMatchObject({ committed: true, created: 2, errorRows: 9 })
    expect(await findById(officer, good)).toBe(1)
    expect(job.hasErrorReport).toBe(true)
  })

  it('says only "registered elsewhere" for an ID number of another street, without importing it', async () => {
    const idNumber = freshIdNumber()
    await newElder(t, nanjie, { idNumber, regionCode: '620702002002' })
    const job = await importFile(officer, await xlsx([['别处的人', idNumber, '620702001001']]), 'valid_only')
    expect(job.result, job.error ?? '').toMatchObject({ created: 0, updated: 0, errorRows: 1 })
    const report = await errorReport(officer, job.id)
    expect(report[0]).toMatchObject({ name: '别处的人', message: '该身份证号已在其他辖区登记，请联系区民政局核实' })
    expect(JSON.stringify(report)).not.toMatch(/南街|泰安/)
  })

  it('merged cells leave the other rows empty: reported with a hint', async () => {
    const file = await xlsx(
      [
        ['同名', freshIdNumber(), '620702001001'],
        ['', freshIdNumber(), ''],
      ],
      (ws) => {
        ws.mergeCells('C2:C3')
        ws.mergeCells('A2:A3')
      },
    )
    const job = await importFile(officer, file, 'all_or_nothing')
    const report = await errorReport(officer, job.id)
    expect(report.map((e) => e.message).join()).toContain('合并单元格')
    expect(job.result!.committed).toBe(false)
  })

  it('fails the job with a clear message for wrong or missing headers, no data rows and too many rows', async () => {
    const wrong = await importFile(officer, await xlsx([['a', 'b', 'c']], undefined, ['名字', '证件', '地址']))
    expect(wrong).toMatchObject({ status: 'failed' })
    expect(wrong.error).toContain('表头')
    const missing = await importFile(officer, await xlsx([['甲', freshIdNumber()]], undefined, ['姓名', '身份证号', '户籍']))
    expect(missing.error).toBe('表头缺少必需的列：所在社区（村）。请使用下载的导入模板，不要修改表头')
    const empty = await importFile(officer, await xlsx([]))
    expect(empty.status).toBe('failed')
    expect(empty.error).toContain('没有数据行')
  })

  it('refuses files that are not xlsx: CSV, old .xls, empty, garbage zip, a 20 MB blob, and over 25 MB', async () => {
    const csv = await upload(officer, Buffer.from('姓名,身份证号\n张三,11010519491231002X\n'), 'all_or_nothing', 'a.csv')
    expect(csv.statusCode).toBe(415)
    expect(csv.json().message).toContain('.xlsx')
    const xls = await upload(officer, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(512)]), 'all_or_nothing', 'a.xls')
    expect(xls.statusCode).toBe(415)
    expect(xls.json().message).toContain('另存为')
    expect((await upload(officer, Buffer.alloc(0))).statusCode).toBe(400)
    const zip = await upload(officer, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]))
    expect(zip.statusCode).toBe(400)
    expect(zip.json().message).toContain('无法按 Excel')
    const blob = Buffer.alloc(20 * 1024 * 1024, 0x41)
    expect((await upload(officer, blob)).statusCode).toBe(415)
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26 * 1024 * 1024)])
    const tooBig = await upload(officer, big)
    expect(tooBig.statusCode).toBe(413)
    expect((await upload(officer, await xlsx([]), 'sometimes')).statusCode).toBe(400)
  })

  it('a 20 MB xlsx (large incompressible cells) is read, and over-long values are row errors', async () => {
    const { randomBytes } = await import('node:crypto')
    const rows = Array.from({ length: 160 }, (_, i) => [
      '大文件',
      freshIdNumber(),
      '620702001001',
      '',
      '',
      '',
      i === 0 ? '短地址' : randomBytes(125_000).toString('base64'),
    ])
    const file = await xlsx(rows)
    expect(file.length).toBeGreaterThan(19 * 1024 * 1024)
    const job = await importFile(officer, file, 'valid_only')
    expect(job.status).toBe('succeeded')
    expect(job.result).toMatchObject({ committed: true, created: 1, errorRows: 159 })
    // About 7 s since the attachment travels as base64 (platform/jobs.tables.ts); it took 20–35 s before.
  }, 60_000)
})

describe('elder export', () => {
  it('exports the filtered list masked; a full export needs a reason and is audited', async () => {
    const masked = await t.app.inject({ method: 'POST', url: '/api/v1/elders/export', headers: { cookie: officer }, payload: { regionCode: '620702001001' } })
    expect(masked.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(masked.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.rowCount).toBeGreaterThan(2)
    expect(String(ws.getCell('B2').value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/)
    expect(String(ws.getCell('F2').value)).toContain('620702001001')
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/elders/export', headers: { cookie: officer }, payload: { full: 'true' } })).statusCode).toBe(400)
    const full = await t.app.inject({
      method: 'POST',
      url: '/api/v1/elders/export',
      headers: { cookie: officer },
      payload: { full: 'true', reason: '核对补贴', regionCode: '620702001001' },
    })
    expect(full.statusCode).toBe(200)
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.load(full.rawPayload as unknown as ArrayBuffer)
    expect(String(wb2.worksheets[0]!.getCell('B2').value)).toMatch(/^\d{17}[\dX]$/)
    const bureau = await t.login('bureau')
    const audit = (await t.app.inject({ url: '/api/v1/audit?action=elder.exported_full', headers: { cookie: bureau } })).json()
    expect(audit.items[0]).toMatchObject({ actorUsername: 'dongjie.officer', after: { full: true, reason: '核对补贴' } })
    const assessor = await t.login('dongjie.assessor')
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/elders/export', headers: { cookie: assessor }, payload: { full: 'true', reason: 'xx' } })).statusCode,
    ).toBe(403)
  })
})
