import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { mayManageRole, requirePermission, type TRole } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { getUserInScope } from './accounts.repo.js'
import { revokeUserSessions } from './authenticate.js'

export async function revokeSessions(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'user:write')
  const actor = ctx.actor
  const target = await getUserInScope(ctx.db, actor, id)
  if (target.id !== actor.userId && !mayManageRole(actor, target.role as TRole)) throw new AppError('FORBIDDEN', '只能管理角色低于本人的账号')
  await withTx(ctx, async (t) => {
    await revokeUserSessions(t.tx, id, ctx.clock.now())
    await appendAudit(t, { action: 'user.sessions_revoked', entityType: 'user', entityId: id, regionCode: target.scopeRegionCode })
  })
}
