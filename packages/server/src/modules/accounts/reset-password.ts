import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { mayManageRole, requirePermission, type TRole } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { getUserInScope } from './accounts.repo.js'
import { users } from './accounts.tables.js'
import { revokeUserSessions, revokeUserTokens } from './authenticate.js'
import { hashPassword, passwordWeakness } from './password.js'

/** An admin sets a temporary password; the user must change it at next login. */
export async function resetPassword(ctx: Ctx, id: string, newPassword: string) {
  requirePermission(ctx.actor, 'user:write')
  const actor = ctx.actor
  const target = await getUserInScope(ctx.db, actor, id)
  // Strictly below: an officer cannot reset a peer's password and log in as them.
  if (!mayManageRole(actor, target.role as TRole)) throw new AppError('FORBIDDEN', '只能重置角色低于本人的账号的密码')
  const weak = passwordWeakness(newPassword, target.username)
  if (weak) throw new AppError('WEAK_PASSWORD', weak, [{ path: 'newPassword', message: weak }])
  const passwordHash = await hashPassword(newPassword)
  const now = ctx.clock.now()
  await withTx(ctx, async (t) => {
    await t.tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, isDemoPassword: false, failedLogins: 0, lockedUntil: null, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, id))
    await revokeUserSessions(t.tx, id, now)
    await revokeUserTokens(t.tx, id, now)
    await appendAudit(t, { action: 'user.password_reset', entityType: 'user', entityId: id, regionCode: target.scopeRegionCode })
  })
}
