import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import SwaggerParser from '@apidevtools/swagger-parser'
import { createTestApp, type TestApp } from '../../test/app.js'
import { openPglite } from '../db/client.js'

// Issue 16 items 7, 8, 10 and 13: data folder permissions, control characters and logged
// query parameters, CSRF and security headers, and a valid OpenAPI document.
let t: TestApp
let admin: string
const lines: string[] = []
beforeAll(async () => {
  t = await createTestApp({
    logger: {
      level: 'info',
      stream: {
        write: (l: string) => {
          lines.push(l)
        },
      },
    },
    extraRoutes: (app) => {
      // A failing statement whose parameter must not reach the log.
      app.get('/api/v1/__failing-query', async (req) => {
        await req.ctx.db.execute(sql`select ${'SECRET-PARAM-4711'}::text as x, 1 / 0 as boom`)
        return { ok: true }
      })
    },
  })
  admin = await t.login('admin')
})
afterAll(async () => {
  await t?.close()
})

describe('control characters in text input (item 8)', () => {
  it('answers a NUL byte in the login name with 400 naming the field, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'x' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'username', message: expect.stringContaining('控制字符') }] })
  })

  it.each([
    ['a bidi override', '王\u202E秀兰'],
    ['a bidi isolate', '王\u2066秀兰'],
    ['a zero-width space', '王\u200B秀兰'],
    ['a byte order mark', '\uFEFF王秀兰'],
  ])('rejects %s in a nested body field and in the query string', async (_name, value) => {
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'ctl.user', displayName: value, role: 'assessor', scopeRegionCode: '620702001000', password: 'Welcome-2026!' },
    })
    expect(body.statusCode).toBe(400)
    expect(body.json().fields[0].path).toBe('displayName')
    const query = await t.app.inject({ url: `/api/v1/users?q=${encodeURIComponent(value)}`, headers: { cookie: admin } })
    expect(query.statusCode).toBe(400)
    expect(query.json().fields[0].path).toBe('querystring.q')
  })

  it('keeps line breaks and tabs, which notes legitimately contain', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${(await t.app.inject({ url: '/api/v1/users?q=dongjie.worker', headers: { cookie: admin } })).json().items[0].id}`,
      headers: { cookie: admin },
      payload: { displayName: '东街\t社工\n一' },
    })
    expect(res.statusCode).toBe(200)
  })

  it('never logs the parameters of a failed SQL statement', async () => {
    const res = await t.app.inject({ url: '/api/v1/__failing-query', headers: { cookie: admin } })
    expect(res.statusCode).toBe(500)
    const logged = lines.join('')
    expect(logged).toContain('unhandled error')
    expect(logged).not.toContain('SECRET-PARAM-4711')
  })
})

describe('CSRF and security headers (item 10)', () => {
  const payload = { elderMode: false }
  it('refuses a cookie-authenticated write from another origin, with or without a body', async () => {
    const cross = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/preferences', headers: { cookie: admin, origin: 'https://evil.example' }, payload })
    expect(cross.statusCode).toBe(403)
    expect(cross.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('跨站') })
    const bodiless = await t.app.inject({ method: 'POST', url: '/api/v1/worklists/refresh', headers: { cookie: admin, 'sec-fetch-site': 'cross-site' } })
    expect(bodiless.statusCode).toBe(403)
    const nullOrigin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: admin, origin: 'null' } })
    expect(nullOrigin.statusCode).toBe(403)
    const sameSite = await t.app.inject({ method: 'POST', url: '/api/v1/worklists/refresh', headers: { cookie: admin, 'sec-fetch-site': 'same-site' } })
    expect(sameSite.statusCode).toBe(403)
  })

  it('refuses a cross-site multipart upload before reading it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/elders/imports',
      headers: { cookie: admin, origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\r\n--x--\r\n',
    })
    expect(res.statusCode).toBe(403)
  })

  it('accepts same-origin writes and reads from anywhere', async () => {
    const same = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/preferences',
      headers: { cookie: admin, host: 'yiyang.local:3000', origin: 'http://yiyang.local:3000', 'sec-fetch-site': 'same-origin' },
      payload,
    })
    expect(same.statusCode).toBe(200)
    const read = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })
    expect(read.statusCode).toBe(200)
  })

  it('makes exports POST: a GET export no longer exists', async () => {
    // (GET /elders/export now falls to GET /elders/:id, which refuses 'export' as an id.)
    expect((await t.app.inject({ url: '/api/v1/elders/export?full=true&reason=x', headers: { cookie: admin } })).statusCode).not.toBe(200)
    expect((await t.app.inject({ url: '/api/v1/assessments/stats.xlsx', headers: { cookie: admin } })).statusCode).not.toBe(200)
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/v1/elders/export',
      headers: { cookie: admin, origin: 'https://evil.example' },
      payload: { full: 'true', reason: '核对' },
    })
    expect(cross.statusCode).toBe(403)
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/assessments/stats.xlsx', headers: { cookie: admin }, payload: {} })
    expect(ok.statusCode).toBe(200)
  })

  it('sends CSP with frame-ancestors, nosniff and a referrer policy on API and page answers', async () => {
    for (const url of ['/api/v1/health', '/api/docs']) {
      const res = await t.app.inject({ url })
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'self'")
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'")
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('same-origin')
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    }
  })
})

describe('OpenAPI document (item 13)', () => {
  it('validates against the OpenAPI schema, with no dangling $ref', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(JSON.stringify(doc)).not.toContain('schema0')
    // validate() checks the document against the OpenAPI 3 schema and resolves every $ref.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy()
    expect(doc.components.schemas.RegionNode).toBeDefined()
  })
})

describe('data folder permissions (item 7)', () => {
  it('creates the PGlite folder 0700 and its files 0600, and repairs an older folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yy-perm-'))
    const umask = process.umask()
    try {
      process.umask(0o022)
      const db = await openPglite({ dataDir: join(dir, 'pgdata') })
      await db.db.execute(sql`create table t (x int)`)
      await db.db.execute(sql`insert into t values (1)`)
      await db.close()
      const loose: string[] = []
      const walk = (p: string) => {
        const st = statSync(p)
        if (st.isDirectory()) {
          if ((st.mode & 0o777) !== 0o700) loose.push(`${p} ${(st.mode & 0o777).toString(8)}`)
          for (const n of readdirSync(p)) walk(join(p, n))
        } else if ((st.mode & 0o077) !== 0) loose.push(`${p} ${(st.mode & 0o777).toString(8)}`)
      }
      walk(join(dir, 'pgdata'))
      expect(loose).toEqual([])
    } finally {
      process.umask(umask)
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
