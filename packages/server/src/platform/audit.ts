import { runTogether } from './together.js'
import { asc, eq, gt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.js'
import { rowsOf } from '../db/client.js'
import { safeEqual, sha256Hex, type Crypto } from './crypto.js'
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

export const AUDIT_HASH_ALGS = ['sha256', 'hmac-sha256'] as const
export type TAuditHashAlg = (typeof AUDIT_HASH_ALGS)[number]
/** What new rows use. 'sha256' is only read, for rows written before issue 16. */
export const CURRENT_AUDIT_HASH_ALG: TAuditHashAlg = 'hmac-sha256'
export const GENESIS_HASH = '0'.repeat(64)

/**
 * The row's link in the chain. 'hmac-sha256' is keyed by a key derived from SECRET_KEY, so
 * whoever can write to the database but does not hold the key cannot forge a valid row.
 */
export function auditRowHash(prevHash: string, r: ChainFields, alg: TAuditHashAlg, crypto: Pick<Crypto, 'auditChainMac'>): string {
  const content = prevHash + '\n' + canonical({ ...r, at: r.at.toISOString() })
  return alg === 'hmac-sha256' ? crypto.auditChainMac(content) : sha256Hex(content)
}

/**
 * Appends one audit row inside the caller's transaction, chained to the previous row. A row
 * about something with no region of its own (a worklist rule, a token) carries the actor's
 * scope region, so the audit search, which filters by region, finds it.
 */
export async function appendAudit(t: TxCtx, entry: TAuditEntry) {
  const head = rowsOf<{ seq: number | string; hash: string }>(await t.tx.execute(sql`select seq, hash from audit_head where id = 1 for update`))[0]
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
    regionCode: entry.regionCode ?? t.actor?.scopeRegionCode ?? null,
    before: sanitizeForAudit(entry.before ?? null),
    after: sanitizeForAudit(entry.after ?? null),
    requestId: t.requestId,
    ip: t.ip,
  }
  const hash = auditRowHash(head.hash, fields, CURRENT_AUDIT_HASH_ALG, t.crypto)
  // The row and the head move in one statement: one round trip fewer on every audited write.
  await runTogether(t.tx, [
    t.tx
      .insert(auditLog)
      .values({ ...fields, prevHash: head.hash, hash, hashAlg: CURRENT_AUDIT_HASH_ALG })
      .getSQL(),
    t.tx.update(auditHead).set({ seq: fields.seq, hash }).where(eq(auditHead.id, 1)).getSQL(),
  ])
  return { seq: fields.seq, hash }
}

/** Rows per INSERT in appendAudits: 15 columns each stays well under PostgreSQL's 65,535 parameters. */
const AUDIT_INSERT_CHUNK = 1000

/**
 * Many audit rows in the caller's transaction, chained exactly as appendAudit would chain them
 * one by one (same fields, same hashes, in list order), with one head read and one head update:
 * a set-based step over a thousand rows costs a few statements, not three per row.
 */
export async function appendAudits(t: TxCtx, entries: TAuditEntry[]) {
  if (entries.length === 0) return null
  const head = rowsOf<{ seq: number | string; hash: string }>(await t.tx.execute(sql`select seq, hash from audit_head where id = 1 for update`))[0]
  if (!head) throw new Error('audit_head missing: migrations not applied')
  const at = new Date(Math.floor(t.clock.now().getTime()))
  let seq = Number(head.seq)
  let prevHash = head.hash
  const rows = entries.map((entry) => {
    const fields: ChainFields = {
      seq: ++seq,
      at,
      actorId: t.actor?.userId ?? null,
      actorUsername: t.actor?.username ?? null,
      actorRole: t.actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      regionCode: entry.regionCode ?? t.actor?.scopeRegionCode ?? null,
      before: sanitizeForAudit(entry.before ?? null),
      after: sanitizeForAudit(entry.after ?? null),
      requestId: t.requestId,
      ip: t.ip,
    }
    const hash = auditRowHash(prevHash, fields, CURRENT_AUDIT_HASH_ALG, t.crypto)
    const row = { ...fields, prevHash, hash, hashAlg: CURRENT_AUDIT_HASH_ALG }
    prevHash = hash
    return row
  })
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_CHUNK) await t.tx.insert(auditLog).values(rows.slice(i, i + AUDIT_INSERT_CHUNK))
  await t.tx.update(auditHead).set({ seq, hash: prevHash }).where(eq(auditHead.id, 1))
  return { seq, hash: prevHash }
}

export type TVerifyResult = {
  ok: boolean
  checked: number
  /** Rows from before issue 16, chained with plain SHA-256: their order is checked, not who wrote them. */
  legacyRows: number
  head: { seq: number; hash: string }
  brokenAt?: { seq: number; id: string | null; reason: string }
}

/**
 * Walks the chain in pages; reports the first row whose link or content hash does not match,
 * then compares the chain's end with audit_head, so deleting the newest rows is caught too
 * (unless the head row is rewound as well: only an exported checkpoint catches that).
 */
export async function verifyAuditChain(db: DbOrTx, crypto: Pick<Crypto, 'auditChainMac'>, pageSize = 2000): Promise<TVerifyResult> {
  const [headRow] = await db.select().from(auditHead).where(eq(auditHead.id, 1))
  const head = { seq: Number(headRow?.seq ?? 0), hash: headRow?.hash ?? GENESIS_HASH }
  let prev = GENESIS_HASH
  let lastSeq = 0
  let checked = 0
  let legacyRows = 0
  let seenHmac = false
  const broken = (seq: number, id: string | null, reason: string): TVerifyResult => ({ ok: false, checked, legacyRows, head, brokenAt: { seq, id, reason } })
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(pageSize)
    if (rows.length === 0) break
    for (const r of rows) {
      if (r.seq !== lastSeq + 1) return broken(r.seq, r.id, `序号不连续：缺少第 ${lastSeq + 1} 条`)
      if (r.prevHash !== prev) return broken(r.seq, r.id, '与上一条记录的哈希链接不符')
      const alg = r.hashAlg as TAuditHashAlg
      if (!AUDIT_HASH_ALGS.includes(alg)) return broken(r.seq, r.id, `未知的哈希算法 ${r.hashAlg}`)
      // Once keyed rows start, an unkeyed row can only be a forgery.
      if (alg === 'sha256' && seenHmac) return broken(r.seq, r.id, '在密钥签名记录之后出现了未签名记录（可能被伪造）')
      const expect = auditRowHash(
        prev,
        {
          seq: r.seq,
          at: r.at,
          actorId: r.actorId,
          actorUsername: r.actorUsername,
          actorRole: r.actorRole,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          regionCode: r.regionCode,
          before: r.before,
          after: r.after,
          requestId: r.requestId,
          ip: r.ip,
        },
        alg,
        crypto,
      )
      if (expect !== r.hash) return broken(r.seq, r.id, '记录内容与哈希不符（可能被篡改）')
      if (alg === 'sha256') legacyRows++
      else seenHmac = true
      prev = r.hash
      lastSeq = r.seq
      checked++
    }
  }
  if (lastSeq !== head.seq) {
    return lastSeq < head.seq
      ? broken(lastSeq + 1, null, `链尾缺失：链头记录共 ${head.seq} 条，实际只有 ${lastSeq} 条（最新的记录可能被删除）`)
      : broken(head.seq + 1, null, `链头落后：链头记录共 ${head.seq} 条，实际有 ${lastSeq} 条`)
  }
  if (prev !== head.hash) return broken(lastSeq, null, '最后一条记录的哈希与链头不符')
  return { ok: true, checked, legacyRows, head }
}

export type TAuditCheckpoint = { seq: number; hash: string; at: string; sig: string }

/** A signed statement "the chain had `seq` rows ending in `hash`", to keep outside the database. */
export function signCheckpoint(crypto: Pick<Crypto, 'checkpointMac'>, head: { seq: number; hash: string }, at: Date): TAuditCheckpoint {
  const c = { seq: head.seq, hash: head.hash, at: at.toISOString() }
  return { ...c, sig: crypto.checkpointMac(`yiyang-audit-checkpoint|${c.seq}|${c.hash}|${c.at}`) }
}

/**
 * Checks exported checkpoints against the database: each must carry a valid signature and the
 * row at its seq must still exist with the same hash. A chain rewound below a checkpoint, or
 * rewritten before it, fails here even if it is internally consistent.
 */
export async function verifyCheckpoints(db: DbOrTx, crypto: Pick<Crypto, 'checkpointMac'>, checkpoints: TAuditCheckpoint[]) {
  const problems: string[] = []
  for (const cp of checkpoints) {
    const good = signCheckpoint(crypto, cp, new Date(cp.at)).sig
    if (!safeEqual(good, cp.sig)) {
      problems.push(`检查点 #${cp.seq}（${cp.at}）签名无效`)
      continue
    }
    if (cp.seq === 0) continue
    const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, cp.seq))
    if (!row) problems.push(`检查点 #${cp.seq}（${cp.at}）对应的审计记录已不存在（记录可能被删除）`)
    else if (row.hash !== cp.hash) problems.push(`检查点 #${cp.seq}（${cp.at}）的哈希与数据库不符（记录可能被改写）`)
  }
  return { ok: problems.length === 0, checked: checkpoints.length, problems }
}
