// Scope-matrix rows of the worklists module (see test/scope-matrix.ts).
import { B, get, lookupOnce, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

/** A worklist item of street B, looked up once by the admin. */
const itemOfB = lookupOnce(
  async (f: Fixture) =>
    (await f.t.app.inject({ url: `/api/v1/worklists/items?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } })).json().items[0].id as string,
)
const onItemB = (path: (id: string) => string, payload: object) => async (f: Fixture) =>
  f.t.app.inject({ method: 'POST', url: `/api/v1${path(await itemOfB(f))}`, headers: { cookie: f.officerA }, payload })

export const worklistsScopeRows: TScopeRows = {
  'GET /api/v1/worklists/rules': { expect: 'scoped', run: get('/worklists/rules') },
  'POST /api/v1/worklists/rules': {
    expect: 403,
    run: ({ t, officerA }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/worklists/rules',
        headers: { cookie: officerA },
        payload: { id: 'escalate', name: '越权规则', rule: { field: 'age', op: 'gte', value: 60 }, reappearAfterDays: 1 },
      }),
  },
  'PUT /api/v1/worklists/rules/:id': {
    expect: 403,
    run: ({ t, officerA }) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/worklists/rules/recent_category_change',
        headers: { cookie: officerA },
        payload: { version: 1, isActive: false },
      }),
  },
  'POST /api/v1/worklists/refresh': {
    expect: { status: 200 },
    run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/worklists/refresh', headers: { cookie: officerA } }),
  },
  'GET /api/v1/worklists/items': { expect: 'scoped', run: get('/worklists/items?pageSize=200&status=open,assigned,handled,resolved') },
  'POST /api/v1/worklists/items/:id/assign': { expect: 404, run: onItemB((id) => `/worklists/items/${id}/assign`, {}) },
  'POST /api/v1/worklists/items/:id/handle': { expect: 404, run: onItemB((id) => `/worklists/items/${id}/handle`, { note: '越权处理' }) },
}
