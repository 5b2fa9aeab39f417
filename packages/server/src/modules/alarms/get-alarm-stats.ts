import { medianAndP90 } from '@yiyang/core'
import { and, count, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarms, devices, ingestRejections } from './alarms.tables.js'

/** Alarms by type and street, time to claim and to close (median, p90, seconds), false-alarm rate, devices offline, refusals by reason. */
export async function getAlarmStats(ctx: Ctx, q: { from?: string; to?: string; regionCode?: string }) {
  requirePermission(ctx.actor, 'alarm:read')
  const where: (SQL | undefined)[] = [regionFilter(alarms.regionCode, ctx.actor, q.regionCode)]
  if (q.from) where.push(gte(alarms.receivedAt, new Date(q.from)))
  if (q.to) where.push(lte(alarms.receivedAt, new Date(q.to)))
  const cond = and(...where)
  const street = sql<string>`substr(${alarms.regionCode}, 1, 9)`
  const [byType, byStreet, times] = await Promise.all([
    ctx.db.select({ key: alarms.type, n: count() }).from(alarms).where(cond).groupBy(alarms.type),
    ctx.db.select({ key: street, n: count() }).from(alarms).where(cond).groupBy(street),
    ctx.db
      .select({
        claim: sql<number | null>`extract(epoch from ${alarms.claimedAt} - ${alarms.receivedAt})`,
        close: sql<number | null>`extract(epoch from ${alarms.closedAt} - ${alarms.receivedAt})`,
        outcome: alarms.outcome,
      })
      .from(alarms)
      .where(cond),
  ])
  const claimS = times
    .map((t) => t.claim)
    .filter((x): x is number => x !== null)
    .map(Number)
  const closeS = times
    .map((t) => t.close)
    .filter((x): x is number => x !== null)
    .map(Number)
  const closed = times.filter((t) => t.outcome)
  const cutoff = new Date(ctx.clock.now().getTime() - ctx.config.alarms.offlineAfterMs)
  const [dev] = await ctx.db
    .select({ total: count(), offline: sql<number>`count(*) filter (where ${or(isNull(devices.lastHeartbeatAt), lt(devices.lastHeartbeatAt, cutoff))})` })
    .from(devices)
    .where(regionFilter(devices.regionCode, ctx.actor, q.regionCode))
  // Refusals carry no region (an unknown device has none): district-wide staff see them.
  const rejections =
    ctx.actor.scopePrefix.length <= 6
      ? await ctx.db.select({ key: ingestRejections.reason, n: count() }).from(ingestRejections).groupBy(ingestRejections.reason)
      : []
  return {
    total: times.length,
    byType: byType.map((r) => ({ key: r.key, count: Number(r.n) })),
    byStreet: byStreet.map((r) => ({ key: String(r.key).padEnd(12, '0'), count: Number(r.n) })),
    claimSeconds: medianAndP90(claimS),
    closeSeconds: medianAndP90(closeS),
    falseAlarmRate: closed.length ? closed.filter((t) => t.outcome === 'false_alarm' || t.outcome === 'device_test').length / closed.length : null,
    devices: { total: Number(dev?.total ?? 0), offline: Number(dev?.offline ?? 0) },
    rejections: rejections.map((r) => ({ key: r.key, count: Number(r.n) })),
  }
}
