import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './app.js'

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
  'GET /api/v1/assessments/stats.xlsx': { expect: 404, run: get(`/assessments/stats.xlsx?regionCode=${B}`) },
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
