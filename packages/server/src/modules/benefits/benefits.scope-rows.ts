// Scope-matrix rows of the benefits module (see test/scope-matrix.ts).
import { B, get, lookupOnce, send, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

type TB = { id: string; elderId: string; version: number }
/** Street B's application and objection-free benefit case (demo seed), looked up once by the admin. */
const bApplication = lookupOnce((f: Fixture) =>
  f.t.app.inject({ url: `/api/v1/benefit-applications?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } }).then((r) => r.json().items[0] as TB),
)
const inB = (method: 'GET' | 'POST', path: (a: TB) => string, payload?: (a: TB) => object) => async (f: Fixture) => {
  const a = await bApplication(f)
  return f.t.app.inject({ method, url: `/api/v1${path(a)}`, headers: { cookie: f.officerA }, ...(payload ? { payload: payload(a) } : {}) })
}
const pub = (url: string) => (f: Fixture) => f.t.app.inject({ url: `/api/v1${url}` })
const multipartNote = async (f: Fixture) => {
  const a = await bApplication(f)
  const boundary = 'xx'
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n入户核查\r\n--${boundary}--\r\n`
  return f.t.app.inject({
    method: 'POST',
    url: `/api/v1/benefit-applications/${a.id}/verifications`,
    headers: { cookie: f.officerA, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  })
}

export const benefitsScopeRows: TScopeRows = {
  'GET /api/v1/benefit-programmes': { expect: { status: 200 }, run: get('/benefit-programmes') },
  'PUT /api/v1/benefit-programmes/:code': { expect: 403, run: send('PUT', '/benefit-programmes/gaoling', { version: 1, definition: {} }) },
  'POST /api/v1/benefit-programmes/preview': {
    expect: 403,
    run: inB(
      'POST',
      () => '/benefit-programmes/preview',
      (a) => ({ definition: {}, elderId: a.elderId, month: '2026-04' }),
    ),
  },
  'GET /api/v1/benefit-applications': { expect: 'scoped', run: get('/benefit-applications?pageSize=200') },
  'GET /api/v1/benefit-applications/overdue': { expect: 'scoped', run: get('/benefit-applications/overdue') },
  'POST /api/v1/benefit-applications': {
    expect: 404,
    run: inB(
      'POST',
      () => '/benefit-applications',
      (a) => ({ elderId: a.elderId, programmeCode: 'jingji-kunnan' }),
    ),
  },
  'GET /api/v1/benefit-applications/:id': { expect: 404, run: inB('GET', (a) => `/benefit-applications/${a.id}`) },
  'POST /api/v1/benefit-applications/:id/submit': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/benefit-applications/${a.id}/submit`,
      (a) => ({ version: a.version }),
    ),
  },
  'POST /api/v1/benefit-applications/:id/accept': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/benefit-applications/${a.id}/accept`,
      (a) => ({ version: a.version }),
    ),
  },
  'POST /api/v1/benefit-applications/:id/return': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/benefit-applications/${a.id}/return`,
      (a) => ({ version: a.version, reason: '缺少材料' }),
    ),
  },
  'POST /api/v1/benefit-applications/:id/verifications': { expect: 404, run: multipartNote },
  'GET /api/v1/benefit-files/:id': { expect: 404, run: get('/benefit-files/00000000-0000-4000-8000-000000000000') },
  'POST /api/v1/benefit-applications/:id/street-review': {
    expect: 404,
    run: inB(
      'POST',
      (a) => `/benefit-applications/${a.id}/street-review`,
      (a) => ({ version: a.version }),
    ),
  },
  'POST /api/v1/benefit-applications/:id/approve': {
    expect: 403,
    run: inB(
      'POST',
      (a) => `/benefit-applications/${a.id}/approve`,
      (a) => ({ version: a.version }),
    ),
  },
  'POST /api/v1/benefit-applications/:id/reject': {
    expect: 403,
    run: inB(
      'POST',
      (a) => `/benefit-applications/${a.id}/reject`,
      (a) => ({ version: a.version, reason: '不符合' }),
    ),
  },
  'GET /api/v1/benefit-objections': { expect: { status: 200 }, run: get('/benefit-objections') },
  'POST /api/v1/benefit-objections/:id/decision': {
    expect: 404,
    run: send('POST', '/benefit-objections/00000000-0000-4000-8000-000000000000/decision', { decision: 'dismissed', note: '不成立' }),
  },
  'GET /api/v1/benefits': { expect: 'scoped', run: get('/benefits?pageSize=200') },
  'GET /api/v1/elder-benefits/:elderId': { expect: 404, run: inB('GET', (a) => `/elder-benefits/${a.elderId}`) },
  'POST /api/v1/benefits/monthly-review': { expect: 403, run: send('POST', '/benefits/monthly-review', { month: '2026-04' }) },
  'GET /api/v1/benefit-candidates': { expect: 'scoped', run: get('/benefit-candidates?programmeCode=gaoling&pageSize=200') },
  'POST /api/v1/benefit-candidates/refresh': { expect: { status: 200 }, run: send('POST', '/benefit-candidates/refresh') },
  'GET /api/v1/calendar': { expect: { status: 200 }, run: get('/calendar?year=2026') },
  'PUT /api/v1/calendar/overrides/:date': { expect: 403, run: send('PUT', '/calendar/overrides/2027-02-05', { kind: 'holiday', note: '春节' }) },
  'DELETE /api/v1/calendar/overrides/:date': { expect: 403, run: send('DELETE', '/calendar/overrides/2027-02-05') },
  'GET /api/v1/public/benefit-notices': { expect: 'public', run: pub('/public/benefit-notices') },
  'GET /api/v1/public/benefit-notices/print': { expect: 'public', run: pub('/public/benefit-notices/print') },
  'GET /api/v1/public/benefit-notices/:id': { expect: 404, run: pub('/public/benefit-notices/00000000-0000-4000-8000-000000000000') },
  'POST /api/v1/public/benefit-notices/:id/objections': {
    expect: 404,
    run: (f) =>
      f.t.app.inject({
        method: 'POST',
        url: '/api/v1/public/benefit-notices/00000000-0000-4000-8000-000000000000/objections',
        payload: { name: '张', contact: '13800001111', reason: '理由理由理由' },
      }),
  },
  'GET /api/v1/public/benefit-programmes': { expect: 'public', run: pub('/public/benefit-programmes') },
}
