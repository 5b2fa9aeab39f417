import { providerRoles, roles, roleRank, rolePermissions, type TPermission, type TRole } from '@yiyang/core'
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
  /** An initial or reset password not yet changed: only password change, logout and /auth/me answer. */
  mustChangePassword?: boolean
  /** For API tokens: 'read' tokens may only read. */
  tokenScope?: 'read' | 'read_write'
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

/** Bureau-level roles that may create accounts for providers (issue 16: street officers may not). */
export const providerAccountManagers: readonly TRole[] = ['sys_admin', 'bureau_admin']

/**
 * Admins grant and manage only roles ranked strictly below their own, so two officers of one
 * street cannot take over each other's accounts. sys_admin is the root of trust and the one
 * exception: someone must be able to appoint and recover another system administrator.
 * Provider roles are granted by the bureau, or by a provider admin for their own provider.
 */
export function grantableRoles(actor: TActor): TRole[] {
  if (!can(actor, 'user:write')) return []
  return roles.filter((r) => mayManageRole(actor, r))
}

/** Whether the actor may grant this role, or change, reset or disable an account holding it. */
export function mayManageRole(actor: TActor, role: TRole): boolean {
  if (!can(actor, 'user:write')) return false
  if (providerRoles.includes(role) && !providerAccountManagers.includes(actor.role) && actor.role !== 'provider_admin') return false
  if (actor.role === 'sys_admin') return true
  return roleRank[role] < roleRank[actor.role]
}

/** Region prefix → like-pattern for SQL, escaping nothing because prefixes are digits only. */
export function scopeLike(prefix: string): string {
  if (!/^\d{2,12}$/.test(prefix)) throw new Error('invalid scope prefix')
  return prefix + '%'
}
