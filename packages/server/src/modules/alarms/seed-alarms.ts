import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { activeEldersForSeed } from '../elders/index.js'
import { alarms, deviceVendors, devices } from './alarms.tables.js'

export const DEMO_VENDOR = { code: 'demo', name: '演示设备平台', secret: 'yiyang-demo-webhook' } as const
const OUTCOMES = ['false_alarm', 'help_given', 'device_test', 'real_emergency', 'help_given'] as const
const EVENT_OF_KIND = { bracelet: 'sos', button: 'sos', fall_sensor: 'fall', smoke_sensor: 'smoke' } as const
const KINDS = ['bracelet', 'button', 'fall_sensor', 'smoke_sensor'] as const
const MODELS = { bracelet: 'YY-B1 智能手环', button: 'YY-K1 一键呼叫器', fall_sensor: 'YY-F1 跌倒报警器', smoke_sensor: 'YY-S1 烟雾报警器' } as const

/**
 * Demo devices DEMO-0001 … DEMO-0050 bound to demo elders, spread over the district's streets
 * (round-robin by street), and the demo vendor whose webhook secret is public (refused in production).
 */
export async function seedAlarms(ctx: Ctx) {
  const candidates = await activeEldersForSeed(ctx, '62')
  const byStreet = new Map<string, { id: string; regionCode: string }[]>()
  for (const e of candidates) {
    const k = e.regionCode.slice(0, 9)
    if (!byStreet.has(k)) byStreet.set(k, [])
    byStreet.get(k)!.push(e)
  }
  const streets = [...byStreet.keys()].sort()
  const picked: { id: string; regionCode: string }[] = []
  for (let round = 0; picked.length < 50 && round < 100; round++) {
    for (const s of streets) {
      const e = byStreet.get(s)![round]
      if (e && picked.length < 50) picked.push(e)
    }
  }
  const today = ctx.clock.now().toISOString().slice(0, 10)
  await withTx(ctx, async (t) => {
    await t.tx
      .insert(deviceVendors)
      .values({ code: DEMO_VENDOR.code, name: DEMO_VENDOR.name, secretEnc: ctx.crypto.encrypt(DEMO_VENDOR.secret), isDemo: 1 })
      .onConflictDoNothing()
    const rows = picked.map((e, i) => {
      const kind = KINDS[i % KINDS.length]!
      return {
        serial: `DEMO-${String(i + 1).padStart(4, '0')}`,
        kind,
        model: MODELS[kind],
        vendor: DEMO_VENDOR.code,
        elderId: e.id,
        regionCode: e.regionCode,
        boundFrom: today,
        battery: 80 + (i % 20),
        simLast4: String(1000 + i),
      }
    })
    if (rows.length) await t.tx.insert(devices).values(rows).onConflictDoNothing()
    const stored = await t.tx
      .select({ id: devices.id, serial: devices.serial, kind: devices.kind, elderId: devices.elderId, regionCode: devices.regionCode })
      .from(devices)
    // Two weeks of handled alarms, so the statistics and the history are not empty on a fresh demo.
    const now = ctx.clock.now().getTime()
    const history = stored
      .filter((d) => d.serial.startsWith('DEMO-'))
      .flatMap((d, i) =>
        [0, 1].map((k) => {
          const received = new Date(now - (1 + ((i * 7 + k * 5) % 14)) * 86_400_000 - ((i * 37 + k * 11) % 600) * 60_000)
          const claimAfter = (8 + ((i * 13 + k * 29) % 50)) * 1000
          const closeAfter = (6 + ((i * 17 + k * 7) % 40)) * 60_000
          const outcome = OUTCOMES[(i + k) % OUTCOMES.length]!
          return {
            deviceId: d.id,
            deviceSerial: d.serial,
            eventId: `demo-history-${k}`,
            type: EVENT_OF_KIND[d.kind],
            source: 'mqtt' as const,
            elderId: d.elderId,
            regionCode: d.regionCode,
            status: 'closed' as const,
            eventTime: received,
            receivedAt: received,
            claimedByName: '演示坐席',
            claimedAt: new Date(received.getTime() + claimAfter),
            closedAt: new Date(received.getTime() + closeAfter),
            outcome,
            closeNote: '演示数据',
            createdAt: received,
            updatedAt: new Date(received.getTime() + closeAfter),
          }
        }),
      )
    if (history.length) await t.tx.insert(alarms).values(history).onConflictDoNothing()
    await appendAudit(t, {
      action: 'device.demo_seeded',
      entityType: 'device',
      regionCode: '620702000000',
      after: { devices: rows.length, alarms: history.length },
    })
  })
}
