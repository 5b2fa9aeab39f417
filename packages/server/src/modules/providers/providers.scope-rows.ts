// Scope-matrix rows of the providers module (see test/scope-matrix.ts).
import { B, get, lookupOnce, send, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'
import { DEMO_PROVIDER_B } from './seed-providers.js'

/** A caregiver of street B's provider, looked up once by the admin. */
const bCaregiver = lookupOnce((f: Fixture) =>
  f.t.app
    .inject({ url: `/api/v1/caregivers?providerId=${DEMO_PROVIDER_B.id}&pageSize=1`, headers: { cookie: f.admin } })
    .then((r) => r.json().items[0].id as string),
)
const onB = (method: 'GET' | 'POST', path: (id: string) => string, payload?: object) => async (f: Fixture) => {
  const id = await bCaregiver(f)
  return f.t.app.inject({ method, url: `/api/v1${path(id)}`, headers: { cookie: f.officerA }, ...(payload ? { payload } : {}) })
}
const pB = `/providers/${DEMO_PROVIDER_B.id}`
const registration = {
  name: '越权登记的服务商',
  uscc: '91620702MA0000004L',
  legalRepresentative: '某某',
  regionCode: B,
  serviceArea: [B],
  serviceItems: [],
}

export const providersScopeRows: TScopeRows = {
  'GET /api/v1/providers': { expect: 'scoped', run: get('/providers?pageSize=200') },
  'POST /api/v1/providers': { expect: 403, run: send('POST', '/providers', registration) },
  'GET /api/v1/providers/directory': { expect: 'public', run: ({ t }) => t.app.inject({ url: '/api/v1/providers/directory' }) },
  'GET /api/v1/providers/:id': { expect: 404, run: get(pB) },
  'POST /api/v1/providers/:id/resubmit': { expect: 403, run: send('POST', `${pB}/resubmit`, { ...registration, version: 1 }) },
  'POST /api/v1/providers/:id/review': { expect: 403, run: send('POST', `${pB}/review`, { decision: 'approve' }) },
  'POST /api/v1/providers/:id/status': { expect: 403, run: send('POST', `${pB}/status`, { action: 'suspend', reason: '越权暂停' }) },
  'GET /api/v1/providers/:id/credit-records': { expect: 404, run: get(`${pB}/credit-records`) },
  'POST /api/v1/providers/:id/credit-records': { expect: 403, run: send('POST', `${pB}/credit-records`, { kind: 'violation', points: -5, note: '越权登记' }) },
  'GET /api/v1/caregivers': { expect: 403, run: get('/caregivers') },
  'POST /api/v1/caregivers': {
    expect: 403,
    run: send('POST', '/caregivers', { providerId: DEMO_PROVIDER_B.id, name: '越权护理员', idNumber: '620702198001010013', skills: [] }),
  },
  'GET /api/v1/caregivers/certificates/due': { expect: 403, run: get('/caregivers/certificates/due') },
  'GET /api/v1/caregivers/:id': { expect: 403, run: onB('GET', (id) => `/caregivers/${id}`) },
  'POST /api/v1/caregivers/:id/certificates': {
    expect: 403,
    run: onB('POST', (id) => `/caregivers/${id}/certificates`, { number: 'YLHL-X', level: 'junior', skill: 'cleaning', expiresOn: '2030-01-01' }),
  },
  'POST /api/v1/caregivers/:id/background-check': {
    expect: 403,
    run: onB('POST', (id) => `/caregivers/${id}/background-check`, { result: 'failed', checkedOn: '2026-01-01' }),
  },
}
