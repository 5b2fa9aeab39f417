import { createServer, type Server } from 'node:net'
import { Aedes } from 'aedes'
import mqtt from 'mqtt'
import type { Ctx } from '../../platform/context.js'
import type { Crypto } from '../../platform/crypto.js'
import { safeEqual } from '../../platform/crypto.js'
import type { TServiceDeps } from '../../platform/module.js'
import { IngestBatcher, recordRejection } from './ingest-device-event.js'

/** Fixed interface (issue 21): one topic per device, QoS 1. */
export const DEVICE_TOPIC_FILTER = 'yiyang/v1/devices/+/events'
const TOPIC_RE = /^yiyang\/v1\/devices\/([A-Za-z0-9._-]{1,64})\/events$/

/** The MQTT password of a device on the embedded broker: derived from SECRET_KEY, never stored. */
export const deviceKey = (crypto: Crypto, serial: string) => crypto.lookupHash(`device-key:${serial}`).slice(0, 32)

function systemCtx(deps: TServiceDeps): Ctx {
  return { db: deps.database.db, actor: null, requestId: 'mqtt', ip: 'mqtt', clock: deps.clock, config: deps.config, crypto: deps.crypto, events: deps.events }
}

/** One message from the broker: parsed, ingested, committed. Returns false when it must not be acknowledged (a database failure). */
async function handleDeviceMessage(deps: TServiceDeps, batcher: IngestBatcher, topic: string, payload: Buffer): Promise<boolean> {
  const ctx = systemCtx(deps)
  const m = TOPIC_RE.exec(topic)
  try {
    if (!m) {
      await recordRejection(ctx, 'mqtt', 'bad_payload', null, `主题不正确：${topic.slice(0, 100)}`)
      deps.log.warn({ topic }, 'mqtt message on an unknown topic refused')
      return true
    }
    let body: unknown
    try {
      body = JSON.parse(payload.toString('utf8'))
    } catch {
      await recordRejection(ctx, 'mqtt', 'bad_payload', m[1]!, '不是 JSON')
      deps.log.warn({ serial: m[1] }, 'mqtt payload is not JSON, refused')
      return true
    }
    const r = await batcher.submit({ source: 'mqtt', serial: m[1]!, payload: body })
    if (r.outcome === 'rejected') deps.log.warn({ serial: m[1], reason: r.reason, detail: r.message }, 'device event refused')
    return true
  } catch (err) {
    deps.log.error({ err, serial: m?.[1] }, 'device event not stored; not acknowledged, the broker will deliver it again')
    return false
  }
}

/**
 * Subscribes to an external broker (MQTT_URL) with a persistent session: the PUBACK of each
 * QoS 1 message is sent only after its alarm has committed, and messages published while the
 * server was down are delivered when it reconnects.
 */
async function startSubscriber(deps: TServiceDeps, url: string) {
  const batcher = new IngestBatcher(() => systemCtx(deps))
  const n = deps.config.mqtt.subscribers
  // Several connections share one subscription ($share: the broker spreads the messages), so
  // their messages are written in common batches; one connection alone delivers one at a time.
  // The share group is named after the client id: the broker keeps persistent sessions, and a
  // session left behind by another installation (or a killed test run) in a common group would
  // take its round-robin share of the messages and never deliver them.
  const group = deps.config.mqtt.clientId.replace(/[^A-Za-z0-9_-]/g, '_')
  const filter = n > 1 ? `$share/${group}/${DEVICE_TOPIC_FILTER}` : DEVICE_TOPIC_FILTER
  const clients = Array.from({ length: n }, (_, i) => {
    const client = mqtt.connect(url, {
      clientId: n > 1 ? `${deps.config.mqtt.clientId}-${i}` : deps.config.mqtt.clientId,
      clean: false,
      reconnectPeriod: 1000,
      protocolVersion: 4,
      connectTimeout: 10_000,
    })
    client.handleMessage = (packet, done) => {
      void handleDeviceMessage(deps, batcher, packet.topic, packet.payload as Buffer).then((ok) => {
        if (ok) return done()
        // Unacknowledged: drop the connection so the broker redelivers on the next one.
        client.stream.destroy()
      })
    }
    client.on('error', (err) => deps.log.error({ err }, 'mqtt client error'))
    return client
  })
  // Bounded: on a kept session the broker delivers the backlog of a restart at once, and a
  // SUBACK queued behind it must not hold the server's start past its ready timeout.
  let readyTimer: NodeJS.Timeout | undefined
  const subscribed = Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 5000)
          client.once('connect', () => {
            clearTimeout(t)
            // Subscribing again on a kept session is harmless; waiting for it means the caller's first publish is seen.
            client.subscribe(filter, { qos: 1 }, (err) => {
              if (err) deps.log.error({ err }, 'mqtt subscribe failed')
              resolve()
            })
          })
        }),
    ),
  )
  await Promise.race([subscribed, new Promise<void>((r) => (readyTimer = setTimeout(r, 5000)))])
  clearTimeout(readyTimer)
  deps.log.info({ url: url.replace(/\/\/[^@]*@/, '//***@'), connections: n }, 'mqtt subscribed')
  return async () => {
    await Promise.all(clients.map((c) => c.endAsync()))
  }
}

/**
 * The embedded broker (aedes) on MQTT_PORT when no MQTT_URL is set: devices log in with their
 * serial and key, may publish to their own topic only, and get the PUBACK after the commit.
 */
async function startEmbedded(deps: TServiceDeps) {
  const batcher = new IngestBatcher(() => systemCtx(deps))
  const serials = new WeakMap<object, string>()
  const broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      const serial = username ?? ''
      const ok = TOPIC_RE.test(`yiyang/v1/devices/${serial}/events`) && !!password && safeEqual(password.toString('utf8'), deviceKey(deps.crypto, serial))
      // The login name is the serial: a device publishes only as itself.
      if (ok) serials.set(client, serial)
      done(null, ok)
    },
    authorizeSubscribe(_client, _sub, done) {
      done(new Error('devices do not subscribe'), null)
    },
    authorizePublish(client, packet, done) {
      const m = TOPIC_RE.exec(packet.topic)
      if (!m || !client || serials.get(client) !== m[1]) return done(new Error('topic not allowed'))
      void handleDeviceMessage(deps, batcher, packet.topic, packet.payload as Buffer).then((ok) => done(ok ? null : new Error('not stored')))
    },
  })
  const server: Server = createServer(broker.handle)
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (err) => {
      // A busy port must not take the whole platform down: the webhook and the console keep working.
      deps.log.error({ err, port: deps.config.mqtt.port }, '内置 MQTT 服务无法监听该端口（MQTT_PORT），设备直连不可用；请更换端口或配置 MQTT_URL')
      resolve(false)
    })
    server.listen(deps.config.mqtt.port, deps.config.host, () => resolve(true))
  })
  if (!listening) {
    await new Promise<void>((resolve) => broker.close(() => resolve()))
    return async () => {}
  }
  deps.log.info({ port: deps.config.mqtt.port }, 'embedded mqtt broker listening')
  return async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()))
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

export async function startMqtt(deps: TServiceDeps): Promise<() => Promise<void>> {
  if (!deps.config.mqtt.enabled) return async () => {}
  return deps.config.mqtt.url ? startSubscriber(deps, deps.config.mqtt.url) : startEmbedded(deps)
}
