// Scope-matrix rows of the dispatch module (see test/scope-matrix.ts).
import { A, B, get, lookupOnce, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const plan = (street: string, who: (f: Fixture) => string) =>
  lookupOnce((f: Fixture) =>
    f.t.app
      .inject({ method: 'POST', url: '/api/v1/dispatch/plans', headers: { cookie: who(f) }, payload: { streetCode: street, date: today, seconds: 1 } })
      .then((r) => r.json().planId as string),
  )
/** Street B's unified-dispatch plan, made by the administrator; street A's, by its own officer. */
const planB = plan(B, (f) => f.admin)
const planA = plan(A, (f) => f.officerA)
const ZERO = '00000000-0000-4000-8000-0000000000ff'
const onB = (method: 'GET' | 'POST', path: string, payload?: object) => async (f: Fixture) => {
  const id = await planB(f)
  return f.t.app.inject({ method, url: `/api/v1/dispatch/plans/${id}${path}`, headers: { cookie: f.officerA }, ...(payload ? { payload } : {}) })
}

export const dispatchScopeRows: TScopeRows = {
  'GET /api/v1/dispatch/plans': {
    expect: 'scoped',
    run: async (f) => {
      await planA(f)
      return get('/dispatch/plans?pageSize=200')(f)
    },
  },
  'POST /api/v1/dispatch/plans': {
    expect: 404,
    run: (f) => f.t.app.inject({ method: 'POST', url: '/api/v1/dispatch/plans', headers: { cookie: f.officerA }, payload: { streetCode: B, date: today } }),
  },
  'GET /api/v1/dispatch/notices': { expect: 403, run: get('/dispatch/notices') },
  'GET /api/v1/dispatch/plans/:id': { expect: 404, run: onB('GET', '') },
  'POST /api/v1/dispatch/plans/:id/moves/check': { expect: 404, run: onB('POST', '/moves/check', { orderId: ZERO, toCaregiverId: ZERO, position: 0 }) },
  'POST /api/v1/dispatch/plans/:id/moves': { expect: 404, run: onB('POST', '/moves', { orderId: ZERO, toCaregiverId: ZERO, position: 0 }) },
  'POST /api/v1/dispatch/plans/:id/locks': { expect: 404, run: onB('POST', '/locks', { orderId: ZERO, locked: true }) },
  'POST /api/v1/dispatch/plans/:id/publish': { expect: 404, run: onB('POST', '/publish', {}) },
  'POST /api/v1/dispatch/plans/:id/urgent': { expect: 404, run: onB('POST', '/urgent', { orderId: ZERO }) },
  'POST /api/v1/dispatch/plans/:id/sick': { expect: 404, run: onB('POST', '/sick', { caregiverId: ZERO, from: new Date().toISOString() }) },
  'GET /api/v1/dispatch/plans/:id/diffs/:diffId': { expect: 404, run: onB('GET', `/diffs/${ZERO}`) },
  'POST /api/v1/dispatch/plans/:id/diffs/:diffId/approve': { expect: 404, run: onB('POST', `/diffs/${ZERO}/approve`) },
}

/** The demo provider's admin: plans of a street are not theirs (404); the list answers with their own only. */
export const dispatchProviderRows = {
  'GET /api/v1/dispatch/plans': 'self',
  'GET /api/v1/dispatch/plans/:id': 404,
  'POST /api/v1/dispatch/plans/:id/moves/check': 404,
  'POST /api/v1/dispatch/plans/:id/moves': 404,
  'POST /api/v1/dispatch/plans/:id/locks': 404,
  'POST /api/v1/dispatch/plans/:id/publish': 404,
  'POST /api/v1/dispatch/plans/:id/urgent': 404,
  'POST /api/v1/dispatch/plans/:id/sick': 404,
  'GET /api/v1/dispatch/plans/:id/diffs/:diffId': 404,
  'POST /api/v1/dispatch/plans/:id/diffs/:diffId/approve': 404,
} as const
/** A caregiver reads their own notices only. */
export const dispatchCaregiverRows = { 'GET /api/v1/dispatch/notices': 'self' } as const
