import { alarmEvents, type TIngestRejection } from '@yiyang/core'
import { eq, sql } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { enqueueJob } from '../../platform/jobs.js'
import { recordEvent } from '../../platform/outbox.js'
import { hubOf } from './alarm-hub.js'
import { alarmSnapshot } from './alarms.repo.js'
import { ZDeviceEvent } from './alarms.schemas.js'
import { alarms, devices, ingestRejections } from './alarms.tables.js'
import { ESCALATE_JOB } from './escalate-alarm.js'

export type TIngestSource = 'mqtt' | 'webhook'
export type TIngestResult =
  | { outcome: 'created'; alarmId: string }
  | { outcome: 'duplicate'; alarmId: string | null }
  | { outcome: 'device_updated' }
  | { outcome: 'rejected'; reason: TIngestRejection; message: string }

/** Refusals are never stored as alarms: they are logged and counted here, by reason. */
export async function recordRejection(ctx: Ctx, source: TIngestSource | 'hotline', reason: TIngestRejection, serial: string | null, detail: string) {
  await ctx.db
    .insert(ingestRejections)
    .values({ source, reason, serial: serial?.slice(0, 64) ?? null, detail: detail.slice(0, 500), receivedAt: ctx.clock.now() })
}

const reject = async (ctx: Ctx, source: TIngestSource, reason: TIngestRejection, serial: string | null, message: string): Promise<TIngestResult> => {
  await recordRejection(ctx, source, reason, serial, message)
  return { outcome: 'rejected', reason, message }
}

/**
 * One device message (MQTT or a vendor webhook) into the registry. The alarm row, its audit
 * line, its outbox event and its escalation timer commit together, before the caller
 * acknowledges the message (MQTT PUBACK, HTTP 200); a repeated eventId of the same device
 * finds the stored alarm and changes nothing. Heartbeats and battery readings only update the
 * device: they are telemetry, thousands a minute, and are not audited one by one.
 */
export async function ingestDeviceEvent(ctx: Ctx, input: { source: TIngestSource; serial: string; payload: unknown; vendor?: string }): Promise<TIngestResult> {
  const { source, serial } = input
  const parsed = ZDeviceEvent.safeParse(input.payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return reject(ctx, source, 'bad_payload', serial, `${issue.path.join('.') || '报文'}：${issue.message}`)
  }
  const ev = parsed.data
  const [device] = await ctx.db.select().from(devices).where(eq(devices.serial, serial))
  if (!device || (input.vendor && device.vendor !== input.vendor)) return reject(ctx, source, 'unknown_device', serial, '设备未登记')
  const now = ctx.clock.now()
  const today = now.toISOString().slice(0, 10)
  if (!device.elderId || (device.boundTo && device.boundTo < today)) return reject(ctx, source, 'unbound_device', serial, '设备未绑定老人')

  const telemetry = {
    lastHeartbeatAt: now,
    ...(ev.battery !== undefined ? { battery: ev.battery } : {}),
    ...(ev.lat !== undefined && ev.lng !== undefined ? { lastLat: ev.lat, lastLng: ev.lng } : {}),
  }
  if (ev.type === 'heartbeat') {
    await ctx.db.update(devices).set(telemetry).where(eq(devices.id, device.id))
    return { outcome: 'device_updated' }
  }

  const result = await withTx(ctx, async (t) => {
    const [row] = await t.tx
      .insert(alarms)
      .values({
        deviceId: device.id,
        deviceSerial: serial,
        eventId: ev.eventId,
        type: ev.type,
        source,
        elderId: device.elderId,
        regionCode: device.regionCode,
        status: 'raised',
        eventTime: new Date(ev.time),
        receivedAt: now,
        lat: ev.lat ?? null,
        lng: ev.lng ?? null,
        battery: ev.battery ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [alarms.deviceSerial, alarms.eventId] })
      .returning()
    if (!row) return null
    await t.tx.update(devices).set(telemetry).where(eq(devices.id, device.id))
    await appendAudit(t, {
      action: 'alarm.raised',
      entityType: 'alarm',
      entityId: row.id,
      regionCode: row.regionCode,
      after: { ...alarmSnapshot(row), source },
    })
    await recordEvent(t, {
      type: alarmEvents.raised,
      entityType: 'alarm',
      entityId: row.id,
      regionCode: row.regionCode,
      payload: { elderId: row.elderId, type: row.type, deviceSerial: serial },
    })
    await enqueueJob(t, {
      kind: ESCALATE_JOB,
      input: { alarmId: row.id, stage: 'claim' },
      idempotencyKey: `${row.id}:claim`,
      runAt: new Date(now.getTime() + ctx.config.alarms.claimWithinMs),
      regionCode: row.regionCode,
    })
    return row
  })
  if (!result) {
    const [existing] = await ctx.db
      .select({ id: alarms.id })
      .from(alarms)
      .where(sql`${alarms.deviceSerial} = ${serial} and ${alarms.eventId} = ${ev.eventId}`)
    return { outcome: 'duplicate', alarmId: existing?.id ?? null }
  }
  hubOf(ctx.events).publish('alarm.created', result)
  return { outcome: 'created', alarmId: result.id }
}
