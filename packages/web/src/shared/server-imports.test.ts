/**
 * The web uses the server's contract for TYPES only (issue 15 item 4): every import from
 * @yiyang/server is `import type` / `export type`, which the compiler erases, so Vite never
 * bundles server code (Fastify, Drizzle, Node built-ins) into the browser app.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('..', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return files(p)
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : []
  })
}

/** Import/export statements naming a module, possibly over several lines. */
const statements = (text: string) =>
  [...text.matchAll(/(?:^|\n)\s*((?:import|export)\b[^;]*?from\s*["']([^"']+)["'])/g)].map((m) => ({ text: m[1]!, from: m[2]! }))

describe('server code stays out of the browser bundle', () => {
  it('imports from @yiyang/server are type-only', () => {
    const wrong: string[] = []
    let typeOnly = 0
    for (const file of files(src)) {
      for (const s of statements(readFileSync(file, 'utf8'))) {
        if (!s.from.startsWith('@yiyang/server') && !s.from.includes('/server/')) continue
        if (/^(import|export)\s+type\b/.test(s.text)) typeOnly++
        else wrong.push(`${relative(src, file)}: ${s.text.split('\n')[0]}`)
      }
    }
    expect(wrong).toEqual([])
    // The web does use the contract: response types are not hand-written.
    expect(typeOnly).toBeGreaterThan(5)
  })

  it('the response types come from the contract, not hand-written interfaces', () => {
    const declared: string[] = []
    const contractNames = [
      'ElderSummary',
      'ElderDetail',
      'AssessmentSummary',
      'AssessmentDetail',
      'DueItem',
      'WorklistItem',
      'WorklistRule',
      'Me',
      'User',
      'ApiToken',
    ]
    for (const file of files(src)) {
      const text = readFileSync(file, 'utf8')
      for (const n of contractNames)
        if (new RegExp(`^\\s*(export\\s+)?(interface\\s+${n}\\b|type\\s+${n}\\s*=)`, 'm').test(text)) declared.push(`${relative(src, file)}: ${n}`)
    }
    expect(declared).toEqual([])
  })
})
