import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmScope, toAlarmItems } from './alarms.repo.js'
import { alarms } from './alarms.tables.js'

/** The responder's phone page: alarms dispatched to me that are not finished yet. */
export async function findMyAlarms(ctx: Ctx) {
  requirePermission(ctx.actor, 'alarm:respond')
  const rows = await ctx.db
    .select()
    .from(alarms)
    .where(and(alarmScope(ctx.actor), eq(alarms.responderId, ctx.actor.userId), inArray(alarms.status, ['dispatched', 'accepted', 'arrived'])))
    .orderBy(desc(alarms.dispatchedAt))
    .limit(50)
  return { items: await toAlarmItems(ctx, rows) }
}
