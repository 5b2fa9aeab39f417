import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { appendAudit } from '../../platform/audit.js'
import { users } from './accounts.tables.js'
import { revokeUserSessions, revokeUserTokens } from './authenticate.js'
import { hashPassword, passwordWeakness, verifyPassword } from './password.js'

/** Changing one's own password ends every other session and every API token of the account. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const actor = ctx.actor
  if (!actor) throw new AppError('UNAUTHENTICATED')
  const [row] = await ctx.db.select().from(users).where(eq(users.id, actor.userId))
  if (!row) throw new AppError('UNAUTHENTICATED')
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }])
  }
  const weak = passwordWeakness(input.newPassword, row.username)
  if (weak) throw new AppError('WEAK_PASSWORD', weak, [{ path: 'newPassword', message: weak }])
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }])
  }
  const passwordHash = await hashPassword(input.newPassword)
  const now = ctx.clock.now()
  await withTx(ctx, async (t) => {
    await t.tx
      .update(users)
      .set({ passwordHash, isDemoPassword: false, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, actor.userId))
    await revokeUserSessions(t.tx, actor.userId, now, actor.sessionId)
    await revokeUserTokens(t.tx, actor.userId, now)
    await appendAudit(t, { action: 'user.password_changed', entityType: 'user', entityId: actor.userId, regionCode: row.scopeRegionCode })
  })
}
