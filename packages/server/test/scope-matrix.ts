// The scope matrix's shared parts. Each module lists its own rows in src/modules/<m>/<m>.scope-rows.ts
// and test/scope-matrix.int.test.ts runs them all; a route that no module lists fails that test.
import type { TestApp } from './app.js'

export type Fixture = { t: TestApp; officerA: string; admin: string; ids: Record<string, string> }
/**
 * 404: another street's record, hidden like a missing one. 403: above the role.
 * 'scoped': a list of the actor's own street, never empty and with nothing of street B in it.
 * 'public': reachable without signing in. { status }: the actor's own action, with the answer it must get.
 */
export type TExpect = 404 | 403 | 'scoped' | 'public' | { status: number }
export type Check = { expect: TExpect; run: (f: Fixture) => Promise<{ statusCode: number; json: () => unknown }> }
export type TScopeRows = Record<string, Check>

/** Street A (东街街道), the officer's own, and street B (南街街道), someone else's. */
export const A = '620702001000'
export const B = '620702002000'

export const get =
  (url: string): Check['run'] =>
  ({ t, officerA }) =>
    t.app.inject({ url: `/api/v1${url}`, headers: { cookie: officerA } })
export const send =
  (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object): Check['run'] =>
  ({ t, officerA }) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: officerA }, ...(payload ? { payload } : {}) })

/** An xlsx answer as the text of all its cells, so 'scoped' can look for street B in it. */
export const xlsxText =
  (url: string, method: 'GET' | 'POST' = 'GET', payload: object = {}): Check['run'] =>
  async ({ t, officerA }) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: officerA }, ...(method === 'POST' ? { payload } : {}) })
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    if (res.statusCode === 200) await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const cells: string[] = []
    wb.eachSheet((ws) =>
      ws.eachRow((r) =>
        r.eachCell((c) => {
          cells.push(String(c.value))
        }),
      ),
    )
    return { statusCode: res.statusCode, json: () => cells }
  }

/** Once per test file: a value the rows of several routes need (a record of street B, say). */
export function lookupOnce<T>(load: (f: Fixture) => Promise<T>): (f: Fixture) => Promise<T> {
  let cached: Promise<T> | undefined
  return (f) => (cached ??= load(f))
}

/** True when a list answer holds at least one row (a 'scoped' list that is empty proves nothing). */
export function hasRows(body: unknown): boolean {
  if (Array.isArray(body)) return body.length > 0
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>
    if (Array.isArray(o.items)) return o.items.length > 0
    if (Array.isArray(o.rows)) return o.rows.length > 0
    return Object.values(o).some((v) => hasRows(v) || (typeof v === 'number' && v > 0))
  }
  return false
}
