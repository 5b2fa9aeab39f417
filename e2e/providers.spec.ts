import { afterAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { Page } from 'playwright-core'
import { axe, login, minTextSize, newPage, screenshot, serious, type Server, useServerAndBrowser, privateWebDist } from './harness.js'

/**
 * 服务商名录 on the public portal: no login, large type, searchable by name, street or service
 * item, one column on a 375 px phone, nothing personal on it.
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

describe('public provider directory', () => {
  for (const [w, h] of [
    [1440, 900],
    [375, 812],
  ] as const) {
    it(`lists registered providers without a login, large and readable at ${w} px`, async () => {
      const { context, page } = await newPage(browser, { width: w, height: h })
      await page.goto(`${server.url}/portal/providers`)
      await page.getByRole('heading', { name: '养老服务商名录' }).waitFor()
      await page.getByRole('heading', { name: '康乐居家养老服务中心' }).waitFor()
      await page.getByRole('navigation', { name: '公开信息导航' }).getByRole('link', { name: '服务商名录' }).waitFor()
      const min = await minTextSize(page, 'main')
      expect(min.px, min.where).toBeGreaterThanOrEqual(20)
      expect(serious(await axe(page, { aaa: true })).filter((v) => v.id !== 'color-contrast-enhanced')).toEqual([])
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      // Nothing personal: no legal representative, no USCC, no phone number.
      const text = await page.locator('main').innerText()
      expect(text).not.toMatch(/法定代表人|统一社会信用代码|1\d{10}/)
      await screenshot(page, `portal-providers-${w}`)

      await page.getByLabel('搜索服务商').fill('南街')
      await page.getByLabel('搜索服务商').press('Enter')
      await page.getByRole('heading', { name: '康乐居家养老服务中心' }).waitFor({ state: 'detached' })
      await page.getByRole('heading', { name: '南街居家照护服务社' }).waitFor()
      await page.getByText(/找到 \d+ 家服务商/).waitFor()
      await screenshot(page, `portal-providers-search-${w}`)

      await page.getByLabel('搜索服务商').fill('没有这个服务')
      await page.getByLabel('搜索服务商').press('Enter')
      await page.getByText('没有找到符合条件的服务商，请换个词试试').waitFor()
      await context.close()
    })
  }
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const month = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)

async function openProvider(page: Page, name: string) {
  await page.goto(`${server.url}/providers`)
  await page.getByRole('button', { name }).first().click()
  await page.getByRole('tab', { name: '资质文件' }).waitFor()
}

describe('provider documents, star rating, KPIs and complaints (staff)', () => {
  it('the bureau uploads a licence, reviews the star rating, and handles a complaint to a credit record', async () => {
    const { context, page } = await newPage(browser, { width: 1440, height: 900 })
    await login(page, server, 'bureau')
    // This month's rating, computed now by the background job.
    expect((await page.request.post(`${server.url}/api/v1/star-ratings/run`, { data: { month: month() } })).ok()).toBe(true)
    for (let i = 0; i < 60; i++) {
      const r = await (await page.request.get(`${server.url}/api/v1/star-ratings?month=${month()}`)).json()
      if (r.total > 0) break
      await page.waitForTimeout(500)
    }

    await openProvider(page, '康乐居家养老服务中心')
    await page.getByRole('tab', { name: '资质文件' }).click()
    await page.getByLabel('文件名称').fill('营业执照（副本）')
    await page.getByLabel('选择要上传的资质文件').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByRole('button', { name: /^上\s*传$/ }).click()
    await page.getByRole('link', { name: '营业执照（副本）' }).waitFor()
    expect(serious(await axe(page))).toEqual([])
    await screenshot(page, 'provider-documents-1440')

    await page.getByRole('tab', { name: '星级评定' }).click()
    await page.getByText('综合得分').first().waitFor()
    await page.getByText('持证上岗率').first().waitFor()
    expect(serious(await axe(page))).toEqual([])
    await screenshot(page, 'provider-star-rating-1440')
    await page.getByRole('button', { name: '确认评定' }).first().click()
    await page.getByText('已确认').first().waitFor()

    await page.getByRole('tab', { name: '服务指标' }).click()
    await page.getByText('满意率（目标 ≥ 80%）').waitFor()
    await screenshot(page, 'provider-kpis-1440')
    await page.keyboard.press('Escape')

    // A settled order of 东街 gets a complaint, which the bureau investigates and upholds.
    const orders = await (await page.request.get(`${server.url}/api/v1/orders?status=settled&regionCode=620702001000&pageSize=1`)).json()
    await page.goto(`${server.url}/orders/${orders.items[0].id}`)
    await page.getByRole('button', { name: '登记投诉' }).click()
    await page.getByLabel('投诉内容').fill('老人反映护理员未按约定清洁厨房')
    await page.getByRole('button', { name: /^提\s*交$/ }).click()
    await page.waitForURL((u) => u.pathname === '/complaints')
    await page.getByText('老人反映护理员未按约定清洁厨房').waitFor()
    await page.getByRole('button', { name: '开始调查' }).click()
    await page.getByRole('button', { name: '认定成立' }).click()
    await page.getByLabel('调查结论').fill('回访老人并查看服务记录，投诉属实')
    await page
      .getByRole('dialog', { name: '认定成立' })
      .getByRole('button', { name: /^确\s*定$/ })
      .click()
    await page.getByText('已记入服务商信用记录').waitFor()
    await page.getByRole('dialog', { name: '认定成立' }).waitFor({ state: 'detached' })
    expect(serious(await axe(page))).toEqual([])
    await screenshot(page, 'complaint-detail-1440')
    await context.close()
  })

  for (const [w, h] of [
    [1440, 900],
    [1366, 768],
    [1024, 768],
  ] as const) {
    it(`complaints list and provider tabs fit at ${w} px`, async () => {
      const { context, page } = await newPage(browser, { width: w, height: h })
      await login(page, server, 'bureau')
      await page.goto(`${server.url}/complaints`)
      await page.getByRole('heading', { name: '投诉处理' }).waitFor()
      await page.getByText('投诉成立').first().waitFor()
      expect(serious(await axe(page))).toEqual([])
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await screenshot(page, `complaints-${w}`)
      await openProvider(page, '康乐居家养老服务中心')
      await page.getByRole('tab', { name: '星级评定' }).click()
      await page.getByText('综合得分').first().waitFor()
      await screenshot(page, `provider-star-rating-${w}`)
      await context.close()
    })
  }
})
