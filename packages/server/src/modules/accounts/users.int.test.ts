import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'

let t: TestApp
let admin: string
let officerA: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin')
  officerA = await t.login('dongjie.officer')
})
afterAll(async () => {
  await t?.close()
})

const req = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, payload })

describe('user administration', () => {
  it('creates a user inside the scope, masks the phone and writes an audit row', async () => {
    const res = await req(admin, 'POST', '/api/v1/users', {
      username: 'zhang.worker',
      displayName: '张社工',
      role: 'community_worker',
      scopeRegionCode: '620702002001',
      password: 'Welcome-2026!',
      phone: '13812345678',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ username: 'zhang.worker', scopeRegionName: '南苑社区', phone: '138****5678' })
    const audit = await req(admin, 'GET', `/api/v1/audit?entityId=${res.json().id}`)
    expect(audit.json().items[0]).toMatchObject({ action: 'user.created', actorUsername: 'admin' })
    expect(JSON.stringify(audit.json().items[0].after)).not.toContain('13812345678')
    const raw = await t.database.db.execute(`select phone_enc from users where username = 'zhang.worker'` as never)
    expect(JSON.stringify(raw)).not.toContain('13812345678')
  })

  it('rejects a duplicate username with 409 and a field', async () => {
    const res = await req(admin, 'POST', '/api/v1/users', {
      username: 'ADMIN',
      displayName: 'x',
      role: 'assessor',
      scopeRegionCode: '620702001000',
      password: 'Welcome-2026!',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().fields[0].path).toBe('username')
  })

  it('lets a street officer create a community worker in their street only', async () => {
    const ok = await req(officerA, 'POST', '/api/v1/users', {
      username: 'li.worker',
      displayName: '李社工',
      role: 'community_worker',
      scopeRegionCode: '620702001002',
      password: 'Welcome-2026!',
    })
    expect(ok.statusCode).toBe(200)
    const other = await req(officerA, 'POST', '/api/v1/users', {
      username: 'wang.worker',
      displayName: '王社工',
      role: 'community_worker',
      scopeRegionCode: '620702002001',
      password: 'Welcome-2026!',
    })
    expect(other.statusCode).toBe(400)
    expect(other.json().fields[0].path).toBe('scopeRegionCode')
  })

  it('never lets an admin grant a role above their own', async () => {
    const res = await req(officerA, 'POST', '/api/v1/users', {
      username: 'boss',
      displayName: '越权',
      role: 'bureau_admin',
      scopeRegionCode: '620702001000',
      password: 'Welcome-2026!',
    })
    expect(res.statusCode).toBe(403)
    const roles = await req(officerA, 'GET', '/api/v1/users/roles')
    expect(roles.json().items.map((r: { role: string }) => r.role)).not.toContain('bureau_admin')
    const list = await req(officerA, 'GET', '/api/v1/users?q=dongjie.officer')
    const promote = await req(officerA, 'PATCH', `/api/v1/users/${list.json().items[0].id}`, { role: 'sys_admin' })
    expect(promote.statusCode).toBe(403)
  })

  it('rejects a weak initial password', async () => {
    const res = await req(admin, 'POST', '/api/v1/users', {
      username: 'weakling',
      displayName: 'x',
      role: 'assessor',
      scopeRegionCode: '620702001000',
      password: 'abc',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().fields[0].path).toBe('password')
  })

  it('lists only users inside the scope, with search and pagination', async () => {
    const res = await req(officerA, 'GET', '/api/v1/users?pageSize=100')
    const names = res.json().items.map((u: { username: string }) => u.username)
    expect(names).toContain('dongjie.worker')
    expect(names).not.toContain('nanjie.officer')
    expect(names).not.toContain('admin')
    const page = await req(admin, 'GET', '/api/v1/users?page=2&pageSize=5')
    expect(page.json()).toMatchObject({ page: 2, pageSize: 5 })
    expect(page.json().items).toHaveLength(5)
    expect(page.json().total).toBeGreaterThan(40)
  })

  it('disabling a user ends their sessions at once', async () => {
    const victim = await t.login('daman.operator')
    const list = await req(admin, 'GET', '/api/v1/users?q=daman.operator')
    const id = list.json().items[0].id
    expect((await req(admin, 'PATCH', `/api/v1/users/${id}`, { isActive: false })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: victim } })).statusCode).toBe(401)
    const relogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'daman.operator', password: 'yiyang-demo' } })
    expect(relogin.statusCode).toBe(401)
  })

  it('resets a password so the user must change it', async () => {
    const list = await req(admin, 'GET', '/api/v1/users?q=shajing.assessor')
    const id = list.json().items[0].id
    expect((await req(admin, 'POST', `/api/v1/users/${id}/reset-password`, { newPassword: 'Temp-Pass-2026' })).statusCode).toBe(200)
    const cookie = await t.login('shajing.assessor', 'Temp-Pass-2026')
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().user.mustChangePassword).toBe(true)
  })
})
