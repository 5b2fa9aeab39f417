import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client.js'
import { randomToken, sha256Hex } from '../../platform/crypto.js'
import type { TActor, TRole } from '../../platform/permissions.js'
import { apiTokens, sessions, users } from './accounts.tables.js'

export const SESSION_COOKIE = 'yy_sid'
export const TOKEN_PREFIX = 'yyt_'

function toActor(u: typeof users.$inferSelect, via: TActor['via'], extra: { sessionId?: string; tokenScope?: TActor['tokenScope'] } = {}): TActor {
  return {
    userId: u.id,
    username: u.username,
    role: u.role as TRole,
    scopePrefix: u.scopePrefix,
    scopeRegionCode: u.scopeRegionCode,
    providerId: u.providerId,
    via,
    ...extra,
    mustChangePassword: u.mustChangePassword,
  }
}

export async function createSession(db: DbOrTx, userId: string, ttlMs: number, now: Date, meta: { ip: string; userAgent?: string }) {
  const token = randomToken(32)
  const id = sha256Hex(token)
  const expiresAt = new Date(now.getTime() + ttlMs)
  await db.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) })
  return { token, id, expiresAt }
}

/** Resolves a session cookie or a bearer API token to an actor; null when neither is valid. */
export async function authenticate(db: Db, now: Date, cookie: string | undefined, authorization: string | undefined): Promise<TActor | null> {
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice(7).trim()
    if (!token.startsWith(TOKEN_PREFIX)) return null
    const [row] = await db
      .select({ u: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, scope: apiTokens.scope })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now), eq(users.isActive, true)))
    if (!row) return null
    // Touch at most once a minute: a busy device must not turn every read into a write.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId))
    }
    return toActor(row.u, 'token', { tokenScope: row.scope })
  }
  if (!cookie) return null
  const id = sha256Hex(cookie)
  const [row] = await db
    .select({ u: users, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(users.isActive, true)))
  if (!row) return null
  if (now.getTime() - row.lastSeenAt.getTime() > 5 * 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
  }
  return toActor(row.u, 'session', { sessionId: id })
}

/** A password change or reset ends the account's API tokens too: a leaked token must not outlive the password. */
export async function revokeUserTokens(db: Pick<Db, 'update'>, userId: string, now: Date) {
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
}

export async function revokeUserSessions(db: Pick<Db, 'update'>, userId: string, now: Date, exceptSessionId?: string) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined))
}
