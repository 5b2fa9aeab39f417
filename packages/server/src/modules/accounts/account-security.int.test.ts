import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { DEMO_PROVIDER_ID } from '../../seed/demo.js'

// Issue 16 items 2, 6, 9, 11 and the server side of 12 (mustChangePassword).
let now = new Date()
const clock = { now: () => now }
let t: TestApp
let admin: string
let bureau: string
let officerA: string
const relogin = async () => {
  ;[admin, bureau, officerA] = await Promise.all(['admin', 'bureau', 'dongjie.officer'].map((u) => t.login(u)))
}
beforeAll(async () => {
  t = await createTestApp({ clock })
  await relogin()
})
afterAll(async () => {
  await t?.close()
})

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
const call = (auth: string, method: Method, url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: auth.startsWith('yyt_') ? { authorization: `Bearer ${auth}` } : { cookie: auth },
    ...(payload ? { payload } : {}),
  })
const userId = async (username: string) =>
  (await call(admin, 'GET', `/users?q=${username}`)).json().items.find((u: { username: string }) => u.username === username).id as string
const PASSWORD = 'Welcome-2026!'
const FAKE_PROVIDER = '11111111-2222-4333-8444-555555555555'

/** Creates an account as the bureau and logs it in with a changed password, ready to act. */
async function readyAccount(body: Record<string, unknown>) {
  const created = await call(bureau, 'POST', '/users', { password: PASSWORD, displayName: String(body.username), ...body })
  expect(created.statusCode, created.body).toBe(200)
  const cookie = await t.login(String(body.username), PASSWORD)
  const changed = await call(cookie, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'Changed-2026!x' })
  expect(changed.statusCode, changed.body).toBe(200)
  return { id: created.json().id as string, cookie }
}

describe('provider accounts (item 2)', () => {
  it('a street officer cannot create provider accounts, for a real or a made-up provider', async () => {
    for (const providerId of [DEMO_PROVIDER_ID, FAKE_PROVIDER]) {
      const res = await call(officerA, 'POST', '/users', {
        username: `takeover.${providerId.slice(0, 4)}`,
        displayName: '冒名',
        role: 'provider_admin',
        scopeRegionCode: '620702001000',
        providerId,
        password: PASSWORD,
      })
      expect(res.statusCode).toBe(403)
    }
    expect((await call(officerA, 'GET', '/users/roles')).json().items.map((r: { role: string }) => r.role)).not.toContain('provider_admin')
  })

  it('the bureau creates provider accounts only for a provider that exists', async () => {
    const fake = await call(bureau, 'POST', '/users', {
      username: 'fake.provider',
      displayName: '假服务商',
      role: 'provider_admin',
      scopeRegionCode: '620702000000',
      providerId: FAKE_PROVIDER,
      password: PASSWORD,
    })
    expect(fake.statusCode).toBe(400)
    expect(fake.json().fields[0].path).toBe('providerId')
    const real = await call(bureau, 'POST', '/users', {
      username: 'kangle.admin2',
      displayName: '康乐 第二管理员',
      role: 'provider_admin',
      scopeRegionCode: '620702000000',
      providerId: DEMO_PROVIDER_ID,
      password: PASSWORD,
    })
    expect(real.statusCode, real.body).toBe(200)
  })

  it("a provider admin creates caregivers for their own provider only, and reaches only their provider's accounts", async () => {
    const provider = await t.login('provider')
    const own = await call(provider, 'POST', '/users', {
      username: 'kangle.cg1',
      displayName: '护理员 一',
      role: 'caregiver',
      scopeRegionCode: '620702000000',
      providerId: FAKE_PROVIDER,
      password: PASSWORD,
    })
    expect(own.statusCode, own.body).toBe(200)
    expect(own.json().providerId).toBe(DEMO_PROVIDER_ID)
    // Strictly below: not another provider admin.
    expect(
      (
        await call(provider, 'POST', '/users', {
          username: 'kangle.pa',
          displayName: 'x',
          role: 'provider_admin',
          scopeRegionCode: '620702000000',
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(403)
    const list = (await call(provider, 'GET', '/users?pageSize=200')).json().items as { providerId: string | null }[]
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((u) => u.providerId === DEMO_PROVIDER_ID)).toBe(true)
    expect((await call(provider, 'POST', `/users/${await userId('dongjie.worker')}/reset-password`, { newPassword: 'Taken-Over-2026!' })).statusCode).toBe(404)
  })
})

describe('rank: admins manage only roles strictly below their own (item 6)', () => {
  it('a street officer cannot reset, disable or edit a peer street officer of the same street', async () => {
    const peer = await call(bureau, 'POST', '/users', {
      username: 'dongjie.officer2',
      displayName: '东街 第二工作人员',
      role: 'street_officer',
      scopeRegionCode: '620702001000',
      password: PASSWORD,
    })
    expect(peer.statusCode, peer.body).toBe(200)
    const id = peer.json().id
    expect((await call(officerA, 'POST', `/users/${id}/reset-password`, { newPassword: 'Taken-Over-2026!' })).statusCode).toBe(403)
    expect((await call(officerA, 'PATCH', `/users/${id}`, { isActive: false })).statusCode).toBe(403)
    expect((await call(officerA, 'PATCH', `/users/${id}`, { displayName: '改名' })).statusCode).toBe(403)
    expect((await call(officerA, 'POST', `/users/${id}/revoke-sessions`)).statusCode).toBe(403)
    expect(
      (
        await call(officerA, 'POST', '/users', {
          username: 'dongjie.officer3',
          displayName: 'x',
          role: 'street_officer',
          scopeRegionCode: '620702001000',
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(403)
    // Below the rank still works, and one's own name stays editable.
    expect((await call(officerA, 'POST', `/users/${await userId('dongjie.worker')}/reset-password`, { newPassword: 'Reset-Pass-2026!' })).statusCode).toBe(200)
    expect((await call(officerA, 'PATCH', `/users/${await userId('dongjie.officer')}`, { displayName: '东街街道 工作人员' })).statusCode).toBe(200)
    expect((await call(officerA, 'GET', '/users/roles')).json().items.map((r: { role: string }) => r.role)).not.toContain('street_officer')
  })
})

describe('login: unknown names lock and take the same path (item 9)', () => {
  const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })

  it('answers 423 after 5 failures for a name that does not exist, exactly like for one that does', async () => {
    for (const name of ['no.such.user', 'dongjie.operator']) {
      const codes: number[] = []
      for (let i = 0; i < 6; i++) codes.push((await login(name, 'wrong-password')).statusCode)
      expect(codes, name).toEqual([401, 401, 401, 401, 423, 423])
      const body = (await login(name, 'wrong-password')).json()
      expect(body).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterMinutes: expect.any(Number) })
    }
    // The lock is per name, case-insensitive, and lifts after 15 minutes.
    expect((await login('NO.SUCH.USER', 'x')).statusCode).toBe(423)
    now = new Date(now.getTime() + 16 * 60_000)
    await relogin()
    expect((await login('no.such.user', 'x')).statusCode).toBe(401)
    expect((await login('dongjie.operator', 'yiyang-demo')).statusCode).toBe(200)
  })

  it('audits failures of unknown names without storing the typed name', async () => {
    await login('Secret-Typed-In-Name', 'x')
    const rows = (await call(admin, 'GET', '/audit?action=auth.login_failed&entityType=login_name')).json().items
    expect(rows.length).toBeGreaterThan(0)
    expect(JSON.stringify(rows)).not.toContain('Secret-Typed-In-Name')
  })
})

describe('API tokens (item 11)', () => {
  const newToken = async (body: object = {}) => {
    const res = await call(admin, 'POST', '/tokens', { name: 'gateway', ...body })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as { id: string; token: string; scope: string; expiresAt: string }
  }

  it('are read-only for 90 days by default; at most 365 days', async () => {
    const tk = await newToken()
    expect(tk.scope).toBe('read')
    expect(new Date(tk.expiresAt).getTime() - now.getTime()).toBe(90 * 86_400_000)
    expect((await call(tk.token, 'GET', '/users')).statusCode).toBe(200)
    expect((await call(tk.token, 'PUT', '/auth/preferences', { elderMode: false })).statusCode).toBe(403)
    expect((await call(admin, 'POST', '/tokens', { name: 'x', expiresInDays: 366 })).statusCode).toBe(400)
    const rw = await newToken({ scope: 'read_write', expiresInDays: 1 })
    expect((await call(rw.token, 'PUT', '/auth/preferences', { elderMode: false })).statusCode).toBe(200)
    // Read-only tokens may still run a POST that only reads (an export).
    expect((await call(tk.token, 'POST', '/assessments/stats.xlsx', {})).statusCode).toBe(200)
    now = new Date(now.getTime() + 86_400_000 + 1000)
    await relogin()
    expect((await call(rw.token, 'GET', '/users')).statusCode).toBe(401)
    const listed = (await call(admin, 'GET', '/tokens')).json().items.find((x: { id: string }) => x.id === rw.id)
    expect(listed).toMatchObject({ isExpired: true, ownerUsername: 'admin' })
  })

  it('cannot create tokens', async () => {
    const rw = await newToken({ scope: 'read_write' })
    const res = await call(rw.token, 'POST', '/tokens', { name: 'minted', scope: 'read_write' })
    expect(res.statusCode).toBe(403)
  })

  it("die when the owner's password changes or is reset", async () => {
    const owner = await call(admin, 'POST', '/users', {
      username: 'token.owner',
      displayName: '第二系统管理员',
      role: 'sys_admin',
      scopeRegionCode: '620702000000',
      password: PASSWORD,
    })
    expect(owner.statusCode, owner.body).toBe(200)
    const cookie = await t.login('token.owner', PASSWORD)
    expect((await call(cookie, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'Owner-Pass-2026!' })).statusCode).toBe(200)
    const tk = (await call(cookie, 'POST', '/tokens', { name: 'owner gateway' })).json()
    expect((await call(tk.token, 'GET', '/users')).statusCode).toBe(200)
    expect((await call(cookie, 'POST', '/auth/password', { currentPassword: 'Owner-Pass-2026!', newPassword: 'Owner-Pass-2027!' })).statusCode).toBe(200)
    expect((await call(tk.token, 'GET', '/users')).statusCode).toBe(401)
    const tk2 = (await call(cookie, 'POST', '/tokens', { name: 'owner gateway 2' })).json()
    expect((await call(admin, 'POST', `/users/${owner.json().id}/reset-password`, { newPassword: 'Reset-Pass-2026!' })).statusCode).toBe(200)
    expect((await call(tk2.token, 'GET', '/users')).statusCode).toBe(401)
  })

  it('are listed and revocable by another system administrator', async () => {
    const second = await readyAccount({ username: 'second.admin', role: 'auditor', scopeRegionCode: '620702000000' })
    expect(second.id).toBeTruthy()
    const other = await call(admin, 'POST', '/users', {
      username: 'other.sysadmin',
      displayName: '另一位系统管理员',
      role: 'sys_admin',
      scopeRegionCode: '620702000000',
      password: PASSWORD,
    })
    const otherCookie = await t.login('other.sysadmin', PASSWORD)
    await call(otherCookie, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'Other-Admin-2026!' })
    const theirs = (await call(otherCookie, 'POST', '/tokens', { name: 'their device' })).json()
    const mine = (await call(admin, 'GET', '/tokens')).json().items.find((x: { id: string }) => x.id === theirs.id)
    expect(mine).toMatchObject({ ownerUsername: 'other.sysadmin', ownerId: other.json().id })
    expect((await call(admin, 'DELETE', `/tokens/${theirs.id}`)).statusCode).toBe(200)
    expect((await call(theirs.token, 'GET', '/users')).statusCode).toBe(401)
  })
})

describe('mustChangePassword is enforced by the server (item 12)', () => {
  it('an account with an initial password reaches only password change, logout and me', async () => {
    const created = await call(bureau, 'POST', '/users', {
      username: 'fresh.worker',
      displayName: '新社工',
      role: 'community_worker',
      scopeRegionCode: '620702001001',
      password: PASSWORD,
    })
    expect(created.statusCode).toBe(200)
    const cookie = await t.login('fresh.worker', PASSWORD)
    const blocked = await call(cookie, 'GET', '/elders')
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('修改初始密码') })
    expect((await call(cookie, 'PUT', '/auth/preferences', { elderMode: true })).json().code).toBe('PASSWORD_CHANGE_REQUIRED')
    const me = await call(cookie, 'GET', '/auth/me')
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ mustChangePassword: true, passwordChangeRequired: true })
    expect((await call(cookie, 'GET', '/health')).statusCode).toBe(200)
    expect((await call(cookie, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'Fresh-Worker-2026!' })).statusCode).toBe(200)
    expect((await call(cookie, 'GET', '/elders')).statusCode).toBe(200)
  })

  it('demo accounts keep working with the shared demo password (reminded, not forced)', async () => {
    const cookie = await t.login('nanjie.worker')
    const me = (await call(cookie, 'GET', '/auth/me')).json().user
    expect(me).toMatchObject({ mustChangePassword: true, passwordChangeRequired: false })
    expect((await call(cookie, 'GET', '/elders')).statusCode).toBe(200)
  })
})
