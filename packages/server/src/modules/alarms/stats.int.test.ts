import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, fakeClock, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { signWebhook } from './webhook-signature.js'

/**
 * The statistics against hand-computed cases: the window from the start of this file's fake
 * clock holds only the alarms and calls made here (the seed's are in the past), so every figure
 * below is worked out by hand in the comments. (Not a far-future clock: the seed's monthly
 * timers of other modules would all fall due.)
 */
const start = new Date(Math.floor(Date.now() / 1000) * 1000)
const clock = fakeClock(start)
const from = new Date(start.getTime() - 1000).toISOString()
const to = new Date(start.getTime() + 3600_000).toISOString()
let t: TestApp
let admin: string, operatorA: string
let serial: string
let seq = 0

async function signed(url: string, secret: string, body: object) {
  const raw = JSON.stringify(body)
  const ts = String(Math.floor(clock.now().getTime() / 1000))
  const r = await t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': signWebhook(secret, ts, raw) },
    payload: raw,
  })
  expect(r.statusCode, r.body).toBe(200)
  return r.json()
}
const alarm = async (type: string) =>
  (await signed('/api/v1/devices/webhook/demo', 'yiyang-demo-webhook', { serial, eventId: `st-${seq++}`, type, time: clock.now().toISOString() }))
    .alarmId as string
const api = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) })

beforeAll(async () => {
  t = await createTestApp({ clock })
  ;[admin, operatorA] = await Promise.all(['admin', 'dongjie.operator'].map((u) => t.login(u)))
  const elderId = await newElder(t, admin, { regionCode: '620702001001', phone: '13988887777' })
  serial = `STATS-${Date.now().toString(36)}`
  expect((await api(admin, 'POST', '/devices', { serial, kind: 'bracelet', elderId })).statusCode).toBe(200)
})
afterAll(() => t.close())

describe('alarm and hotline statistics', () => {
  it('counts by type and street, claim and close times (median, p90 by nearest rank), the false-alarm rate and the calls', async () => {
    // Four alarms received at 01:00:00; claimed after 10, 20, 30 and 100 s.
    const ids = [await alarm('sos'), await alarm('sos'), await alarm('fall'), await alarm('smoke')]
    const claimAfter = [10, 20, 30, 100]
    let elapsed = 0
    for (const [i, id] of ids.entries()) {
      clock.advance((claimAfter[i]! - elapsed) * 1000)
      elapsed = claimAfter[i]!
      expect((await api(operatorA, 'POST', `/alarms/${id}/claim`)).statusCode).toBe(200)
    }
    // Closed at 200 s (false alarm), 300 s (real emergency), 400 s (device test); the fourth stays open.
    for (const [i, outcome] of ['false_alarm', 'real_emergency', 'device_test'].entries()) {
      clock.advance((200 + 100 * i - elapsed) * 1000)
      elapsed = 200 + 100 * i
      expect((await api(operatorA, 'POST', `/alarms/${ids[i]}/close`, { outcome, note: '统计测试' })).statusCode).toBe(200)
    }
    // Three calls: two consultations (one closed 满意, one 不满意) and a complaint left open.
    for (const [i, category] of ['consult', 'consult', 'complaint'].entries()) {
      const { id } = await signed('/api/v1/hotline/webhook/demo', 'yiyang-demo-hotline', {
        callId: `st-call-${i}`,
        caller: '13988887777',
        time: clock.now().toISOString(),
      })
      expect((await api(operatorA, 'POST', `/hotline/calls/${id}/intake`, { category, summary: '统计测试来电' })).statusCode).toBe(200)
      if (i < 2)
        expect((await api(operatorA, 'POST', `/hotline/calls/${id}/close`, { satisfaction: i === 0 ? 'satisfied' : 'dissatisfied' })).statusCode).toBe(200)
    }

    const s = (await api(operatorA, 'GET', `/alarms/stats?from=${from}&to=${to}`)).json()
    expect(s.total).toBe(4)
    expect(Object.fromEntries(s.byType.map((r: { key: string; count: number }) => [r.key, r.count]))).toEqual({ sos: 2, fall: 1, smoke: 1 })
    expect(s.byStreet).toEqual([{ key: '620702001000', count: 4 }])
    // Claim [10, 20, 30, 100]: median = 2nd of 4 (ceil(0.5·4)) = 20, p90 = 4th (ceil(0.9·4)) = 100.
    expect(s.claimSeconds).toEqual({ median: 20, p90: 100 })
    // Close [200, 300, 400]: median = 2nd of 3 = 300, p90 = 3rd = 400.
    expect(s.closeSeconds).toEqual({ median: 300, p90: 400 })
    // Closed 3, of which a false alarm and a device test: 2/3.
    expect(s.falseAlarmRate).toBeCloseTo(2 / 3, 10)
    expect(s.calls.total).toBe(3)
    expect(Object.fromEntries(s.calls.byCategory.map((r: { key: string; count: number }) => [r.key, r.count]))).toEqual({ consult: 2, complaint: 1 })
    expect(s.calls.byStreet).toEqual([{ key: '620702001000', count: 3 }])
    // Answered 2 (满意, 不满意): 1/2 satisfied.
    expect(s.calls.satisfiedRate).toBe(0.5)

    // Another street's operator sees none of it.
    const b = (await api(await t.login('nanjie.operator'), 'GET', `/alarms/stats?from=${from}&to=${to}`)).json()
    expect(b.total).toBe(0)
    expect(b.calls.total).toBe(0)
  })

  it('a device never heard from counts as offline', async () => {
    const before = (await api(operatorA, 'GET', '/alarms/stats')).json().devices
    const elderId = await newElder(t, admin, { regionCode: '620702001001' })
    expect((await api(admin, 'POST', '/devices', { serial: `${serial}-2`, kind: 'button', elderId })).statusCode).toBe(200)
    const after = (await api(operatorA, 'GET', '/alarms/stats')).json().devices
    expect(after).toEqual({ total: before.total + 1, offline: before.offline + 1 })
  })

  it('exports the same figures to Excel through an audited POST', async () => {
    const r = await api(operatorA, 'POST', '/alarms/stats.xlsx', { from, to })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '报警按类型', '报警按街道', '来电按类别', '来电按街道', '回访满意度'])
    const summary = Object.fromEntries(
      wb
        .getWorksheet('概况')!
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    )
    expect(summary).toMatchObject({ 报警总数: 4, '认领用时中位数（秒）': 20, '认领用时P90（秒）': 100, 误报率: '66.7%', 热线来电总数: 3, 来电满意率: '50.0%' })
    const audit = (await api(admin, 'GET', '/audit?action=alarm.stats_exported')).json()
    expect(audit.items.length).toBeGreaterThanOrEqual(1)
    // A GET is no export (it falls to the alarm detail route and is refused as a bad id).
    const viaGet = await api(operatorA, 'GET', '/alarms/stats.xlsx')
    expect(viaGet.statusCode).toBeGreaterThanOrEqual(400)
    expect(String(viaGet.headers['content-type'])).not.toContain('spreadsheetml')
  })
})
