import { and, asc, count, isNull, lt, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { ilike } from 'drizzle-orm'
import { isoDate } from '../../platform/http.js'
import { elderSummariesByIds } from '../elders/index.js'
import type { TFindDevices } from './alarms.schemas.js'
import { devices } from './alarms.tables.js'

/** Devices of the actor's scope; offline = no heartbeat for DEVICE_OFFLINE_MINUTES. */
export async function findDevices(ctx: Ctx, q: TFindDevices) {
  requirePermission(ctx.actor, 'alarm:read')
  const cutoff = new Date(ctx.clock.now().getTime() - ctx.config.alarms.offlineAfterMs)
  const offline = or(isNull(devices.lastHeartbeatAt), lt(devices.lastHeartbeatAt, cutoff))
  const where: (SQL | undefined)[] = [regionFilter(devices.regionCode, ctx.actor, q.regionCode)]
  if (q.q) where.push(ilike(devices.serial, containsPattern(q.q)))
  if (q.offline === 'true') where.push(offline)
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(devices).where(cond).orderBy(asc(devices.serial)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(devices).where(cond),
  ])
  const elders = await elderSummariesByIds(
    ctx,
    rows.map((r) => r.elderId).filter((x): x is string => !!x),
  )
  return pageResult(
    rows.map((r) => ({
      id: r.id,
      serial: r.serial,
      kind: r.kind,
      model: r.model,
      vendor: r.vendor,
      simLast4: r.simLast4,
      elderId: r.elderId,
      elderName: r.elderId ? (elders.get(r.elderId)?.name ?? null) : null,
      regionCode: r.regionCode,
      boundFrom: r.boundFrom,
      boundTo: r.boundTo,
      battery: r.battery,
      lastHeartbeatAt: isoDate(r.lastHeartbeatAt),
      offline: !r.lastHeartbeatAt || r.lastHeartbeatAt < cutoff,
      offlineSince: isoDate(r.offlineSince),
      version: r.version,
    })),
    Number(total?.n ?? 0),
    q,
  )
}
