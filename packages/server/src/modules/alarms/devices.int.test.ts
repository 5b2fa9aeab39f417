import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, fakeClock, type TestApp } from '../../../test/app.js'
import { testConfig } from '../../../test/config.js'
import { newElder } from '../../../test/factories.js'
import { signWebhook } from './webhook-signature.js'

/**
 * Devices: the offline flag as a periodic durable job on a fake clock (heartbeats stop for
 * DEVICE_OFFLINE_MINUTES → marked once, a heartbeat_lost alarm; the next heartbeat clears it).
 */
let seq = 0
const uid = (p: string) => `${p}-${Date.now().toString(36)}-${seq++}`

describe('devices: offline marking on a fake clock', () => {
  const clock = fakeClock(new Date())
  let t: TestApp
  let admin: string, operatorA: string
  let serial: string

  async function post(body: Record<string, unknown>) {
    const raw = JSON.stringify(body)
    const ts = String(Math.floor(clock.now().getTime() / 1000))
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/devices/webhook/demo',
      headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': signWebhook('yiyang-demo-webhook', ts, raw) },
      payload: raw,
    })
  }
  const heartbeat = () => post({ serial, eventId: uid('hb'), type: 'heartbeat', time: clock.now().toISOString(), battery: 80 })
  const device = async () =>
    (await t.app.inject({ url: `/api/v1/devices?q=${serial}`, headers: { cookie: operatorA } })).json().items[0] as {
      offline: boolean
      offlineSince: string | null
    }
  const lostAlarms = async () =>
    (await t.app.inject({ url: `/api/v1/alarms?deviceSerial=${serial}&type=heartbeat_lost`, headers: { cookie: operatorA } })).json().items as {
      type: string
      status: string
      regionCode: string
    }[]

  beforeAll(async () => {
    t = await createTestApp({ clock, config: { alarms: { ...testConfig().alarms, offlineAfterMs: 30 * 60_000 } } })
    ;[admin, operatorA] = await Promise.all(['admin', 'dongjie.operator'].map((u) => t.login(u)))
    const elderId = await newElder(t, admin, { regionCode: '620702001001' })
    serial = uid('HB')
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: { cookie: admin }, payload: { serial, kind: 'bracelet', elderId } })
    expect(r.statusCode, r.body).toBe(200)
  })
  afterAll(() => t.close())

  it('marks a silent device offline once with a heartbeat_lost alarm, clears it on the next heartbeat, raises again after a new silence', async () => {
    expect((await heartbeat()).statusCode).toBe(200)
    expect(await device()).toMatchObject({ offline: false, offlineSince: null })
    clock.advance(29 * 60_000)
    await t.settle()
    expect((await device()).offline).toBe(false)
    expect(await lostAlarms()).toEqual([])

    clock.advance(6 * 60_000)
    await t.settle()
    const d = await device()
    expect(d.offline).toBe(true)
    expect(d.offlineSince).not.toBeNull()
    const first = await lostAlarms()
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ type: 'heartbeat_lost', status: 'raised', regionCode: '620702001001' })

    // Later checks do not raise it again while the device stays silent.
    clock.advance(20 * 60_000)
    await t.settle()
    expect(await lostAlarms()).toHaveLength(1)
    const offlineList = (await t.app.inject({ url: `/api/v1/devices?offline=true&q=${serial}`, headers: { cookie: operatorA } })).json()
    expect(offlineList.items).toHaveLength(1)

    expect((await heartbeat()).statusCode).toBe(200)
    expect(await device()).toMatchObject({ offline: false, offlineSince: null })
    clock.advance(36 * 60_000)
    await t.settle()
    expect(await lostAlarms()).toHaveLength(2)
  })
})
