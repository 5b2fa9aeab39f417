// Scope-matrix rows of the visits module (see test/scope-matrix.ts).
import { B, get, lookupOnce, send, xlsxText, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

type TB = { planId: string; visitId: string; taskId: string }
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const checklist = { health: 'ok', mood: 'ok', home_safety: 'ok', food: 'ok', heating: 'ok', medicine: 'ok', needs: 'ok' }

/** Street B's plan (demo seed), and a visit with a task the admin records there once. */
const bRecords = lookupOnce(async (f: Fixture): Promise<TB> => {
  const plans = await f.t.app.inject({ url: `/api/v1/visits/plans?regionCode=${B}&status=active&pageSize=1`, headers: { cookie: f.admin } })
  const planId = plans.json().items[0].id as string
  const v = await f.t.app.inject({
    method: 'POST',
    url: '/api/v1/visits',
    headers: { cookie: f.admin },
    payload: { planId, idempotencyKey: `matrix-${planId}`, mode: 'home', checklist, tasks: [{ kind: 'service_order', note: '申请助洁' }] },
  })
  return { planId, visitId: v.json().visit.id, taskId: v.json().tasks[0].id }
})
const inB =
  (method: 'GET' | 'POST' | 'PUT', path: (b: TB) => string, payload?: (b: TB) => object, headers: Record<string, string> = {}) =>
  async (f: Fixture) => {
    const b = await bRecords(f)
    return f.t.app.inject({ method, url: `/api/v1${path(b)}`, headers: { cookie: f.officerA, ...headers }, ...(payload ? { payload: payload(b) } : {}) })
  }
const boundary = 'matrixb'
const photo = () =>
  Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    Buffer.from([0xff, 0xd8, 0xff, 0]),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])

export const visitsScopeRows: TScopeRows = {
  'GET /api/v1/visits/plans': { expect: 'scoped', run: get('/visits/plans?pageSize=200') },
  'POST /api/v1/visits/plans/sync': { expect: { status: 200 }, run: send('POST', '/visits/plans/sync') },
  'POST /api/v1/visits/plans/assign': {
    expect: 404,
    run: inB(
      'POST',
      () => '/visits/plans/assign',
      (b) => ({ planIds: [b.planId], visitorId: b.visitId }),
    ),
  },
  'GET /api/v1/visits/plans/:id': { expect: 404, run: inB('GET', (b) => `/visits/plans/${b.planId}`) },
  'GET /api/v1/visits/visitors': { expect: 'scoped', run: get('/visits/visitors') },
  'GET /api/v1/visits': { expect: 'scoped', run: get('/visits?pageSize=200') },
  'POST /api/v1/visits': {
    expect: 404,
    run: inB(
      'POST',
      () => '/visits',
      (b) => ({ planId: b.planId, idempotencyKey: `matrix-a-${b.planId}`, mode: 'home', checklist }),
    ),
  },
  'PUT /api/v1/visits/:id/photo': {
    expect: 404,
    run: inB('PUT', (b) => `/visits/${b.visitId}/photo`, photo as never, { 'content-type': `multipart/form-data; boundary=${boundary}` }),
  },
  'GET /api/v1/visits/:id/photo': { expect: 404, run: inB('GET', (b) => `/visits/${b.visitId}/photo`) },
  'GET /api/v1/visits/tasks': { expect: 'scoped', run: get('/visits/tasks?pageSize=200') },
  'POST /api/v1/visits/tasks/:id/action': {
    expect: 404,
    run: inB(
      'POST',
      (b) => `/visits/tasks/${b.taskId}/action`,
      () => ({ action: 'complete', version: 1, resultNote: '已办结' }),
    ),
  },
  'POST /api/v1/visits/tasks/:id/order': {
    expect: 404,
    run: inB(
      'POST',
      (b) => `/visits/tasks/${b.taskId}/order`,
      () => ({ providerId: '00000000-0000-4000-8000-000000000001', itemCode: 'ZJ-001', serviceDate: '2099-01-01', version: 1 }),
    ),
  },
  'GET /api/v1/visits/ledger': { expect: 'scoped', run: get(`/visits/ledger?month=${month}`) },
  'POST /api/v1/visits/ledger.xlsx': { expect: 'scoped', run: xlsxText('/visits/ledger.xlsx', 'POST', { month }) },
  'GET /api/v1/visits/rates': { expect: 'scoped', run: get('/visits/rates') },
}
