import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { findActiveUsersByRole, getUsersBrief } from '../accounts/index.js'
import { alarmInScope } from './alarms.repo.js'

const responderRoles = ['community_worker', 'caregiver'] as const

/** Who may be sent to an alarm in `regionCode`: active community workers and caregivers whose area covers it. */
async function respondersFor(ctx: Ctx, regionCode: string) {
  const lists = await Promise.all(responderRoles.map((r) => findActiveUsersByRole(ctx.db, r, regionCode)))
  return lists.flat().filter((u) => regionCode.startsWith(u.scopePrefix))
}

export async function responderFor(ctx: Ctx, regionCode: string, userId: string) {
  const u = (await getUsersBrief(ctx.db, [userId])).get(userId)
  if (!u || !u.isActive || !(responderRoles as readonly string[]).includes(u.role) || !regionCode.startsWith(u.scopePrefix)) return null
  return u
}

export async function findResponders(ctx: Ctx, alarmId: string) {
  requirePermission(ctx.actor, 'alarm:handle')
  const alarm = await alarmInScope(ctx, ctx.actor, alarmId)
  if (!alarm) throw new AppError('NOT_FOUND')
  const list = await respondersFor(ctx, alarm.regionCode)
  return { items: list.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })) }
}
