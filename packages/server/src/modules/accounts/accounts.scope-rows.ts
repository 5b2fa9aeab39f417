// Scope-matrix rows of the accounts module (see test/scope-matrix.ts).
import { A, type TScopeRows } from '../../../test/scope-matrix.js'

export const accountsScopeRows: TScopeRows = {
  'POST /api/v1/auth/login': {
    expect: 'public',
    run: ({ t }) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dongjie.officer', password: 'yiyang-demo' } }),
  },
  'POST /api/v1/auth/logout': {
    expect: { status: 200 },
    run: async ({ t }) => t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: await t.login('dongjie.officer') } }),
  },
  'GET /api/v1/auth/me': { expect: { status: 200 }, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: officerA } }) },
  'POST /api/v1/auth/password': {
    expect: { status: 400 },
    run: ({ t, officerA }) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: officerA }, payload: { currentPassword: 'wrong', newPassword: 'x' } }),
  },
  'PUT /api/v1/auth/preferences': {
    expect: { status: 200 },
    run: ({ t, officerA }) => t.app.inject({ method: 'PUT', url: '/api/v1/auth/preferences', headers: { cookie: officerA }, payload: { elderMode: false } }),
  },
  'GET /api/v1/users': { expect: 'scoped', run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/users?pageSize=200', headers: { cookie: officerA } }) },
  'GET /api/v1/users/roles': { expect: { status: 200 }, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/users/roles', headers: { cookie: officerA } }) },
  'POST /api/v1/users': {
    expect: 403,
    run: ({ t, officerA }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: officerA },
        payload: { username: 'escalate', displayName: 'x', role: 'bureau_admin', scopeRegionCode: A, password: 'Welcome-2026!' },
      }),
  },
  'PATCH /api/v1/users/:id': {
    expect: 404,
    run: ({ t, officerA, ids }) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.userB}`, headers: { cookie: officerA }, payload: { displayName: '改名' } }),
  },
  'POST /api/v1/users/:id/reset-password': {
    expect: 404,
    run: ({ t, officerA, ids }) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${ids.userB}/reset-password`,
        headers: { cookie: officerA },
        payload: { newPassword: 'Welcome-2026!' },
      }),
  },
  'POST /api/v1/users/:id/revoke-sessions': {
    expect: 404,
    run: ({ t, officerA, ids }) => t.app.inject({ method: 'POST', url: `/api/v1/users/${ids.userB}/revoke-sessions`, headers: { cookie: officerA } }),
  },
  'GET /api/v1/tokens': { expect: 403, run: ({ t, officerA }) => t.app.inject({ url: '/api/v1/tokens', headers: { cookie: officerA } }) },
  'POST /api/v1/tokens': {
    expect: 403,
    run: ({ t, officerA }) => t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: officerA }, payload: { name: 'x' } }),
  },
  'DELETE /api/v1/tokens/:id': {
    expect: 403,
    run: ({ t, officerA, ids }) => t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${ids.tokenOfAdmin}`, headers: { cookie: officerA } }),
  },
}
