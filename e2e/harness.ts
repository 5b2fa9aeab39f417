import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const artifacts = join(root, 'e2e', 'artifacts')
mkdirSync(artifacts, { recursive: true })

export const DEMO_PASSWORD = 'yiyang-demo'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

export type Server = {
  url: string
  port: number
  dataDir: string
  proc: ChildProcess
  output: () => string
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `npm start` exactly as a user would, on a temporary data folder and a free port. */
export async function startServer(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Server> {
  const port = await freePort()
  // Each server its own embedded MQTT port: several may run at once on one machine.
  const mqttPort = await freePort()
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'yy-e2e-'))
  let out = ''
  const proc = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      MQTT_PORT: String(mqttPort),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // E2E_SERVER_LOG=file keeps the server's whole output for a failure that left no error behind.
  const log = process.env.E2E_SERVER_LOG
  const keep = (d: Buffer) => {
    out += d
    if (log) appendFileSync(log, d)
  }
  proc.stdout!.on('data', keep)
  proc.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  const deadline = Date.now() + 300_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early (${proc.exitCode}):\n${out}`)
    try {
      const res = await fetch(`${url}/api/v1/health`)
      if (res.ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${out}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    url,
    port,
    dataDir,
    proc,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null) return proc.exitCode
      proc.kill(signal)
      return exited
    },
  }
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true })
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Pages a test opened and has not closed: on a failure they are photographed, then closed. */
const openPages = new Set<Page>()

/**
 * The browser as the specs' people have it: Chinese, Shanghai time, and asking for less motion.
 * The app then turns antd's animations off (as it does for anyone who asks), so a click never
 * lands on a dialog still zooming in or a list still sliding open on a busy CI machine.
 */
export const contextDefaults = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' } as const

export async function newPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, ...contextDefaults })
  const page = await context.newPage()
  openPages.add(page)
  page.on('close', () => openPages.delete(page))
  return { context, page }
}

// A failed step leaves its page open: what it showed is the first thing to read (e2e/artifacts/failed-*.png).
afterEach(async (ctx) => {
  const failed = ctx.task.result?.state === 'fail'
  let n = 0
  for (const page of [...openPages]) {
    if (failed) {
      const name = `failed-${ctx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}-${n++}`
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true }).catch(() => {})
    }
    await page
      .context()
      .close()
      .catch(() => {})
  }
})

/**
 * Signs in through the form. The click is followed by the login request; if none is sent within
 * a few seconds (a click lost on a busy machine) the form is sent once more with Enter, as a
 * person would press it. A refused login fails with the server's answer, not a URL timeout.
 */
export async function login(page: Page, server: Server, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${server.url}/login`)
  const name = page.getByLabel('用户名')
  const secret = page.getByLabel('密码', { exact: true })
  for (let attempt = 1; ; attempt++) {
    await name.fill(username)
    await secret.fill(password)
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/auth/login', { timeout: 10_000 }).catch(() => null)
    if (attempt === 1) await page.getByRole('button', { name: /登\s*录/ }).click()
    else await secret.press('Enter')
    const request = await sent
    if (request) {
      const res = await request.response()
      if (!res?.ok()) throw new Error(`login ${username}: HTTP ${res?.status() ?? 'no answer'} ${res ? await res.text() : ''}`)
      break
    }
    if (attempt === 2) throw new Error(`login ${username}: the form sent no request (shown: ${await page.locator('.ant-form').innerText()})`)
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

/**
 * Picks a node of a TreeSelect as a person does, and checks that it took: on a busy machine a
 * click on a node of a drop-down still sliding open can be lost, and the form then says the
 * field is empty. Opens the tree, clicks the node, and tries again until the field shows it.
 */
export async function pickTreeNode(page: Page, field: Locator, name: string) {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
  for (let attempt = 0; attempt < 5; attempt++) {
    await field.click()
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: name }).first()
    await node.waitFor()
    await node.click({ timeout: 5000 }).catch(() => undefined)
    const took = await expect
      .poll(async () => (await select.textContent()) ?? '', { timeout: 3000 })
      .toContain(name)
      .then(() => true)
      .catch(() => false)
    if (took) {
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5000 }).toBe(0)
      return
    }
    await page.keyboard.press('Escape')
  }
  throw new Error(`could not pick “${name}” in the tree`)
}

/**
 * Chooses an option of an antd Select as a person does, and checks it took: opens the field
 * (typing `type` first when the list is searched), clicks the option once it is there, and waits
 * until the field shows it (`shows`, by default the option's text) and the list has closed. On a
 * busy machine a click can land while the list is still sliding open or being re-rendered, or the
 * field's click can miss the list entirely; each of those is tried again, up to 5 times.
 */
export async function pickOption(
  page: Page,
  field: Locator,
  option: string | RegExp,
  opts: { type?: string; shows?: string | RegExp; which?: 'first' | 'last' } = {},
) {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
  // A pattern (e.g. /./ for "the first one") is checked by the text of the option clicked.
  let shows: string | RegExp = opts.shows ?? option
  const holds = async () => {
    const text = (await select.textContent()) ?? ''
    return typeof shows === 'string' ? text.includes(shows) : shows.test(text)
  }
  const openList = page.locator('.ant-select-dropdown:visible')
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await openList.count()) === 0) {
      if (opts.type !== undefined) await field.fill(opts.type)
      else await field.click()
    }
    const options = openList.locator('.ant-select-item-option', { hasText: option })
    const item = opts.which === 'last' ? options.last() : options.first()
    const listed = await item
      .waitFor({ timeout: 8000 })
      .then(() => true)
      .catch(() => false)
    if (listed) {
      if (opts.shows === undefined && typeof option !== 'string') shows = ((await item.textContent()) ?? '').trim() || option
      await item.click({ timeout: 5000 }).catch(() => undefined)
    }
    const took = await expect
      .poll(holds, { timeout: 3000 })
      .toBe(true)
      .then(() => true)
      .catch(() => false)
    if (took) {
      // A list still fading out lies over the next field and would take the next click.
      await expect
        .poll(() => openList.count(), { timeout: 5000 })
        .toBe(0)
        .catch(() => undefined)
      return
    }
    // No Escape to close the list: inside a dialog it would close the dialog too. A list still
    // open is used again; a closed one is opened again at the top of the loop.
  }
  throw new Error(`could not choose “${String(option)}”`)
}

/**
 * Presses a dialog's button until the dialog has closed: a click that lands while the dialog is
 * still zooming in can be lost on a busy machine. Pressed again only while the dialog is open
 * and not already sending (antd shows the button loading then), so nothing is sent twice.
 */
export async function pressUntilClosed(dialog: Locator, button: Locator) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const loading = await button.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => false)
    if (!loading) await button.click({ timeout: 5000 }).catch(() => undefined)
    const closed = await dialog
      .waitFor({ state: 'hidden', timeout: 5000 })
      .then(() => true)
      .catch(() => false)
    if (closed) return
  }
  throw new Error('the dialog did not close')
}

/** Saves e2e/artifacts/<name>.png; the whole page, or with `fullPage: false` the visible area (a dialog over a scroll-locked page). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  const file = join(artifacts, `${name}.png`)
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true })
  return file
}

const require = createRequire(import.meta.url)
const axeSource = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8')

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/**
 * Runs axe-core in the page; AAA contrast ('color-contrast-enhanced') is switched on for elder mode.
 * The pointer moves off first: left over the button a test just clicked, it would measure that
 * button's hover colour, not the page at rest (antd's colour transition takes 0.2 s).
 */
export async function axe(page: Page, opts: { aaa?: boolean } = {}): Promise<AxeViolation[]> {
  await page.mouse.move(0, 0)
  await page.waitForTimeout(300)
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP
  // (script-src 'self') rightly blocks inline scripts, and the test must not weaken it.
  await page.evaluate(axeSource)
  return page.evaluate(async (aaa) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    const r = await w.axe.run(document, { rules: { 'color-contrast-enhanced': { enabled: aaa } } })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  }, !!opts.aaa)
}

export const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical')

/**
 * The smallest computed font size of visible text inside <main>, with the element that has it:
 * elder-friendly mode promises at least 20 px for every piece of text, not just the body.
 */
export async function minTextSize(page: Page, selector = 'main'): Promise<{ px: number; where: string }> {
  return page.evaluate((sel) => {
    let min = { px: Infinity, where: '' }
    const rootEl = document.querySelector(sel)
    if (!rootEl) return { px: 0, where: 'no ' + sel }
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !n.textContent?.trim()) continue
      const r = el.getBoundingClientRect()
      const cs = getComputedStyle(el)
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || cs.display === 'none') continue
      const px = parseFloat(cs.fontSize)
      if (px < min.px) min = { px, where: `${el.tagName.toLowerCase()}.${el.className} “${n.textContent.trim().slice(0, 20)}”` }
    }
    return min
  }, selector)
}

export const isElderMode = (page: Page) => page.evaluate(() => document.documentElement.dataset.elder === 'true')

/**
 * One server on a fresh data folder and one browser for a spec file, stopped and removed after
 * it. `use` receives both once they are up.
 */
export function useServerAndBrowser(use: (server: Server, browser: Browser) => void, opts: () => Parameters<typeof startServer>[0] = () => ({})) {
  let server: Server | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startServer(opts())
    browser = await launchBrowser()
    use(server, browser)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (server) removeDir(server.dataDir)
  })
}

/**
 * A private copy of the built web app for one spec file: the server only serves the asset files
 * that existed when it started, and other work in the same checkout may rebuild
 * packages/web/dist meanwhile. Without a complete build the server builds one as usual.
 * Returns the env for startServer and a cleanup.
 */
export function privateWebDist(): { env: Record<string, string>; cleanup: () => void } {
  const dist = join(root, 'packages/web/dist')
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!existsSync(join(dist, 'index.html'))) break
    const dir = mkdtempSync(join(tmpdir(), 'yy-web-'))
    cpSync(dist, dir, { recursive: true })
    const assets = [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/\/(assets\/[^"']+)/g)].map((m) => m[1]!)
    if (assets.every((a) => existsSync(join(dir, a)))) return { env: { WEB_DIST: dir }, cleanup: () => removeDir(dir) }
    removeDir(dir)
  }
  return { env: {}, cleanup: () => {} }
}
