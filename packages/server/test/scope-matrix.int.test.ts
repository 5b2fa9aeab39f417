import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from './app.js'
import { B, hasRows, type Fixture, type TScopeRows } from './scope-matrix.js'
import { DEMO_PROVIDER_ID } from '../src/seed/demo.js'
import { accountsScopeRows } from '../src/modules/accounts/accounts.scope-rows.js'
import { serviceCircleProviderRows, serviceCircleScopeRows } from '../src/modules/dispatch/service-circle.scope-rows.js'
import { assessmentsScopeRows } from '../src/modules/assessments/assessments.scope-rows.js'
import { auditScopeRows } from '../src/modules/audit/audit.scope-rows.js'
import { benefitsScopeRows } from '../src/modules/benefits/benefits.scope-rows.js'
import { eldersScopeRows } from '../src/modules/elders/elders.scope-rows.js'
import { regionsScopeRows } from '../src/modules/regions/regions.scope-rows.js'
import { systemScopeRows } from '../src/modules/system/system.scope-rows.js'
import { worklistsScopeRows } from '../src/modules/worklists/worklists.scope-rows.js'
import { providersScopeRows } from '../src/modules/providers/providers.scope-rows.js'
import { ordersScopeRows } from '../src/modules/orders/orders.scope-rows.js'
import { catalogScopeRows } from '../src/modules/catalog/catalog.scope-rows.js'
import { alarmsCaregiverRows, alarmsProviderRows, alarmsScopeRows } from '../src/modules/alarms/alarms.scope-rows.js'
import { visitsScopeRows } from '../src/modules/visits/visits.scope-rows.js'
import { disbursementScopeRows } from '../src/modules/disbursement/disbursement.scope-rows.js'
import { dispatchCaregiverRows, dispatchProviderRows, dispatchScopeRows } from '../src/modules/dispatch/dispatch.scope-rows.js'
import { providerDocumentsScopeRows } from '../src/modules/providers/provider-documents.scope-rows.js'
import { supervisionScopeRows } from '../src/modules/orders/supervision.scope-rows.js'
import { mealsScopeRows } from '../src/modules/orders/meals.scope-rows.js'

/**
 * The scope matrix: a street officer of street A (东街街道) against street B (南街街道).
 * Records of B answer 404 (existence hidden), actions above the role answer 403, lists hold A's
 * rows and none of B's. Each module lists its rows beside its code; the coverage test fails
 * when a route exists that no module lists.
 */
const matrix: TScopeRows = {
  ...systemScopeRows,
  ...serviceCircleScopeRows,
  ...accountsScopeRows,
  ...regionsScopeRows,
  ...auditScopeRows,
  ...eldersScopeRows,
  ...worklistsScopeRows,
  ...assessmentsScopeRows,
  ...providersScopeRows,
  ...ordersScopeRows,
  ...catalogScopeRows,
  ...benefitsScopeRows,
  ...alarmsScopeRows,
  ...visitsScopeRows,
  ...disbursementScopeRows,
  ...dispatchScopeRows,
  ...providerDocumentsScopeRows,
  ...supervisionScopeRows,
  ...mealsScopeRows,
}

let f: Fixture
beforeAll(async () => {
  const t = await createTestApp()
  const admin = await t.login('admin')
  const officerA = await t.login('dongjie.officer')
  const users = await t.app.inject({ url: '/api/v1/users?q=nanjie.officer', headers: { cookie: admin } })
  const token = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: admin }, payload: { name: 'matrix' } })
  f = { t, officerA, admin, ids: { userB: users.json().items[0].id, tokenOfAdmin: token.json().id } }
})
afterAll(async () => {
  await f?.t.close()
})

describe('scope matrix: street officer of street A', () => {
  for (const [route, check] of Object.entries(matrix)) {
    const label = typeof check.expect === 'object' ? String(check.expect.status) : String(check.expect)
    it(`${route} → ${label}`, async () => {
      const res = await check.run(f)
      if (check.expect === 404 || check.expect === 403) {
        expect(res.statusCode).toBe(check.expect)
      } else if (check.expect === 'scoped') {
        expect(res.statusCode).toBe(200)
        const json = res.json()
        // An empty list would pass the leak check without proving anything.
        expect(hasRows(json)).toBe(true)
        const body = JSON.stringify(json)
        // Nothing of street B leaks into A's lists: neither its code nor its name.
        expect(body).not.toContain(B.slice(0, 9))
        expect(body).not.toContain('南街街道')
      } else if (check.expect === 'public') {
        expect(res.statusCode).toBe(200)
      } else {
        expect(res.statusCode).toBe(check.expect.status)
      }
    })
  }

  it('covers every API route that exists', () => {
    const covered = new Set(Object.keys(matrix))
    const missing = f.t.app.apiRoutes.filter((r) => !covered.has(r))
    expect(missing).toEqual([])
  })
})

/**
 * Provider roles (issue 16): a provider admin reaches only its own provider's accounts and
 * nothing of the regions; a caregiver reaches nothing but its own session. Every route of the
 * matrix above is replayed with their cookie: anything not listed answers 403.
 */
const ownSession = new Set([
  'GET /api/v1/health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'PUT /api/v1/auth/preferences',
])
type TProviderExpect = 403 | 404 | 'own_provider' | 'self'
const providerRows: Record<'provider' | 'caregiver', Record<string, TProviderExpect>> = {
  provider: {
    ...serviceCircleProviderRows,
    'GET /api/v1/users': 'own_provider',
    'GET /api/v1/users/roles': 'self',
    'PATCH /api/v1/users/:id': 404,
    'POST /api/v1/users/:id/reset-password': 404,
    'POST /api/v1/users/:id/revoke-sessions': 404,
    // Providers and orders (issue 19): their own provider only; street B's provider, caregiver and order are hidden.
    'GET /api/v1/providers': 'self',
    'GET /api/v1/providers/directory': 'self',
    'GET /api/v1/providers/:id': 404,
    'POST /api/v1/providers/:id/resubmit': 404,
    'GET /api/v1/providers/:id/credit-records': 404,
    'GET /api/v1/caregivers': 'own_provider',
    'POST /api/v1/caregivers': 404,
    'GET /api/v1/caregivers/certificates/due': 'self',
    'GET /api/v1/caregivers/:id': 404,
    'POST /api/v1/caregivers/:id/certificates': 404,
    'POST /api/v1/caregivers/:id/background-check': 404,
    'GET /api/v1/orders': 'own_provider',
    'GET /api/v1/orders/settings': 'self',
    'POST /api/v1/orders/statement.xlsx': 'self',
    'GET /api/v1/orders/:id': 404,
    'POST /api/v1/orders/:id/accept': 404,
    'POST /api/v1/orders/:id/assign': 404,
    'POST /api/v1/orders/:id/reassign': 404,
    'POST /api/v1/orders/:id/cancel': 404,
    // Meal aid: the demo provider is no canteen (403 at the counter); its own meal figures are empty.
    'GET /api/v1/meals/counts': 'self',
    'GET /api/v1/meals/statement': 'self',
    'POST /api/v1/meals/statement.xlsx': 'self',
    ...alarmsProviderRows,
    ...dispatchProviderRows,
    // Provider documents, record photos, complaints, KPIs and star ratings: their own provider only.
    'GET /api/v1/providers/:id/documents': 404,
    'POST /api/v1/providers/:id/documents': 404,
    'GET /api/v1/providers/:id/documents/:documentId': 404,
    'DELETE /api/v1/providers/:id/documents/:documentId': 404,
    'GET /api/v1/orders/kpis': 'self',
    'GET /api/v1/orders/:id/photos': 404,
    'GET /api/v1/orders/:id/photos/:photoId': 404,
    'GET /api/v1/complaints': 'own_provider',
    'GET /api/v1/complaints/:id': 404,
    'GET /api/v1/star-ratings': 'own_provider',
  },
  caregiver: {
    ...alarmsCaregiverRows,
    ...dispatchCaregiverRows,
    'GET /api/v1/providers/directory': 'self',
    'GET /api/v1/orders': 'self',
    'GET /api/v1/orders/today': 'self',
    'GET /api/v1/orders/settings': 'self',
    'POST /api/v1/orders/statement.xlsx': 'self',
    'GET /api/v1/orders/:id': 404,
    'POST /api/v1/orders/:id/depart': 404,
    'POST /api/v1/orders/:id/check-in': 404,
    'POST /api/v1/orders/:id/record': 404,
    'POST /api/v1/orders/:id/check-out': 404,
    'GET /api/v1/orders/:id/photos': 404,
    'POST /api/v1/orders/:id/photos': 404,
    'GET /api/v1/orders/:id/photos/:photoId': 404,
    'GET /api/v1/meals/counts': 'self',
    'GET /api/v1/meals/statement': 'self',
    'POST /api/v1/meals/statement.xlsx': 'self',
  },
}
for (const [username, rows] of Object.entries(providerRows)) {
  describe(`scope matrix: ${username === 'provider' ? 'provider admin' : 'caregiver'} of the demo provider`, () => {
    let pf: Fixture
    beforeAll(async () => {
      pf = { ...f, officerA: await f.t.login(username) }
    })
    for (const [route, check] of Object.entries(matrix)) {
      // Public pages (no login) answer everyone alike: what the matrix row expects of the public.
      const isPublic = route.includes(' /api/v1/public/')
      const want: TProviderExpect =
        rows[route] ?? (ownSession.has(route) || check.expect === 'public' ? 'self' : isPublic ? (check.expect === 404 ? 404 : 'self') : 403)
      it(`${route} → ${want}`, async () => {
        const res = await check.run(pf)
        if (want === 403 || want === 404) expect(res.statusCode).toBe(want)
        else if (want === 'own_provider') {
          expect(res.statusCode).toBe(200)
          const items = (res.json() as { items: { providerId: string | null }[] }).items
          // Users, caregivers and orders all name their provider.
          expect(items.length).toBeGreaterThan(0)
          expect(items.every((u) => u.providerId === DEMO_PROVIDER_ID)).toBe(true)
        } else {
          expect(res.statusCode).toBeLessThan(500)
          expect([401, 403, 404]).not.toContain(res.statusCode)
        }
      })
    }
  })
}
