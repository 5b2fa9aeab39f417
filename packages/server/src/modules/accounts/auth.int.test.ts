import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'

let t: TestApp
let now = new Date()
const clock = { now: () => now }
beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(async () => {
  await t?.close()
})

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })

describe('auth', () => {
  it('logs the demo admin in with an HTTP-only, SameSite=Lax session cookie', async () => {
    const res = await login('admin', 'yiyang-demo')
    expect(res.statusCode).toBe(200)
    const c = res.cookies.find((x) => x.name === 'yy_sid')!
    expect(c.httpOnly).toBe(true)
    expect(c.sameSite).toBe('Lax')
    expect(c.secure).toBeFalsy()
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'sys_admin', scopeRegionName: '甘州区', mustChangePassword: true })
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `yy_sid=${c.value}` } })
    expect(me.json().user.username).toBe('admin')
  })

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const proxied = await createTestApp({ config: { trustProxy: true } })
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'bureau', password: 'yiyang-demo' },
        headers: { 'x-forwarded-proto': 'https' },
      })
      expect(res.statusCode).toBe(200)
      expect(res.cookies.find((x) => x.name === 'yy_sid')!.secure).toBe(true)
    } finally {
      await proxied.close()
    }
  })

  it('answers 401 with a Chinese message on a wrong password or unknown user', async () => {
    for (const [u, p] of [
      ['bureau', 'wrong-password'],
      ['nobody-here', 'x'],
    ]) {
      const res = await login(u!, p!)
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' })
      expect(res.json().requestId).toBe(res.headers['x-request-id'])
    }
  })

  it('answers 400 with the field path when a field is missing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
    expect(res.json().fields).toEqual([{ path: 'password', message: '此项为必填项' }])
  })

  it('locks an account for 15 minutes after 5 failed logins, then lets it in again', async () => {
    for (let i = 0; i < 4; i++) expect((await login('dongjie.assessor', 'bad')).statusCode).toBe(401)
    const fifth = await login('dongjie.assessor', 'bad')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED')
    expect((await login('dongjie.assessor', 'yiyang-demo')).statusCode).toBe(423)
    now = new Date(now.getTime() + 16 * 60_000)
    expect((await login('dongjie.assessor', 'yiyang-demo')).statusCode).toBe(200)
  })

  it('expires a session after its time to live', async () => {
    const cookie = await t.login('nanjie.officer')
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200)
    now = new Date(now.getTime() + 13 * 3600_000)
    const res = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('UNAUTHENTICATED')
  })

  it('revokes the session on logout', async () => {
    const cookie = await t.login('xijie.officer')
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401)
  })

  it('rejects a weak new password and accepts a strong one, ending other sessions', async () => {
    const a = await t.login('beijie.officer')
    const b = await t.login('beijie.officer')
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: 'yiyang-demo', newPassword: 'short' },
    })
    expect(weak.statusCode).toBe(422)
    expect(weak.json().fields[0].path).toBe('newPassword')
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: 'nope', newPassword: 'Str0ng-Passw0rd!' },
    })
    expect(wrong.statusCode).toBe(400)
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: 'yiyang-demo', newPassword: 'Str0ng-Passw0rd!' },
    })
    expect(ok.statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: a } })).json().user.mustChangePassword).toBe(false)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: b } })).statusCode).toBe(401)
    expect((await login('beijie.officer', 'yiyang-demo')).statusCode).toBe(401)
    expect((await login('beijie.officer', 'Str0ng-Passw0rd!')).statusCode).toBe(200)
  })

  it('remembers the elder-friendly mode per user', async () => {
    const cookie = await t.login('huochezhan.worker')
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/preferences', headers: { cookie }, payload: { elderMode: true } })
    expect(res.json().user.elderMode).toBe(true)
    const again = await t.login('huochezhan.worker')
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: again } })).json().user.elderMode).toBe(true)
  })

  it('issues an API token once, stores only its hash, and stops it when revoked', async () => {
    const cookie = await t.login('admin')
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload: { name: '手环网关' } })
    expect(created.statusCode).toBe(200)
    const { token, id } = created.json()
    expect(token).toMatch(/^yyt_/)
    const list = await t.app.inject({ url: '/api/v1/tokens', headers: { cookie } })
    expect(JSON.stringify(list.json())).not.toContain(token)
    const stored = await t.database.db.execute(`select token_hash from api_tokens where id = '${id}'` as never)
    expect(JSON.stringify(stored)).not.toContain(token)
    const bearer = { authorization: `Bearer ${token}` }
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer })).json().user.username).toBe('admin')
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { cookie } })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(401)
  })
})

describe('login rate limit', () => {
  it('answers 429 after too many attempts from one address', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 })
    try {
      const codes: number[] = []
      for (let i = 0; i < 5; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } })).statusCode)
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401])
      expect(codes[4]).toBe(429)
      const last = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } })
      expect(last.json().code).toBe('RATE_LIMITED')
    } finally {
      await limited.close()
    }
  })
})
