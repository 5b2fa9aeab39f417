import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './app.js'
import { DEMO_PROVIDER_ID } from '../src/seed/demo.js'

/**
 * The scope matrix: a street officer of street A (东街街道) against street B (南街街道).
 * Records of B answer 404 (existence hidden), actions above the role answer 403.
 * Every API route must appear here; the last test fails when a new route is not covered.
 */
type Fixture = { t: TestApp; officerA: string; admin: string; ids: Record<string, string> }
type Check = { expect: 404 | 403 | 'scoped' | 'self' | 'public'; run: (f: Fixture) => Promise<{ statusCode: number; json: () => unknown }> }

const A = '620702001000'
const B = '620702002000'

const matrix: Record<string, Check> = {
  'GET /api/v1/health': { expect: 'public', run: ({ t }) => t.app.inject({ url: '/api/v1/health' }) },
  'POST /api/v1/auth/login': { expect: 'public', run: ({ t }) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dongjie.officer', password: 'yiyang-demo' } }) },
  'POST /api/v1/auth/logout': { expect: 'self', run: async ({ t }) => t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: await t.login('dongjie.officer') } }) },
  'GET /api/v1/auth/me': { expect: 'self', run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: officerA } }) },
  'POST /api/v1/auth/password': { expect: 'self', run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: officerA }, payload: { currentPassword: 'wrong', newPassword: 'x' } }) },
  'PUT /api/v1/auth/preferences': { expect: 'self', run: ({ t, officerA }) => t.app.inject({ method: 'PUT', url: '/api/v1/auth/preferences', headers: { cookie: officerA }, payload: { elderMode: false } }) },
  'GET /api/v1/users': { expect: 'scoped', run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/users?pageSize=200', headers: { cookie: officerA } }) },
  'GET /api/v1/users/roles': { expect: 'self', run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/users/roles', headers: { cookie: officerA } }) },
  'POST /api/v1/users': { expect: 403, run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: officerA }, payload: { username: 'escalate', displayName: 'x', role: 'bureau_admin', scopeRegionCode: A, password: 'Welcome-2026!' } }) },
  'PATCH /api/v1/users/:id': { expect: 404, run: ({ t, officerA, ids }) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.userB}`, headers: { cookie: officerA }, payload: { displayName: '改名' } }) },
  'POST /api/v1/users/:id/reset-password': { expect: 404, run: ({ t, officerA, ids }) => t.app.inject({ method: 'POST', url: `/api/v1/users/${ids.userB}/reset-password`, headers: { cookie: officerA }, payload: { newPassword: 'Welcome-2026!' } }) },
  'POST /api/v1/users/:id/revoke-sessions': { expect: 404, run: ({ t, officerA, ids }) => t.app.inject({ method: 'POST', url: `/api/v1/users/${ids.userB}/revoke-sessions`, headers: { cookie: officerA } }) },
  'GET /api/v1/regions/tree': { expect: 'scoped', run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/regions/tree', headers: { cookie: officerA } }) },
  'GET /api/v1/regions/:code': { expect: 404, run: ({ t, officerA }) => t.app.inject({ url: `/api/v1/regions/${B}`, headers: { cookie: officerA } }) },
  'GET /api/v1/audit': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/audit', headers: { cookie: officerA } }) },
  'GET /api/v1/audit/verify': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: officerA } }) },
  'GET /api/v1/system/jobs': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/system/jobs', headers: { cookie: officerA } }) },
  'POST /api/v1/system/jobs/:id/retry': { expect: 403, run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/system/jobs/00000000-0000-4000-8000-000000000000/retry', headers: { cookie: officerA } }) },
  'GET /api/v1/system/events': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/system/events', headers: { cookie: officerA } }) },
  'POST /api/v1/system/events/:id/retry': { expect: 403, run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/system/events/1/retry', headers: { cookie: officerA } }) },
  'GET /api/v1/tokens': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/tokens', headers: { cookie: officerA } }) },
  'POST /api/v1/tokens': { expect: 403, run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: officerA }, payload: { name: 'x' } }) },
  'DELETE /api/v1/tokens/:id': { expect: 403, run: ({ t, officerA, ids }) => t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${ids.tokenOfAdmin}`, headers: { cookie: officerA } }) },
}

/** Modules add their rows here (same shape) so the matrix stays one table. */
export const extraMatrix: Record<string, Check> = {}

// ---- assessments: street B's assessment (demo seed) and its elder, looked up once by the admin.
let assessmentB: Promise<{ id: string; elderId: string }> | undefined
const bAssessment = (f: Fixture) => (assessmentB ??= f.t.app
  .inject({ url: `/api/v1/assessments?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } })
  .then((r) => r.json().items[0] as { id: string; elderId: string }))
const inB = (method: 'GET' | 'POST' | 'PUT', path: (a: { id: string; elderId: string }) => string, payload?: (a: { id: string; elderId: string }) => object): Check['run'] =>
  async (f) => {
    const a = await bAssessment(f)
    return f.t.app.inject({ method, url: `/api/v1${path(a)}`, headers: { cookie: f.officerA }, ...(payload ? { payload: payload(a) } : {}) })
  }
const get = (url: string): Check['run'] => ({ t, officerA }) => t.app.inject({ url: `/api/v1${url}`, headers: { cookie: officerA } })
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
Object.assign(extraMatrix, {
  'GET /api/v1/assessments': { expect: 'scoped', run: get('/assessments?pageSize=200') },
  'POST /api/v1/assessments': { expect: 404, run: inB('POST', () => '/assessments', (a) => ({ elderId: a.elderId, reason: 'routine', scheduledDate: today, assessorId: a.elderId })) },
  'GET /api/v1/assessments/due': { expect: 'scoped', run: get('/assessments/due?includeOk=true&pageSize=200') },
  'POST /api/v1/assessments/condition-changes': { expect: 404, run: inB('POST', () => '/assessments/condition-changes', (a) => ({ elderId: a.elderId, note: '跌倒后行动不便' })) },
  'GET /api/v1/assessments/workload': { expect: 'scoped', run: get('/assessments/workload') },
  'GET /api/v1/assessments/assessors': { expect: 'scoped', run: get('/assessments/assessors') },
  'GET /api/v1/assessments/stats': { expect: 'scoped', run: get('/assessments/stats') },
  'GET /api/v1/assessments/settings': { expect: 'self', run: get('/assessments/settings') },
  'PUT /api/v1/assessments/settings/:scale': { expect: 403, run: ({ t, officerA }) => t.app.inject({ method: 'PUT', url: '/api/v1/assessments/settings/gbt42195_2022', headers: { cookie: officerA }, payload: { intervalMonths: 6, dueSoonDays: 30, objectionDays: 15 } }) },
  'GET /api/v1/assessments/:id': { expect: 404, run: inB('GET', (a) => `/assessments/${a.id}`) },
  'POST /api/v1/assessments/:id/start': { expect: 403, run: inB('POST', (a) => `/assessments/${a.id}/start`) },
  'PUT /api/v1/assessments/:id/answers': { expect: 403, run: inB('PUT', (a) => `/assessments/${a.id}/answers`, () => ({ items: {} })) },
  'POST /api/v1/assessments/:id/submit': { expect: 403, run: inB('POST', (a) => `/assessments/${a.id}/submit`) },
  'POST /api/v1/assessments/:id/review': { expect: 404, run: inB('POST', (a) => `/assessments/${a.id}/review`, () => ({ decision: 'return', reason: '越权退回' })) },
  'POST /api/v1/assessments/:id/objection': { expect: 404, run: inB('POST', (a) => `/assessments/${a.id}/objection`, (a) => ({ by: '家属', reason: '越权异议', scheduledDate: today, assessorId: a.elderId })) },
  'POST /api/v1/assessments/:id/dismiss-objection': { expect: 404, run: inB('POST', (a) => `/assessments/${a.id}/dismiss-objection`, () => ({ reason: '越权驳回' })) },
  'POST /api/v1/assessments/:id/cancel': { expect: 404, run: inB('POST', (a) => `/assessments/${a.id}/cancel`, () => ({ reason: '越权取消' })) },
  'GET /api/v1/assessments/:id/report.html': { expect: 404, run: inB('GET', (a) => `/assessments/${a.id}/report.html`) },
  'GET /api/v1/assessments/:id/report.pdf': { expect: 404, run: inB('GET', (a) => `/assessments/${a.id}/report.pdf`) },
} satisfies Record<string, Check>)

// ---- elders and worklists: street B's elder, worklist item and import job, looked up once.
type TElderFix = { elderB: string; itemB: string; jobB: string }
let elderFix: Promise<TElderFix> | undefined
const eldersOfB = (f: Fixture) => (elderFix ??= (async () => {
  const admin = { cookie: f.admin }
  const elderB = (await f.t.app.inject({ url: `/api/v1/elders?regionCode=${B}&pageSize=1`, headers: admin })).json().items[0].id as string
  const itemB = (await f.t.app.inject({ url: `/api/v1/worklists/items?regionCode=${B}&pageSize=1`, headers: admin })).json().items[0].id as string
  const nanjie = await f.t.login('nanjie.officer')
  const boundary = 'matrixB'
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.xlsx"\r\n\r\n`), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), Buffer.from(`\r\n--${boundary}--\r\n`)])
  const job = await f.t.app.inject({ method: 'POST', url: '/api/v1/elders/imports', headers: { cookie: nanjie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body })
  return { elderB, itemB, jobB: job.json().id as string }
})())
const onB = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: (x: TElderFix) => string, payload?: (x: TElderFix) => object): Check['run'] =>
  async (f) => {
    const x = await eldersOfB(f)
    return f.t.app.inject({ method, url: `/api/v1${path(x)}`, headers: { cookie: f.officerA }, ...(payload ? { payload: payload(x) } : {}) })
  }
/** An xlsx answer as the text of all its cells, so 'scoped' can look for street B in it. */
const xlsxText = (url: string, method: 'GET' | 'POST' = 'GET', payload: object = {}): Check['run'] => async ({ t, officerA }) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: officerA }, ...(method === 'POST' ? { payload } : {}) })
  const ExcelJS = (await import('exceljs')).default
  const wb = new ExcelJS.Workbook()
  if (res.statusCode === 200) await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const cells: string[] = []
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => { cells.push(String(c.value)) })))
  return { statusCode: res.statusCode, json: () => cells }
}
Object.assign(extraMatrix, {
  'GET /api/v1/elders': { expect: 'scoped', run: get('/elders?pageSize=200') },
  'GET /api/v1/elders/counts': { expect: 'scoped', run: get('/elders/counts') },
  'POST /api/v1/elders': { expect: 404, run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/elders', headers: { cookie: officerA }, payload: { name: '越权', idNumber: '11010519491231002X', regionCode: '620702002001' } }) },
  'GET /api/v1/elders/:id': { expect: 404, run: onB('GET', (x) => `/elders/${x.elderB}`) },
  'PATCH /api/v1/elders/:id': { expect: 404, run: onB('PATCH', (x) => `/elders/${x.elderB}`, () => ({ version: 1, name: '越权' })) },
  'POST /api/v1/elders/:id/status': { expect: 404, run: onB('POST', (x) => `/elders/${x.elderB}/status`, () => ({ status: 'deceased', reason: '越权', version: 1 })) },
  'POST /api/v1/elders/:id/reveal': { expect: 404, run: onB('POST', (x) => `/elders/${x.elderB}/reveal`, () => ({ field: 'idNumber', reason: '越权查看' })) },
  'POST /api/v1/elders/:id/merge': { expect: 404, run: onB('POST', (x) => `/elders/${x.elderB}/merge`, (x) => ({ duplicateId: x.elderB.replace(/^./, '0'), reason: '越权合并' })) },
  'GET /api/v1/elders/:id/history': { expect: 404, run: onB('GET', (x) => `/elders/${x.elderB}/history`) },
  'GET /api/v1/elders/:id/events': { expect: 404, run: onB('GET', (x) => `/elders/${x.elderB}/events`) },
  'GET /api/v1/elders/import-template': { expect: 'scoped', run: xlsxText('/elders/import-template') },
  'POST /api/v1/elders/export': { expect: 'scoped', run: xlsxText('/elders/export', 'POST') },
  // Another street's region is an empty table, exactly like a region with no assessments.
  'POST /api/v1/assessments/stats.xlsx': { expect: 'scoped', run: xlsxText('/assessments/stats.xlsx', 'POST', { regionCode: B }) },
  'POST /api/v1/elders/imports': { expect: 'self', run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/elders/imports', headers: { cookie: officerA, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\r\n--x--\r\n' }) },
  'GET /api/v1/elders/imports/:id': { expect: 404, run: onB('GET', (x) => `/elders/imports/${x.jobB}`) },
  'GET /api/v1/elders/imports/:id/errors': { expect: 404, run: onB('GET', (x) => `/elders/imports/${x.jobB}/errors`) },
  'GET /api/v1/worklists/rules': { expect: 'scoped', run: get('/worklists/rules') },
  'POST /api/v1/worklists/rules': { expect: 403, run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/worklists/rules', headers: { cookie: officerA }, payload: { id: 'escalate', name: '越权规则', rule: { field: 'age', op: 'gte', value: 60 }, reappearAfterDays: 1 } }) },
  'PUT /api/v1/worklists/rules/:id': { expect: 403, run: ({ t, officerA }) => t.app.inject({ method: 'PUT', url: '/api/v1/worklists/rules/recent_category_change', headers: { cookie: officerA }, payload: { version: 1, isActive: false } }) },
  'POST /api/v1/worklists/refresh': { expect: 'self', run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/worklists/refresh', headers: { cookie: officerA } }) },
  'GET /api/v1/worklists/items': { expect: 'scoped', run: get('/worklists/items?pageSize=200&status=open,assigned,handled,resolved') },
  'POST /api/v1/worklists/items/:id/assign': { expect: 404, run: onB('POST', (x) => `/worklists/items/${x.itemB}/assign`, () => ({})) },
  'POST /api/v1/worklists/items/:id/handle': { expect: 404, run: onB('POST', (x) => `/worklists/items/${x.itemB}/handle`, () => ({ note: '越权处理' })) },
} satisfies Record<string, Check>)

let f: Fixture
beforeAll(async () => {
  const t = await createTestApp()
  const admin = await t.login('admin')
  const officerA = await t.login('dongjie.officer')
  const users = await t.app.inject({ url: '/api/v1/users?q=nanjie.officer', headers: { cookie: admin } })
  const token = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: admin }, payload: { name: 'matrix' } })
  f = { t, officerA, admin, ids: { userB: users.json().items[0].id, tokenOfAdmin: token.json().id } }
})
afterAll(async () => { await f?.t.close() })

describe('scope matrix: street officer of street A', () => {
  for (const [route, check] of Object.entries({ ...matrix, ...extraMatrix })) {
    it(`${route} → ${check.expect}`, async () => {
      const res = await check.run(f)
      if (check.expect === 404 || check.expect === 403) {
        expect(res.statusCode).toBe(check.expect)
      } else if (check.expect === 'scoped') {
        expect(res.statusCode).toBe(200)
        const body = JSON.stringify(res.json())
        // Nothing of street B leaks into A's lists: neither its code nor its name.
        expect(body).not.toContain(B.slice(0, 9))
        expect(body).not.toContain('南街街道')
      } else {
        expect(res.statusCode).toBeLessThan(500)
        expect([401, 404]).not.toContain(res.statusCode)
      }
    })
  }

  it('covers every API route that exists', () => {
    const covered = new Set(Object.keys({ ...matrix, ...extraMatrix }))
    const missing = f.t.app.apiRoutes.filter((r) => !covered.has(r))
    expect(missing).toEqual([])
  })
})

/**
 * Provider roles (issue 16): a provider admin reaches only its own provider's accounts and
 * nothing of the regions; a caregiver reaches nothing but its own session. Every route of the
 * matrix above is replayed with their cookie: anything not listed answers 403.
 */
const ownSession = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/me', 'POST /api/v1/auth/password', 'PUT /api/v1/auth/preferences'])
type TProviderExpect = 403 | 404 | 'own_provider' | 'self'
const providerRows: Record<'provider' | 'caregiver', Record<string, TProviderExpect>> = {
  provider: {
    'GET /api/v1/users': 'own_provider',
    'GET /api/v1/users/roles': 'self',
    'PATCH /api/v1/users/:id': 404,
    'POST /api/v1/users/:id/reset-password': 404,
    'POST /api/v1/users/:id/revoke-sessions': 404,
  },
  caregiver: {},
}
for (const [username, rows] of Object.entries(providerRows)) {
  describe(`scope matrix: ${username === 'provider' ? 'provider admin' : 'caregiver'} of the demo provider`, () => {
    let pf: Fixture
    beforeAll(async () => { pf = { ...f, officerA: await f.t.login(username) } })
    for (const [route, check] of Object.entries({ ...matrix, ...extraMatrix })) {
      const want: TProviderExpect = rows[route] ?? (ownSession.has(route) ? 'self' : 403)
      it(`${route} → ${want}`, async () => {
        const res = await check.run(pf)
        if (want === 403 || want === 404) expect(res.statusCode).toBe(want)
        else if (want === 'own_provider') {
          expect(res.statusCode).toBe(200)
          const items = (res.json() as { items: { providerId: string | null }[] }).items
          expect(items.length).toBeGreaterThan(0)
          expect(items.every((u) => u.providerId === DEMO_PROVIDER_ID)).toBe(true)
        } else {
          expect(res.statusCode).toBeLessThan(500)
          expect([401, 403, 404]).not.toContain(res.statusCode)
        }
      })
    }
  })
}
