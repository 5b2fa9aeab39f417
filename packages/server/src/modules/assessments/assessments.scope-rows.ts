// Scope-matrix rows of the assessments module (see test/scope-matrix.ts).
import { B, get, lookupOnce, xlsxText, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

type TB = { id: string; elderId: string }
/** Street B's assessment (demo seed) and its elder, looked up once by the admin. */
const bAssessment = lookupOnce((f: Fixture) =>
  f.t.app.inject({ url: `/api/v1/assessments?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } }).then((r) => r.json().items[0] as TB),
)
const inB = (method: 'GET' | 'POST' | 'PUT', path: (a: TB) => string, payload?: (a: TB) => object) => async (f: Fixture) => {
  const a = await bAssessment(f)
  return f.t.app.inject({ method, url: `/api/v1${path(a)}`, headers: { cookie: f.officerA }, ...(payload ? { payload: payload(a) } : {}) })
}
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

export const assessmentsScopeRows: TScopeRows = {
  'GET /api/v1/assessments': { expect: 'scoped', run: get('/assessments?pageSize=200') },
  'POST /api/v1/assessments': {
    expect: 404,
    run: inB(
      'POST',
      () => '/assessments',
      (a) => ({ elderId: a.elderId, reason: 'routine', scheduledDate: today, assessorId: a.elderId }),
    ),
  },
  'GET /api/v1/assessments/due': { expect: 'scoped', run: get('/assessments/due?includeOk=true&pageSize=200') },
  'POST /api/v1/assessments/condition-changes': {
    expect: 404,
    run: inB(
      'POST',
      () => '/assessments/condition-changes',
      (a) => ({ elderId: a.elderId, note: '跌倒后行动不便' }),
    ),
  },
  'GET /api/v1/assessments/workload': { expect: 'scoped', run: get('/assessments/workload') },
  'GET /api/v1/assessments/assessors': { expect: 'scoped', run: get('/assessments/assessors') },
  'GET /api/v1/assessments/stats': { expect: 'scoped', run: get('/assessments/stats') },
  'GET /api/v1/assessments/settings': { expect: { status: 200 }, run: get('/assessments/settings') },
  'PUT /api/v1/assessments/settings/:scale': {
    expect: 403,
    run: ({ t, officerA }) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/assessments/settings/gbt42195_2022',
        headers: { cookie: officerA },
        payload: { intervalMonths: 6, dueSoonDays: 30, objectionDays: 15 },
      }),
  },
  'GET /api/v1/assessments/:id': { expect: 404, run: inB('GET', (a) => `/assessments/${a.id}`) },
  'POST /api/v1/assessments/:id/start': { expect: 403, run: inB('POST', (a) => `/assessments/${a.id}/start`) },
  'PUT /api/v1/assessments/:id/answers': {
    expect: 403,
    run: inB(
      'PUT',
      (a) => `/assessments/${a.id}/answers`,
      () => ({ items: {} }),
    ),
  },
  'POST /api/v1/assessments/:id/submit': { expect: 403, run: inB('POST', (a) => `/assessments/${a.id}/submit`) },
  'POST /api/v1/assessments/:id/review': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/assessments/${a.id}/review`,
      () => ({ decision: 'return', reason: '越权退回' }),
    ),
  },
  'POST /api/v1/assessments/:id/objection': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/assessments/${a.id}/objection`,
      (a) => ({ by: '家属', reason: '越权异议', scheduledDate: today, assessorId: a.elderId }),
    ),
  },
  'POST /api/v1/assessments/:id/dismiss-objection': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/assessments/${a.id}/dismiss-objection`,
      () => ({ reason: '越权驳回' }),
    ),
  },
  'POST /api/v1/assessments/:id/cancel': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/assessments/${a.id}/cancel`,
      () => ({ reason: '越权取消' }),
    ),
  },
  'GET /api/v1/assessments/:id/report.html': { expect: 404, run: inB('GET', (a) => `/assessments/${a.id}/report.html`) },
  'GET /api/v1/assessments/:id/report.pdf': { expect: 404, run: inB('GET', (a) => `/assessments/${a.id}/report.pdf`) },
  'POST /api/v1/assessments/stats.xlsx': { expect: 'scoped', run: xlsxText('/assessments/stats.xlsx', 'POST', { regionCode: B }) },
}
