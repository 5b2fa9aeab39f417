// Scope-matrix rows of the system module (see test/scope-matrix.ts).
import { type TScopeRows } from '../../../test/scope-matrix.js'

export const systemScopeRows: TScopeRows = {
  'GET /api/v1/health': { expect: 'public', run: ({ t }) => t.app.inject({ url: '/api/v1/health' }) },
  'GET /api/v1/system/jobs': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/system/jobs', headers: { cookie: officerA } }) },
  'POST /api/v1/system/jobs/:id/retry': {
    expect: 403,
    run: ({ t, officerA }) =>
      t.app.inject({ method: 'POST', url: '/api/v1/system/jobs/00000000-0000-4000-8000-000000000000/retry', headers: { cookie: officerA } }),
  },
  'GET /api/v1/system/events': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/system/events', headers: { cookie: officerA } }) },
  'POST /api/v1/system/events/:id/retry': {
    expect: 403,
    run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/system/events/1/retry', headers: { cookie: officerA } }),
  },
}
