import { alarmEvents, todayInShanghai } from '@yiyang/core'
import { and, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { recordEvents } from '../../platform/outbox.js'
import { hubOf } from './alarm-hub.js'
import { alarms, devices } from './alarms.tables.js'

export const HEARTBEAT_CHECK_JOB = 'alarms.heartbeat_check'

/** How often the check runs: a third of DEVICE_OFFLINE_MINUTES, between one and five minutes. */
export const heartbeatCheckEveryMs = (offlineAfterMs: number) => Math.max(60_000, Math.min(5 * 60_000, Math.floor(offlineAfterMs / 3)))

/**
 * Devices bound to an elder whose heartbeats stopped for DEVICE_OFFLINE_MINUTES are marked
 * offline, once (a device that never sent anything is listed offline but raises nothing): `offline_since`
 * is set and a `heartbeat_lost` alarm is raised for the operators (domain.md §9: missed
 * heartbeats raise "link lost"), with one audit row and an outbox event per device. The next
 * message of the device clears the flag (ingest); losing the link again raises a new alarm.
 */
export async function checkHeartbeats(ctx: Ctx) {
  const now = ctx.clock.now()
  const cutoff = new Date(now.getTime() - ctx.config.alarms.offlineAfterMs)
  const today = todayInShanghai(now)
  const lost = await ctx.db
    .select()
    .from(devices)
    .where(
      and(
        isNull(devices.offlineSince),
        isNotNull(devices.elderId),
        or(isNull(devices.boundTo), sql`${devices.boundTo} >= ${today}`),
        lt(devices.lastHeartbeatAt, cutoff),
      ),
    )
    .limit(1000)
  if (!lost.length) return { marked: 0 }
  const created = await withTx(ctx, async (t) => {
    // Compare-and-set: a device that spoke meanwhile (or another runner) is left alone.
    const marked = await t.tx
      .update(devices)
      .set({ offlineSince: now, updatedAt: now })
      .where(
        and(
          inArray(
            devices.id,
            lost.map((d) => d.id),
          ),
          isNull(devices.offlineSince),
          lt(devices.lastHeartbeatAt, cutoff),
        ),
      )
      .returning()
    if (!marked.length) return []
    const rows = await t.tx
      .insert(alarms)
      .values(
        marked.map((d) => ({
          deviceId: d.id,
          deviceSerial: d.serial,
          eventId: `heartbeat_lost:${now.toISOString()}`,
          type: 'heartbeat_lost',
          source: 'mqtt' as const,
          elderId: d.elderId,
          regionCode: d.regionCode,
          status: 'raised' as const,
          eventTime: d.lastHeartbeatAt!,
          receivedAt: now,
          battery: d.battery,
          lat: d.lastLat,
          lng: d.lastLng,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: [alarms.deviceSerial, alarms.eventId] })
      .returning()
    for (const d of marked) {
      await appendAudit(t, {
        action: 'device.heartbeat_lost',
        entityType: 'device',
        entityId: d.id,
        regionCode: d.regionCode,
        after: { serial: d.serial, lastHeartbeatAt: d.lastHeartbeatAt?.toISOString() ?? null, offlineSince: now.toISOString() },
      })
    }
    await recordEvents(t, [
      ...marked.map((d) => ({
        type: alarmEvents.deviceHeartbeatLost,
        entityType: 'device',
        entityId: d.id,
        regionCode: d.regionCode,
        payload: { serial: d.serial, elderId: d.elderId },
      })),
      ...rows.map((r) => ({
        type: alarmEvents.raised,
        entityType: 'alarm',
        entityId: r.id,
        regionCode: r.regionCode,
        payload: { elderId: r.elderId, type: r.type, deviceSerial: r.deviceSerial },
      })),
    ])
    return rows
  })
  const hub = hubOf(ctx.events)
  for (const r of created) hub.publish('alarm.created', r)
  return { marked: created.length }
}

/** The next check, on a boundary of the interval: a restart schedules the same job again (idempotency key), never a second chain. */
export async function scheduleHeartbeatCheck(ctx: Ctx) {
  const every = heartbeatCheckEveryMs(ctx.config.alarms.offlineAfterMs)
  const runAt = new Date((Math.floor(ctx.clock.now().getTime() / every) + 1) * every)
  await withTx(ctx, (t) => enqueueJob(t, { kind: HEARTBEAT_CHECK_JOB, idempotencyKey: `at:${runAt.toISOString()}`, runAt, maxAttempts: 3 }))
}

export const heartbeatCheckJob = defineJob<null>({
  kind: HEARTBEAT_CHECK_JOB,
  label: '设备心跳检查',
  maxAttempts: 3,
  async run(ctx) {
    const summary = await checkHeartbeats(ctx)
    await scheduleHeartbeatCheck({ ...ctx, actor: null })
    return summary
  },
})
