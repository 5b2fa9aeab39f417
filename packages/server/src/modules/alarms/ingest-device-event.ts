import { alarmEvents, type TIngestRejection } from '@yiyang/core'
import { and, eq, inArray, or, type SQL } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { enqueueJobsSql } from '../../platform/jobs.js'
import { recordEventsSql } from '../../platform/outbox.js'
import { runTogether } from '../../platform/together.js'
import { hubOf } from './alarm-hub.js'
import { alarmSnapshot, type TDeviceRow } from './alarms.repo.js'
import { ZDeviceEvent, type TDeviceEvent } from './alarms.schemas.js'
import { alarms, devices, ingestRejections } from './alarms.tables.js'
import { ESCALATE_JOB } from './escalate-alarm.js'

export type TIngestSource = 'mqtt' | 'webhook'
export type TIngestInput = { source: TIngestSource; serial: string; payload: unknown; vendor?: string }
export type TIngestResult =
  | { outcome: 'created'; alarmId: string }
  | { outcome: 'duplicate'; alarmId: string | null }
  | { outcome: 'device_updated' }
  | { outcome: 'rejected'; reason: TIngestRejection; message: string }

type TRejection = { source: TIngestSource | 'hotline'; reason: TIngestRejection; serial: string | null; detail: string }

/** Refusals are never stored as alarms: they are logged and counted here, by reason. */
export async function recordRejection(ctx: Ctx, source: TIngestSource | 'hotline', reason: TIngestRejection, serial: string | null, detail: string) {
  await recordRejections(ctx, [{ source, reason, serial, detail }])
}
async function recordRejections(ctx: Ctx, list: TRejection[]) {
  if (!list.length) return
  const at = ctx.clock.now()
  await ctx.db
    .insert(ingestRejections)
    .values(list.map((r) => ({ source: r.source, reason: r.reason, serial: r.serial?.slice(0, 64) ?? null, detail: r.detail.slice(0, 500), receivedAt: at })))
}

/** One device message; see ingestDeviceEvents. */
export async function ingestDeviceEvent(ctx: Ctx, input: TIngestInput): Promise<TIngestResult> {
  return (await ingestDeviceEvents(ctx, [input]))[0]!
}

/**
 * Device messages (MQTT or vendor webhooks) into the registry, many at once. Each alarm row,
 * its audit, its outbox event and its escalation timer commit in one transaction, before the
 * caller acknowledges the messages (MQTT PUBACK, HTTP 200); a repeated eventId of the same
 * device finds the stored alarm and changes nothing. Heartbeats and battery readings only update
 * the device: telemetry, thousands a minute, not audited one by one. Batching is what keeps a
 * burst of 200 alarms a second inside the latency goal: the cost is per statement, not per row.
 */
export async function ingestDeviceEvents(ctx: Ctx, inputs: TIngestInput[]): Promise<TIngestResult[]> {
  const results: (TIngestResult | undefined)[] = new Array(inputs.length)
  const rejections: TRejection[] = []
  const reject = (i: number, reason: TIngestRejection, message: string) => {
    rejections.push({ source: inputs[i]!.source, reason, serial: inputs[i]!.serial, detail: message })
    results[i] = { outcome: 'rejected', reason, message }
  }
  const parsed: (TDeviceEvent | null)[] = inputs.map((input, i) => {
    const p = ZDeviceEvent.safeParse(input.payload)
    if (p.success) return p.data
    const issue = p.error.issues[0]!
    reject(i, 'bad_payload', `${issue.path.join('.') || '报文'}：${issue.message}`)
    return null
  })
  const serials = [...new Set(inputs.filter((_, i) => parsed[i]).map((x) => x.serial))]
  const found = serials.length ? await ctx.db.select().from(devices).where(inArray(devices.serial, serials)) : []
  const bySerial = new Map(found.map((d) => [d.serial, d]))
  const now = ctx.clock.now()
  const today = now.toISOString().slice(0, 10)
  const accepted: { i: number; ev: TDeviceEvent; device: TDeviceRow }[] = []
  inputs.forEach((input, i) => {
    const ev = parsed[i]
    if (!ev) return
    const device = bySerial.get(input.serial)
    if (!device || (input.vendor && device.vendor !== input.vendor)) return reject(i, 'unknown_device', '设备未登记')
    if (!device.elderId || (device.boundTo && device.boundTo < today)) return reject(i, 'unbound_device', '设备未绑定老人')
    accepted.push({ i, ev, device })
  })
  await recordRejections(ctx, rejections)

  // Telemetry: the last reading of each device in the batch.
  const readings = new Map<string, Record<string, unknown>>()
  for (const { ev, device } of accepted) {
    const r = readings.get(device.id) ?? {}
    if (ev.battery !== undefined) r.battery = ev.battery
    if (ev.lat !== undefined && ev.lng !== undefined) Object.assign(r, { lastLat: ev.lat, lastLng: ev.lng })
    readings.set(device.id, r)
  }
  /** The device updates of this batch as statements: one for devices that only checked in, one per device with readings. */
  const telemetrySql = (db: Ctx['db']): SQL[] => {
    const plain = [...readings].filter(([, r]) => Object.keys(r).length === 0).map(([id]) => id)
    const out: SQL[] = []
    if (plain.length) out.push(db.update(devices).set({ lastHeartbeatAt: now, offlineSince: null }).where(inArray(devices.id, plain)).getSQL())
    for (const [id, r] of readings)
      if (Object.keys(r).length)
        out.push(
          db
            .update(devices)
            .set({ lastHeartbeatAt: now, offlineSince: null, ...r })
            .where(eq(devices.id, id))
            .getSQL(),
        )
    return out
  }

  const wanted = new Map<string, { i: number; ev: TDeviceEvent; device: TDeviceRow }>()
  for (const a of accepted) {
    if (a.ev.type === 'heartbeat') {
      results[a.i] = { outcome: 'device_updated' }
      continue
    }
    const key = `${a.device.serial}\u0000${a.ev.eventId}`
    if (!wanted.has(key)) wanted.set(key, a)
  }
  if (wanted.size === 0) {
    for (const q of telemetrySql(ctx.db)) await ctx.db.execute(q)
    return results as TIngestResult[]
  }

  const created = await withTx(ctx, async (t) => {
    const rows = await t.tx
      .insert(alarms)
      .values(
        [...wanted.values()].map(({ ev, device }) => ({
          deviceId: device.id,
          deviceSerial: device.serial,
          eventId: ev.eventId,
          type: ev.type,
          source: inputs[wanted.get(`${device.serial}\u0000${ev.eventId}`)!.i]!.source,
          elderId: device.elderId,
          regionCode: device.regionCode,
          status: 'raised' as const,
          eventTime: new Date(ev.time),
          receivedAt: now,
          lat: ev.lat ?? null,
          lng: ev.lng ?? null,
          battery: ev.battery ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: [alarms.deviceSerial, alarms.eventId] })
      .returning()
    // One audit row per batch, naming every alarm it raised, under the smallest region that
    // holds them all: per-row audit lines would cost a statement each, per alarm.
    if (rows.length) {
      const common = rows.reduce((p, r) => {
        let k = 0
        while (k < p.length && p[k] === r.regionCode[k]) k++
        return p.slice(0, k)
      }, rows[0]!.regionCode)
      const level = [12, 9, 6, 4, 2].find((n) => n <= common.length) ?? 2
      await appendAudit(t, {
        action: 'alarm.raised',
        entityType: 'alarm',
        entityId: rows.length === 1 ? rows[0]!.id : null,
        regionCode: common.slice(0, level).padEnd(12, '0'),
        after: { alarms: rows.map((r) => ({ id: r.id, source: r.source, regionCode: r.regionCode, ...alarmSnapshot(r) })) },
      })
    }
    // Device readings, domain events and escalation timers need none of each other's rows: one
    // statement for all three, one round trip per batch instead of three or more.
    const db = t.tx as unknown as Ctx['db']
    await runTogether(
      t.tx,
      [
        ...telemetrySql(db),
        recordEventsSql(
          t,
          rows.map((r) => ({
            type: alarmEvents.raised,
            entityType: 'alarm',
            entityId: r.id,
            regionCode: r.regionCode,
            payload: { elderId: r.elderId, type: r.type, deviceSerial: r.deviceSerial },
          })),
        ),
        await enqueueJobsSql(
          t,
          rows.map((r) => ({
            kind: ESCALATE_JOB,
            input: { alarmId: r.id, stage: 'claim' },
            idempotencyKey: `${r.id}:claim`,
            runAt: new Date(now.getTime() + ctx.config.alarms.claimWithinMs),
            regionCode: r.regionCode,
          })),
        ),
      ].filter((q): q is SQL => q !== null),
    )
    return rows
  })

  const createdByKey = new Map(created.map((r) => [`${r.deviceSerial}\u0000${r.eventId}`, r]))
  const missing = [...wanted.keys()].filter((k) => !createdByKey.has(k))
  const existing = new Map<string, string>()
  if (missing.length) {
    const pairs = missing.map((k) => k.split('\u0000') as [string, string])
    const found2 = await ctx.db
      .select({ id: alarms.id, deviceSerial: alarms.deviceSerial, eventId: alarms.eventId })
      .from(alarms)
      .where(or(...pairs.map(([s, e]) => and(eq(alarms.deviceSerial, s), eq(alarms.eventId, e)))))
    for (const r of found2) existing.set(`${r.deviceSerial}\u0000${r.eventId}`, r.id)
  }
  const hub = hubOf(ctx.events)
  const announced = new Set<string>()
  for (const a of accepted) {
    if (a.ev.type === 'heartbeat') continue
    const key = `${a.device.serial}\u0000${a.ev.eventId}`
    const row = createdByKey.get(key)
    if (row && !announced.has(key) && wanted.get(key)!.i === a.i) {
      announced.add(key)
      results[a.i] = { outcome: 'created', alarmId: row.id }
      hub.publish('alarm.created', row)
    } else {
      results[a.i] = { outcome: 'duplicate', alarmId: row?.id ?? existing.get(key) ?? null }
    }
  }
  return results as TIngestResult[]
}

/**
 * Coalesces the messages that arrive while a batch is being written into the next batch, so
 * concurrent deliveries (several broker connections, many devices on the embedded broker) share
 * one transaction. Each caller gets its own result when its batch has committed.
 *
 * Each batch starts on setImmediate, after the event loop has read the sockets: a database
 * driver that answers in microtasks (PGlite) otherwise lets the connection whose acknowledgement
 * just went out hand in its next message before any other connection is read, and the batches
 * shrink to one message each, written one after another.
 */
export class IngestBatcher {
  private queue: { input: TIngestInput; resolve: (r: TIngestResult) => void; reject: (e: unknown) => void }[] = []
  private running = false
  constructor(
    private ctx: () => Ctx,
    private maxBatch = 200,
  ) {}

  submit(input: TIngestInput): Promise<TIngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject })
      if (!this.running) void this.drain()
    })
  }

  private async drain() {
    this.running = true
    try {
      for (;;) {
        await new Promise<void>((r) => setImmediate(r))
        if (!this.queue.length) break
        const batch = this.queue.splice(0, this.maxBatch)
        try {
          const results = await ingestDeviceEvents(
            this.ctx(),
            batch.map((b) => b.input),
          )
          batch.forEach((b, i) => b.resolve(results[i]!))
        } catch (err) {
          batch.forEach((b) => b.reject(err))
        }
      }
    } finally {
      this.running = false
    }
  }
}
