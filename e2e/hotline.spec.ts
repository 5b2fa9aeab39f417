import { createHmac, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axe, DEMO_PASSWORD, login, newPage, screenshot, serious, type Server, useServerAndBrowser } from './harness.js'

/**
 * 12349 hotline end to end (issue 21 item 5): the switchboard posts a signed incoming call; the
 * caller's elder card pops on the district operator's screen without a reload; the operator
 * files the call (受理: category and content) and closes the work order with the caller's
 * satisfaction. Screenshots at 1440 and 1366×768; axe finds nothing serious.
 */
let server: Server
let browser: Browser
useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

async function ring(caller: string) {
  const raw = JSON.stringify({ callId: randomUUID(), caller, time: new Date().toISOString() })
  const ts = String(Math.floor(Date.now() / 1000))
  const sig = createHmac('sha256', 'yiyang-demo-hotline').update(`${ts}.${raw}`).digest('hex')
  const res = await fetch(`${server.url}/api/v1/hotline/webhook/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': sig },
    body: raw,
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

/** An elder with a known phone, registered by the admin in its own browser context. */
async function elderWithPhone(): Promise<{ name: string; phone: string }> {
  const context = await browser.newContext()
  const login = await context.request.post(`${server.url}/api/v1/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } })
  expect(login.status()).toBe(200)
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const elders = await (await context.request.get(`${server.url}/api/v1/elders?pageSize=1&regionCode=620702001001`)).json()
  const id = (elders.items as { id: string }[])[0]!.id
  const detail = await (await context.request.get(`${server.url}/api/v1/elders/${id}`)).json()
  const r = await context.request.patch(`${server.url}/api/v1/elders/${id}`, { data: { phone, version: detail.version } })
  expect(r.status(), await r.text()).toBe(200)
  await context.close()
  return { name: detail.name as string, phone }
}

describe('12349 热线', () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1366, height: 768 },
  ]) {
    it(`an incoming call pops the caller card; the operator files and closes it (${viewport.width})`, async () => {
      const elder = await elderWithPhone()
      const { context, page } = await newPage(browser, viewport)
      await login(page, server, 'operator')
      await page.goto(`${server.url}/alarms`)
      await expect.poll(() => page.getByText('实时连接正常').count(), { timeout: 15_000 }).toBe(1)
      await ring(elder.phone)
      const popup = page.getByRole('dialog').filter({ hasText: '12349 来电' })
      await popup.waitFor({ timeout: 10_000 })
      await expect.poll(() => popup.getByText(`12349 来电：${elder.name}`).count()).toBe(1)
      await popup.getByRole('button', { name: /^受\s*理$/ }).click()
      const intake = page.getByRole('dialog', { name: '受理来电' })
      await intake.waitFor()
      await intake.getByText('咨询', { exact: true }).click()
      await intake.getByLabel('来电内容').fill('询问助餐补贴怎么申请')
      await intake.getByRole('button', { name: /确\s*定/ }).click()
      await intake.waitFor({ state: 'detached' })
      await popup.getByRole('button', { name: '关闭工单' }).click()
      const close = page.getByRole('dialog', { name: '关闭工单' })
      await close.waitFor()
      await close.getByText('满意', { exact: true }).click()
      await close.getByRole('button', { name: /确\s*定/ }).click()
      await close.waitFor({ state: 'detached' })
      await expect.poll(() => popup.getByText('已关闭').count()).toBeGreaterThan(0)
      await page.locator('.ant-message-fade-appear').waitFor({ state: 'detached' })
      expect(serious(await axe(page))).toEqual([])
      await screenshot(page, `hotline-popup-${viewport.width}`)
      await context.close()
    }, 120_000)
  }
})
