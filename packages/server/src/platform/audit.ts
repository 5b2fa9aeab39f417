import { asc, eq, gt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.js'
import { rowsOf } from '../db/client.js'
import { sha256Hex } from './crypto.js'
import type { TxCtx } from './context.js'
import { auditHead, auditLog } from './audit.tables.js'

export type TAuditEntry = {
  action: string
  entityType: string
  entityId?: string | null
  regionCode?: string | null
  before?: unknown
  after?: unknown
}

const ID_RE = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g
const PHONE_RE = /\b(1\d{2})\d{4}(\d{4})\b/g
const SECRET_KEYS = /(password|hash|enc$|token|secret)/i

/**
 * Second line of defence: use cases pass mapped (masked) snapshots, and anything that still
 * looks like an ID number or a phone number is masked, and secret-looking keys are dropped.
 */
export function sanitizeForAudit(value: unknown): unknown {
  if (value === undefined) return null
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'string') return value.replace(ID_RE, '$1********$2').replace(PHONE_RE, '$1****$2')
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(sanitizeForAudit)
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEYS.test(k)) continue
      out[k] = sanitizeForAudit(v)
    }
    return out
  }
  return String(value)
}

/** Canonical JSON: sorted keys, no whitespace; stable across jsonb round trips. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']'
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonical(v)).join(',') + '}'
  }
  return JSON.stringify(value)
}

type ChainFields = {
  seq: number
  at: Date
  actorId: string | null
  actorUsername: string | null
  actorRole: string | null
  action: string
  entityType: string
  entityId: string | null
  regionCode: string | null
  before: unknown
  after: unknown
  requestId: string | null
  ip: string | null
}

export function auditRowHash(prevHash: string, r: ChainFields): string {
  const content = canonical({ ...r, at: r.at.toISOString() })
  return sha256Hex(prevHash + '\n' + content)
}

/** Appends one audit row inside the caller's transaction, chained to the previous row. */
export async function appendAudit(t: TxCtx, entry: TAuditEntry) {
  const head = rowsOf<{ seq: number | string; hash: string }>(
    await t.tx.execute(sql`select seq, hash from audit_head where id = 1 for update`),
  )[0]
  if (!head) throw new Error('audit_head missing: migrations not applied')
  const fields: ChainFields = {
    seq: Number(head.seq) + 1,
    at: new Date(Math.floor(t.clock.now().getTime())),
    actorId: t.actor?.userId ?? null,
    actorUsername: t.actor?.username ?? null,
    actorRole: t.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    before: sanitizeForAudit(entry.before ?? null),
    after: sanitizeForAudit(entry.after ?? null),
    requestId: t.requestId,
    ip: t.ip,
  }
  const hash = auditRowHash(head.hash, fields)
  await t.tx.insert(auditLog).values({ ...fields, prevHash: head.hash, hash })
  await t.tx.update(auditHead).set({ seq: fields.seq, hash }).where(eq(auditHead.id, 1))
  return { seq: fields.seq, hash }
}

export type TVerifyResult = { ok: boolean; checked: number; brokenAt?: { seq: number; id: string; reason: string } }

/** Walks the chain in pages; reports the first row whose link or content hash does not match. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 2000): Promise<TVerifyResult> {
  let prev = '0'.repeat(64)
  let lastSeq = 0
  let checked = 0
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(pageSize)
    if (rows.length === 0) break
    for (const r of rows) {
      if (r.seq !== lastSeq + 1) return { ok: false, checked, brokenAt: { seq: r.seq, id: r.id, reason: `序号不连续：缺少第 ${lastSeq + 1} 条` } }
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: { seq: r.seq, id: r.id, reason: '与上一条记录的哈希链接不符' } }
      const expect = auditRowHash(prev, {
        seq: r.seq, at: r.at, actorId: r.actorId, actorUsername: r.actorUsername, actorRole: r.actorRole,
        action: r.action, entityType: r.entityType, entityId: r.entityId, regionCode: r.regionCode,
        before: r.before, after: r.after, requestId: r.requestId, ip: r.ip,
      })
      if (expect !== r.hash) return { ok: false, checked, brokenAt: { seq: r.seq, id: r.id, reason: '记录内容与哈希不符（可能被篡改）' } }
      prev = r.hash
      lastSeq = r.seq
      checked++
    }
  }
  return { ok: true, checked }
}
