import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { gbt42195UniformItems } from '@yiyang/core'
import { login, newPage, pickOption, root, screenshot, startServer, useServerAndBrowser, type Server } from './harness.js'

/**
 * Benefits end to end, from the demo data: a community worker files an 经济困难老年人养老服务补贴
 * application from the 应享未享 list; the street accepts it and requests the ability assessment
 * (the assessor completes it through the API); two staff verify at home with a photo; the street
 * reviews; the 公示 gets an objection on the public page (phone width), which is dismissed; a week
 * later (the server restarts with its clock 8 days ahead) the 公示 has closed and the county
 * approves; the elder page's 待遇 tab shows the active benefit.
 */
let server: Server
let later: Server | null = null
let browser: Browser
let appId = ''
let elderId = ''
let elderMasked = ''
let programmeName = ''
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

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
  put: async (path: string, data: unknown) => page.request.put(`${s.url}/api/v1${path}`, { data: data as object, headers: { origin: s.url } }),
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

/** antd puts a space between the two characters of a two-character button (受 理): match either. */
const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`)

async function step(page: Page, button: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page
    .getByRole('button', { name: label(button) })
    .first()
    .click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  await fill?.(dialog)
  await dialog.getByRole('button', { name: /确\s*定/ }).click()
  // The dialog closes only when the step succeeded (on an error it stays open with the message);
  // the success toast is too short-lived to wait for on a loaded machine.
  await dialog.waitFor({ state: 'hidden' })
}

describe('benefits: 应享未享 → application → 公示 with an objection → approval → active benefit', () => {
  it('a community worker files an application from the eligible-but-not-applied list', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.worker')
    await page.goto(`${server.url}/benefits/candidates?programmeCode=jingji-kunnan`)
    await page.getByRole('button', { name: '一键申请' }).first().waitFor()
    await shots(page, 'benefits-candidates')
    await page.getByRole('button', { name: '一键申请' }).first().click()
    const dialog = page.getByRole('dialog', { name: '新建补贴申请' })
    await dialog.getByText(/按现有信息符合条件/).waitFor()
    await screenshot(page, 'benefits-new-application')
    await dialog.getByRole('button', { name: /保存草稿/ }).click()
    await page.waitForURL(/\/benefits\/applications\/[0-9a-f-]{36}$/)
    appId = page.url().split('/').pop()!
    await step(page, '提交申请')
    await page.getByText('已提交待受理').first().waitFor()
    const a = await api(page, server).get(`/benefit-applications/${appId}`)
    elderId = a.elderId
    elderMasked = a.elderName
    programmeName = a.programmeName ?? ''
    expect(a.status).toBe('submitted')
    await context.close()
  })

  it('the street accepts it and requests the assessment; the assessor completes it', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/benefits/applications`)
    await page.getByRole('table').getByText(elderMasked).first().waitFor()
    await page.getByText('看板', { exact: true }).click()
    await page.getByRole('list', { name: '按状态分列的申请看板' }).waitFor()
    await shots(page, 'benefits-board')
    await page.goto(`${server.url}/benefits/applications/${appId}`)
    await step(page, '受理', async (d) => {
      await pickOption(page, d.getByLabel('评估员'), /./)
    })
    await page.getByText('已受理').first().waitFor()
    const a = await api(page, server).get(`/benefit-applications/${appId}`)
    expect(a.assessmentId).toBeTruthy()
    await context.close()

    // The assessor fills the GB/T 42195 form (through the API: the form itself has its own spec).
    const asr = await newPage(browser)
    await login(asr.page, server, 'dongjie.assessor')
    const me = (await api(asr.page, server).get('/auth/me')).user
    const x = api(asr.page, server)
    expect((await x.post(`/assessments/${a.assessmentId}/start`, {})).status()).toBe(200)
    const saved = await x.put(`/assessments/${a.assessmentId}/answers`, {
      items: gbt42195UniformItems(3),
      info: { riskEvents: {}, diagnoses: [], coma: false },
      place: '老人家中',
      assessedAt: new Date().toISOString(),
      assessors: [
        { userId: me.id, name: '东街街道 评估员', certificateNo: 'PG-2026-009' },
        { userId: null, name: '社区医生 马丽', certificateNo: null },
      ],
      signatures: {
        assessor1: { name: '东街街道 评估员', confirmed: true },
        assessor2: { name: '社区医生 马丽', confirmed: true },
        informant: { name: '家属', relation: '子女', confirmed: true },
      },
    })
    expect(saved.status(), await saved.text()).toBe(200)
    expect((await x.post(`/assessments/${a.assessmentId}/submit`, {})).status()).toBe(200)
    await asr.context.close()
    const off = await newPage(browser)
    await login(off.page, server, 'dongjie.officer')
    const rev = await api(off.page, server).post(`/assessments/${a.assessmentId}/review`, { decision: 'approve' })
    expect(rev.status(), await rev.text()).toBe(200)
    await off.context.close()
  })

  it('two staff verify at home with a photo, and the street reviews: the 公示 opens', async () => {
    const photo = join(root, 'e2e', 'artifacts', 'verify-photo.png')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(photo, PNG)
    for (const user of ['dongjie.worker', 'dongjie.officer']) {
      const { page, context } = await newPage(browser)
      await login(page, server, user)
      await page.goto(`${server.url}/benefits/applications/${appId}`)
      await step(page, '入户核查', async (d) => {
        await d.getByLabel('核查情况').fill(user.endsWith('worker') ? '入户见到老人本人，低保证件齐全，居住属实' : '与社区工作人员共同入户，情况属实')
        await d.locator('input[type=file]').setInputFiles(photo)
      })
      await context.close()
    }
    const { page, context } = await newPage(browser)
    await login(page, server, 'dongjie.officer')
    await page.goto(`${server.url}/benefits/applications/${appId}`)
    // Both verifications done and the assessment in: 已完成评估.
    await page.getByText('已完成评估').first().waitFor()
    await step(page, '街道审核通过', async (d) => {
      await d.getByLabel('意见').fill('符合经济困难老年人养老服务补贴条件')
    })
    await page.getByText('公示中').first().waitFor()
    await shots(page, 'benefits-application-notice')
    await context.close()
  })

  it('anyone objects on the public 公示 page (phone width); the street dismisses the objection', async () => {
    const { page, context } = await newPage(browser, { width: 375, height: 812 })
    await page.goto(`${server.url}/portal/notices`)
    // Masked names repeat across the district's open notices: the card must also name the programme.
    const card = page.locator('li.yy-public-card', { hasText: elderMasked }).filter({ hasText: programmeName }).first()
    await card.waitFor()
    await screenshot(page, 'benefits-public-notices-375')
    await card.getByRole('button', { name: /提出异议/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('您的姓名').fill('李明')
    await dialog.getByLabel('联系电话或其他联系方式').fill('13800001111')
    await dialog.getByLabel('异议理由').fill('听说该老人家中另有稳定收入，请核实')
    await screenshot(page, 'benefits-objection-form-375')
    await dialog.getByRole('button', { name: /提交异议/ }).click()
    await dialog.getByText(/异议已收到/).waitFor()
    await screenshot(page, 'benefits-objection-sent-375')
    await context.close()

    const off = await newPage(browser)
    await login(off.page, server, 'dongjie.officer')
    await off.page.goto(`${server.url}/benefits/notices`)
    await off.page.getByText(/^异议（待核查/).click()
    await off.page.getByRole('link', { name: '核查' }).first().waitFor()
    await shots(off.page, 'benefits-notices-objections')
    await off.page.goto(`${server.url}/benefits/applications/${appId}`)
    await off.page.getByText('异议核查中').first().waitFor()
    await off.page.getByRole('button', { name: label('不成立') }).click()
    const d = off.page.getByRole('dialog')
    await d.getByLabel('核查结论').fill('经入户核实，老人无其他稳定收入，异议不成立')
    await d.getByRole('button', { name: /确\s*定/ }).click()
    await off.page.getByText('公示中').first().waitFor()
    await off.context.close()
  })

  it('a week later the 公示 has closed; the county approves and the benefit is active', async () => {
    // The server restarts with its clock 8 days ahead: the 公示 timer fires on start.
    await server.stop()
    later = await startServer({
      dataDir: server.dataDir,
      env: { NODE_OPTIONS: `--import ${join(root, 'e2e', 'shift-clock.mjs')}`, YY_E2E_CLOCK_SHIFT_MS: String(8 * 86400_000) },
    })
    const { page, context } = await newPage(browser)
    await login(page, later, 'bureau')
    await page.goto(`${later.url}/benefits/applications/${appId}`)
    await page.getByText('公示期满').first().waitFor({ timeout: 30_000 })
    await step(page, '批准', async (d) => {
      await d.getByLabel('意见').fill('同意')
    })
    await page.getByText('享受中').first().waitFor()
    await page.getByText('办理时间线').scrollIntoViewIfNeeded()
    await shots(page, 'benefits-application-active')
    await page.goto(`${later.url}/elders/${elderId}`)
    await page.getByRole('tab', { name: '待遇' }).click()
    await page.getByText('享受中的待遇').waitFor()
    await page.getByText('批准享受').first().waitFor()
    await shots(page, 'benefits-elder-tab')
    await page.goto(`${later.url}/benefits/programmes`)
    await page.getByText('规则预览（对一位老人逐条判断）').waitFor()
    // Live preview of 高龄津贴 against an elder of the demo data: clause by clause.
    const someone = (await api(page, later).get('/elders?pageSize=1&regionCode=620702001001')).items[0]
    await pickOption(page, page.getByLabel('预览用的老年人'), someone.name, { type: someone.name })
    await page.getByRole('list', { name: '逐条判断' }).waitFor()
    await shots(page, 'benefits-programmes')
    await context.close()
  })
})
