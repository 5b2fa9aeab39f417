import { medianAndP90 } from '@yiyang/core'
import { and, count, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarms, devices, hotlineCalls, ingestRejections } from './alarms.tables.js'

/** Alarms and 12349 calls by type and street, time to claim and to close (median, p90, seconds), false-alarm rate, devices offline, refusals by reason. */
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
  const callWhere: (SQL | undefined)[] = [regionFilter(hotlineCalls.regionCode, ctx.actor, q.regionCode)]
  if (q.from) callWhere.push(gte(hotlineCalls.receivedAt, new Date(q.from)))
  if (q.to) callWhere.push(lte(hotlineCalls.receivedAt, new Date(q.to)))
  const callCond = and(...callWhere)
  const callStreet = sql<string>`substr(${hotlineCalls.regionCode}, 1, 9)`
  const category = sql<string>`coalesce(${hotlineCalls.category}, 'none')`
  const [callsByCategory, callsByStreet, satisfaction] = await Promise.all([
    ctx.db.select({ key: category, n: count() }).from(hotlineCalls).where(callCond).groupBy(category),
    ctx.db.select({ key: callStreet, n: count() }).from(hotlineCalls).where(callCond).groupBy(callStreet),
    ctx.db
      .select({ key: hotlineCalls.satisfaction, n: count() })
      .from(hotlineCalls)
      .where(and(callCond, sql`${hotlineCalls.satisfaction} is not null`))
      .groupBy(hotlineCalls.satisfaction),
  ])
  const answered = satisfaction.filter((r) => r.key !== 'unreachable').reduce((n, r) => n + Number(r.n), 0)
  const pleased = satisfaction.filter((r) => r.key === 'very_satisfied' || r.key === 'satisfied').reduce((n, r) => n + Number(r.n), 0)
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
    calls: {
      total: callsByCategory.reduce((n, r) => n + Number(r.n), 0),
      byCategory: callsByCategory.map((r) => ({ key: String(r.key), count: Number(r.n) })),
      byStreet: callsByStreet.map((r) => ({ key: String(r.key).padEnd(12, '0'), count: Number(r.n) })),
      bySatisfaction: satisfaction.map((r) => ({ key: String(r.key), count: Number(r.n) })),
      /** 满意 + 非常满意 among the callers who answered the question; null when none did. */
      satisfiedRate: answered ? pleased / answered : null,
    },
  }
}
