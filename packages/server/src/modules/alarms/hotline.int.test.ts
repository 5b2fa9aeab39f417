import type { AddressInfo } from 'node:net'
import { hotlineFlow, hotlineStatuses, todayInShanghai, type THotlineStatus } from '@yiyang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { DEMO_PROVIDER } from '../providers/index.js'
import { signWebhook } from './webhook-signature.js'

/**
 * 12349 hotline work orders through HTTP on a real database: the switchboard's signed webhook
 * (signature, age, replay), the caller's phone finding the elder, the pop-up on the operators'
 * stream inside their scope only, every transition the work order's table refuses, an emergency
 * call becoming an alarm of the alarm flow and a booking becoming a service order request.
 */
const SECRET = 'yiyang-demo-hotline'
let seq = 0
const uid = (p: string) => `${p}-${Date.now().toString(36)}-${seq++}`
/** A phone number no seeded elder has. */
const freshPhone = () => `139${String(Date.now() % 1e5).padStart(5, '0')}${String(seq++ % 1000).padStart(3, '0')}`

async function ring(t: TestApp, body: unknown, opts: { ts?: number; secret?: string; sig?: string; switchboard?: string } = {}) {
  const raw = JSON.stringify(body)
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000))
  const sig = opts.sig ?? signWebhook(opts.secret ?? SECRET, ts, raw)
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/hotline/webhook/${opts.switchboard ?? 'demo'}`,
    headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': sig },
    payload: raw,
  })
}
const call = (caller: string) => ({ callId: uid('call'), caller, time: new Date().toISOString() })

let t: TestApp
let operator: string, operatorA: string, operatorB: string, officerA: string, admin: string
let elderA: string
let phoneA: string

async function api(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload: payload as never })
}

beforeAll(async () => {
  t = await createTestApp()
  ;[operator, operatorA, operatorB, officerA, admin] = await Promise.all(
    ['operator', 'dongjie.operator', 'nanjie.operator', 'dongjie.officer', 'admin'].map((u) => t.login(u)),
  )
  phoneA = freshPhone()
  elderA = await newElder(t, admin, {
    name: '热线测试甲',
    regionCode: '620702001001',
    phone: phoneA,
    contacts: [{ name: '李小红', relation: '女儿', phone: '13912340000' }],
  })
})
afterAll(() => t.close())

describe('hotline: the switchboard webhook', () => {
  it('a signed call is stored ringing with the elder the phone found; the same call id again is the same order', async () => {
    const c = call(phoneA)
    const r = await ring(t, c, { ts: Math.floor(Date.now() / 1000) - 2 })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().outcome).toBe('created')
    const again = await ring(t, c, { ts: Math.floor(Date.now() / 1000) - 1 })
    expect(again.json()).toEqual({ outcome: 'duplicate', id: r.json().id })
    const d = (await api(operatorA, 'GET', `/hotline/calls/${r.json().id}`)).json()
    expect(d.status).toBe('ringing')
    expect(d.elderId).toBe(elderA)
    expect(d.regionCode).toBe('620702001001')
    expect(d.elder.name).toBe('热线测试甲')
    expect(d.elder.contacts.map((x: { name: string }) => x.name)).toContain('李小红')
    expect(d.callerPhoneMasked).toBe(`${phoneA.slice(0, 3)}****${phoneA.slice(-4)}`)
    expect(JSON.stringify(d)).not.toContain(phoneA)
  })

  it('a caller number written with spaces and full-width digits is normalised by core and still finds the elder', async () => {
    const spaced = `${phoneA.slice(0, 3)} ${phoneA.slice(3, 7)} ${phoneA.slice(7)}`.replace(/\d/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0))
    const r = await ring(t, call(spaced))
    expect(r.statusCode, r.body).toBe(200)
    expect((await api(operator, 'GET', `/hotline/calls/${r.json().id}`)).json().elderId).toBe(elderA)
  })

  it('an unknown caller lands in the hotline centre region (district operators only)', async () => {
    const r = await ring(t, call(freshPhone()))
    const d = (await api(operator, 'GET', `/hotline/calls/${r.json().id}`)).json()
    expect(d.elderId).toBeNull()
    expect(d.regionCode).toBe('620702000000')
    expect((await api(operatorA, 'GET', `/hotline/calls/${r.json().id}`)).statusCode).toBe(404)
  })

  it('refuses a wrong signature, an old timestamp, a replay and a bad payload, with Chinese reasons', async () => {
    expect((await ring(t, call(phoneA), { secret: 'another-secret-000' })).statusCode).toBe(401)
    expect((await ring(t, call(phoneA), { sig: 'abc' })).statusCode).toBe(401)
    expect((await ring(t, call(phoneA), { ts: Math.floor(Date.now() / 1000) - 301 })).statusCode).toBe(401)
    const c = call(phoneA)
    const ts = Math.floor(Date.now() / 1000)
    expect((await ring(t, c, { ts })).statusCode).toBe(200)
    const replay = await ring(t, c, { ts })
    expect(replay.statusCode).toBe(409)
    expect(replay.json().message).toContain('重放')
    for (const bad of [
      { ...call(phoneA), caller: '12345' },
      { ...call(phoneA), time: '昨天' },
      { caller: phoneA, time: new Date().toISOString() },
    ]) {
      const r = await ring(t, bad)
      expect(r.statusCode, JSON.stringify(bad)).toBe(400)
      expect(r.json().message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect((await ring(t, call(phoneA), { switchboard: 'BAD SWITCH' })).statusCode).toBe(400)
  })
})

describe('hotline: the work order', () => {
  async function ringing(phone = phoneA) {
    const r = await ring(t, call(phone))
    expect(r.statusCode, r.body).toBe(200)
    return r.json().id as string
  }
  const intake = (id: string, category = 'consult', extra: Record<string, unknown> = {}) =>
    api(operatorA, 'POST', `/hotline/calls/${id}/intake`, { category, summary: '询问高龄津贴申领', ...extra })

  /** A work order driven to `status`. */
  async function orderIn(status: THotlineStatus): Promise<string> {
    const id = await ringing()
    const step = async (path: string, body: unknown) => {
      const r = await api(operatorA, 'POST', `/hotline/calls/${id}/${path}`, body)
      expect(r.statusCode, `${path}: ${r.body}`).toBe(200)
    }
    if (status === 'ringing') return id
    if (status === 'alarm') return (await step('raise-alarm', { note: '老人摔倒' }), id)
    if (status === 'closed') return (await step('drop', {}), id)
    await step('intake', { category: 'consult', summary: '询问高龄津贴' })
    if (status === 'open') return id
    await step('route', { routeKind: 'department', target: 'civil_affairs' })
    if (status === 'routed') return id
    await step('reply', { note: '已电话答复' })
    if (status === 'replied') return id
    await step('call-back', { result: 'reached' })
    return id
  }
  const bodies: Record<keyof typeof hotlineFlow, unknown> = {
    intake: { category: 'consult', summary: '询问高龄津贴' },
    route: { routeKind: 'department', target: 'civil_affairs' },
    book: { providerId: DEMO_PROVIDER.id, itemCode: 'ZJ-001', serviceDate: todayInShanghai() },
    raiseAlarm: { note: '紧急' },
    reply: { note: '已办结' },
    callBack: { result: 'reached' },
    close: { satisfaction: 'satisfied' },
    drop: {},
  }
  const paths: Record<keyof typeof hotlineFlow, string> = {
    intake: 'intake',
    route: 'route',
    book: 'book',
    raiseAlarm: 'raise-alarm',
    reply: 'reply',
    callBack: 'call-back',
    close: 'close',
    drop: 'drop',
  }

  it('every transition the table does not allow is refused with 409 and changes nothing', async () => {
    for (const status of hotlineStatuses) {
      const id = await orderIn(status)
      const before = (await api(operatorA, 'GET', `/hotline/calls/${id}`)).json()
      expect(before.status).toBe(status)
      for (const [action, step] of Object.entries(hotlineFlow) as [keyof typeof hotlineFlow, (typeof hotlineFlow)[keyof typeof hotlineFlow]][]) {
        if ((step.from as readonly string[]).includes(status)) continue
        const r = await api(operatorA, 'POST', `/hotline/calls/${id}/${paths[action]}`, bodies[action])
        expect(r.statusCode, `${action} from ${status}: ${r.body}`).toBe(409)
        expect(r.json().message).toMatch(/[\u4e00-\u9fff]/)
      }
      const after = (await api(operatorA, 'GET', `/hotline/calls/${id}`)).json()
      expect(after.version).toBe(before.version)
      expect(after.actions).toHaveLength(before.actions.length)
    }
  })

  it('intake, routing to a street, reply, call-back and closing with satisfaction leave a timeline and audit rows', async () => {
    const id = await ringing()
    const taken = await intake(id, 'complaint', { summary: '送餐迟到两小时', callerName: '李小红' })
    expect(taken.statusCode, taken.body).toBe(200)
    expect(taken.json().category).toBe('complaint')
    expect(taken.json().takenByName).toBeTruthy()
    expect(new Date(taken.json().deadlineAt).getTime()).toBeGreaterThan(Date.now() + 4 * 86400_000)
    // A street outside the operator's scope is refused with the field; a department code that does not exist too.
    const other = await api(operatorA, 'POST', `/hotline/calls/${id}/route`, { routeKind: 'street', target: '620702002000' })
    expect(other.statusCode).toBe(400)
    expect(other.json().fields[0].path).toBe('target')
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/route`, { routeKind: 'department', target: 'nasa' })).statusCode).toBe(400)
    const routed = await api(operatorA, 'POST', `/hotline/calls/${id}/route`, { routeKind: 'street', target: '620702001000', version: taken.json().version })
    expect(routed.statusCode, routed.body).toBe(200)
    expect(routed.json()).toMatchObject({ status: 'routed', routeKind: 'street', routedTo: '620702001000' })
    expect(routed.json().routeTargetName).toMatch(/[\u4e00-\u9fff]/)
    // A stale version is a conflict.
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/reply`, { note: '已协调送餐', version: taken.json().version })).statusCode).toBe(409)
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/reply`, { note: '已协调送餐' })).statusCode).toBe(200)
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/call-back`, { result: 'no_answer' })).statusCode).toBe(200)
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/call-back`, { result: 'reached', note: '已回访' })).statusCode).toBe(200)
    const noAnswer = await api(operatorA, 'POST', `/hotline/calls/${id}/close`, {})
    expect(noAnswer.statusCode).toBe(400)
    const closed = await api(operatorA, 'POST', `/hotline/calls/${id}/close`, { satisfaction: 'satisfied' })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json().status).toBe('closed')
    expect(closed.json().satisfaction).toBe('satisfied')
    expect(closed.json().actions.map((a: { kind: string }) => a.kind)).toEqual(['received', 'intake', 'routed', 'replied', 'call_back', 'call_back', 'closed'])
    const audit = (await api(admin, 'GET', `/audit?entityId=${id}`)).json()
    const actions = (audit.items ?? []).map((a: { action: string }) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['hotline.call_received', 'hotline.taken', 'hotline.routed', 'hotline.closed']))
  })

  it('an emergency call becomes an alarm that runs the alarm flow', async () => {
    const id = await ringing()
    expect((await intake(id, 'emergency', { summary: '老人在家摔倒起不来' })).statusCode).toBe(200)
    // Closing or routing an emergency is refused: it goes to the alarm desk.
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/close`, { satisfaction: 'satisfied' })).statusCode).toBe(422)
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/route`, { routeKind: 'department', target: 'police' })).statusCode).toBe(422)
    const r = await api(operatorA, 'POST', `/hotline/calls/${id}/raise-alarm`, { note: '转紧急报警' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().status).toBe('alarm')
    const alarmId = r.json().alarmId
    const alarm = (await api(operatorA, 'GET', `/alarms/${alarmId}`)).json()
    expect(alarm).toMatchObject({ type: 'hotline', source: 'hotline', status: 'raised', elderId: elderA, regionCode: '620702001001' })
    expect(alarm.elder.name).toBe('热线测试甲')
    const claimed = await api(operatorA, 'POST', `/alarms/${alarmId}/claim`)
    expect(claimed.statusCode, claimed.body).toBe(200)
    expect(claimed.json().status).toBe('acknowledged')
    // The call is then followed up and closed like any other.
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/call-back`, { result: 'reached' })).statusCode).toBe(200)
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/close`, { satisfaction: 'very_satisfied' })).statusCode).toBe(200)
  })

  it('a 服务预约 becomes a service order request of the orders module', async () => {
    const id = await ringing()
    // Booking needs the booking category.
    expect((await intake(id, 'consult')).statusCode).toBe(200)
    expect((await api(operatorA, 'POST', `/hotline/calls/${id}/book`, bodies.book)).statusCode).toBe(422)
    const id2 = await ringing()
    expect((await intake(id2, 'booking', { summary: '预约助浴' })).statusCode).toBe(200)
    expect((await api(operatorA, 'POST', `/hotline/calls/${id2}/close`, { satisfaction: 'satisfied' })).statusCode).toBe(422)
    const bad = await api(operatorA, 'POST', `/hotline/calls/${id2}/book`, { ...(bodies.book as object), itemCode: 'NO-SUCH' })
    expect(bad.statusCode).toBe(400)
    expect((await api(operatorA, 'GET', `/hotline/calls/${id2}`)).json().status).toBe('open')
    const r = await api(operatorA, 'POST', `/hotline/calls/${id2}/book`, bodies.book)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'routed', routeKind: 'provider', routedTo: DEMO_PROVIDER.id })
    const order = (await api(operatorA, 'GET', `/orders/${r.json().orderId}`)).json()
    expect(order).toMatchObject({ elderId: elderA, requesterKind: 'hotline', status: 'priced', itemCode: 'ZJ-001' })
  })

  it('an operator files a call the switchboard did not post; the list finds it by phone and by words', async () => {
    const phone = freshPhone()
    const r = await api(operatorA, 'POST', '/hotline/calls', { caller: phone, category: 'help', summary: '独居老人家中停水求助', elderId: elderA })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'open', category: 'help', elderId: elderA, regionCode: '620702001001' })
    const byPhone = (await api(operatorA, 'GET', `/hotline/calls?q=${phone}`)).json()
    expect(byPhone.items.map((i: { id: string }) => i.id)).toEqual([r.json().id])
    const byWords = (await api(operatorA, 'GET', `/hotline/calls?q=${encodeURIComponent('家中停水')}&category=help`)).json()
    expect(byWords.items.map((i: { id: string }) => i.id)).toContain(r.json().id)
    const page = (await api(operatorA, 'GET', '/hotline/calls?page=1&pageSize=2')).json()
    expect(page.items.length).toBeLessThanOrEqual(2)
    expect(page.total).toBeGreaterThanOrEqual(2)
    // An elder outside the scope is NOT_FOUND with the field.
    const elderB = await newElder(t, admin, { regionCode: '620702002001', phone: freshPhone() })
    const out = await api(operatorA, 'POST', '/hotline/calls', { caller: phone, category: 'help', summary: '求助', elderId: elderB })
    expect(out.statusCode).toBe(404)
  })

  it('scope: another street operator gets 404, a role without the hotline gets 403, and lists hold the own street only', async () => {
    const id = await ringing()
    expect((await api(operatorB, 'GET', `/hotline/calls/${id}`)).statusCode).toBe(404)
    expect((await api(operatorB, 'POST', `/hotline/calls/${id}/intake`, bodies.intake)).statusCode).toBe(404)
    expect((await api(officerA, 'GET', '/hotline/calls')).statusCode).toBe(403)
    const listB = (await api(operatorB, 'GET', '/hotline/calls?pageSize=200')).json()
    expect(listB.items.every((i: { regionCode: string }) => i.regionCode.startsWith('620702002'))).toBe(true)
    expect(listB.items.map((i: { id: string }) => i.id)).not.toContain(id)
  })
})

describe('hotline: the pop-up on the console stream', () => {
  it('pops the call for operators whose scope holds it, never for another street or a role without the hotline; alarm messages unchanged', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const port = (t.app.server.address() as AddressInfo).port
    const open = (cookie: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/alarms/stream`, { headers: { cookie } })
        ws.once('open', () => resolve(ws))
        ws.once('error', reject)
      })
    const sockets = { A: await open(operatorA), B: await open(operatorB), district: await open(operator), officer: await open(officerA) }
    const got: Record<keyof typeof sockets, { type: string; call?: { id: string; status: string; elderName: string | null }; alarm?: object }[]> = {
      A: [],
      B: [],
      district: [],
      officer: [],
    }
    for (const k of Object.keys(sockets) as (keyof typeof sockets)[]) sockets[k].on('message', (d) => got[k].push(JSON.parse(String(d))))
    const id = (await ring(t, call(phoneA))).json().id
    await api(operatorA, 'POST', `/hotline/calls/${id}/intake`, { category: 'emergency', summary: '摔倒' })
    await api(operatorA, 'POST', `/hotline/calls/${id}/raise-alarm`, {})
    await new Promise((r) => setTimeout(r, 150))
    const calls = (k: keyof typeof sockets) => got[k].filter((m) => m.type === 'hotline.call' && m.call!.id === id).map((m) => m.call!.status)
    expect(calls('A')).toEqual(['ringing', 'open', 'alarm'])
    expect(calls('district')).toEqual(['ringing', 'open', 'alarm'])
    expect(got.A.find((m) => m.type === 'hotline.call')!.call!.elderName).toBe('热线测试甲')
    expect(got.B.filter((m) => m.type === 'hotline.call')).toEqual([])
    // A street officer reads alarms but does not take calls: the alarm, not the pop-up.
    expect(got.officer.filter((m) => m.type === 'hotline.call')).toEqual([])
    expect(got.officer.filter((m) => m.type === 'alarm.created')).toHaveLength(1)
    const created = got.A.find((m) => m.type === 'alarm.created')!
    expect(Object.keys(created.alarm!).sort()).toEqual(['deviceSerial', 'elderId', 'eventId', 'id', 'receivedAt', 'regionCode', 'status', 'type'])
    for (const s of Object.values(sockets)) s.terminate()
  })
})
