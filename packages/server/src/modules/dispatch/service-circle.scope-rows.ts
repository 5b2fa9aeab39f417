// Scope-matrix rows of the map context and the 15-minute service circle (see test/scope-matrix.ts).
import { A, get, xlsxText, type TScopeRows } from '../../../test/scope-matrix.js'

export const serviceCircleScopeRows: TScopeRows = {
  // The officer of street A sees street A's outline only.
  'GET /api/v1/dispatch/map': { expect: 'scoped', run: get('/dispatch/map') },
  'GET /api/v1/dispatch/service-circle': { expect: 'scoped', run: get(`/dispatch/service-circle?regionCode=${A}`) },
  'POST /api/v1/dispatch/service-circle.xlsx': { expect: 'scoped', run: xlsxText('/dispatch/service-circle.xlsx', 'POST', {}) },
}

/** A provider admin sees the map (he dispatches) but not the registry's coverage. */
export const serviceCircleProviderRows = { 'GET /api/v1/dispatch/map': 'self' } as const
