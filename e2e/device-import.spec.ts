import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axe, login, newPage, root, screenshot, serious, type Server, useServerAndBrowser } from './harness.js'

/**
 * 导入 on the devices tab of 报警中心 (issue 21 item 1): the operator uploads a workbook with one
 * bad row; nothing is imported and the row errors are listed by row number. Screenshots at 1440
 * and 1366×768; axe finds nothing serious in the dialog.
 */
let server: Server
let browser: Browser
useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

// exceljs is the server's dependency; the spec borrows it to build the upload.
const ExcelJS = createRequire(join(root, 'packages/server/package.json'))('exceljs') as typeof import('exceljs')

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('设备')
  ws.addRow(['设备序列号', '设备类型', '型号', 'SIM卡号', '绑定老人身份证号', '绑定日期'])
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('设备导入', () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1366, height: 768 },
  ]) {
    it(`lists row errors and imports nothing (${viewport.width})`, async () => {
      const { context, page } = await newPage(browser, viewport)
      await login(page, server, 'dongjie.operator')
      await page.goto(`${server.url}/alarms`)
      await page.getByRole('tab', { name: '设备' }).click()
      await page.getByRole('button', { name: /导\s*入$/ }).click()
      const dialog = page.getByRole('dialog', { name: '导入设备' })
      await dialog.waitFor()
      const file = await workbook([
        [`E2E-IMP-${viewport.width}`, '智能手环', 'YY-B1', '13900001111', '110101199001011234', '2026-01-05'],
        [`E2E-IMP-${viewport.width}-2`, '手表', '', '', '', ''],
      ])
      await dialog
        .locator('input[type=file]')
        .setInputFiles({ name: '设备.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
      await dialog.getByText('未导入任何设备').waitFor()
      await expect.poll(() => dialog.getByRole('row').count()).toBe(4)
      await expect.poll(() => dialog.getByText('在您的管辖范围内找不到该身份证号的老人').count()).toBe(1)
      expect(serious(await axe(page))).toEqual([])
      await screenshot(page, `device-import-${viewport.width}`)
      await context.close()
    }, 120_000)
  }
})
