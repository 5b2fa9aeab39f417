import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { makeIdNumber } from '../packages/core/src/index.js'
import { axe, login, minTextSize, newPage, pickTreeNode, root, screenshot, serious, type Server, useServerAndBrowser } from './harness.js'

/**
 * Elder registry end to end: a street officer imports the example file (docs/examples) through
 * the wizard, sees the error report on screen and downloads it, imports the valid rows, then
 * creates an elder with the form (the ID number fills birth date, sex and age) and reveals the
 * full ID number with a reason.
 */
let server: Server
let browser: Browser
const example = join(root, 'docs', 'examples', 'elders-import-example.xlsx')

useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

describe('elder registry: import wizard, form, reveal', () => {
  it('imports the example file all-or-nothing: nothing is written and the error report is shown and downloadable', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.getByRole('navigation', { name: '主导航' }).getByText('老年人信息库').click()
    await page.waitForURL('**/elders')
    await page.getByRole('button', { name: /批量导入/ }).click()
    await page.waitForURL('**/elders/import')
    await page.locator('input[type=file]').setInputFiles(example)
    await page.getByText('已选择：elders-import-example.xlsx').waitFor()
    await page.getByRole('button', { name: /开始导入/ }).click()
    await page.getByText('存在错误，未导入任何数据').waitFor({ timeout: 60_000 })
    const table = page.getByRole('table').last()
    await table.getByText('身份证号码校验码不正确').waitFor()
    // Another street's number says only "elsewhere" (issue 16): no street, no community.
    await expect(table.getByText('该身份证号已在其他辖区登记，请联系区民政局核实').count()).resolves.toBe(1)
    await expect(table.getByText('南街').count()).resolves.toBe(0)
    // The clerk's slip (issue 24): an ID number registered to someone else is held for confirmation.
    await page.getByRole('table', { name: '待确认的行' }).getByText('郭明').waitFor()
    await expect(table.getByText('未知的老年人类别“富裕户”').count()).resolves.toBe(1)
    await screenshot(page, 'elders-import-errors')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载错误报告' }).click()])
    const file = await download.path()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file!)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(1).values).toEqual([undefined, '行号', '姓名', '列', '填写的内容', '问题'])
    expect(ws.rowCount).toBeGreaterThanOrEqual(10)

    // Nothing was imported: the first good row is not in the registry.
    const found = await (await page.request.get(`${server.url}/api/v1/elders?q=${encodeURIComponent('赵桂兰')}&regionCode=620702001001`)).json()
    expect(found.items.filter((e: { name: string }) => e.name === '赵桂兰')).toHaveLength(0)
    await context.close()
  })

  it('imports the valid rows only, updating the already-registered elder instead of duplicating', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/elders/import`)
    await page.getByText('只导入正确的行').click()
    await page.locator('input[type=file]').setInputFiles(example)
    await page.getByRole('button', { name: /开始导入/ }).click()
    await page.getByText('部分导入完成').waitFor({ timeout: 60_000 })
    await page.getByText(/新增 6 人，更新 1 人/).waitFor()
    await page
      .getByRole('table', { name: '已更新的老人' })
      .getByText(/居住情况：.+ → 独居/)
      .waitFor()
    await page.getByRole('table', { name: '导入提示' }).getByText('“五保户”按“特困人员”导入').waitFor()
    await screenshot(page, 'elders-import-partial')
    // Confirming the conflict row imports it, and the result shows the rename.
    const conflicts = page.getByRole('table', { name: '待确认的行' })
    await conflicts.getByRole('row', { name: /郭明/ }).getByRole('checkbox').check()
    await page.getByRole('button', { name: /确认导入所选行/ }).click()
    await page
      .getByRole('table', { name: '已更新的老人' })
      .getByText(/姓名：.+ → 郭明/)
      .waitFor({ timeout: 60_000 })
    await screenshot(page, 'elders-import-confirmed')
    await page.getByRole('button', { name: '查看名单' }).click()
    await page.getByRole('searchbox').fill('赵桂兰')
    await page.getByRole('searchbox').press('Enter')
    await page.getByRole('link', { name: '赵桂兰' }).waitFor()
    await context.close()
  })

  it('creates an elder: typing the ID number fills birth date, sex and age; then reveals it with a reason', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/elders`)
    await page.getByRole('button', { name: '新建档案' }).click()
    const dialog = page.getByRole('dialog', { name: '新建老年人档案' })
    await dialog.getByLabel('姓名').fill('欧阳明')
    // A made-up number whose check character is X, typed in lower case.
    let idNumber = ''
    for (let seq = 1; !idNumber.endsWith('X'); seq += 2) idNumber = makeIdNumber('620702', '1940-03-15', seq)
    await dialog.getByLabel('身份证号').fill(idNumber.toLowerCase())
    await dialog.getByText('1940-03-15').waitFor()
    await dialog.getByText('男', { exact: true }).waitFor()
    await pickTreeNode(page, dialog.getByLabel('所在社区（村）'), '县府街社区')
    await dialog.getByRole('button', { name: /建\s*档/ }).click()
    await page.waitForURL(/\/elders\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { name: /欧阳明/ }).waitFor()
    await page.getByRole('button', { name: '查看完整' }).first().click()
    const reveal = page.getByRole('dialog', { name: '查看完整身份证号' })
    await reveal.getByLabel('查看原因').fill('核对身份，办理高龄津贴')
    await reveal.getByRole('button', { name: /^查\s*看$/ }).click()
    await reveal.getByText(idNumber, { exact: true }).waitFor()
    await screenshot(page, 'elder-detail-revealed')
    await context.close()
  })

  it('the form cleans a dashed, spaced ID and phone, warns about digits in a name and asks a reason for an elder under 60', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/elders`)
    await page.getByRole('button', { name: '新建档案' }).click()
    const dialog = page.getByRole('dialog', { name: '新建老年人档案' })
    await dialog.getByLabel('姓名').fill('刘芳2')
    await dialog.getByText('姓名中含有数字，请核对').waitFor()
    const young = makeIdNumber('620702', '1971-06-15', 203)
    await dialog.getByLabel('身份证号').fill(`${young.slice(0, 6)} ${young.slice(6, 14)} ${young.slice(14)}`)
    await dialog.getByText('1971-06-15').waitFor()
    await dialog.getByText(/按身份证号计算未满60周岁/).waitFor()
    await pickTreeNode(page, dialog.getByLabel('所在社区（村）'), '县府街社区')
    await dialog.getByLabel('联系电话').fill('139-1234-5670')
    await dialog.getByRole('button', { name: /建\s*档/ }).click()
    await dialog.getByText('未满60周岁的老人需要填写登记原因').waitFor()
    await screenshot(page, 'elder-form-under-60')
    await dialog.getByLabel('登记原因').fill('重度残疾，经街道同意登记')
    await dialog.getByRole('button', { name: /建\s*档/ }).click()
    await page.waitForURL(/\/elders\/[0-9a-f-]{36}$/)
    await page.getByText('139****5670').first().waitFor()
    await context.close()
  })

  it('the elder list and worklists have no serious accessibility problems in elder mode (AAA, ≥ 20 px text)', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.worker')
    await page.goto(`${server.url}/elders`)
    await page.getByRole('table').waitFor()
    await page.getByRole('switch', { name: '长辈模式' }).click()
    await page.waitForFunction(() => document.documentElement.dataset.elder === 'true')
    try {
      for (const [name, path] of [
        ['elders-list-elder-mode', '/elders'],
        ['worklists-elder-mode', '/worklists'],
      ] as const) {
        await page.goto(`${server.url}${path}`)
        await page.getByRole('table').first().waitFor()
        await page.waitForTimeout(500)
        const small = await minTextSize(page)
        expect(small.px, `${path}: ${small.where}`).toBeGreaterThanOrEqual(20)
        await screenshot(page, name)
        const violations = serious(await axe(page, { aaa: true }))
        expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      }
    } finally {
      await page.getByRole('switch', { name: '长辈模式' }).click()
      await context.close()
    }
  })
})
