import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createTestApp, fakeClock, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { signWebhook } from './webhook-signature.js'

const SECRET = 'yiyang-demo-webhook'
let seq = 0
const uid = (p: string) => `${p}-${Date.now().toString(36)}-${seq++}`

type TEvent = { serial: string; eventId: string; type: string; time: string; lat?: number; lng?: number; battery?: number }
const event = (serial: string, over: Partial<TEvent> = {}): TEvent => ({ serial, eventId: uid('ev'), type: 'sos', time: new Date().toISOString(), ...over })

/** A webhook call signed like a vendor platform does. */
async function post(t: TestApp, body: unknown, opts: { ts?: number; secret?: string; sig?: string; vendor?: string; now?: Date } = {}) {
  const raw = JSON.stringify(body)
  const ts = String(opts.ts ?? Math.floor((opts.now ?? new Date()).getTime() / 1000))
  const sig = opts.sig ?? signWebhook(opts.secret ?? SECRET, ts, raw)
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/devices/webhook/${opts.vendor ?? 'demo'}`,
    headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': sig },
    payload: raw,
  })
}

async function rejections(t: TestApp, reason: string): Promise<number> {
  const r = (await t.database.db.execute(`select count(*)::int as n from device_ingest_rejections where reason = '${reason}'` as never)) as unknown as
    { rows: { n: number }[] } | { n: number }[]
  const rows = Array.isArray(r) ? r : r.rows
  return Number(rows[0]!.n)
}

describe('alarms: ingest, console workflow, scope', () => {
  let t: TestApp
  let operatorA: string
  let operatorA2: string
  let operatorB: string
  let worker: string
  let admin: string
  let deviceA: string
  let deviceB: string

  beforeAll(async () => {
    t = await createTestApp()
    ;[operatorA, operatorA2, operatorB, worker, admin] = await Promise.all(
      ['dongjie.operator', 'operator', 'nanjie.operator', 'dongjie.worker', 'admin'].map((u) => t.login(u)),
    )
    const elderA = await newElder(t, admin, {
      name: '报警测试甲',
      regionCode: '620702001001',
      contacts: [{ name: '王小明', relation: '儿子', phone: '13912345678' }],
    })
    const elderB = await newElder(t, admin, { name: '报警测试乙', regionCode: '620702002001' })
    deviceA = uid('BR')
    deviceB = uid('BR')
    for (const [serial, elderId] of [
      [deviceA, elderA],
      [deviceB, elderB],
    ] as const) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/devices',
        headers: { cookie: admin },
        payload: { serial, kind: 'bracelet', elderId, sim: '13700001111' },
      })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json().deviceKey).toMatch(/^[A-Za-z0-9_-]{32}$/)
    }
  })
  afterAll(() => t.close())

  it('a signed webhook event is stored once: the same eventId again is a duplicate, not a second alarm', async () => {
    const ev = event(deviceA)
    // Two different timestamps, so the second call is a new signature (not a replay) of the same event.
    const first = await post(t, ev, { ts: Math.floor(Date.now() / 1000) - 2 })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json().outcome).toBe('created')
    const again = await post(t, ev, { ts: Math.floor(Date.now() / 1000) - 1 })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ outcome: 'duplicate', alarmId: first.json().alarmId })
    const list = await t.app.inject({ url: `/api/v1/alarms?deviceSerial=${deviceA}`, headers: { cookie: operatorA } })
    expect(list.json().items.filter((a: { eventId: string }) => a.eventId === ev.eventId)).toHaveLength(1)
    const a = list.json().items[0]
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'deviceSerial', 'eventId', 'type', 'elderId', 'regionCode', 'status', 'receivedAt']))
    expect(a.status).toBe('raised')
  })

  it('refuses bad signatures, old timestamps, replays, unknown vendors, bad payloads and unknown devices, and counts each', async () => {
    const before = { sig: await rejections(t, 'bad_signature'), stale: await rejections(t, 'stale_timestamp'), replay: await rejections(t, 'replayed') }
    expect((await post(t, event(deviceA), { secret: 'wrong-secret' })).statusCode).toBe(401)
    expect((await post(t, event(deviceA), { sig: 'zz' })).statusCode).toBe(401)
    expect((await post(t, event(deviceA), { ts: Math.floor(Date.now() / 1000) - 301 })).statusCode).toBe(401)
    const ev = event(deviceA)
    const ts = Math.floor(Date.now() / 1000)
    expect((await post(t, ev, { ts })).statusCode).toBe(200)
    const replay = await post(t, ev, { ts })
    expect(replay.statusCode).toBe(409)
    expect(replay.json().message).toContain('重放')
    expect(await rejections(t, 'bad_signature')).toBe(before.sig + 2)
    expect(await rejections(t, 'stale_timestamp')).toBe(before.stale + 1)
    expect(await rejections(t, 'replayed')).toBe(before.replay + 1)
    expect((await post(t, event(deviceA), { vendor: 'nobody' })).statusCode).toBe(401)

    for (const bad of [
      { ...event(deviceA), type: 'party' },
      { ...event(deviceA), time: 'yesterday' },
      { ...event(deviceA), battery: 140 },
      { serial: deviceA, type: 'sos', time: new Date().toISOString() },
    ]) {
      const r = await post(t, bad)
      expect(r.statusCode, JSON.stringify(bad)).toBe(400)
      expect(r.json().message).toMatch(/[\u4e00-\u9fff]/)
    }
    const unknown = await post(t, event('NO-SUCH-DEVICE'))
    expect(unknown.statusCode).toBe(422)
    expect(await rejections(t, 'unknown_device')).toBeGreaterThanOrEqual(1)
    const none = await t.app.inject({ url: `/api/v1/alarms?deviceSerial=NO-SUCH-DEVICE`, headers: { cookie: admin } })
    expect(none.json().total).toBe(0)
  })

  it('a heartbeat with battery updates the device and raises no alarm', async () => {
    const before = (await t.app.inject({ url: `/api/v1/alarms?deviceSerial=${deviceB}`, headers: { cookie: admin } })).json().total
    expect((await post(t, event(deviceB, { type: 'heartbeat', battery: 17 }))).json().outcome).toBe('device_updated')
    const after = (await t.app.inject({ url: `/api/v1/alarms?deviceSerial=${deviceB}`, headers: { cookie: admin } })).json().total
    expect(after).toBe(before)
    const dev = (await t.app.inject({ url: `/api/v1/devices?q=${deviceB}`, headers: { cookie: admin } })).json().items[0]
    expect(dev.battery).toBe(17)
    expect(dev.offline).toBe(false)
  })

  it('two operators claim at once: exactly one wins, the other gets 409', async () => {
    const id = (await post(t, event(deviceA))).json().alarmId
    const [r1, r2] = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/v1/alarms/${id}/claim`, headers: { cookie: operatorA } }),
      t.app.inject({ method: 'POST', url: `/api/v1/alarms/${id}/claim`, headers: { cookie: operatorA2 } }),
    ])
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409])
    const winner = r1.statusCode === 200 ? r1 : r2
    expect(winner.json().status).toBe('acknowledged')
    expect(winner.json().claimedByName).toBeTruthy()
  })

  it('claim → call-back → notify family → dispatch → responder accepts, arrives, finishes → close with outcome', async () => {
    const id = (await post(t, event(deviceA, { lat: 38.93, lng: 100.45 }))).json().alarmId
    const go = (cookie: string, path: string, payload?: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/alarms/${id}/${path}`, headers: { cookie }, ...(payload ? { payload } : {}) })
    expect((await go(operatorA, 'claim')).statusCode).toBe(200)
    // Another operator cannot work an alarm someone holds.
    expect((await go(operatorA2, 'call-back', { result: 'no_answer' })).statusCode).toBe(403)
    const cb = await go(operatorA, 'call-back', { result: 'no_answer', note: '老人未接听' })
    expect(cb.json().status).toBe('contacting')
    const detail = cb.json()
    expect(detail.elder.name).toBe('报警测试甲')
    expect(detail.elder.idNumber).toContain('*')
    expect(JSON.stringify(detail)).not.toContain('13912345678')
    const n = await go(operatorA, 'notify-family', { message: '您的家人触发了紧急呼叫，工作人员正在处理' })
    expect(n.json()).toEqual({ sent: 1, failed: 0 })
    const responders = (await t.app.inject({ url: `/api/v1/alarms/${id}/responders`, headers: { cookie: operatorA } })).json().items
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: worker } })).json()
    const workerId = me.id ?? me.user?.id
    expect(responders.map((r: { id: string }) => r.id)).toContain(workerId)
    // Closing needs an outcome.
    expect((await go(operatorA, 'close', { note: '无' })).statusCode).toBe(400)
    expect((await go(operatorA, 'dispatch', { responderId: workerId, note: '请立即上门' })).json().status).toBe('dispatched')
    // Only the responder it was sent to sees and works it.
    expect((await go(operatorA, 'accept', {})).statusCode).toBe(403)
    const mine = (await t.app.inject({ url: '/api/v1/alarms/assigned', headers: { cookie: worker } })).json().items
    expect(mine.map((a: { id: string }) => a.id)).toContain(id)
    expect((await go(worker, 'accept', {})).json().status).toBe('accepted')
    expect((await go(worker, 'arrive', {})).json().status).toBe('arrived')
    expect((await go(worker, 'finish', { note: '老人摔倒，已扶起，无大碍' })).json().status).toBe('resolved')
    const closed = await go(operatorA, 'close', { outcome: 'help_given', note: '社工上门处置完毕' })
    expect(closed.json().status).toBe('closed')
    expect(closed.json().actions.map((a: { kind: string }) => a.kind)).toEqual([
      'call_back',
      'family_notified',
      'dispatched',
      'responder',
      'responder',
      'responder',
      'note',
    ])
    expect((await go(operatorA, 'close', { outcome: 'false_alarm', note: '再次关闭' })).statusCode).toBe(409)
    const stats = (await t.app.inject({ url: '/api/v1/alarms/stats', headers: { cookie: admin } })).json()
    expect(stats.total).toBeGreaterThan(0)
    expect(stats.claimSeconds.median).not.toBeNull()
    expect(stats.rejections.length).toBeGreaterThan(0)
  })

  it('scope: a street-B operator neither lists nor opens nor claims street A alarms (404 like missing)', async () => {
    const id = (await post(t, event(deviceA))).json().alarmId
    const list = (await t.app.inject({ url: '/api/v1/alarms?pageSize=500', headers: { cookie: operatorB } })).json()
    expect(list.items.every((a: { regionCode: string }) => a.regionCode.startsWith('620702002'))).toBe(true)
    expect((await t.app.inject({ url: `/api/v1/alarms/${id}`, headers: { cookie: operatorB } })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/alarms/${id}/claim`, headers: { cookie: operatorB } })).statusCode).toBe(404)
    const assessor = await t.login('dongjie.assessor')
    expect((await t.app.inject({ url: '/api/v1/alarms', headers: { cookie: assessor } })).statusCode).toBe(403)
  })

  it('the live stream carries only alarms inside the user scope', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const port = (t.app.server.address() as AddressInfo).port
    const open = (cookie: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/alarms/stream`, { headers: { cookie } })
        ws.once('open', () => resolve(ws))
        ws.once('error', reject)
      })
    const wsA = await open(operatorA)
    const wsB = await open(operatorB)
    const gotA: { type: string; alarm: { deviceSerial: string; regionCode: string } }[] = []
    const gotB: typeof gotA = []
    wsA.on('message', (d) => gotA.push(JSON.parse(String(d))))
    wsB.on('message', (d) => gotB.push(JSON.parse(String(d))))
    const a = (await post(t, event(deviceA))).json().alarmId
    const b = (await post(t, event(deviceB))).json().alarmId
    await t.app.inject({ method: 'POST', url: `/api/v1/alarms/${a}/claim`, headers: { cookie: operatorA } })
    await new Promise((r) => setTimeout(r, 100))
    expect(gotA.map((m) => m.type)).toEqual(['alarm.created', 'alarm.updated'])
    expect(gotA.every((m) => m.alarm.deviceSerial === deviceA)).toBe(true)
    expect(gotB.map((m) => [m.type, m.alarm.deviceSerial])).toEqual([['alarm.created', deviceB]])
    expect(Object.keys(gotA[0]!.alarm).sort()).toEqual(['deviceSerial', 'elderId', 'eventId', 'id', 'receivedAt', 'regionCode', 'status', 'type'])
    void b
    wsA.terminate()
    wsB.terminate()
    // Without a session the upgrade is refused with 401.
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/alarms/stream`)
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.once('open', () => resolve(101))
      ws.once('error', () => {})
    })
    expect(status).toBe(401)
  })
})

describe('alarms: escalation as durable jobs on a fake clock, surviving a restart', () => {
  it('not claimed in 60 s → level 1; not closed within the SLA → level 2, after the app restarts', async () => {
    const clock = fakeClock()
    const t = await createTestApp({ clock, runJobs: false })
    const admin = await t.login('admin')
    const elderId = await newElder(t, admin, { name: '升级测试', regionCode: '620702001001' })
    const serial = uid('BTN')
    await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: { cookie: admin }, payload: { serial, kind: 'button', elderId } })
    const id = (await post(t, event(serial), { now: clock.now() })).json().alarmId
    const level = async (app: TestApp) => (await app.app.inject({ url: `/api/v1/alarms/${id}`, headers: { cookie: admin } })).json()
    await t.settle()
    expect((await level(t)).escalationLevel).toBe(0)
    clock.advance(61_000)
    await t.settle()
    const l1 = await level(t)
    expect(l1.escalationLevel).toBe(1)
    expect(l1.actions.find((a: { kind: string }) => a.kind === 'escalated').note).toContain('坐席')
    // Claimed now, but not closed: the SLA timer is in the database, not in this process.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/alarms/${id}/claim`, headers: { cookie: admin } })).statusCode).toBe(200)
    await t.app.close()
    const t2 = await createTestApp({ clock, runJobs: false, database: t.database })
    clock.advance(30 * 60_000)
    await t2.settle()
    const admin2 = await t2.login('admin')
    const l2 = (await t2.app.inject({ url: `/api/v1/alarms/${id}`, headers: { cookie: admin2 } })).json()
    expect(l2.escalationLevel).toBe(2)
    expect(l2.status).toBe('acknowledged')
    await t2.close()
  })

  it('an alarm claimed in time does not escalate to level 1, and a closed one never reaches level 2', async () => {
    const clock = fakeClock()
    const t = await createTestApp({ clock, runJobs: false })
    const admin = await t.login('admin')
    const elderId = await newElder(t, admin, { regionCode: '620702001001' })
    const serial = uid('FS')
    await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: { cookie: admin }, payload: { serial, kind: 'fall_sensor', elderId } })
    const id = (await post(t, event(serial, { type: 'fall' }), { now: clock.now() })).json().alarmId
    clock.advance(30_000)
    await t.app.inject({ method: 'POST', url: `/api/v1/alarms/${id}/claim`, headers: { cookie: admin } })
    await t.app.inject({ method: 'POST', url: `/api/v1/alarms/${id}/close`, headers: { cookie: admin }, payload: { outcome: 'device_test', note: '设备测试' } })
    clock.advance(31 * 60_000)
    await t.settle()
    const a = (await t.app.inject({ url: `/api/v1/alarms/${id}`, headers: { cookie: admin } })).json()
    expect(a.escalationLevel).toBe(0)
    expect(a.outcome).toBe('device_test')
    await t.close()
  })
})
