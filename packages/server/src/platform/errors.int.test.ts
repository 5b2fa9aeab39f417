import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({
    extraRoutes: (app) => {
      app.get('/api/v1/__boom', async () => {
        throw new Error('secret internal detail at /srv/x.ts:12')
      })
    },
  })
})
afterAll(async () => {
  await t?.close()
})

describe('errors and request ids', () => {
  it('answers an unknown error with 500, a request id and no stack or detail', async () => {
    const res = await t.app.inject({ url: '/api/v1/__boom' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'INTERNAL', message: expect.stringContaining('请求编号'), requestId: res.headers['x-request-id'] })
    expect(res.body).not.toContain('secret internal detail')
  })

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('BAD_REQUEST')
  })

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('NOT_FOUND')
  })

  it('answers 401 to anonymous calls of protected endpoints', async () => {
    const res = await t.app.inject({ url: '/api/v1/users' })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('UNAUTHENTICATED')
  })

  it('keeps a well-formed incoming request id and sets one otherwise', async () => {
    const given = await t.app.inject({ url: '/api/v1/health', headers: { 'x-request-id': 'gateway-abc-12345' } })
    expect(given.headers['x-request-id']).toBe('gateway-abc-12345')
    const made = await t.app.inject({ url: '/api/v1/health', headers: { 'x-request-id': 'bad id with spaces' } })
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' })
    expect(res.json()).toMatchObject({ status: 'ok', db: expect.stringMatching(/^(pglite|postgres)$/), demo: true })
  })

  it('serves an OpenAPI document and a docs UI', async () => {
    const doc = await t.app.inject({ url: '/api/docs/json' })
    expect(doc.statusCode).toBe(200)
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/auth/login')
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400)
  })
})

describe('request logs', () => {
  it('writes one line per request with id, user, status and duration, and never a full ID number', async () => {
    const lines: string[] = []
    const stream = {
      write: (l: string) => {
        lines.push(l)
      },
    }
    const logged = await createTestApp({
      logger: { level: 'info', stream },
      extraRoutes: (app) => {
        app.get('/api/v1/__leak', async () => {
          throw new Error('row for 11010519491231002X / 13812345678 failed')
        })
      },
    })
    try {
      const cookie = await logged.login('admin')
      const res = await logged.app.inject({ url: '/api/v1/__leak?idNumber=11010519491231002X', headers: { cookie } })
      expect(res.statusCode).toBe(500)
      const all = lines.join('')
      expect(all).not.toContain('11010519491231002X')
      expect(all).not.toContain('13812345678')
      expect(all).not.toContain('yiyang-demo')
      const raw = lines.filter((l) => l.includes('"msg":"request"') && l.includes(String(res.headers['x-request-id'])))
      expect(raw).toHaveLength(1)
      expect(raw[0].match(/"reqId"/g), 'reqId once per line').toHaveLength(1)
      const reqLines = raw.map((l) => JSON.parse(l)).filter((l) => l.reqId === res.headers['x-request-id'])
      expect(reqLines).toHaveLength(1)
      expect(reqLines[0]).toMatchObject({ status: 500, route: '/api/v1/__leak', userId: expect.any(String), ms: expect.any(Number) })
    } finally {
      await logged.close()
    }
  })
})
