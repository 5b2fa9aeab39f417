// Scope-matrix rows of the orders module (see test/scope-matrix.ts).
import { B, get, lookupOnce, send, xlsxText, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'
import { DEMO_PROVIDER_B } from '../providers/index.js'

type TB = { id: string; elderId: string }
/** Street B's order (demo seed, served by street B's provider), looked up once by the admin. */
const bOrder = lookupOnce((f: Fixture) =>
  f.t.app.inject({ url: `/api/v1/orders?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } }).then((r) => r.json().items[0] as TB),
)
const inB = (method: 'GET' | 'POST', path: (o: TB) => string, payload?: (o: TB) => object) => async (f: Fixture) => {
  const o = await bOrder(f)
  return f.t.app.inject({ method, url: `/api/v1${path(o)}`, headers: { cookie: f.officerA }, ...(payload ? { payload: payload(o) } : {}) })
}
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const caregiverOfB = lookupOnce((f: Fixture) =>
  f.t.app
    .inject({ url: `/api/v1/caregivers?providerId=${DEMO_PROVIDER_B.id}&pageSize=1`, headers: { cookie: f.admin } })
    .then((r) => r.json().items[0].id as string),
)
const assignB = (path: string) => async (f: Fixture) => {
  const [o, caregiverId] = await Promise.all([bOrder(f), caregiverOfB(f)])
  return f.t.app.inject({ method: 'POST', url: `/api/v1/orders/${o.id}/${path}`, headers: { cookie: f.officerA }, payload: { caregiverId } })
}

export const ordersScopeRows: TScopeRows = {
  'GET /api/v1/orders': { expect: 'scoped', run: get('/orders?pageSize=200') },
  'POST /api/v1/orders': {
    expect: 404,
    run: inB(
      'POST',
      () => '/orders',
      (o) => ({ elderId: o.elderId, providerId: DEMO_PROVIDER_B.id, itemCode: 'ZJ-001', serviceDate: today, requesterKind: 'family' }),
    ),
  },
  'GET /api/v1/orders/today': { expect: 403, run: get('/orders/today') },
  'GET /api/v1/orders/settings': { expect: { status: 200 }, run: get('/orders/settings') },
  'PUT /api/v1/orders/settings': {
    expect: 403,
    run: send('PUT', '/orders/settings', { maxDistanceM: 100, minSharePercent: 50, lateGraceMinutes: 30, autoConfirmDays: 3 }),
  },
  // The seeded settled orders are a week old: the month of "a week ago".
  'POST /api/v1/orders/statement.xlsx': {
    expect: 'scoped',
    run: xlsxText('/orders/statement.xlsx', 'POST', { month: new Date(Date.now() + 8 * 3600_000 - 7 * 86_400_000).toISOString().slice(0, 7) }),
  },
  'GET /api/v1/orders/:id': { expect: 404, run: inB('GET', (o) => `/orders/${o.id}`) },
  'POST /api/v1/orders/:id/accept': {
    expect: 403,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/accept`,
      () => ({}),
    ),
  },
  'POST /api/v1/orders/:id/assign': { expect: 403, run: assignB('assign') },
  'POST /api/v1/orders/:id/reassign': { expect: 403, run: assignB('reassign') },
  'POST /api/v1/orders/:id/depart': {
    expect: 403,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/depart`,
      () => ({}),
    ),
  },
  'POST /api/v1/orders/:id/check-in': {
    expect: 403,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/check-in`,
      () => ({ lat: 38.9, lng: 100.4 }),
    ),
  },
  'POST /api/v1/orders/:id/record': {
    expect: 403,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/record`,
      () => ({ itemsDone: ['越权记录'] }),
    ),
  },
  'POST /api/v1/orders/:id/check-out': {
    expect: 403,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/check-out`,
      () => ({}),
    ),
  },
  'POST /api/v1/orders/:id/confirm': {
    expect: 404,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/confirm`,
      () => ({ rating: 1, by: 'family' }),
    ),
  },
  'POST /api/v1/orders/:id/resolve': {
    expect: 404,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/resolve`,
      () => ({ note: '越权处理' }),
    ),
  },
  'POST /api/v1/orders/:id/settle': { expect: 403, run: inB('POST', (o) => `/orders/${o.id}/settle`) },
  'POST /api/v1/orders/:id/cancel': {
    expect: 404,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/cancel`,
      () => ({ reason: '越权取消' }),
    ),
  },
  'POST /api/v1/orders/:id/no-show': {
    expect: 404,
    run: inB(
      'POST',
      (o) => `/orders/${o.id}/no-show`,
      () => ({ reason: '越权登记' }),
    ),
  },
}
