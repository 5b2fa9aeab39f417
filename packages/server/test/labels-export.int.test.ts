// Exports speak the label catalogue of @yiyang/core: no bare level number or raw code in a
// Chinese spreadsheet (issue 24 item 8).
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './app.js'

let t: TestApp
let bureau: string
beforeAll(async () => {
  t = await createTestApp()
  bureau = await t.login('bureau')
})
afterAll(async () => {
  await t?.close()
})

async function sheet(url: string) {
  // Exports are POST (they are audited and must not be triggered by a link).
  const res = await t.app.inject({ method: 'POST', url, headers: { cookie: bureau }, payload: {} })
  expect(res.statusCode).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  return wb.worksheets[0]!
}

describe('exports use Chinese labels', () => {
  it("the elder list's 能力等级 column holds the standard's level names, not numbers", async () => {
    const ws = await sheet('/api/v1/elders/export')
    const header = (ws.getRow(1).values as unknown[]).map(String)
    const col = header.indexOf('能力等级')
    expect(col).toBeGreaterThan(0)
    const values = new Set<string>()
    ws.eachRow((r, n) => {
      if (n > 1) values.add(String(r.getCell(col).value ?? ''))
    })
    const levels = [...values].filter(Boolean)
    expect(levels.length).toBeGreaterThan(0)
    for (const v of levels) expect(v).toMatch(/^\d 级 能力(完好|轻度受损|中度受损|重度受损|完全丧失)$/)
    for (const name of ['状态', '居住情况', '户籍']) {
      const c = header.indexOf(name)
      ws.eachRow((r, n) => {
        if (n > 1) expect(String(r.getCell(c).value ?? '')).not.toMatch(/[A-Za-z]/)
      })
    }
  })

  it('the level-distribution export heads its columns "0 级 能力完好" …', async () => {
    const ws = await sheet('/api/v1/assessments/stats.xlsx')
    const header = (ws.getRow(3).values as unknown[]).map(String)
    expect(header).toContain('0 级 能力完好')
    expect(header).toContain('1 级 能力轻度受损')
  })
})
