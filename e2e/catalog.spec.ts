import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { artifacts, axe, login, minTextSize, newPage, screenshot, serious, type Server, useServerAndBrowser, privateWebDist } from './harness.js'

/**
 * 服务清单 end to end: the bureau admin opens the seeded 2027 draft, changes an item in the
 * drawer with a reason, compares it with the 2026 list (colour and text markers), publishes it
 * with a confirmation; the public portal shows the list in force without a login, large and
 * readable on a 375 px phone.
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

/** Headers and buttons right of the window (cut off rather than scrolled into view). */
async function cutOff(page: Page) {
  return page.evaluate(() => {
    const out: string[] = []
    for (const el of document.querySelectorAll('main th, main button')) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.right > window.innerWidth + 1) out.push(`${(el.textContent ?? '').trim().slice(0, 12)} right=${Math.round(r.right)}`)
    }
    return out
  })
}

describe('catalogue editor', () => {
  it('edits the draft in a drawer with a reason, shows the diff, publishes with a confirmation', async () => {
    const { context, page } = await newPage(browser)
    await login(page, server, 'bureau')
    await page.goto(`${server.url}/catalog`)
    await page.getByRole('link', { name: /2027年版/ }).waitFor()
    await page.getByText('现行').first().waitFor()
    await screenshot(page, 'catalog-editions-1440')

    await page.getByRole('link', { name: /2027年版/ }).click()
    await page.getByRole('button', { name: '调整居家保洁' }).waitFor()
    await page.getByRole('button', { name: '调整居家保洁' }).click()
    const drawer = page.getByRole('dialog', { name: /调整项目/ })
    await drawer.getByLabel('价格（元）').fill('38')
    await drawer.getByLabel('服务标准').fill('每次不少于2小时，服务后签字确认')
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await drawer.getByText('请填写变更原因（至少2个字）').waitFor()
    await drawer.getByLabel('变更原因').fill('人工成本上涨，延长单次服务时长')
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText('已保存“居家保洁”').waitFor()
    await page.getByRole('cell', { name: /人工成本上涨，延长单次服务时长/ }).waitFor()
    await screenshot(page, 'catalog-draft-1440')
    await page.getByRole('button', { name: '调整居家保洁' }).click()
    await page
      .getByRole('dialog', { name: /调整项目/ })
      .getByLabel('项目名称')
      .waitFor()
    await screenshot(page, 'catalog-drawer-1440')
    await page
      .getByRole('dialog', { name: /调整项目/ })
      .getByRole('button', { name: /取\s*消/ })
      .click()

    await page.getByRole('button', { name: '与上一版对比' }).click()
    await page.getByText('～ 调整').first().waitFor()
    const changes = page.getByRole('list', { name: '变更明细' })
    await changes.getByText('＋ 新增').first().waitFor()
    expect(await changes.locator('.yy-cat-diff-removed').count()).toBe(1)
    expect(await changes.getByText('35.00 元').count()).toBeGreaterThan(0)
    expect(await changes.getByText('38.00 元').count()).toBeGreaterThan(0)
    const removedBg = await changes.locator('.yy-cat-diff-removed').evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(removedBg).toBe('rgb(255, 241, 240)')
    expect(serious(await axe(page))).toEqual([])
    await screenshot(page, 'catalog-diff-1440')

    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      expect(await cutOff(page), `diff at ${w}`).toEqual([])
      await screenshot(page, `catalog-diff-${w}`)
    }
    await page.goBack()
    await page.getByRole('button', { name: /发\s*布/ }).waitFor()
    for (const [w, h] of [
      [1024, 768],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.waitForTimeout(300)
      // Every column, 操作 included, is in view without scrolling sideways.
      expect(await cutOff(page), `draft at ${w}`).toEqual([])
      await screenshot(page, `catalog-draft-${w}`)
    }
    await page.goto(`${server.url}/catalog`)
    await page.getByRole('link', { name: /2027年版/ }).waitFor()
    expect(await cutOff(page), 'editions at 1366').toEqual([])
    await screenshot(page, 'catalog-editions-1366')
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.waitForTimeout(300)
    expect(await cutOff(page), 'editions at 1024').toEqual([])
    await screenshot(page, 'catalog-editions-1024')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByRole('link', { name: /2027年版/ }).click()
    await page.getByRole('button', { name: /发\s*布/ }).waitFor()

    await page.getByRole('button', { name: /发\s*布/ }).click()
    const dlg = page.getByRole('dialog', { name: '发布服务清单' })
    await dlg.getByLabel('生效日期').click()
    const future = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10)
    await dlg.getByLabel('生效日期').fill(future)
    await screenshot(page, 'catalog-publish-confirm-1440')
    // Enter picks the date and submits the form (the same as 确认发布).
    await dlg.getByLabel('生效日期').press('Enter')
    await page.getByText(/已发布，.* 起生效/).waitFor()
    await page.getByText('已发布的清单不可修改').waitFor()
    expect(await page.getByRole('button', { name: '调整居家保洁' }).count()).toBe(0)

    await page.getByRole('button', { name: '打印版' }).click()
    await page.locator('.yy-cat-print table').waitFor()
    expect(await page.locator('.yy-cat-print tbody tr').count()).toBeGreaterThanOrEqual(25)
    await screenshot(page, 'catalog-print-1440')
    await context.close()
  })
})

describe('public portal', () => {
  for (const [w, h] of [
    [1440, 900],
    [375, 812],
  ] as const) {
    it(`shows the service list without a login, large and readable at ${w} px`, async () => {
      const { context, page } = await newPage(browser, { width: w, height: h })
      await page.goto(`${server.url}/portal`)
      await page.getByRole('heading', { name: '基本养老服务清单' }).waitFor()
      expect(new URL(page.url()).pathname).toBe('/portal/services')
      await page.getByRole('heading', { name: '社区老年食堂助餐' }).waitFor()
      // The list in force (2026), never the draft.
      expect(await page.getByText('安宁疗护居家服务').count()).toBe(0)
      await page.getByRole('navigation', { name: '公开信息导航' }).getByRole('link', { name: '服务清单' }).waitFor()
      const min = await minTextSize(page, 'main')
      expect(min.px, min.where).toBeGreaterThanOrEqual(20)
      expect(serious(await axe(page, { aaa: true })).filter((v) => v.id !== 'color-contrast-enhanced')).toEqual([])
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await screenshot(page, `portal-services-${w}`)
      await page.screenshot({ path: join(artifacts, `portal-services-${w}-top.png`) })

      await page.getByRole('button', { name: /助浴（2）/ }).click()
      await page.getByRole('heading', { name: '社区老年食堂助餐' }).waitFor({ state: 'detached' })
      expect(await page.getByRole('heading', { name: '上门助浴' }).count()).toBe(1)
      expect(await page.locator('.yy-portal-card').count()).toBe(2)
      await page.getByRole('button', { name: /全部/ }).click()
      await page.getByLabel('搜索服务').fill('辅具')
      await page.getByLabel('搜索服务').press('Enter')
      await page.getByRole('heading', { name: '康复辅具租赁' }).waitFor()
      await page.getByText('30.00 元').first().waitFor()
      await screenshot(page, `portal-services-search-${w}`)
      await context.close()
    })
  }
})
