import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { appendAudit } from '../../platform/audit.js'
import { regionNames } from '../regions/index.js'
import { findUserByUsername } from './accounts.repo.js'
import { toMeResponse } from './accounts.mapper.js'
import { users } from './accounts.tables.js'
import { createSession } from './authenticate.js'
import { dummyPasswordHash, verifyPassword } from './password.js'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

export async function login(ctx: Ctx, input: { username: string; password: string }, userAgent?: string) {
  const now = ctx.clock.now()
  const user = await findUserByUsername(ctx.db, input.username)
  if (!user || !user.isActive) {
    await verifyPassword(await dummyPasswordHash(), input.password)
    throw new AppError('INVALID_CREDENTIALS')
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000)
    throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请 ${minutes} 分钟后再试`, undefined, { retryAfterMinutes: minutes })
  }
  const ok = await verifyPassword(user.passwordHash, input.password)
  const actorCtx = { ...ctx, actor: { userId: user.id, username: user.username, role: user.role as never, scopePrefix: user.scopePrefix, scopeRegionCode: user.scopeRegionCode, providerId: user.providerId, via: 'session' as const } }
  if (!ok) {
    const failed = user.failedLogins + 1
    const lock = failed >= MAX_FAILED_LOGINS
    await withTx(actorCtx, async (t) => {
      await t.tx.update(users).set(lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) } : { failedLogins: failed }).where(eq(users.id, user.id))
      await appendAudit(t, { action: lock ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id, regionCode: user.scopeRegionCode, after: { failedLogins: lock ? MAX_FAILED_LOGINS : failed } })
    })
    if (lock) throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请 ${LOCKOUT_MINUTES} 分钟后再试`, undefined, { retryAfterMinutes: LOCKOUT_MINUTES })
    throw new AppError('INVALID_CREDENTIALS')
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
