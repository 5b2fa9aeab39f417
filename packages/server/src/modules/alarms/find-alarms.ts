import { openAlarmStatuses } from '@yiyang/core'
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toAlarmItems } from './alarms.repo.js'
import type { TFindAlarms } from './alarms.schemas.js'
import { alarms } from './alarms.tables.js'

/** Alarms in the actor's scope, newest first; `queue=true`: the open ones, unclaimed first and oldest first. */
export async function findAlarms(ctx: Ctx, q: TFindAlarms) {
  requirePermission(ctx.actor, 'alarm:read')
  const where: (SQL | undefined)[] = [regionFilter(alarms.regionCode, ctx.actor, q.regionCode)]
  if (q.deviceSerial) where.push(eq(alarms.deviceSerial, q.deviceSerial))
  if (q.status?.length) where.push(inArray(alarms.status, q.status))
  else if (q.queue === 'true') where.push(inArray(alarms.status, [...openAlarmStatuses]))
  if (q.type) where.push(eq(alarms.type, q.type))
  if (q.from) where.push(gte(alarms.receivedAt, new Date(q.from)))
  if (q.to) where.push(lte(alarms.receivedAt, new Date(q.to)))
  const cond = and(...where)
  const order =
    q.queue === 'true'
      ? [sql`case when ${alarms.status} = 'raised' then 0 else 1 end`, asc(alarms.receivedAt), asc(alarms.id)]
      : [desc(alarms.receivedAt), desc(alarms.id)]
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(alarms)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(alarms).where(cond),
  ])
  return pageResult(await toAlarmItems(ctx, rows), Number(total?.n ?? 0), q)
}
