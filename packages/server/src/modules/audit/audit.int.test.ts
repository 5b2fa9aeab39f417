import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { verifyAuditChain } from '../../platform/audit.js'
import { createCrypto } from '../../platform/crypto.js'
import { TEST_SECRET } from '../../../test/config.js'

let t: TestApp
let auditor: string
beforeAll(async () => {
  t = await createTestApp()
  auditor = await t.login('auditor')
})
afterAll(async () => {
  await t?.close()
})

describe('audit log', () => {
  it('is searchable by auditors, newest first, with actor and request id', async () => {
    const admin = await t.login('admin')
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/preferences', headers: { cookie: admin }, payload: { elderMode: true } })
    const reqId = res.headers['x-request-id']
    const found = await t.app.inject({ url: '/api/v1/audit?action=user.preferences&actor=admin', headers: { cookie: auditor } })
    expect(found.statusCode).toBe(200)
    expect(found.json().items[0]).toMatchObject({
      action: 'user.preferences_changed',
      actorUsername: 'admin',
      actorRole: 'sys_admin',
      requestId: reqId,
      before: { elderMode: false },
      after: { elderMode: true },
    })
  })

  it('forbids the audit search to roles without audit:read', async () => {
    const officer = await t.login('dongjie.officer')
    expect((await t.app.inject({ url: '/api/v1/audit', headers: { cookie: officer } })).statusCode).toBe(403)
  })

  it('verifies an intact hash chain', async () => {
    const res = await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: auditor } })
    expect(res.json().ok).toBe(true)
    expect(res.json().checked).toBeGreaterThan(3)
  })

  it('refuses UPDATE and DELETE on audit rows in the database itself', async () => {
    await expect(t.database.db.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow()
    await expect(t.database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow()
  })

  it('finds the first tampered row', async () => {
    // Simulate an attacker with superuser rights who disables the guard.
    await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`)
    await t.database.db.execute(sql`update audit_log set action = 'tampered' where seq = 2`)
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`)
    const r = await verifyAuditChain(t.database.db, createCrypto(TEST_SECRET))
    expect(r.ok).toBe(false)
    expect(r.brokenAt?.seq).toBe(2)
    expect(r.checked).toBe(1)
  })
})
