// Scope-matrix rows of the audit module (see test/scope-matrix.ts).
import { type TScopeRows } from '../../../test/scope-matrix.js'

export const auditScopeRows: TScopeRows = {
  'GET /api/v1/audit': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/audit', headers: { cookie: officerA } }) },
  'GET /api/v1/audit/verify': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: officerA } }) },
}
