import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { axe, contextDefaults, login, newPage, pickOption, pressUntilClosed, screenshot, serious, type Server, useServerAndBrowser } from './harness.js'

/**
 * Service orders end to end (issue 19): a family's request taken by the community becomes an
 * order priced and split against the elder's service credits; the provider accepts and assigns by hand; the caregiver checks in,
 * records and checks out on a 375 px phone page; the family's rating is taken down; the bureau
 * settles. Screens at 1440, 1366×768 and 1024×768, the phone at 375.
 */
let server: Server
let browser: Browser
let orderNo = ''
let orderId = ''
let home = { latitude: 38.9255, longitude: 100.4498 }
let subsidyFen = 0
useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

const views = [
  { w: 1440, h: 900, tag: '1440' },
  { w: 1366, h: 768, tag: '1366' },
  { w: 1024, h: 768, tag: '1024' },
]

/** An 8×8 PNG, the smallest honest photo for the upload path. */
const PNG_8X8 = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGOQi9+CFTEMLQkApftMQaZYmRAAAAAASUVORK5CYII='

async function shots(page: Page, name: string) {
  for (const v of views) {
    await page.setViewportSize({ width: v.w, height: v.h })
    await page.waitForTimeout(200)
    await screenshot(page, `${name}-${v.tag}`)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

/**
 * An active elder of 东街街道 with a unique name who holds service credits and has no visit today (demo data: the
 * 经济困难老年人养老服务补贴 of this month is computed and approved in the seed), so the order is
 * settled against the elder's credits.
 */
async function anElderWithCredits(page: Page) {
  // The street has more elders than one page holds: read them all.
  const items: { id: string; name: string; status: string }[] = []
  for (let pageNo = 1; ; pageNo++) {
    const list = await (await page.request.get(`${server.url}/api/v1/elders?pageSize=100&page=${pageNo}&regionCode=620702001000`)).json()
    items.push(...(list.items as typeof items))
    if (items.length >= list.total || list.items.length === 0) break
  }
  const benefits = await (
    await page.request.get(`${server.url}/api/v1/benefits?programmeCode=jingji-kunnan&status=active&regionCode=620702001000&pageSize=50`)
  ).json()
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  for (const b of benefits.items as { elderId: string }[]) {
    const e = items.find((x) => x.id === b.elderId && x.status === 'active' && items.filter((y) => y.name === x.name).length === 1)
    if (!e) continue
    // The demo seed gives some elders a visit today: a second order of the same item on the same
    // day is flagged (同日重复) and ends in exception instead of waiting for the rating.
    const orders = await (await page.request.get(`${server.url}/api/v1/orders?elderId=${e.id}&dateFrom=${today}&dateTo=${today}`)).json()
    if (orders.total > 0) continue
    const credits = await (await page.request.get(`${server.url}/api/v1/elders/${e.id}/credits`)).json()
    const heldFen = (credits.balances as { balanceFen: number }[]).reduce((sum, x) => sum + x.balanceFen, 0)
    if (heldFen > 0) return { ...e, heldFen }
  }
  throw new Error('no elder with service credits')
}

/** "¥1,234.50", as the pages show money. */
const yuanText = (fen: number) => `¥${String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`

describe('service order: request → assign → phone check-in/out → rating → settlement', () => {
  it('the community takes the family’s request; the order is priced and split', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'bureau')
    // Short demo visits: the e2e does not wait half an hour between check-in and check-out.
    const put = await page.request.put(`${server.url}/api/v1/orders/settings`, {
      data: { maxDistanceM: 500, minSharePercent: 0, lateGraceMinutes: 30, autoConfirmDays: 3 },
    })
    expect(put.status()).toBe(200)
    await context.close()

    const { page: p, context: c } = await newPage(browser)
    await login(p, server, 'dongjie.officer')
    const elder = await anElderWithCredits(p)
    await p.goto(`${server.url}/orders`)
    await p.getByRole('table').waitFor()
    // Street staff see the month's four KPI cards above the list.
    const kpis = p.getByRole('group', { name: /服务指标$/ })
    for (const t of ['持证上岗率', '满意率（目标 ≥ 80%）', '准时率', '投诉率']) await kpis.getByText(t).waitFor()
    await shots(p, 'orders-list')
    await p.getByRole('button', { name: '申请服务' }).click()
    const dialog = p.getByRole('dialog', { name: '申请服务' })
    await pickOption(p, dialog.getByLabel('选择老人'), elder.name, { type: elder.name })
    await pickOption(p, dialog.getByLabel('选择服务商'), '康乐居家养老服务中心')
    await pickOption(p, dialog.getByLabel('选择服务项目'), '居家保洁')
    const form = dialog.locator('form')
    // [known flake, see the closing note] the elder field is sometimes emptied again after the
    // viewport changes of the screenshots above; choose again until the form holds all three.
    for (let attempt = 0; attempt < 3 && !(await form.innerText()).includes(elder.name); attempt++) {
      await p.waitForTimeout(1000)
      await pickOption(p, dialog.getByLabel('选择老人'), elder.name, { type: elder.name })
    }
    for (const text of [elder.name, '康乐居家养老服务中心', '居家保洁']) await expect.poll(() => form.innerText(), { timeout: 15_000 }).toContain(text)
    // The dialog as seen: a full-page capture of a scroll-locked page smears the fixed side bar.
    await screenshot(p, 'orders-request', { fullPage: false })
    await pressUntilClosed(dialog, dialog.getByRole('button', { name: '提交申请' }))
    const toast = p.getByText(/已生成工单 GD\w+/)
    await toast.waitFor()
    orderNo = /GD\w+/.exec((await toast.textContent()) ?? '')![0]
    await p.getByRole('table').getByText(orderNo).click()
    await p.waitForURL('**/orders/*')
    orderId = p.url().split('/').pop()!
    // The order takes the elder's registered home; the caregiver's phone checks in there.
    const detail = await (await p.request.get(`${server.url}/api/v1/orders/${orderId}`)).json()
    if (detail.homeLat != null) home = { latitude: detail.homeLat, longitude: detail.homeLng }
    // Priced against the credits the elder holds: subsidy = min(price, remaining credits), the rest self-pay.
    expect(detail.subsidyFen).toBeGreaterThan(0)
    expect(detail.subsidyFen).toBe(Math.min(detail.priceFen, elder.heldFen))
    expect(detail.subsidyFen + detail.selfPayFen).toBe(detail.priceFen)
    subsidyFen = detail.subsidyFen
    await p.getByText('补贴依据').waitFor()
    await p
      .getByText(/服务补贴额度余额/)
      .first()
      .waitFor()
    await c.close()
  })

  it('the provider accepts and assigns by hand (only certified, checked caregivers)', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'provider')
    await page.goto(`${server.url}/caregivers`)
    await page.getByText('证书到期提醒').waitFor()
    await shots(page, 'caregivers')
    await page.goto(`${server.url}/orders/${orderId}`)
    await page.getByRole('button', { name: /接\s*单/ }).click()
    await page.getByRole('button', { name: /派\s*单/ }).click()
    const dialog = page.getByRole('dialog', { name: /派\s*单/ })
    await pickOption(page, dialog.getByLabel('选择护理员'), '李秀兰')
    await pressUntilClosed(dialog, dialog.getByRole('button', { name: /确\s*定/ }))
    await page.getByText('护理员在途').or(page.getByText('已派护理员').first()).first().waitFor()
    await context.close()
  })

  it('the caregiver works the visit on a phone (375 px), with location', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      ...contextDefaults,
      geolocation: home,
      permissions: ['geolocation'],
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await login(page, server, 'caregiver')
    await page.goto(`${server.url}/m/today`)
    const card = page.locator('.yy-visit').filter({ hasText: orderNo })
    await card.waitFor()
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'phone-today-375', { fullPage: false })
    expect(await card.getByRole('link', { name: /导航到/ }).getAttribute('href')).toMatch(/^geo:/)
    await card.getByRole('button', { name: '到达签到' }).click()
    await card.getByRole('button', { name: '记录服务' }).waitFor()
    // 拍照上传: a small PNG through the camera input, shrunk to JPEG in the browser, shown as a thumbnail.
    await card.getByRole('button', { name: '拍照上传' }).waitFor()
    await card.getByLabel(/的服务拍照$/).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(PNG_8X8, 'base64') })
    await card.getByRole('img', { name: /^服务照片 1/ }).waitFor()
    const photos = (await (await page.request.get(`${server.url}/api/v1/orders/${orderId}/photos`)).json()) as { fileType: string }[]
    expect(photos).toHaveLength(1)
    expect(photos[0]!.fileType).toBe('image/jpeg')
    await card.getByRole('img', { name: /^服务照片 1/ }).scrollIntoViewIfNeeded()
    await page.mouse.move(1, 1) // the pointer left over the button by the check-in click would test its hover colour
    await screenshot(page, 'phone-photo-375', { fullPage: false })
    expect(serious(await axe(page))).toEqual([])
    await card.getByRole('button', { name: '记录服务' }).click()
    const dialog = page.getByRole('dialog', { name: '记录服务' })
    await dialog.getByText('清洁地面').click()
    await dialog.getByText('整理床铺').click()
    await dialog.getByText('地面湿滑').click()
    await screenshot(page, 'phone-record-375', { fullPage: false })
    await dialog.getByRole('button', { name: '保存记录' }).click()
    await card.getByRole('button', { name: '服务完成签退' }).click()
    await card.getByText(/\d{2}:\d{2} 签退/).waitFor()
    // A clean visit waits for the rating; a flagged one would be an exception (the flags say why).
    const done = await (await page.request.get(`${server.url}/api/v1/orders/${orderId}`)).json()
    expect({ status: done.status, flags: done.flags }).toEqual({ status: 'checked_out', flags: [] })
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'phone-done-375', { fullPage: false })
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(375)
    await context.close()
  })

  it('the family’s rating is taken down and the bureau settles', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/orders/${orderId}`)
    await page.getByRole('button', { name: '确认并评价' }).click()
    const dialog = page.getByRole('dialog', { name: '确认并评价' })
    await dialog.getByRole('radio').nth(4).click()
    await dialog.getByLabel('评价内容').fill('打扫得很干净')
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    await page.getByText('已确认评价').first().waitFor()
    await context.close()

    const { page: b, context: bc } = await newPage(browser)
    await login(b, server, 'bureau')
    await b.goto(`${server.url}/orders/${orderId}`)
    await b.getByRole('button', { name: /结\s*算/ }).click()
    await b.getByText('服务商应收').waitFor()
    // The ledger lines of the settlement carry the subsidy the credits paid.
    const subsidyRow = b.getByRole('row', { name: /政府补贴应付/ })
    await expect.poll(async () => (await subsidyRow.textContent()) ?? '').toContain(yuanText(subsidyFen))
    const settled = await (await b.request.get(`${server.url}/api/v1/orders/${orderId}`)).json()
    expect(settled.status).toBe('settled')
    expect(settled.subsidyFen).toBe(subsidyFen)
    await shots(b, 'order-detail')
    await b.goto(`${server.url}/providers`)
    await b.getByRole('table').waitFor()
    await shots(b, 'providers')
    await b.getByRole('button', { name: '康乐居家养老服务中心' }).click()
    await b.getByText('服务项目与价格').waitFor()
    await screenshot(b, 'provider-drawer')
    await bc.close()
  })
})
