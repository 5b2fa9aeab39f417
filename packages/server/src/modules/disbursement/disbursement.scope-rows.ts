// Scope-matrix rows of the disbursement module (see test/scope-matrix.ts).
import { B, get, lookupOnce, send, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

const elderOfB = lookupOnce(
  async (f: Fixture) => (await f.t.app.inject({ url: `/api/v1/elders?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } })).json().items[0].id as string,
)
const someId = '00000000-0000-4000-8000-000000000001'

export const disbursementScopeRows: TScopeRows = {
  // District batches are not a street officer's: an empty page, not an error.
  'GET /api/v1/disbursement/batches': { expect: { status: 200 }, run: get('/disbursement/batches') },
  'POST /api/v1/disbursement/runs': { expect: 403, run: send('POST', '/disbursement/runs', { month: '2026-11' }) },
  'GET /api/v1/disbursement/batches/:id/lines': { expect: 404, run: get(`/disbursement/batches/${someId}/lines`) },
  'POST /api/v1/disbursement/batches/:id/check': { expect: 403, run: send('POST', `/disbursement/batches/${someId}/check`, { version: 1 }) },
  'POST /api/v1/disbursement/batches/:id/approve': { expect: 403, run: send('POST', `/disbursement/batches/${someId}/approve`, { version: 1 }) },
  'POST /api/v1/ledger/transactions/:id/reverse': { expect: 403, run: send('POST', `/ledger/transactions/${someId}/reverse`, { reason: '越权冲正' }) },
  'GET /api/v1/ledger/verify': { expect: 403, run: get('/ledger/verify') },
  'GET /api/v1/elders/:id/credits': {
    expect: 404,
    run: async (f) => f.t.app.inject({ url: `/api/v1/elders/${await elderOfB(f)}/credits`, headers: { cookie: f.officerA } }),
  },
  'POST /api/v1/disbursement/batches/:id/export': { expect: 403, run: send('POST', `/disbursement/batches/${someId}/export`, { version: 1, format: 'csv' }) },
  'POST /api/v1/disbursement/batches/:id/result': { expect: 403, run: send('POST', `/disbursement/batches/${someId}/result`) },
  'GET /api/v1/elders/:id/bank-account': {
    expect: 404,
    run: async (f) => f.t.app.inject({ url: `/api/v1/elders/${await elderOfB(f)}/bank-account`, headers: { cookie: f.officerA } }),
  },
  'PUT /api/v1/elders/:id/bank-account': {
    expect: 404,
    run: async (f) =>
      f.t.app.inject({
        method: 'PUT',
        url: `/api/v1/elders/${await elderOfB(f)}/bank-account`,
        headers: { cookie: f.officerA },
        payload: { bankName: '某银行', accountHolder: '某人', accountNumber: '6217000012345678901' },
      }),
  },
  'GET /api/v1/disbursement/anomalies': { expect: { status: 200 }, run: get('/disbursement/anomalies') },
  'POST /api/v1/disbursement/anomalies/scan': { expect: 403, run: send('POST', '/disbursement/anomalies/scan', { month: '2026-11' }) },
  'POST /api/v1/disbursement/anomalies/:id/resolve': {
    expect: 403,
    run: send('POST', `/disbursement/anomalies/${someId}/resolve`, { note: '越权处理', version: 1 }),
  },
  'GET /api/v1/disbursement/report': { expect: { status: 200 }, run: get('/disbursement/report?from=2026-01&to=2026-12') },
  'POST /api/v1/disbursement/report/export': { expect: { status: 200 }, run: send('POST', '/disbursement/report/export', { from: '2026-01', to: '2026-12' }) },
  'POST /api/v1/disbursement/batches/:id/reissue': { expect: 403, run: send('POST', `/disbursement/batches/${someId}/reissue`) },
}
