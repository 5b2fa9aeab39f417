import { roles, roleRank, rolePermissions, type TPermission, type TRole } from '@yiyang/core'
import { AppError } from './errors.js'

export { roles, roleLabels, roleRank, providerRoles, permissions, rolePermissions } from '@yiyang/core'
export type { TRole, TPermission } from '@yiyang/core'

export type TActor = {
  userId: string
  username: string
  role: TRole
  /** Region-code prefix (2/4/6/9/12 digits by level); a row is in scope if its region_code starts with it. */
  scopePrefix: string
  scopeRegionCode: string
  providerId: string | null
  via: 'session' | 'token'
  sessionId?: string
}

export function can(actor: TActor, permission: TPermission): boolean {
  return rolePermissions[actor.role].includes(permission)
}

/** The first line of every use case: role check. Scope is checked by the repository query. */
export function requirePermission(actor: TActor | null | undefined, permission: TPermission): asserts actor is TActor {
  if (!actor) throw new AppError('UNAUTHENTICATED')
  if (!can(actor, permission)) throw new AppError('FORBIDDEN')
}

export function inScope(actor: TActor, regionCode: string | null | undefined): boolean {
  return !!regionCode && regionCode.startsWith(actor.scopePrefix)
}

/** Out of scope looks exactly like absent (404), so a street cannot probe another street's records. */
export function requireInScope(actor: TActor, regionCode: string | null | undefined): void {
  if (!inScope(actor, regionCode)) throw new AppError('NOT_FOUND')
}

export function grantableRoles(actor: TActor): TRole[] {
  if (actor.role === 'provider_admin') return ['provider_admin', 'caregiver']
  if (!can(actor, 'user:write')) return []
  return roles.filter((r) => roleRank[r] <= roleRank[actor.role])
}

/** Region prefix → like-pattern for SQL, escaping nothing because prefixes are digits only. */
export function scopeLike(prefix: string): string {
  if (!/^\d{2,12}$/.test(prefix)) throw new Error('invalid scope prefix')
  return prefix + '%'
}
