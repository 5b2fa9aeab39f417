import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  axe,
  login,
  minTextSize,
  newPage,
  pickOption,
  pressUntilClosed,
  removeDir,
  root,
  screenshot,
  serious,
  useServerAndBrowser,
  type Server,
} from './harness.js'

/**
 * Care visits end to end: a volunteer opens 我的探访 on a 375 px phone, checks in with time and
 * place, fills the checklist in elder-friendly mode, raises a problem that becomes a task; the
 * street officer sees the plans (overdue highlighted), assigns visitors and prints the ledger.
 */
let server: Server
let browser: Browser
let webCopy = ''

function copyWebDist(): Record<string, string> {
  const dist = join(root, 'packages/web/dist')
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!existsSync(join(dist, 'index.html'))) return {}
    const dir = mkdtempSync(join(tmpdir(), 'yy-web-'))
    cpSync(dist, dir, { recursive: true })
    const assets = [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/\/(assets\/[^"']+)/g)].map((m) => m[1]!)
    if (assets.every((a) => existsSync(join(dir, a)))) {
      webCopy = dir
      return { WEB_DIST: dir }
    }
    removeDir(dir)
  }
  return {}
}

useServerAndBrowser(
  (s, b) => {
    server = s
    browser = b
  },
  () => ({ env: copyWebDist() }),
)
afterAll(() => {
  if (webCopy) removeDir(webCopy)
})

async function setElderMode(page: Page, on: boolean) {
  const res = await page.request.put(`${server.url}/api/v1/auth/preferences`, { data: { elderMode: on } })
  expect(res.status(), await res.text()).toBeLessThan(300)
}

describe('care visits: phone visit → task → plans and ledger', () => {
  it('a volunteer does a visit on a 375 px phone in elder-friendly mode and raises a problem that becomes a task', async () => {
    const { page, context } = await newPage(browser, { width: 375, height: 812 })
    await context.grantPermissions(['geolocation'], { origin: server.url })
    await context.setGeolocation({ latitude: 38.9326, longitude: 100.4551, accuracy: 20 })
    await login(page, server, 'volunteer')
    await page.goto(`${server.url}/visits/mine`)
    await page.getByText('我负责的老人').waitFor()
    const go = page.getByRole('button', { name: /^去探访/ }).first()
    await go.waitFor()
    await screenshot(page, 'visits-mine-375')
    await go.click()
    await page.waitForURL('**/visits/do/**')
    await setElderMode(page, true)
    await page.reload()
    await page.getByRole('button', { name: /签到/ }).click()
    await page.getByText(/位置已记录/).waitFor()
    for (const group of await page.locator('.yy-visit-check').all()) await group.getByText('正常', { exact: true }).click()
    await page.locator('.yy-visit-check', { hasText: '居家安全' }).getByText('有问题', { exact: true }).click()
    await page.getByLabel('发现的问题').fill('卫生间地面湿滑，老人起夜时曾险些滑倒')
    await page.getByLabel('采取的措施').fill('已提醒老人夜间开灯，联系社区申请适老化扶手')
    await page.getByText('申请上门服务').click()
    await page.getByText('老人本人确认').click()
    expect(serious(await axe(page)).map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    const text = await minTextSize(page)
    expect(text.px, text.where).toBeGreaterThanOrEqual(16)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await screenshot(page, 'visits-phone-form-375-elder')
    await page.getByRole('button', { name: '提交探访记录' }).click()
    await page.getByText('探访已登记').waitFor()
    await page.getByText(/已生成待办：申请上门服务/).waitFor()
    await screenshot(page, 'visits-phone-done-375')
    await setElderMode(page, false)
    await context.close()
  })

  it('the street officer sees plans (overdue and red list highlighted), the rates and the ledger at 1440, 1366 and 1024', async () => {
    for (const [w, h] of [
      [1440, 900],
      [1366, 768],
      [1024, 768],
    ] as const) {
      const { page, context } = await newPage(browser, { width: w, height: h })
      await login(page, server, 'dongjie.officer')
      await page.goto(`${server.url}/visits`)
      await page.getByRole('heading', { name: '探访关爱' }).waitFor()
      await page.getByText('周探访率（城镇每周）').waitFor()
      await page.locator('.ant-table-row').first().waitFor()
      expect(serious(await axe(page)).map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      await screenshot(page, `visits-plans-${w}`)
      if (w === 1440) {
        // Bulk assignment with the suggested visitor first.
        await page.getByRole('checkbox', { name: /^选择/ }).nth(0).check()
        await page.getByRole('checkbox', { name: /^选择/ }).nth(1).check()
        await page.getByRole('button', { name: /指定探访人（2）/ }).click()
        const dialog = page.getByRole('dialog')
        await pickOption(page, dialog.getByLabel('探访人', { exact: true }), /【建议】/)
        await screenshot(page, 'visits-assign-1440', { fullPage: false })
        await pressUntilClosed(dialog, dialog.getByRole('button', { name: /确\s*定/ }))
        await page.getByText('已为 2 位老人指定探访人').waitFor()
      }
      await page.goto(`${server.url}/visits/ledger?regionCode=620702001001`)
      await page.getByRole('heading', { name: '探访台账' }).waitFor()
      await page.getByRole('heading', { name: /本月未探访/ }).waitFor()
      await page.locator('.ant-table-row').first().waitFor()
      await screenshot(page, `visits-ledger-${w}`)
      if (w === 1440) {
        const download = page.waitForEvent('download')
        await page.getByRole('button', { name: '导出 Excel' }).click()
        expect((await download).suggestedFilename()).toMatch(/探访台账-\d{4}-\d{2}\.xlsx/)
        await page.emulateMedia({ media: 'print' })
        await screenshot(page, 'visits-ledger-print')
        await page.emulateMedia({ media: 'screen' })
      }
      await context.close()
    }
  })
})
