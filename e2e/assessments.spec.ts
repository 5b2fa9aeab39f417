import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  artifacts,
  axe,
  login,
  minTextSize,
  newPage,
  pickOption,
  pressUntilClosed,
  privateWebDist,
  screenshot,
  serious,
  useServerAndBrowser,
  type Server,
} from './harness.js'

/**
 * Ability assessment end to end: a street officer schedules, an assessor fills the GB/T 42195
 * form on a tablet-sized screen (1024×768), submits, the officer approves, the elder's level
 * changes, and the Annex C report is viewed and printed to PDF.
 */
let server: Server
let browser: Browser
let assessmentId = ''
let elderId = ''

const web = privateWebDist()
useServerAndBrowser(
  (s, b) => {
    server = s
    browser = b
  },
  () => ({ env: web.env }),
)
afterAll(() => web.cleanup())

/** An active elder of 东街街道 without an open assessment (demo data). */
async function freeElder(page: Page): Promise<{ id: string; name: string }> {
  const list = await (await page.request.get(`${server.url}/api/v1/elders?pageSize=100&regionCode=620702001001`)).json()
  for (const e of list.items as { id: string; name: string; status: string }[]) {
    if (e.status !== 'active') continue
    const open = await (await page.request.get(`${server.url}/api/v1/assessments?elderId=${e.id}&statusGroup=open`)).json()
    const sameName = list.items.filter((x: { name: string }) => x.name === e.name).length
    if (open.total === 0 && sameName === 1) return e
  }
  throw new Error('no free elder in demo data')
}

describe('ability assessment: schedule → tablet form → review → report', () => {
  it('a street officer schedules an assessment', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    const elder = await freeElder(page)
    elderId = elder.id
    await page.getByRole('navigation', { name: '主导航' }).getByText('能力评估').click()
    await page.waitForURL('**/assessments')
    await page.getByRole('button', { name: '安排评估' }).first().click()
    const dialog = page.getByRole('dialog', { name: '安排能力评估' })
    await pickOption(page, dialog.getByLabel('老年人'), elder.name, { type: elder.name })
    // The least busy assessor covering the community is preselected.
    await dialog.getByText(/评估员（进行中 \d+）/).waitFor()
    await screenshot(page, 'assessment-schedule')
    await dialog.getByRole('button', { name: '安排评估' }).click()
    await page.getByText(`已为 ${elder.name} 安排评估`).waitFor()
    await page.getByRole('table').getByText(elder.name).first().click()
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/)
    assessmentId = page.url().split('/').pop()!
    await page.getByText('已安排').first().waitFor()
    await context.close()
  })

  it('an assessor fills the form on a 1024×768 tablet with autosave, and cannot submit while incomplete', async () => {
    const { page, context } = await newPage(browser, { width: 1024, height: 768 })
    await login(page, server, 'dongjie.assessor')
    await page.goto(`${server.url}/assessments/${assessmentId}/fill`)
    await page.getByText('B.1.1').first().waitFor()
    const submit = page.locator('.yy-assess-bar').getByRole('button', { name: '提交审核' })
    expect(await submit.isDisabled()).toBe(true)

    // Annex A: place, two falls in 30 days and a dementia diagnosis (each raises the level; once in total).
    await page.getByPlaceholder('如：老人家中、社区日间照料中心').fill('老人家中')
    await page.getByRole('radiogroup', { name: '跌倒' }).getByText('2次').click()
    await page.getByRole('button', { name: '+ 痴呆 F03' }).click()

    // Annex B: every item by touch (click on the card), the first one by keyboard.
    const groups = page.locator('.yy-options')
    expect(await groups.count()).toBe(26)
    await groups.nth(0).locator('input').first().focus()
    await page.keyboard.press('Space')
    for (let i = 1; i < 26; i++) {
      const cards = groups.nth(i).locator('label')
      // Mostly the second-best option: a moderate loss of ability.
      await cards.nth(i % 4 === 0 ? 0 : 1).click()
    }
    await page.locator('.yy-bar-level').getByText('预估等级').waitFor()

    // Assessors and signatures.
    await page.getByLabel('评估员1证书编号').fill('甘评-2026-0107')
    await page.getByLabel('评估员2姓名').fill('社区医生 马丽')
    await page.getByLabel('评估员2证书编号').fill('甘评-2026-0311')
    await page.getByText('东街街道 评估员 已核对并签名确认').click()
    await page.getByText('社区医生 马丽 已核对并签名确认').click()
    await page.getByLabel('信息提供者姓名').fill('李建国')
    await page.getByLabel('与老人关系').fill('儿子')
    await page.getByText('已向其说明评估结果并签名确认').click()
    await page.locator('.yy-assess-bar').getByText('已自动保存').waitFor({ timeout: 15_000 })

    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: join(artifacts, 'assessment-form-tablet.png') })
    await screenshot(page, 'assessment-form-tablet-full')
    expect(serious(await axe(page))).toEqual([])

    expect(await submit.isDisabled()).toBe(false)
    await submit.click()
    await page.waitForURL(`**/assessments/${assessmentId}`)
    await page.getByText('待审核').first().waitFor()
    await context.close()
  })

  it('the street officer approves; the result takes effect and the elder is now semi-incapacitated or worse', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/assessments/${assessmentId}`)
    await page.getByRole('button', { name: '审核通过' }).click()
    const dialog = page.getByRole('dialog', { name: '审核通过' })
    await pressUntilClosed(dialog, dialog.getByRole('button', { name: /确\s*定/ }))
    // Wait on the record itself, not on the toast (it fades after a few seconds).
    await expect
      .poll(async () => (await (await page.request.get(`${server.url}/api/v1/assessments/${assessmentId}`)).json()).status, { timeout: 30_000 })
      .toBe('effective')
    await page.getByText('已生效').first().waitFor()
    await page.locator('svg').first().waitFor()
    await screenshot(page, 'assessment-detail')

    const a = await (await page.request.get(`${server.url}/api/v1/assessments/${assessmentId}`)).json()
    expect(a.status).toBe('effective')
    expect(a.finalLevel).toBeGreaterThan(a.initialLevel)
    const elder = await (await page.request.get(`${server.url}/api/v1/elders/${elderId}`)).json()
    expect(elder.abilityLevel).toBe(a.finalLevel)
    expect(elder.categories.some((c: string) => c === 'semi_incapacitated' || c === 'incapacitated')).toBe(true)
    await context.close()
  })

  it('shows the Annex C report and prints it to an A4 PDF', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/assessments/${assessmentId}/report`)
    const frame = page.frameLocator('iframe[title="老年人能力评估报告"]')
    await frame.getByText('老年人能力最终等级').waitFor()
    await page.getByRole('button', { name: '打印' }).waitFor()
    await screenshot(page, 'assessment-report-page')

    // Print the report as the browser would (print CSS, A4), and save it with a picture of it.
    const report = await context.newPage()
    await report.goto(`${server.url}/api/v1/assessments/${assessmentId}/report.html`)
    await report.emulateMedia({ media: 'print' })
    const pdf = await report.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    writeFileSync(join(artifacts, 'assessment-report-print.pdf'), pdf)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    await report.setViewportSize({ width: 794, height: 1123 })
    await report.screenshot({ path: join(artifacts, 'assessment-report-a4.png'), fullPage: true })

    // The server's own PDF (chromium on the server).
    const res = await page.request.get(`${server.url}/api/v1/assessments/${assessmentId}/report.pdf`)
    expect(res.status()).toBe(200)
    const body = await res.body()
    expect(body.subarray(0, 5).toString()).toBe('%PDF-')
    writeFileSync(join(artifacts, 'assessment-report-server.pdf'), body)
    await context.close()
  })

  it('shows the level statistics and workload in elder-friendly mode (AAA contrast, 20 px text)', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'bureau')
    await page.getByRole('navigation', { name: '主导航' }).getByText('评估统计').click()
    await page.waitForURL('**/assessments/stats')
    await page.getByRole('table').waitFor()
    await page.getByRole('switch', { name: '长辈模式' }).click()
    await page.waitForFunction(() => document.documentElement.dataset.elder === 'true')
    await page.waitForTimeout(800)
    const small = await minTextSize(page)
    expect(small.px, small.where).toBeGreaterThanOrEqual(20)
    expect(serious(await axe(page, { aaa: true }))).toEqual([])
    await screenshot(page, 'assessment-stats-elder-mode')
    // Excel export of the same table.
    const xlsx = await page.request.post(`${server.url}/api/v1/assessments/stats.xlsx`, { data: {}, headers: { origin: server.url } })
    expect(xlsx.status()).toBe(200)
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml')
    await page.getByRole('switch', { name: '长辈模式' }).click()
    await context.close()
  })
})
