// Every page at tablet (1024×768) and laptop (1366×768) sizes: nothing wider than the window,
// the sidebar collapsed below 1200 px, the elder-mode header on one line, key table columns in
// view, chart labels inside their chart, charts that follow their container (issue 24 items
// 5, 6, 9). Screenshots land in e2e/artifacts/layout-*.png.
import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { login, newPage, screenshot, type Server, useServerAndBrowser } from './harness.js'

let server: Server
let browser: Browser

useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const viewports = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]

/** Waits for the route's content: no skeleton or spinner left, network quiet. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning'), undefined, { timeout: 20_000 }).catch(() => {})
  await page.waitForTimeout(300)
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }))
}

/** Elements right of the window (the page itself does not scroll, but content is cut). */
async function cutOff(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const out: string[] = []
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.right > window.innerWidth + 1) out.push(`${(el.textContent ?? '').trim().slice(0, 12)} right=${Math.round(r.right)}`)
    }
    return out
  }, selector)
}

async function api<T>(page: Page, path: string): Promise<T> {
  return (await page.request.get(`${server.url}/api/v1${path}`)).json() as Promise<T>
}

async function setElderMode(page: Page, on: boolean) {
  const res = await page.request.put(`${server.url}/api/v1/auth/preferences`, { data: { elderMode: on } })
  expect(res.status(), await res.text()).toBeLessThan(300)
}

async function pagesFor(page: Page): Promise<Array<[string, string]>> {
  const elders = await api<{ items: { id: string }[] }>(page, '/elders?pageSize=5')
  const assessments = await api<{ items: { id: string; status: string }[] }>(page, '/assessments?pageSize=50')
  const done = assessments.items.find((a) => a.status === 'effective') ?? assessments.items[0]
  return [
    ['home', '/'],
    ['elders', '/elders'],
    ['elder-detail', `/elders/${elders.items[0]!.id}`],
    ['elder-import', '/elders/import'],
    ['assessments', '/assessments'],
    ['assessments-due', '/assessments/due'],
    ['assessment-stats', '/assessments/stats'],
    ['assessment-detail', `/assessments/${done!.id}`],
    ['assessment-report', `/assessments/${done!.id}/report`],
    ['worklists', '/worklists'],
    ['users', '/users'],
    ['audit', '/audit'],
    ['regions', '/regions'],
    ['tokens', '/tokens'],
    ['jobs', '/system/jobs'],
  ]
}

describe('layout at tablet and laptop sizes', () => {
  for (const vp of viewports) {
    it(`every page fits ${vp.width}×${vp.height}; the sidebar is collapsed below 1200 px`, async () => {
      const { page, context } = await newPage(browser, vp)
      await login(page, server, 'admin')
      const pages = await pagesFor(page)
      const problems: string[] = []
      for (const [name, path] of pages) {
        await page.goto(`${server.url}${path}`)
        await settle(page)
        const o = await horizontalOverflow(page)
        if (o.scrollWidth > o.innerWidth) problems.push(`${name}: page ${o.scrollWidth} px wide in ${o.innerWidth}`)
        const cut = await cutOff(page, 'main th, main button, main .ant-card, main canvas, main svg')
        if (cut.length) problems.push(`${name}: cut off ${cut.slice(0, 3).join('; ')}`)
        await screenshot(page, `layout-${vp.width}-${name}`)
      }
      expect(problems.join(' / ')).toBe('')
      const sider = await page.locator('.ant-layout-sider').boundingBox()
      if (vp.width < 1200) expect(sider!.width, 'sider collapsed').toBeLessThanOrEqual(88)
      else expect(sider!.width, 'sider open').toBeGreaterThan(200)
      // The demo-password reminder is one line (about 40 px, not a fifth of the screen).
      const banner = await page.locator('.yy-demo-banner').boundingBox()
      expect(banner, 'demo banner shown').not.toBeNull()
      expect(banner!.height).toBeLessThanOrEqual(48)
      await context.close()
    })
  }

  it("the assessor's list shows its 操作 and result columns at 1024×768", async () => {
    const { page, context } = await newPage(browser, viewports[0])
    await login(page, server, 'dongjie.assessor')
    await page.goto(`${server.url}/assessments`)
    await settle(page)
    const heads = await page.locator('main thead th').allTextContents()
    for (const h of ['操作', '结果']) {
      const th = page.locator('main thead th', { hasText: h }).first()
      expect(heads.join('|'), `column ${h}`).toContain(h)
      const box = await th.boundingBox()
      expect(box!.x + box!.width, `${h} in view`).toBeLessThanOrEqual(1024)
    }
    expect(await cutOff(page, 'main th, main td button, main td a')).toEqual([])
    await screenshot(page, 'layout-1024-assessor-list')
    await context.close()
  })

  it('elder mode at 1024: the header keeps 长辈模式 on one line and the whole scope name', async () => {
    const { page, context } = await newPage(browser, viewports[0])
    await login(page, server, 'dongjie.officer')
    await setElderMode(page, true)
    try {
      for (const [name, path] of [
        ['elders', '/elders'],
        ['assessments', '/assessments'],
        ['home', '/'],
      ] as const) {
        await page.goto(`${server.url}${path}`)
        await settle(page)
        await page.waitForFunction(() => document.documentElement.dataset.elder === 'true')
        const header = await page.evaluate(() => {
          const label = document.querySelector('label[for="yy-elder-switch"]') as HTMLElement
          const scope = document.querySelector('.yy-header-scope strong, .yy-header-scope .ant-typography') as HTMLElement
          const lh = parseFloat(getComputedStyle(label).lineHeight) || parseFloat(getComputedStyle(label).fontSize) * 1.6
          return {
            labelHeight: label.getBoundingClientRect().height,
            lineHeight: lh,
            scope: scope.textContent,
            scopeCut: scope.scrollWidth > scope.clientWidth + 1,
          }
        })
        expect(header.labelHeight, `${name}: 长辈模式 on one line`).toBeLessThanOrEqual(header.lineHeight * 1.2)
        expect(header.scope).toBe('东街街道')
        expect(header.scopeCut, `${name}: scope name cut`).toBe(false)
        const o = await horizontalOverflow(page)
        expect(o.scrollWidth, `${name}: page width`).toBeLessThanOrEqual(o.innerWidth)
        expect(await cutOff(page, 'main th, main td button, main td a'), `${name}: columns cut off`).toEqual([])
        // No horizontal scroll inside the table either (content hidden under a pinned column).
        const table = await page.evaluate(() => {
          const c = document.querySelector('main .ant-table-content, main .ant-table-body') as HTMLElement | null
          return c ? { sw: c.scrollWidth, cw: c.clientWidth } : { sw: 0, cw: 0 }
        })
        expect(table.sw, `${name}: table scrolls sideways`).toBeLessThanOrEqual(table.cw + 1)
        await screenshot(page, `layout-1024-elder-mode-${name}`)
      }
    } finally {
      await setElderMode(page, false)
      await context.close()
    }
  })

  it("elder mode at 1440: the elder table's 能力等级, 联系电话 and 状态 are in view without scrolling", async () => {
    const { page, context } = await newPage(browser, { width: 1440, height: 900 })
    await login(page, server, 'dongjie.officer')
    await setElderMode(page, true)
    try {
      await page.goto(`${server.url}/elders`)
      await settle(page)
      await page.waitForFunction(() => document.documentElement.dataset.elder === 'true')
      for (const h of ['能力等级', '联系电话', '状态']) {
        const th = page.locator('main thead th', { hasText: h }).first()
        const box = await th.boundingBox()
        expect(box, `column ${h}`).not.toBeNull()
        expect(box!.x + box!.width, `${h} in view`).toBeLessThanOrEqual(1440)
      }
      const scroll = await page.evaluate(() => {
        const c = document.querySelector('main .ant-table-content, main .ant-table-body') as HTMLElement | null
        return c ? { sw: c.scrollWidth, cw: c.clientWidth } : { sw: 0, cw: 0 }
      })
      expect(scroll.sw, 'no horizontal scroll in the table').toBeLessThanOrEqual(scroll.cw + 1)
      await screenshot(page, 'layout-1440-elder-mode-elders')
    } finally {
      await setElderMode(page, false)
      await context.close()
    }
  })

  it('charts: radar labels stay inside the chart, and charts shrink with the window', async () => {
    const { page, context } = await newPage(browser, viewports[1])
    await login(page, server, 'admin')
    const assessments = await api<{ items: { id: string; status: string; scale: string }[] }>(page, '/assessments?pageSize=50')
    const done = assessments.items.find((a) => a.status === 'effective' && a.scale === 'gbt42195_2022')!
    await page.goto(`${server.url}/assessments/${done.id}`)
    await settle(page)
    const radar = page.getByRole('img', { name: /四个维度得分雷达图/ })
    await radar.waitFor()
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 768 })
      await page.waitForTimeout(500)
      const clipped = await page.evaluate(() => {
        const out: string[] = []
        for (const host of document.querySelectorAll('[role="img"][aria-label*="雷达图"], [role="img"][aria-label*="趋势"]')) {
          const box = host.getBoundingClientRect()
          for (const t of host.querySelectorAll('svg text')) {
            const r = t.getBoundingClientRect()
            if (r.width && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)) out.push(t.textContent ?? '')
          }
          const svg = host.querySelector('svg')!.getBoundingClientRect()
          if (svg.width > box.width + 1) out.push(`svg ${svg.width} > box ${box.width}`)
        }
        return out
      })
      expect(clipped, `at ${width}`).toEqual([])
      const o = await horizontalOverflow(page)
      expect(o.scrollWidth, `page at ${width}`).toBeLessThanOrEqual(o.innerWidth)
      await screenshot(page, `layout-${width}-charts-after-resize`)
    }
    await context.close()
  })
})
