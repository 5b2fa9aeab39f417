// Scope-matrix rows of the regions module (see test/scope-matrix.ts).
import { B, type TScopeRows } from '../../../test/scope-matrix.js'

export const regionsScopeRows: TScopeRows = {
  'GET /api/v1/regions/tree': { expect: 'scoped', run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/regions/tree', headers: { cookie: officerA } }) },
  'GET /api/v1/regions/:code': { expect: 404, run: ({ t, officerA }) => t.app.inject({ url: `/api/v1/regions/${B}`, headers: { cookie: officerA } }) },
}
