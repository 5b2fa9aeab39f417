import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import mqtt from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { testConfig } from '../../../test/config.js'
import { newElder } from '../../../test/factories.js'

/** The machine's Mosquitto (CI starts it in .ci/run); tests never start a broker by hand. */
const BROKER = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883'
const topic = (serial: string) => `yiyang/v1/devices/${serial}/events`
const payload = (over: Record<string, unknown> = {}) => JSON.stringify({ eventId: randomUUID(), type: 'sos', time: new Date().toISOString(), ...over })

async function until<T>(fn: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function publish(url: string, topicName: string, message: string, opts: mqtt.IClientOptions = {}) {
  const c = await mqtt.connectAsync(url, { clientId: `dev-${randomUUID().slice(0, 8)}`, ...opts })
  await c.publishAsync(topicName, message, { qos: 1 })
  await c.endAsync()
}

async function register(t: TestApp, cookie: string, serial: string) {
  const elderId = await newElder(t, cookie, { regionCode: '620702001001' })
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: { cookie }, payload: { serial, kind: 'bracelet', elderId } })
  expect(r.statusCode, r.body).toBe(200)
  return r.json().deviceKey as string
}

const listOf = async (t: TestApp, cookie: string, serial: string) =>
  (await t.app.inject({ url: `/api/v1/alarms?deviceSerial=${serial}&pageSize=500`, headers: { cookie } })).json() as {
    items: { eventId: string }[]
    total: number
  }

describe('alarms over a real MQTT broker (MQTT_URL)', () => {
  const clientId = `yiyang-test-${randomUUID().slice(0, 8)}`
  const mqttConfig = { ...testConfig().mqtt, url: BROKER, enabled: true, clientId }
  let t: TestApp
  let admin: string
  const serial = `MQ-${randomUUID().slice(0, 8)}`

  beforeAll(async () => {
    t = await createTestApp({ config: { mqtt: mqttConfig } })
    admin = await t.login('admin')
    await register(t, admin, serial)
  })
  afterAll(async () => {
    await t?.close()
    // Drop the persistent session this test made on the shared broker.
    for (let i = 0; i < mqttConfig.subscribers; i++) {
      const c = await mqtt.connectAsync(BROKER, { clientId: `${clientId}-${i}`, clean: true })
      await c.endAsync()
    }
  })

  it('a QoS 1 SOS is stored as an alarm; the same eventId again is not a second alarm', async () => {
    const msg = payload({ lat: 38.93, lng: 100.45, battery: 66 })
    await publish(BROKER, topic(serial), msg)
    await publish(BROKER, topic(serial), msg)
    const list = await until(async () => {
      const l = await listOf(t, admin, serial)
      // The page and the count are two statements: the alarm may commit between them.
      return l.items.length >= 1 ? l : undefined
    })
    await new Promise((r) => setTimeout(r, 300))
    expect((await listOf(t, admin, serial)).total).toBe(1)
    expect(list.items[0]!.eventId).toBe(JSON.parse(msg).eventId)
  })

  it('bad payloads and unknown devices are refused, counted and never stored', async () => {
    await publish(BROKER, topic(serial), 'not json')
    await publish(BROKER, topic(serial), payload({ type: 'party' }))
    await publish(BROKER, topic('UNKNOWN-1'), payload())
    await until(async () => {
      const r = (await t.database.db.execute(`select count(*)::int as n from device_ingest_rejections where source = 'mqtt'` as never)) as unknown as
        { rows: { n: number }[] } | { n: number }[]
      const n = Number((Array.isArray(r) ? r : r.rows)[0]!.n)
      return n >= 3 ? n : undefined
    })
    expect((await listOf(t, admin, serial)).total).toBe(1)
    expect((await listOf(t, admin, 'UNKNOWN-1')).total).toBe(0)
  })

  it('messages published while the server is down are delivered after it restarts (persistent session, QoS 1)', async () => {
    await t.app.close()
    const msg = payload()
    await publish(BROKER, topic(serial), msg)
    t = await createTestApp({ config: { mqtt: mqttConfig }, database: t.database })
    admin = await t.login('admin')
    const found = await until(async () => {
      const l = await listOf(t, admin, serial)
      return l.items.find((a) => a.eventId === JSON.parse(msg).eventId)
    }, 10_000)
    expect(found).toBeTruthy()
  })
})

describe('the embedded broker (no MQTT_URL)', () => {
  let t: TestApp
  let port: number
  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port
        s.close(() => resolve(p))
      })
    })
    t = await createTestApp({ config: { host: '127.0.0.1', mqtt: { ...testConfig().mqtt, url: undefined, port, enabled: true } } })
  })
  afterAll(() => t?.close())

  it('a device logs in with its serial and key, publishes to its own topic only; the PUBACK comes after the alarm is stored', async () => {
    const admin = await t.login('admin')
    const serial = `EMB-${randomUUID().slice(0, 8)}`
    const key = await register(t, admin, serial)
    const url = `mqtt://127.0.0.1:${port}`
    await publish(url, topic(serial), payload(), { username: serial, password: key })
    // Stored by the time publish resolved (PUBACK after commit): no waiting.
    expect((await listOf(t, admin, serial)).total).toBe(1)
    await expect(mqtt.connectAsync(url, { username: serial, password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow()
    // Another device's topic: the broker refuses (the connection is closed), nothing is stored.
    const before = (await listOf(t, admin, 'DEMO-0001')).total
    const c = await mqtt.connectAsync(url, { username: serial, password: key, reconnectPeriod: 0 })
    await Promise.race([c.publishAsync(topic('DEMO-0001'), payload(), { qos: 1 }).catch(() => {}), new Promise((r) => setTimeout(r, 500))])
    c.end(true)
    expect((await listOf(t, admin, 'DEMO-0001')).total).toBe(before)
  })
})
