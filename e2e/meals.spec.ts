import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { join } from 'node:path'
import { artifacts, axe, login, newPage, screenshot, serious, type Server, useServerAndBrowser } from './harness.js'

/**
 * Meal aid end to end (issue 19 item 5): at 东街敬老餐厅's counter (a tablet, 1024×768) the
 * cashier finds a 低保 elder by ID number, records a subsidised meal in one tap (a double tap
 * records one), and on a phone (375 px) the same elder shows the meal time as served. The
 * bureau sees the day's counts and the month's statement; a supervisor the anomaly list.
 */
let server: Server
let browser: Browser
useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

/** A valid made-up ID number of a 72-year-old (肃南县 address code, checksum computed). */
function idNumber(): string {
  const birth = `${new Date().getFullYear() - 73}0915`
  const body = `620721${birth}${String(100 + Math.floor(Math.random() * 800)).padStart(3, '0')}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0)
  return body + '10X98765432'[sum % 11]
}

const viewShot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) })
let id = ''
let elderId = ''

describe('meal aid: a canteen serves a subsidised meal at the counter', () => {
  it('the community registers a 低保 elder of its street', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    id = idNumber()
    const res = await page.request.post(`${server.url}/api/v1/elders`, {
      data: {
        name: '马桂兰',
        idNumber: id,
        regionCode: '620702001001',
        livingArrangement: 'living_alone',
        categories: ['min_subsistence'],
        address: '甘肃省张掖市甘州区县府街12号',
        phone: '13993612345',
      },
    })
    expect(res.status(), await res.text()).toBe(200)
    elderId = (await res.json()).id
    await context.close()
  })

  it('the counter (1024×768) finds her by ID number and records the meal in one tap', async () => {
    const { page, context } = await newPage(browser, { width: 1024, height: 768 })
    await login(page, server, 'canteen')
    await page.goto(`${server.url}/meals/counter`)
    await page.getByText('东街敬老餐厅').first().waitFor()
    await page.getByLabel('身份证号或手机号').fill(`${id.slice(0, 6)} ${id.slice(6)}`)
    await page.getByRole('button', { name: /查\s*找/ }).click()
    const card = page.getByLabel('老人信息')
    await card.getByText('马*兰').waitFor()
    await card.getByText('助餐补贴：低保、低保边缘').waitFor()
    await page.getByText('政府补贴 ¥5.00').waitFor()
    const confirm = page.getByRole('button', { name: /收取自付 ¥5\.00/ })
    await confirm.waitFor()
    expect(JSON.stringify(serious(await axe(page)))).toBe('[]')
    await viewShot(page, 'meals-counter-1024')
    await confirm.dblclick()
    await page.getByText(/已登记：马\*兰 (午餐|晚餐)/).waitFor()
    await page.getByText(/应收自付 ¥5\.00/).waitFor()
    expect(JSON.stringify(serious(await axe(page)))).toBe('[]')
    await viewShot(page, 'meals-counter-done-1024')
    // The double tap recorded one meal.
    const orders = await (await page.request.get(`${server.url}/api/v1/orders?elderId=${elderId}&pageSize=10`)).json()
    expect(orders.items).toHaveLength(1)
    expect(orders.items[0]).toMatchObject({ status: 'settled', priceFen: 1000, subsidyFen: 500, selfPayFen: 500 })
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(1024)
    await context.close()
  })

  it('on a phone (375 px) the served meal time is shown and cannot be chosen again', async () => {
    const { page, context } = await newPage(browser, { width: 375, height: 812 })
    await login(page, server, 'canteen')
    await page.goto(`${server.url}/meals/counter`)
    await page.getByLabel('身份证号或手机号').fill('139 9361 2345')
    await page.getByRole('button', { name: /查\s*找/ }).click()
    await page.getByText(/今日已登记：(午餐|晚餐)/).waitFor()
    await page.getByText(/(午餐|晚餐)（已登记）/).waitFor()
    expect(JSON.stringify(serious(await axe(page)))).toBe('[]')
    await viewShot(page, 'meals-counter-375')
    await page.getByRole('radio', { name: /（已登记）/ }).scrollIntoViewIfNeeded()
    await viewShot(page, 'meals-counter-375-choose')
    expect(await page.getByRole('radio', { name: /（已登记）/ }).isDisabled()).toBe(true)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(375)
    await context.close()
  })

  it('the bureau sees the day’s counts and the month’s statement; a street officer the anomaly list', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'bureau')
    await page.goto(`${server.url}/meals`)
    await page.getByRole('cell', { name: '东街敬老餐厅' }).first().waitFor()
    await page.getByText('甘州区颐养中央厨房统一配送').first().waitFor()
    expect(JSON.stringify(serious(await axe(page)))).toBe('[]')
    await screenshot(page, 'meals-stats-1440')
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.waitForTimeout(200)
    await screenshot(page, 'meals-stats-1024')
    await context.close()

    const { page: p, context: c } = await newPage(browser)
    await login(p, server, 'dongjie.officer')
    await p.goto(`${server.url}/order-flags`)
    await p.getByText('同一老人同日重复服务项目').first().waitFor()
    expect(JSON.stringify(serious(await axe(p)))).toBe('[]')
    await screenshot(p, 'order-flags-1440')
    await p
      .getByRole('button', { name: /处理 .* 的异常/ })
      .first()
      .click()
    const dialog = p.getByRole('dialog')
    await dialog.getByLabel('处理意见').fill('已电话核实：上午、下午各一次保洁，属实')
    await screenshot(p, 'order-flags-resolve-1440')
    await dialog.getByRole('button', { name: /处理完毕/ }).click()
    await p.getByText('已处理').first().waitFor()
    await c.close()
  })
})
