import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { grantableRoles, providerRoles, roleLabels, type TActor, type TRole } from '../../platform/permissions.js'
import { getRegion } from '../regions/index.js'
import { providerExists } from '../providers/index.js'

/**
 * The rules shared by create and update: the role must be grantable by the actor, the scope
 * region must exist inside the actor's scope, and provider roles carry a provider.
 */
export async function checkAssignment(db: DbOrTx, actor: TActor, role: TRole, scopeRegionCode: string, providerId: string | null | undefined) {
  if (!grantableRoles(actor).includes(role)) {
    throw new AppError('FORBIDDEN', `您不能授予“${roleLabels[role]}”角色`, [{ path: 'role', message: '只能授予低于本人的角色' }])
  }
  const region = await getRegion(db, scopeRegionCode)
  if (!region || !region.code.startsWith(actor.scopePrefix)) {
    throw new AppError('VALIDATION_FAILED', '管辖区域不存在或不在您的管辖范围内', [{ path: 'scopeRegionCode', message: '区域不在您的管辖范围内' }])
  }
  let provider: string | null = null
  if (providerRoles.includes(role)) {
    provider = actor.role === 'provider_admin' ? actor.providerId : (providerId ?? null)
    if (!provider) throw new AppError('VALIDATION_FAILED', '服务商角色必须指定所属服务商', [{ path: 'providerId', message: '请指定服务商' }])
    // The provider must exist and be the actor's to manage: a made-up or foreign provider id
    // would otherwise make the new account admin of someone else's staff.
    if (!(await providerExists(db, provider, actor))) {
      throw new AppError('VALIDATION_FAILED', '服务商不存在或不在您的管辖范围内', [{ path: 'providerId', message: '服务商不存在或不在您的管辖范围内' }])
    }
  }
  return { scopePrefix: region.prefix, providerId: provider }
}
