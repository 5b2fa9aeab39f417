import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { regionNames } from '../regions/index.js'
import { findUserByUsername } from './accounts.repo.js'
import { toUserResponse, userAuditSnapshot } from './accounts.mapper.js'
import type { TCreateUser } from './accounts.schemas.js'
import { users } from './accounts.tables.js'
import { checkAssignment } from './assign-scope.js'
import { hashPassword, passwordWeakness } from './password.js'

export async function createUser(ctx: Ctx, input: TCreateUser) {
  requirePermission(ctx.actor, 'user:write')
  const actor = ctx.actor
  const assigned = await checkAssignment(ctx.db, actor, input.role, input.scopeRegionCode, input.providerId)
  const weak = passwordWeakness(input.password, input.username)
  if (weak) throw new AppError('WEAK_PASSWORD', weak, [{ path: 'password', message: weak }])
  if (await findUserByUsername(ctx.db, input.username)) {
    throw new AppError('DUPLICATE_USERNAME', undefined, [{ path: 'username', message: '该用户名已被使用' }])
  }
  const passwordHash = await hashPassword(input.password)
  const row = await withTx(ctx, async (t) => {
    const [created] = await t.tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        scopeRegionCode: input.scopeRegionCode,
        scopePrefix: assigned.scopePrefix,
        providerId: assigned.providerId,
        passwordHash,
        mustChangePassword: true,
        phoneEnc: input.phone ? ctx.crypto.encrypt(input.phone) : null,
        phoneLast4: input.phone ? input.phone.slice(-4) : null,
        phonePrefix3: input.phone ? input.phone.slice(0, 3) : null,
      })
      .onConflictDoNothing()
      .returning()
    if (!created) throw new AppError('DUPLICATE_USERNAME', undefined, [{ path: 'username', message: '该用户名已被使用' }])
    await appendAudit(t, {
      action: 'user.created',
      entityType: 'user',
      entityId: created.id,
      regionCode: created.scopeRegionCode,
      after: userAuditSnapshot(created),
    })
    return created
  })
  const names = await regionNames(ctx.db, [row.scopeRegionCode])
  return toUserResponse(row, names.get(row.scopeRegionCode))
}
