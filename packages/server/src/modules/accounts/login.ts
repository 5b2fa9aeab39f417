import { eq, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { appendAudit } from '../../platform/audit.js'
import { regionNames } from '../regions/index.js'
import { findUserByUsername } from './accounts.repo.js'
import { toMeResponse } from './accounts.mapper.js'
import { loginThrottle, users } from './accounts.tables.js'
import { createSession } from './authenticate.js'
import { dummyPasswordHash, verifyPassword } from './password.js'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

const locked = (minutes: number) =>
  new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请 ${minutes} 分钟后再试`, undefined, { retryAfterMinutes: minutes })

/**
 * Known and unknown names take the same path: a lock check, one argon2 verify, and on failure
 * one transaction that bumps a counter and appends an audit row. So neither the answer (401,
 * then 423 after five failures) nor the time tells whether an account exists.
 */
export async function login(ctx: Ctx, input: { username: string; password: string }, userAgent?: string) {
  const now = ctx.clock.now()
  const found = await findUserByUsername(ctx.db, input.username)
  const user = found?.isActive ? found : undefined
  const nameHash = ctx.crypto.lookupHash('login:' + input.username.trim().toLowerCase())
  // Read for known names too, so both paths issue the same queries.
  const [throttle] = await ctx.db.select().from(loginThrottle).where(eq(loginThrottle.nameHash, nameHash))
  const lockedUntil = user ? user.lockedUntil : throttle?.lockedUntil
  if (lockedUntil && lockedUntil > now) throw locked(Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000))

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password)
  if (!user || !ok) {
    const failed = (user ? user.failedLogins : (throttle?.failedLogins ?? 0)) + 1
    const lock = failed >= MAX_FAILED_LOGINS
    const counters = lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) } : { failedLogins: failed, lockedUntil: null }
    const actorCtx = user
      ? {
          ...ctx,
          actor: {
            userId: user.id,
            username: user.username,
            role: user.role as never,
            scopePrefix: user.scopePrefix,
            scopeRegionCode: user.scopeRegionCode,
            providerId: user.providerId,
            via: 'session' as const,
          },
        }
      : ctx
    await withTx(actorCtx, async (t) => {
      if (user) await t.tx.update(users).set(counters).where(eq(users.id, user.id))
      else {
        await t.tx
          .insert(loginThrottle)
          .values({ nameHash, ...counters, updatedAt: now })
          .onConflictDoUpdate({ target: loginThrottle.nameHash, set: { ...counters, updatedAt: now } })
      }
      // Keep the table small: entries whose lock has long passed carry no information.
      await t.tx.delete(loginThrottle).where(sql`${loginThrottle.updatedAt} < ${new Date(now.getTime() - 24 * 3600_000).toISOString()}::timestamptz`)
      // Unknown names are audited without the name: people type passwords into that field.
      await appendAudit(t, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entityType: user ? 'user' : 'login_name',
        entityId: user?.id ?? null,
        regionCode: user?.scopeRegionCode ?? null,
        after: { failedLogins: lock ? MAX_FAILED_LOGINS : failed, knownAccount: !!user },
      })
    })
    if (lock) throw locked(LOCKOUT_MINUTES)
    throw new AppError('INVALID_CREDENTIALS')
  }
  const actorCtx = {
    ...ctx,
    actor: {
      userId: user.id,
      username: user.username,
      role: user.role as never,
      scopePrefix: user.scopePrefix,
      scopeRegionCode: user.scopeRegionCode,
      providerId: user.providerId,
      via: 'session' as const,
    },
  }
  // The session row, the counters and the audit row commit together.
  const { updated, created } = await withTx(actorCtx, async (t) => {
    const [row] = await t.tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id)).returning()
    const session = await createSession(t.tx, user.id, ctx.config.sessionTtlMs, now, { ip: ctx.ip, userAgent })
    await appendAudit(t, { action: 'auth.login', entityType: 'user', entityId: user.id, regionCode: user.scopeRegionCode })
    return { updated: row!, created: session }
  })
  const names = await regionNames(ctx.db, [user.scopeRegionCode])
  return { user: toMeResponse(updated, names.get(user.scopeRegionCode)), token: created.token, expiresAt: created.expiresAt }
}
