import type { users } from './accounts.tables.js'
import { roleLabels, rolePermissions, type TRole } from '../../platform/permissions.js'
import { isoDate } from '../../platform/http.js'

type UserRow = typeof users.$inferSelect

const maskedPhone = (r: UserRow) => (r.phoneLast4 && r.phonePrefix3 ? `${r.phonePrefix3}****${r.phoneLast4}` : null)

/** The fields every view of an account shares. */
const accountBase = (r: UserRow, regionName: string | undefined) => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  role: r.role as TRole,
  roleLabel: roleLabels[r.role as TRole] ?? r.role,
  scopeRegionCode: r.scopeRegionCode,
  scopeRegionName: regionName ?? '',
  providerId: r.providerId,
})

export const toUserResponse = (r: UserRow, regionName: string | undefined) => ({
  ...accountBase(r, regionName),
  isActive: r.isActive,
  phone: maskedPhone(r),
  lastLoginAt: isoDate(r.lastLoginAt),
  lockedUntil: isoDate(r.lockedUntil),
  createdAt: r.createdAt.toISOString(),
})

export const toMeResponse = (r: UserRow, regionName: string | undefined) => ({
  ...accountBase(r, regionName),
  elderMode: r.elderMode,
  // A reminder: the published demo password, or an initial/reset password.
  mustChangePassword: r.mustChangePassword || r.isDemoPassword,
  // Enforced by the server (every route but password change, logout and me answers 403
  // PASSWORD_CHANGE_REQUIRED). Demo accounts are not forced, so the demo stays usable with the
  // shared password; production refuses to start while any demo password is left.
  passwordChangeRequired: r.mustChangePassword,
  permissions: [...(rolePermissions[r.role as TRole] ?? [])],
})

/** What an audit row keeps of a user: no hashes, no phone. */
export const userAuditSnapshot = (r: UserRow) => ({
  username: r.username,
  displayName: r.displayName,
  role: r.role,
  scopeRegionCode: r.scopeRegionCode,
  providerId: r.providerId,
  isActive: r.isActive,
  phone: maskedPhone(r),
})
