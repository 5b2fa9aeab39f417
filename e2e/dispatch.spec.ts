import { afterAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { join } from 'node:path'
import {
  artifacts,
  axe,
  contextDefaults,
  login,
  newPage,
  pickOption,
  root,
  screenshot,
  serious,
  startServer,
  useServerAndBrowser,
  type Server,
} from './harness.js'

/**
 * Dispatch end to end (issue 20 "done when"): tomorrow's accepted orders of the demo provider
 * (requested without coordinates: they take the elders' registered homes) are planned in one
 * click by the provider's dispatcher, shown on the map (no tiles: outlines only, no request
 * leaves the server) and the timeline beside the greedy baseline; one visit is moved by hand
 * with the live check; the plan is published; the next day the caregiver's phone (375 px) lists
 * the planned visits. Then the 15-minute service circle. Screens at 1440, 1366×768, 1024×768.
 */
let server: Server
let later: Server | null = null
let browser: Browser
useServerAndBrowser((s, b) => {
  server = s
  browser = b
})
afterAll(async () => {
  await later?.stop()
})

const api = (page: Page, s: Server) => ({
  get: async (path: string) => (await page.request.get(`${s.url}/api/v1${path}`)).json(),
  post: async (path: string, data: unknown) => page.request.post(`${s.url}/api/v1${path}`, { data: data as object, headers: { origin: s.url } }),
})

async function shots(page: Page, name: string) {
  for (const [w, h, tag] of [
    [1440, 900, '1440'],
    [1366, 768, '1366'],
    [1024, 768, '1024'],
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.waitForTimeout(300)
    await screenshot(page, `${name}-${tag}`)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

/** Only our own server is asked for anything: the map works without tiles from the internet. */
function onlyOwnRequests(page: Page, s: Server) {
  const foreign: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(s.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url())
  })
  return foreign
}

const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10)
const planned: string[] = []

type TStop = { orderId: string; elderName: string; start: string; locked: boolean; started: boolean }
type TRoute = { caregiverId: string; caregiverName: string; shift: { start: string; end: string }; stops: TStop[] }
const shanghaiMinutes = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return d.getUTCHours() * 60 + d.getUTCMinutes()
}
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** A move the plan allows that changes the caregiver or the time by 10 minutes or more. */
async function findFeasibleMove(page: Page, s: Server) {
  const plans = (await api(page, s).get(`/dispatch/plans?date=${tomorrow()}`)).items as { id: string; status: string }[]
  const plan = plans.find((p) => p.status === 'draft')!
  const detail = await api(page, s).get(`/dispatch/plans/${plan.id}`)
  const routes = detail.routes as TRoute[]
  const names = routes.flatMap((r) => r.stops.map((x) => x.elderName))
  for (const from of routes) {
    for (const stop of from.stops) {
      if (stop.locked || stop.started || names.filter((n) => n === stop.elderName).length > 1) continue
      const now = shanghaiMinutes(stop.start)
      for (const to of [...routes.filter((r) => r !== from), from]) {
        for (let m = Math.ceil(shanghaiMinutes(to.shift.start) / 15) * 15; m < shanghaiMinutes(to.shift.end); m += 15) {
          if (to === from && Math.abs(m - now) < 10) continue
          const date = tomorrow()
          const res = await api(page, s).post(`/dispatch/plans/${plan.id}/moves/check`, {
            orderId: stop.orderId,
            fromCaregiverId: from.caregiverId,
            toCaregiverId: to.caregiverId,
            start: `${date}T${hhmm(m)}:00+08:00`,
          })
          if ((await res.json()).feasible) return { elderName: stop.elderName, toName: to.caregiverName, time: hhmm(m) }
        }
      }
    }
  }
  return null
}

describe('dispatch: plan tomorrow in one click, move, publish; the caregiver sees the day', () => {
  it('tomorrow has accepted orders of the demo provider, placed at the elders’ registered homes', async () => {
    const officer = await newPage(browser)
    await login(officer.page, server, 'dongjie.officer')
    const elders = (await api(officer.page, server).get('/elders?pageSize=20&regionCode=620702001000')).items as { id: string; status: string }[]
    const provider = await newPage(browser)
    await login(provider.page, server, 'provider')
    const date = tomorrow()
    const hours = ['08:30', '09:30', '10:30', '14:00', '15:00', '16:00']
    for (const [i, hhmm] of hours.entries()) {
      const elder = elders.filter((e) => e.status === 'active')[i]!
      const r = await api(officer.page, server).post('/orders', {
        elderId: elder.id,
        providerId: '00000000-0000-4000-8000-000000000001',
        itemCode: 'ZJ-001',
        serviceDate: date,
        windowStart: new Date(`${date}T${hhmm}:00+08:00`).toISOString(),
        quantity: 1,
        plannedMinutes: 45,
        requesterKind: 'family',
      })
      expect(r.status(), await r.text()).toBe(200)
      const order = await r.json()
      // No coordinates were sent: the order took the elder's registered home.
      expect(typeof order.homeLat).toBe('number')
      planned.push(order.orderNo)
      expect((await api(provider.page, server).post(`/orders/${order.id}/accept`, {})).status()).toBe(200)
    }
    await officer.context.close()
    await provider.context.close()
  })

  it('the dispatcher plans tomorrow in one click and sees map, timeline and the baseline', async () => {
    const { page, context } = await newPage(browser)
    const foreign = onlyOwnRequests(page, server)
    await login(page, server, 'provider')
    await page.goto(`${server.url}/dispatch`)
    await page.getByRole('heading', { name: '智能调度' }).waitFor()
    await page.getByRole('button', { name: '生成计划' }).click()
    await page.getByText('方案对比').waitFor({ timeout: 60_000 })
    await page.getByRole('group', { name: '护理员时间轴' }).waitFor()
    await page.locator('.yy-gantt-stop').first().waitFor()
    await page.locator('.leaflet-interactive').first().waitFor()
    await page.getByRole('columnheader', { name: '人工经验（就近、先到先派）' }).waitFor()
    await shots(page, 'dispatch-plan')
    // The pointer still rests where 生成计划 was clicked: axe looks at the page, not a hover state.
    await page.waitForTimeout(500)
    expect(serious(await axe(page))).toEqual([])
    expect(foreign).toEqual([])
    await context.close()
  })

  it('a visit is moved by hand with the live check, then the plan is published', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'provider')
    await page.goto(`${server.url}/dispatch`)
    await page.locator('.yy-gantt-stop').first().waitFor({ timeout: 30_000 })
    // Dragging over another caregiver's row checks the move live (the hint under the timeline).
    const rows = page.locator('.yy-gantt-row[data-caregiver]')
    const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-caregiver')!))
    expect(names).toContain('李秀兰')
    const other = names.find((n) => n !== '李秀兰')
    const source = page.locator(other ? `.yy-gantt-row[data-caregiver="${other}"] .yy-gantt-stop` : '.yy-gantt-stop').first()
    await source.dragTo(page.getByTestId('track-李秀兰'), { targetPosition: { x: 40, y: 10 } })
    await page
      .getByText(/已调整|不可行：|可行，成本变化/)
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined)
    await screenshot(page, 'dispatch-drag-1440')
    // By hand through the dialog (the keyboard way). Which move the day allows depends on the
    // plan, so the test first asks the live check (the same call the screen makes) for one that
    // really changes something, then does it on the screen.
    await page.keyboard.press('Escape')
    const found = await findFeasibleMove(page, server)
    expect(found, '当天方案中没有可行的手工调整').not.toBeNull()
    const { elderName, toName, time } = found!
    await page.locator('.yy-gantt-stop', { hasText: elderName }).first().click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await pickOption(page, dialog.getByRole('combobox', { name: '改派给' }), toName, { which: 'last' })
    await dialog.getByRole('textbox', { name: '开始时间' }).click()
    await dialog.getByRole('textbox', { name: '开始时间' }).fill(time)
    await dialog.getByRole('textbox', { name: '开始时间' }).press('Enter')
    await page.waitForTimeout(400)
    await dialog.getByText(/^可行，成本变化/).waitFor()
    await screenshot(page, 'dispatch-move-dialog-1440')
    await dialog.getByRole('button', { name: '确认调整' }).click()
    await page.getByText('已调整').first().waitFor()
    // Lock the first visit of 李秀兰, then publish.
    await page.locator('.yy-gantt-row[data-caregiver="李秀兰"] .yy-gantt-stop').first().click()
    await page.getByRole('switch', { name: '锁定该服务' }).click()
    await page.getByText('已锁定，重新计划时不再移动').waitFor()
    await page
      .getByRole('button', { name: /^发\s*布$/ })
      .first()
      .click()
    await page
      .getByRole('button', { name: /^发\s*布$/ })
      .last()
      .click()
    await page.getByText('方案已发布，护理员手机上可见当日排班').waitFor()
    await page.getByText('已发布', { exact: true }).waitFor()
    await shots(page, 'dispatch-published')
    // After the last resize the side menu animates back open: axe once it has settled.
    await page.waitForTimeout(1000)
    expect(serious(await axe(page))).toEqual([])
    await context.close()
  })

  it('the next day the caregiver’s phone (375 px) lists the planned visits in order', async () => {
    await server.stop()
    later = await startServer({
      dataDir: server.dataDir,
      env: { NODE_OPTIONS: `--import ${join(root, 'e2e', 'shift-clock.mjs')}`, YY_E2E_CLOCK_SHIFT_MS: String(86400_000) },
    })
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      ...contextDefaults,
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await login(page, later, 'caregiver')
    await page.goto(`${later.url}/m/today`)
    await page.locator('.yy-visit').first().waitFor({ timeout: 30_000 })
    const texts = await page.locator('.yy-visit').allTextContents()
    expect(texts.some((t) => planned.some((no) => t.includes(no)))).toBe(true)
    await page.screenshot({ path: join(artifacts, 'dispatch-phone-375.png') })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await context.close()
  })

  it('the 15-minute service circle: map layer, coverage per community, uncovered communities', async () => {
    const s = later ?? server
    const { page, context } = await newPage(browser)
    const foreign = onlyOwnRequests(page, s)
    await login(page, s, 'bureau')
    await page.goto(`${s.url}/service-circle`)
    await page.getByRole('heading', { name: '15分钟养老服务圈' }).waitFor()
    await page.getByRole('table').getByText('县府街社区').waitFor()
    await page.locator('.leaflet-interactive').first().waitFor()
    await shots(page, 'service-circle')
    expect(serious(await axe(page))).toEqual([])
    await page.getByRole('switch', { name: '只看未覆盖社区' }).click()
    await page.getByRole('table').getByText('未覆盖').first().waitFor()
    await screenshot(page, 'service-circle-uncovered-1440')
    expect(foreign).toEqual([])
    await context.close()
  })
})
