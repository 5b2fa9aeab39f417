import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { activeEldersForSeed } from '../elders/index.js'
import { deviceVendors, devices } from './alarms.tables.js'

export const DEMO_VENDOR = { code: 'demo', name: '演示设备平台', secret: 'yiyang-demo-webhook' } as const
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
    await appendAudit(t, { action: 'device.demo_seeded', entityType: 'device', regionCode: '620702000000', after: { devices: rows.length } })
  })
}
