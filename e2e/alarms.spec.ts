import { createHmac, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { axe, login, newPage, pickOption, screenshot, serious, useServerAndBrowser, type Server } from './harness.js'

/**
 * 12349 console end to end: a demo bracelet's SOS (vendor webhook, signed) appears in the
 * operator's live queue without a reload, with the banner; the operator claims, records a
 * call-back and dispatches to the community worker, who accepts, arrives and finishes on a
 * 375 px phone page; the operator closes it with an outcome. Screenshots at 1440, 1366×768,
 * 1024×768 and 375.
 */
let server: Server
let browser: Browser
useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

async function sendSos(serial: string) {
  const raw = JSON.stringify({ serial, eventId: randomUUID(), type: 'sos', time: new Date().toISOString(), lat: 38.9326, lng: 100.4551, battery: 72 })
  const ts = String(Math.floor(Date.now() / 1000))
  const sig = createHmac('sha256', 'yiyang-demo-webhook').update(`${ts}.${raw}`).digest('hex')
  const res = await fetch(`${server.url}/api/v1/devices/webhook/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': sig },
    body: raw,
  })
  expect(res.status).toBe(200)
  return (await res.json()) as { alarmId: string }
}

/** A bracelet bound to an elder of 县府街社区 (the demo worker's village), registered by the operator. */
async function braceletInWorkersVillage(page: Page): Promise<string> {
  const elders = await (await page.request.get(`${server.url}/api/v1/elders?pageSize=20&regionCode=620702001001`)).json()
  const elder = (elders.items as { id: string; status: string }[]).find((e) => e.status === 'active')!
  const serial = `E2E-${randomUUID().slice(0, 6)}`
  const r = await page.request.post(`${server.url}/api/v1/devices`, { data: { serial, kind: 'bracelet', elderId: elder.id, model: 'YY-B1 智能手环' } })
  expect(r.status()).toBe(200)
  return serial
}

describe('12349 报警中心', () => {
  it('an SOS appears live, is claimed, called back, dispatched, handled on the phone and closed', async () => {
    const { context, page } = await newPage(browser, { width: 1440, height: 900 })
    await login(page, server, 'dongjie.operator')
    const serial = await braceletInWorkersVillage(page)
    await page.goto(`${server.url}/alarms`)
    await expect.poll(() => page.getByText('实时连接正常').count(), { timeout: 15_000 }).toBe(1)
    await page.getByRole('button', { name: '开启提示音' }).click()

    const sentAt = Date.now()
    const { alarmId } = await sendSos(serial)
    const banner = page.getByRole('alert').filter({ hasText: '新报警' })
    await banner.waitFor({ timeout: 10_000 })
    const seenMs = Date.now() - sentAt
    console.log(`webhook → console banner: ${seenMs} ms`)
    expect(seenMs).toBeLessThan(5000)
    await expect.poll(() => page.locator('.yy-alarm-flash').count()).toBeGreaterThan(0)
    await screenshot(page, 'alarms-1440-new')

    await banner.getByRole('button', { name: '立即查看' }).click()
    await page.getByRole('button', { name: /^认\s*领$/ }).click()
    await page.getByText('已认领，请立即回拨').waitFor()
    await page.getByRole('button', { name: '记录回拨' }).click()
    await page.getByText('无人接听').click()
    await page.getByLabel('通话情况').fill('老人未接听，准备派社工上门')
    await page.getByRole('button', { name: /^提\s*交$/ }).click()
    await page.getByText('已记录回拨').waitFor()
    await page.getByRole('button', { name: /^派\s*单$/ }).click()
    await pickOption(page, page.getByRole('combobox', { name: '响应人' }), /./)
    await page.getByLabel('派单说明').fill('请立即上门查看')
    await page.getByRole('button', { name: /^提\s*交$/ }).click()
    await page.getByText('已派单', { exact: true }).first().waitFor()
    // A toast still fading in has too little contrast for axe: check once it has settled.
    await page.locator('.ant-message-fade-appear').waitFor({ state: 'detached' })
    expect(serious(await axe(page))).toEqual([])
    await screenshot(page, 'alarms-1440-dispatched')

    // The community worker on a phone.
    const phone = await newPage(browser, { width: 375, height: 740 })
    await login(phone.page, server, 'dongjie.worker')
    await phone.page.goto(`${server.url}/alarms/mine`)
    await phone.page.getByRole('button', { name: /^接\s*单$/ }).click()
    await phone.page.getByRole('button', { name: '已到达现场' }).waitFor()
    await phone.page.getByRole('button', { name: '已到达现场' }).click()
    await phone.page.getByRole('button', { name: '处置完成' }).waitFor()
    await phone.page.getByLabel('现场情况').fill('老人在家中摔倒，已扶起，无明显外伤')
    await screenshot(phone.page, 'alarms-375-responder')
    await phone.page.getByRole('button', { name: '处置完成' }).click()
    await phone.page.getByText('暂无派给您的任务').waitFor()
    await phone.context.close()

    await page.reload()
    await page.getByRole('row').filter({ hasText: '现场已处置' }).first().click()
    await page.getByRole('button', { name: '关闭报警' }).click()
    await pickOption(page, page.getByRole('combobox', { name: '处置结果' }), '已提供帮助')
    await page.getByLabel('处置说明').fill('社工上门处置完毕，已通知家属')
    await page.getByRole('button', { name: /^提\s*交$/ }).click()
    await page.getByText('报警已关闭').waitFor()
    const a = await (await page.request.get(`${server.url}/api/v1/alarms/${alarmId}`)).json()
    expect(a.status).toBe('closed')
    expect(a.outcome).toBe('help_given')

    await sendSos(serial)
    await banner.waitFor()
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.waitForTimeout(300)
      await screenshot(page, `alarms-${w}`)
    }
    await page.getByRole('tab', { name: '统计' }).click()
    await page.getByText('误报率').waitFor()
    await screenshot(page, 'alarms-1024-stats')
    await context.close()
  })
})
