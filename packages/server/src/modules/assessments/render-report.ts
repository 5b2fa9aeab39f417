import { existsSync } from 'node:fs'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { getAssessment } from './get-assessment.js'
import { renderReportHtml } from './report-html.js'

/** Statuses with a result worth printing (a draft is printable too, marked by its status). */
export async function getReportHtml(ctx: Ctx, id: string): Promise<string> {
  const a = await getAssessment(ctx, id)
  if (a.finalLevel === null) throw new AppError('INVALID_TRANSITION', '评估表尚未填写完整，暂无报告')
  return renderReportHtml(a, { generatedAt: ctx.clock.now() })
}

const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const pdfRendererAvailable = () => existsSync(chromiumPath())

// One chromium at a time: a render takes a second or two and a few hundred MB; requests queue.
let queue: Promise<unknown> = Promise.resolve()
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn)
  queue = run.catch(() => undefined)
  return run
}

/**
 * The report as an A4 PDF, printed by headless Debian chromium (playwright-core). Without
 * chromium the answer is 503 RENDERER_UNAVAILABLE: the web report page prints the same HTML.
 */
export async function getReportPdf(ctx: Ctx, id: string): Promise<Buffer> {
  const html = await getReportHtml(ctx, id)
  if (!pdfRendererAvailable()) throw new AppError('RENDERER_UNAVAILABLE')
  return serially(() => printPdf(html))
}

async function printPdf(html: string): Promise<Buffer> {
  let chromium: typeof import('playwright-core').chromium
  try {
    chromium = (await import('playwright-core')).chromium
  } catch {
    throw new AppError('RENDERER_UNAVAILABLE')
  }
  const browser = await chromium
    .launch({
      executablePath: chromiumPath(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    .catch(() => {
      throw new AppError('RENDERER_UNAVAILABLE')
    })
  try {
    const page = await browser.newPage()
    // The HTML is self-contained (no network): block anything it might try to load.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
  } finally {
    await browser.close()
  }
}
