// Scope-matrix rows of meal aid and the order anomaly flags (see test/scope-matrix.ts).
import { B, get, lookupOnce, send, xlsxText, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

/** Yesterday in Shanghai: the demo meals are served on the five days before today. */
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10)
/** Street B's open anomaly flag (demo seed), looked up once by the admin. */
const bFlag = lookupOnce((f: Fixture) =>
  f.t.app
    .inject({ url: `/api/v1/order-flags?regionCode=${B}&status=open&pageSize=1`, headers: { cookie: f.admin } })
    .then((r) => r.json().items[0].id as string),
)

export const mealsScopeRows: TScopeRows = {
  // The counter is a canteen's own: a street officer has none.
  'GET /api/v1/meals/canteen': { expect: 403, run: get('/meals/canteen') },
  'POST /api/v1/meals/lookup': { expect: 403, run: send('POST', '/meals/lookup', { text: '13912345678' }) },
  'POST /api/v1/meals': {
    expect: 403,
    run: send('POST', '/meals', { elderId: '00000000-0000-4000-8000-00000000abcd', itemCode: 'ZC-001', mealTime: 'lunch', idempotencyKey: 'scope-matrix-key' }),
  },
  'GET /api/v1/meals/counts': { expect: 'scoped', run: (f) => get(`/meals/counts?date=${yesterday()}`)(f) },
  'GET /api/v1/meals/statement': { expect: 'scoped', run: (f) => get(`/meals/statement?month=${yesterday().slice(0, 7)}`)(f) },
  'POST /api/v1/meals/statement.xlsx': { expect: 'scoped', run: (f) => xlsxText('/meals/statement.xlsx', 'POST', { month: yesterday().slice(0, 7) })(f) },
  'GET /api/v1/order-flags': { expect: 'scoped', run: get('/order-flags?pageSize=200') },
  'POST /api/v1/order-flags/:id/resolve': {
    expect: 404,
    run: async (f) => send('POST', `/order-flags/${await bFlag(f)}/resolve`, { note: '越权处理' })(f),
  },
}
