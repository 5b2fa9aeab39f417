import { afterAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axe, minTextSize, newPage, screenshot, serious, type Server, useServerAndBrowser, privateWebDist } from './harness.js'

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
