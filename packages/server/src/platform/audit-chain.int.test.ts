import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../test/app.js'
import { TEST_SECRET } from '../../test/config.js'
import { eq } from 'drizzle-orm'
import { appendAudit, auditRowHash, GENESIS_HASH, signCheckpoint, verifyAuditChain, verifyCheckpoints } from './audit.js'
import { auditHead, auditLog } from './audit.tables.js'
import { withTx } from './context.js'
import { systemCtx } from '../bootstrap.js'
import { testConfig } from '../../test/config.js'
import { createCrypto } from './crypto.js'
import { openPglite, rowsOf } from '../db/client.js'

// Issue 16 items 4 and 5: the chain's tail, keyed hashes, checkpoints, and region-less rows.
let t: TestApp
let bureau: string
let auditor: string
const crypto = createCrypto(TEST_SECRET)
beforeAll(async () => {
  t = await createTestApp()
  ;[bureau, auditor] = await Promise.all(['bureau', 'auditor'].map((u) => t.login(u)))
})
afterAll(async () => {
  await t?.close()
})

const verify = async () => (await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: auditor } })).json()
const asSuperuser = async (statement: ReturnType<typeof sql>) => {
  // An attacker with database rights who switches the append-only guard off.
  await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`)
  try {
    await t.database.db.execute(statement)
  } finally {
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`)
  }
}

describe('audit rows of region-less entities (item 5)', () => {
  it("a worklist rule change carries the actor's region and is found by the audit search", async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/worklists/rules',
      headers: { cookie: bureau },
      payload: { id: 'audit_region_rule', name: '审计区划测试', rule: { field: 'age', op: 'gte', value: 99 }, reappearAfterDays: 30 },
    })
    expect(res.statusCode, res.body).toBe(200)
    const found = (await t.app.inject({ url: '/api/v1/audit?entityType=worklist_rule&entityId=audit_region_rule', headers: { cookie: auditor } })).json()
    expect(found.items).toHaveLength(1)
    expect(found.items[0]).toMatchObject({ regionCode: '620702000000', actorUsername: 'bureau' })
  })
})

describe('audit chain (item 4)', () => {
  it('is keyed: a row recomputed with plain SHA-256 (no key) fails verification', async () => {
    const before = await verify()
    expect(before).toMatchObject({ ok: true, legacyRows: 0 })
    const [row] = rowsOf<Record<string, unknown>>(await t.database.db.execute(sql`select * from audit_log order by seq desc limit 1`))
    const r = row as { seq: number | string; at: string | Date; prev_hash: string; hash: string }
    // Rewrite the newest row as a forger without the key would: new content, plain hash.
    const fields = {
      seq: Number(r.seq),
      at: new Date(r.at),
      actorId: null,
      actorUsername: 'nobody',
      actorRole: null,
      action: 'forged',
      entityType: 'x',
      entityId: null,
      regionCode: null,
      before: null,
      after: null,
      requestId: null,
      ip: null,
    }
    const plain = auditRowHash(r.prev_hash, fields, 'sha256', crypto)
    await asSuperuser(
      sql`update audit_log set actor_id = null, actor_username = 'nobody', actor_role = null, action = 'forged', entity_type = 'x', entity_id = null, region_code = null, before = null, after = null, request_id = null, ip = null, hash = ${plain}, hash_alg = 'sha256' where seq = ${fields.seq}`,
    )
    await t.database.db.execute(sql`update audit_head set hash = ${plain} where id = 1`)
    const after = await verify()
    expect(after.ok).toBe(false)
    expect(after.brokenAt.seq).toBe(fields.seq)
    // Put the row back as it was so the next tests start from a sound chain.
    await asSuperuser(sql`delete from audit_log where seq = ${fields.seq}`)
    await t.database.db.execute(sql`update audit_head set seq = ${fields.seq - 1}, hash = ${r.prev_hash} where id = 1`)
    expect((await verify()).ok).toBe(true)
  })

  it('compares the end of the chain with the head: deleting the newest rows is caught', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/v1/auth/preferences', headers: { cookie: bureau }, payload: { elderMode: true } })
    const { seq } = (await verify()).head
    await asSuperuser(sql`delete from audit_log where seq = ${seq}`)
    const r = await verify()
    expect(r.ok).toBe(false)
    expect(r.brokenAt).toMatchObject({ seq, id: null, reason: expect.stringContaining('链尾缺失') })
  })

  it('exported signed checkpoints catch a head rewound together with the rows', async () => {
    // Repair the previous test's damage the way an attacker would: rewind the head too.
    const [last] = rowsOf<{ seq: number | string; hash: string }>(await t.database.db.execute(sql`select seq, hash from audit_log order by seq desc limit 1`))
    await t.database.db.execute(sql`update audit_head set seq = ${Number(last!.seq)}, hash = ${last!.hash} where id = 1`)
    expect((await verifyAuditChain(t.database.db, crypto)).ok).toBe(true)
    await t.app.inject({ method: 'PUT', url: '/api/v1/auth/preferences', headers: { cookie: bureau }, payload: { elderMode: false } })
    const head = (await verifyAuditChain(t.database.db, crypto)).head
    const checkpoint = signCheckpoint(crypto, head, new Date())
    expect((await verifyCheckpoints(t.database.db, crypto, [checkpoint])).ok).toBe(true)
    // A checkpoint signed with another key, or edited, is refused.
    expect((await verifyCheckpoints(t.database.db, crypto, [{ ...checkpoint, seq: checkpoint.seq - 1 }])).ok).toBe(false)
    expect((await verifyCheckpoints(t.database.db, crypto, [signCheckpoint(createCrypto('another-secret-key-0123456789abcdefgh'), head, new Date())])).ok).toBe(
      false,
    )
    // Cut the newest row and rewind the head: the chain alone looks sound, the checkpoint does not.
    await asSuperuser(sql`delete from audit_log where seq = ${head.seq}`)
    const [prev] = rowsOf<{ hash: string }>(await t.database.db.execute(sql`select hash from audit_log where seq = ${head.seq - 1}`))
    await t.database.db.execute(sql`update audit_head set seq = ${head.seq - 1}, hash = ${prev!.hash} where id = 1`)
    expect((await verifyAuditChain(t.database.db, crypto)).ok).toBe(true)
    const c = await verifyCheckpoints(t.database.db, crypto, [checkpoint])
    expect(c.ok).toBe(false)
    expect(c.problems[0]).toContain('已不存在')
  })

  it('continues a chain written before the upgrade: legacy rows verify, then keyed rows follow', async () => {
    // A database migrated before issue 16: rows hashed with plain SHA-256 (hash_alg defaults to it).
    const old = await openPglite({})
    try {
      await old.migrate()
      let prev = GENESIS_HASH
      for (let seq = 1; seq <= 3; seq++) {
        const fields = {
          seq,
          at: new Date(Date.UTC(2026, 0, seq)),
          actorId: null,
          actorUsername: 'admin',
          actorRole: 'sys_admin',
          action: 'legacy.row',
          entityType: 'system',
          entityId: null,
          regionCode: '620702000000',
          before: null,
          after: { n: seq },
          requestId: null,
          ip: null,
        }
        const hash = auditRowHash(prev, fields, 'sha256', crypto)
        await old.db.insert(auditLog).values({ ...fields, prevHash: prev, hash })
        await old.db.update(auditHead).set({ seq, hash }).where(eq(auditHead.id, 1))
        prev = hash
      }
      expect(await verifyAuditChain(old.db, crypto)).toMatchObject({ ok: true, checked: 3, legacyRows: 3 })
      const ctx = { ...systemCtx(old, testConfig()), clock: { now: () => new Date(Date.UTC(2026, 1, 1)) } }
      await withTx(ctx, (t) => appendAudit(t, { action: 'after.upgrade', entityType: 'system' }))
      expect(await verifyAuditChain(old.db, crypto)).toMatchObject({ ok: true, checked: 4, legacyRows: 3 })
      // A plain row slipped in after the keyed one is refused even though its hash is right.
      const [last] = await old.db.select().from(auditLog).where(eq(auditLog.seq, 4))
      const forged = {
        seq: 5,
        at: new Date(Date.UTC(2026, 1, 2)),
        actorId: null,
        actorUsername: 'nobody',
        actorRole: null,
        action: 'forged',
        entityType: 'system',
        entityId: null,
        regionCode: null,
        before: null,
        after: null,
        requestId: null,
        ip: null,
      }
      const hash = auditRowHash(last!.hash, forged, 'sha256', crypto)
      await old.db.insert(auditLog).values({ ...forged, prevHash: last!.hash, hash, hashAlg: 'sha256' })
      await old.db.update(auditHead).set({ seq: 5, hash }).where(eq(auditHead.id, 1))
      expect((await verifyAuditChain(old.db, crypto)).brokenAt).toMatchObject({ seq: 5, reason: expect.stringContaining('未签名') })
    } finally {
      await old.close()
    }
  })
})
