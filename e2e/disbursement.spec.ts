import { afterAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axe, login, newPage, privateWebDist, screenshot, serious, type Server, useServerAndBrowser } from './harness.js'

/**
 * 月度发放 end to end on the demo district: the bureau computes January 2027 (the demo's granted
 * 高龄津贴 start then), follows the progress, reads the lines with their explanation and checks
 * the batch; the system administrator, a different person, approves it. The fund checks and the
 * report tabs are looked at on the way.
 */
let server: Server
let browser: Browser
const web = privateWebDist()
useServerAndBrowser(
  (s, b) => {
    server = s
    browser = b
  },
  () => ({ env: web.env }),
)
afterAll(() => web.cleanup())

describe('monthly disbursement', () => {
  it('computes a month, checks it and has another person approve it', async () => {
    const { context, page } = await newPage(browser)
    try {
      await login(page, server, 'bureau')
      await page.goto(`${server.url}/disbursement`)
      await page.getByLabel('发放月份').click()
      await page.getByLabel('发放月份').fill('2027-01')
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: '计算该月发放' }).click()
      const row = page.getByRole('row', { name: /2027-01/ })
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 30_000 }).toContain('待复核')
      await screenshot(page, 'disbursement-batches-1440')
      expect(serious(await axe(page))).toEqual([])
      await row.getByRole('button', { name: /查看明细/ }).click()
      const drawer = page.getByRole('dialog')
      await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('高龄津贴')
      await page.waitForTimeout(400) // the drawer's slide-in
      expect(await drawer.textContent()).toMatch(/自\d{4}-\d{2}起享受/)
      await screenshot(page, 'disbursement-lines-1440')
      await drawer.getByRole('button', { name: '复核通过' }).click()
      await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('已复核')
      // The checker cannot approve their own check: no approve button (the server refuses it too).
      expect(await drawer.getByRole('button', { name: '审批通过' }).count()).toBe(0)
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })
      await page.getByRole('tab', { name: '资金监管' }).click()
      await page.getByLabel('检查月份').fill('2027-01')
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: '检查该月发放' }).click()
      await page.getByText(/已检查 \d+ 行/).waitFor()
      await screenshot(page, 'disbursement-anomalies-1440')
      await page.getByRole('tab', { name: '发放统计' }).click()
      await page.getByText('福彩公益金占比').waitFor()
      await screenshot(page, 'disbursement-report-1440')
    } finally {
      await context.close()
    }
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      const { context, page } = await newPage(browser, { width: w, height: h })
      try {
        await login(page, server, 'admin')
        await page.goto(`${server.url}/disbursement`)
        const row = page.getByRole('row', { name: /2027-01/ })
        await row.waitFor()
        await screenshot(page, `disbursement-batches-${w}`)
        // Buttons and headers stay inside the window (the table scrolls, nothing is cut off).
        const cut = await page.evaluate(
          () => [...document.querySelectorAll('main button, main th')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).length,
        )
        expect(cut).toBe(0)
        if (w === 1366) {
          await row.getByRole('button', { name: /查看明细/ }).click()
          const drawer = page.getByRole('dialog')
          await drawer.getByRole('button', { name: '审批通过' }).click()
          await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('已审批')
          await screenshot(page, 'disbursement-approved-1366')
        }
      } finally {
        await context.close()
      }
    }
  }, 180_000)
})
