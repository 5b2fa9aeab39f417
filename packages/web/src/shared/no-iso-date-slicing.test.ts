/**
 * A lint rule as a test: displayed dates come from shared/format.ts (Asia/Shanghai), never from
 * cutting an ISO string, whose first ten characters are the UTC date, a day early for anything
 * done before 08:00 in Beijing (issue 24 item 7), nor from the browser's own time zone.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('..', import.meta.url))
const allowed = new Set(['shared/format.ts'])

const forbidden: Array<[RegExp, string]> = [
  [/\.(slice|substring|substr)\(\s*0\s*,\s*10\s*\)/, 'cuts the first ten characters (an ISO date in UTC)'],
  [/\.split\(\s*["'`]T["'`]\s*\)/, "splits an ISO string at 'T'"],
  [/\.toLocale(Date|Time)String\(|\.toLocaleString\(\s*["']zh-CN["']\s*,\s*\{[^}]*(year|hour)/, "formats in the browser's time zone"],
  [/dayjs\([^)]*\)\s*\.format\(/, 'formats a dayjs value without the Beijing zone: use formatDate/formatDateTime/formatTime'],
  [/\.toISOString\(\)\s*\.(slice|substring|split)/, 'cuts an ISO string'],
]

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return files(p)
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : []
  })
}

describe('dates are formatted in one place', () => {
  it('no source file slices ISO strings or formats dates outside shared/format.ts', () => {
    const found: string[] = []
    for (const file of files(src)) {
      const rel = relative(src, file).split('\\').join('/')
      if (allowed.has(rel)) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [re, why] of forbidden) if (re.test(line)) found.push(`${rel}:${i + 1} ${why}: ${line.trim()}`)
        })
    }
    expect(found).toEqual([])
  })

  it('the rule catches the old chart code', () => {
    const old = 'const a11yDate = (a) => a.effectiveDate ?? a.assessedAt?.slice(0, 10) ?? a.scheduledDate;'
    expect(forbidden.some(([re]) => re.test(old))).toBe(true)
    expect(forbidden.some(([re]) => re.test('iso.split("T")[0]'))).toBe(true)
  })
})
