import { describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axe, isElderMode, minTextSize, login, newPage, removeDir, screenshot, serious, startServer, type Server, useServerAndBrowser } from './harness.js'

let server: Server
let browser: Browser

useServerAndBrowser((s, b) => {
  server = s
  browser = b
})

describe('foundation: npm start, login, user admin, elder-friendly mode', () => {
  it('serves a Chinese login page without serious accessibility problems', async () => {
    const { page, context } = await newPage(browser)
    await page.goto(server.url + '/login')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    await page.getByRole('button', { name: /登\s*录/ }).waitFor()
    await screenshot(page, 'login')
    expect(serious(await axe(page))).toEqual([])
    await context.close()
  })

  it('logs the demo admin in, opens user admin and switches elder-friendly mode, which is remembered', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'admin')
    await screenshot(page, 'home')
    await page.getByRole('navigation', { name: '主导航' }).getByText('用户管理').click()
    await page.waitForURL('**/users')
    await page.getByRole('table').getByText('dongjie.officer').first().waitFor()
    await screenshot(page, 'users')
    expect(serious(await axe(page))).toEqual([])

    await page.getByRole('switch', { name: '长辈模式' }).click()
    await page.waitForFunction(() => document.documentElement.dataset.elder === 'true')
    await page.waitForTimeout(500)
    const small = await minTextSize(page)
    expect(small.px, small.where).toBeGreaterThanOrEqual(20)
    await screenshot(page, 'users-elder-mode')
    expect(serious(await axe(page, { aaa: true }))).toEqual([])

    // Remembered on the server: a fresh browser context, logged in again, is still in elder mode.
    await context.close()
    const second = await newPage(browser)
    await login(second.page, server, 'admin')
    expect(await isElderMode(second.page)).toBe(true)
    expect(await second.page.getByRole('switch', { name: '长辈模式' }).getAttribute('aria-checked')).toBe('true')
    await second.page.getByRole('navigation', { name: '主导航' }).getByText('审计日志').click()
    await second.page.waitForURL('**/audit')
    await second.page.getByRole('table').waitFor()
    await second.page.waitForTimeout(500)
    const small2 = await minTextSize(second.page)
    expect(small2.px, small2.where).toBeGreaterThanOrEqual(20)
    await screenshot(second.page, 'audit-elder-mode')
    expect(serious(await axe(second.page, { aaa: true }))).toEqual([])
    await second.page.getByRole('switch', { name: '长辈模式' }).click()
    await second.page.waitForFunction(() => document.documentElement.dataset.elder === 'false')
    await second.context.close()
  })

  it('survives kill -9 and restarts on the same data folder; SIGTERM exits cleanly', async () => {
    const dataDir = server.dataDir
    expect(await server.stop('SIGKILL')).toBe(null)
    server = await startServer({ dataDir, env: { SKIP_WEB_BUILD: '1' } })
    const res = await fetch(server.url + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'yiyang-demo' }),
    })
    expect(res.status).toBe(200)
    expect(await server.stop('SIGTERM')).toBe(0)
    server = await startServer({ dataDir, env: { SKIP_WEB_BUILD: '1' } })
    expect((await fetch(server.url + '/api/v1/health')).status).toBe(200)
  })

  it('refuses to start in production while demo passwords are unchanged, with one clear line and exit code 1', async () => {
    await expect(startServer({ dataDir: server.dataDir + '-prod', env: { NODE_ENV: 'production', SKIP_WEB_BUILD: '1' } })).rejects.toThrow(/演示账号/)
    removeDir(server.dataDir + '-prod')
  })

  it('stops with exit code 1 and names the key when a setting is invalid', async () => {
    await expect(startServer({ env: { PORT: 'not-a-port', SKIP_WEB_BUILD: '1' } })).rejects.toThrow(/PORT/)
  })
})
