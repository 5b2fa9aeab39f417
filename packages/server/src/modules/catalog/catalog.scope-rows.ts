// Scope-matrix rows of the catalog module (see test/scope-matrix.ts).
import { B, get, lookupOnce, send, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

/** A draft list issued by street B, created once by the admin. */
const editionOfB = lookupOnce(async (f: Fixture) => {
  const res = await f.t.app.inject({ method: 'POST', url: '/api/v1/catalog/editions', headers: { cookie: f.admin }, payload: { year: 2026, regionCode: B } })
  return res.json().id as string
})
/** The district's published list, which street A sees. */
const districtEdition = lookupOnce(
  async (f: Fixture) => (await f.t.app.inject({ url: '/api/v1/catalog/editions?status=published', headers: { cookie: f.admin } })).json().items[0].id as string,
)
const onB = (method: 'POST' | 'PUT', path: (id: string) => string, payload?: object) => async (f: Fixture) =>
  send(method, path(await editionOfB(f)), payload)(f)
const getB = (path: (id: string) => string) => async (f: Fixture) => get(path(await editionOfB(f)))(f)
const item = { name: '越权项目', category: 'meal', unit: 'meal', priceFen: 100, payer: 'personal', reason: '越权' }

export const catalogScopeRows: TScopeRows = {
  'GET /api/v1/catalog/editions': { expect: 'scoped', run: get('/catalog/editions?pageSize=200') },
  'POST /api/v1/catalog/editions': { expect: 403, run: send('POST', '/catalog/editions', { year: 2030 }) },
  'GET /api/v1/catalog/editions/:id': { expect: 404, run: getB((id) => `/catalog/editions/${id}`) },
  'GET /api/v1/catalog/editions/:id/items': { expect: 404, run: getB((id) => `/catalog/editions/${id}/items`) },
  'POST /api/v1/catalog/editions/:id/items': { expect: 403, run: onB('POST', (id) => `/catalog/editions/${id}/items`, { ...item, code: 'YQ-001' }) },
  'PUT /api/v1/catalog/editions/:id/items/:code': { expect: 403, run: onB('PUT', (id) => `/catalog/editions/${id}/items/YQ-001`, item) },
  'POST /api/v1/catalog/editions/:id/items/:code/remove': {
    expect: 403,
    run: onB('POST', (id) => `/catalog/editions/${id}/items/YQ-001/remove`, { reason: '越权' }),
  },
  'POST /api/v1/catalog/editions/:id/publish': {
    expect: 403,
    run: onB('POST', (id) => `/catalog/editions/${id}/publish`, { effectiveDate: '2030-01-01', version: 1 }),
  },
  'POST /api/v1/catalog/editions/:id/discard': { expect: 403, run: onB('POST', (id) => `/catalog/editions/${id}/discard`, { version: 1 }) },
  'GET /api/v1/catalog/diff': { expect: 404, run: async (f) => get(`/catalog/diff?from=${await districtEdition(f)}&to=${await editionOfB(f)}`)(f) },
  'POST /api/v1/catalog/editions/:id/export.xlsx': { expect: 404, run: onB('POST', (id) => `/catalog/editions/${id}/export.xlsx`) },
  'GET /api/v1/public/catalog': { expect: 'public', run: ({ t }) => t.app.inject({ url: '/api/v1/public/catalog' }) },
  'GET /api/v1/public/catalog/regions': { expect: 'public', run: ({ t }) => t.app.inject({ url: '/api/v1/public/catalog/regions' }) },
}
