import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { mayManageRole, requirePermission, type TRole } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { regionNames } from '../regions/index.js'
import { getUserInScope } from './accounts.repo.js'
import { toUserResponse, userAuditSnapshot } from './accounts.mapper.js'
import type { TUpdateUser } from './accounts.schemas.js'
import { users } from './accounts.tables.js'
import { checkAssignment } from './assign-scope.js'
import { revokeUserSessions } from './authenticate.js'

export async function updateUser(ctx: Ctx, id: string, input: TUpdateUser) {
  requirePermission(ctx.actor, 'user:write')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getUserInScope(t.tx, actor, id, true)
    // Strictly below (peers included): one's own name and phone stay editable.
    if (before.id !== actor.userId && !mayManageRole(actor, before.role as TRole)) throw new AppError('FORBIDDEN', '只能修改角色低于本人的账号')
    if (before.id === actor.userId && (input.role || input.isActive === false || input.scopeRegionCode)) {
      throw new AppError('FORBIDDEN', '不能修改本人的角色、范围或停用本人账号')
    }
    const role = (input.role ?? before.role) as TRole
    const scopeRegionCode = input.scopeRegionCode ?? before.scopeRegionCode
    const assigned = input.role || input.scopeRegionCode ? await checkAssignment(t.tx, actor, role, scopeRegionCode, before.providerId) : null
    const now = ctx.clock.now()
    const [after] = await t.tx
      .update(users)
      .set({
        displayName: input.displayName ?? before.displayName,
        role,
        scopeRegionCode,
        scopePrefix: assigned?.scopePrefix ?? before.scopePrefix,
        isActive: input.isActive ?? before.isActive,
        // Re-enabling an account is also how an admin lifts a lockout early.
        ...(input.isActive === true ? { failedLogins: 0, lockedUntil: null } : {}),
        ...(input.phone !== undefined
          ? {
              phoneEnc: input.phone ? ctx.crypto.encrypt(input.phone) : null,
              phoneLast4: input.phone?.slice(-4) ?? null,
              phonePrefix3: input.phone?.slice(0, 3) ?? null,
            }
          : {}),
        updatedAt: now,
      })
      .where(eq(users.id, id))
      .returning()
    // Disabling or moving an account ends its sessions at once.
    if (input.isActive === false || assigned) await revokeUserSessions(t.tx, id, now)
    await appendAudit(t, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      regionCode: after!.scopeRegionCode,
      before: userAuditSnapshot(before),
      after: userAuditSnapshot(after!),
    })
    return after!
  })
  const names = await regionNames(ctx.db, [row.scopeRegionCode])
  return toUserResponse(row, names.get(row.scopeRegionCode))
}
