import { expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { axe, login, newPage, pickOption, screenshot, serious, useServerAndBrowser, type Server } from './harness.js'

/**
 * The programme editor's form builder (issue 17 items 2 and 8): the eligibility rule as clauses
 * with Chinese fields and operations, a nested group, the amount tiers in 元, errors next to the
 * field, the live ✓/✗ preview following the form, the raw JSON behind 高级（JSON）, and a nested
 * group saved and read back as core accepted it.
 */
let server: Server
let browser: Browser
useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

async function shots(page: Page, name: string) {
  for (const [w, h] of [
    [1440, 900],
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.waitForTimeout(150)
    await screenshot(page, `${name}-${w}`)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

it('a bureau admin edits 高龄津贴 in the form and the preview follows', async () => {
  const { page, context } = await newPage(browser)
  await login(page, server, 'bureau')
  await page.goto(`${server.url}/benefits/programmes`)
  await page.getByText('规则预览（对一位老人逐条判断）').waitFor()
  // The seeded clauses in the form, in Chinese: 在册; 本地户籍; 年满80周岁.
  await expect.poll(() => page.getByLabel('条件3中文说明').inputValue()).toBe('年满80周岁')
  await expect.poll(() => page.getByLabel('第1档月金额（元）').inputValue()).toBe('600.00')
  const someone = (await (await page.request.get(`${server.url}/api/v1/elders?pageSize=1&regionCode=620702001001`)).json()).items[0]
  await pickOption(page, page.getByLabel('预览用的老年人'), someone.name, { type: someone.name })
  const clauses = page.getByRole('list', { name: '逐条判断' })
  await clauses.getByText('年满80周岁').waitFor()

  // Clearing the clause's label: the preview shows the generated Chinese text with the new value.
  await page.getByLabel('条件3中文说明').fill('')
  await page.getByLabel('条件3取值').fill('60')
  await clauses.getByText('年龄 ≥ 60').waitFor()

  // A nested group of any-of conditions becomes the fourth clause.
  await page.getByRole('button', { name: '添加条件组' }).click()
  await page.getByLabel('条件4中文说明').fill('满足其中任一项')
  await clauses.getByText(/满足其中任一项/).waitFor()

  // A bad amount: the Chinese error sits next to the field and saving is off.
  await page.getByLabel('第1档月金额（元）').fill('')
  await page.getByText('月金额应为').first().waitFor()
  expect(await page.getByRole('button', { name: /保\s*存/ }).isDisabled()).toBe(true)
  await page.getByLabel('第1档月金额（元）').fill('650')
  await page.getByLabel('第1档月金额（元）').blur()
  await expect.poll(() => page.getByText('月金额应为').count()).toBe(0)
  // The pointer off the buttons: a hovered default button is antd's lighter blue, not the page's colours.
  await page.waitForTimeout(400)
  expect(serious(await axe(page))).toEqual([])
  await shots(page, 'benefits-programme-form')

  // 高级（JSON）: the same rule as text, amounts in fen.
  await page.getByRole('switch', { name: '高级（JSON）' }).click()
  const json = await page.getByLabel('补贴标准规则').inputValue()
  expect(JSON.parse(json).tiers[0].amountFen).toBe(65000)
  expect(JSON.parse(await page.getByLabel('申请条件规则').inputValue()).all[3].any).toHaveLength(1)
  await screenshot(page, 'benefits-programme-json-1440')
  await page.getByRole('switch', { name: '高级（JSON）' }).click()
  await expect.poll(() => page.getByLabel('第1档月金额（元）').inputValue()).toBe('650.00')

  // A group inside the group, switched to 都不满足, with a label typed with spaces around it:
  // saved, it comes back from the server as core accepted it and the form shows it again.
  await page.getByRole('button', { name: '在条件4中添加条件组' }).click()
  await pickOption(page, page.getByLabel('条件4-2的组合方式'), '都不满足')
  await expect.poll(() => page.getByLabel('条件4-2中文说明').inputValue()).toBe('不属于以下任一情形')
  await page.getByLabel('条件4-2中文说明').fill('  非本地户籍老人 ')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('已保存').first().waitFor()
  const saved = (await (await page.request.get(`${server.url}/api/v1/benefit-programmes`)).json()) as {
    code: string
    definition: { eligibility: { all: unknown[] }; amount: { tiers: { amountFen: number }[] } }
  }[]
  const def = saved.find((p) => p.code === 'gaoling')!.definition
  expect(def.eligibility.all[3]).toEqual({
    any: [
      { field: 'age', op: 'gte', value: 60 },
      { not: { field: 'age', op: 'gte', value: 60 }, label: '非本地户籍老人' },
    ],
    label: '满足其中任一项',
  })
  expect(def.amount.tiers[0].amountFen).toBe(65000)
  await page.reload()
  await expect.poll(() => page.getByLabel('条件4-2中文说明').inputValue()).toBe('非本地户籍老人')
  await page.getByRole('group', { name: '条件4-2' }).getByText('都不满足').first().waitFor()
  await context.close()
})
