/**
 * Issue 17 item 6: the public 公示 and 补贴政策 pages live inside the /portal shell (no login,
 * elder-friendly theme); the old /public/… URLs redirect. Screenshots at 1440, 1366×768,
 * 1024×768 and 375 px, looked at; axe finds nothing serious.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axe, minTextSize, newPage, screenshot, serious, type Server, useServerAndBrowser, privateWebDist } from './harness.js'

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

describe('公示 and 补贴政策 in the portal', () => {
  for (const [w, h] of [
    [1440, 900],
    [1366, 768],
    [1024, 768],
    [375, 812],
  ] as const) {
    it(`old links land in the portal; large, readable, accessible at ${w}×${h}`, async () => {
      const { context, page } = await newPage(browser, { width: w, height: h })
      for (const [old, path, heading, name] of [
        ['/public/notices', '/portal/notices', '养老服务补贴审核结果公示', 'notices'],
        ['/public/policies', '/portal/policies', '养老服务补贴政策', 'policies'],
      ] as const) {
        await page.goto(`${server.url}${old}`)
        await page.getByRole('heading', { name: heading }).waitFor()
        expect(new URL(page.url()).pathname).toBe(path)
        // The portal's own navigation names the page; the shell is the elder-friendly one.
        const nav = page.getByRole('navigation', { name: '公开信息导航' })
        await nav.getByRole('link', { name: name === 'notices' ? '补贴公示' : '补贴政策' }).waitFor()
        await page.getByText('无需登录，随时查看').waitFor()
        const min = await minTextSize(page, 'main')
        expect(min.px, min.where).toBeGreaterThanOrEqual(20)
        expect(serious(await axe(page))).toEqual([])
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow).toBeLessThanOrEqual(0)
        await screenshot(page, `portal-${name}-${w}`)
      }
      await context.close()
    })
  }
})
