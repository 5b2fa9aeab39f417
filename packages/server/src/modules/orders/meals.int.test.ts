import { addDays, todayInShanghai } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { freshIdNumber, newElder } from '../../../test/factories.js'
import { DEMO_CANTEEN, DEMO_CANTEEN_B, DEMO_KITCHEN, DEMO_PROVIDER } from '../providers/index.js'

/**
 * Meal aid at the canteen counter (issue 19 item 5) and the order anomaly flags (item 7), through
 * HTTP on a real database: the subsidy split by category against hand-computed fen, elders the
 * counter must not serve, the one-meal-per-meal-time rule, a double tap, canteen scope, the
 * statement's sums; flags raised, listed and resolved with a note.
 */
let t: TestApp
let now = new Date()
let bureau: string, officer: string, nanjie: string, canteen: string, canteenB: string, provider: string
const today = () => todayInShanghai(now)
let keySeq = 0
const key = () => `meal-test-key-${++keySeq}-${Math.random().toString(36).slice(2)}`

const api = async (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) })
  return { status: res.statusCode, body: res.json(), raw: res.rawPayload }
}
const ok = <T extends { status: number; body: unknown }>(r: T) => {
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body as any // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function newUser(username: string, role: string, providerId: string | null) {
  ok(await api(bureau, 'POST', '/users', { username, displayName: username, role, scopeRegionCode: '620702000000', providerId, password: 'Init-Passw0rd!1' }))
  const c = await t.login(username, 'Init-Passw0rd!1')
  ok(await api(c, 'POST', '/auth/password', { currentPassword: 'Init-Passw0rd!1', newPassword: 'Str0ng-Passw0rd!2' }))
  return c
}

const serve = (cookie: string, elderId: string, extra: Record<string, unknown> = {}) =>
  api(cookie, 'POST', '/meals', { elderId, itemCode: 'ZC-001', mealTime: 'lunch', idempotencyKey: key(), ...extra })

let base = { meals: 0, subsidisedMeals: 0, priceFen: 0, subsidyFen: 0, selfPayFen: 0 }
let dibaoId = '',
  dibao = '',
  tekun = '',
  nonLocal = '',
  streetB = ''

beforeAll(async () => {
  // 11:30 in Shanghai: lunch time.
  now = new Date(`${todayInShanghai(new Date())}T03:30:00Z`)
  t = await createTestApp({ clock: { now: () => now } })
  bureau = await t.login('bureau')
  officer = await t.login('dongjie.officer')
  nanjie = await t.login('nanjie.officer')
  canteen = await t.login('canteen')
  provider = await t.login('provider')
  canteenB = await newUser('canteen.b', 'provider_admin', DEMO_CANTEEN_B.id)
  dibaoId = freshIdNumber({ age: 72 })
  dibao = await newElder(t, officer, { idNumber: dibaoId, categories: ['min_subsistence'], phone: '13912345670', name: '王秀英' })
  tekun = await newElder(t, officer, { categories: ['destitute'], phone: null })
  nonLocal = await newElder(t, officer, { categories: ['min_subsistence'], hukou: 'non_local', phone: null })
  streetB = await newElder(t, nanjie, { regionCode: '620702002001', categories: ['min_subsistence'], phone: '13912345671' })
  // The demo seed serves meals on the days before today: the month's statement starts from them.
  const before = ok(await api(canteen, 'GET', `/meals/statement?month=${today().slice(0, 7)}`))
  base = before.rows[0] ?? base
})
afterAll(async () => {
  await t?.close()
})

describe('meals: the counter', () => {
  it('shows the canteen, its central kitchen and today’s meal at the list price', async () => {
    const c = ok(await api(canteen, 'GET', '/meals/canteen'))
    expect(c).toMatchObject({ id: DEMO_CANTEEN.id, name: DEMO_CANTEEN.name, supplierName: '甘州区颐养中央厨房', serviceDate: today(), mealTime: 'lunch' })
    expect(c.menu).toEqual([{ itemCode: 'ZC-001', itemName: '社区老年食堂助餐', priceFen: 1000 }])
  })
  it('has no counter for a home-care provider or the bureau', async () => {
    expect((await api(provider, 'GET', '/meals/canteen')).status).toBe(403)
    expect((await api(bureau, 'POST', '/meals/lookup', { text: dibaoId })).status).toBe(403)
    expect((await api(officer, 'GET', '/meals/canteen')).status).toBe(403)
  })
  it('finds the elder by an ID number typed full-width with spaces, or by phone, and shows a masked card', async () => {
    const wide = dibaoId.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    const byId = ok(await api(canteen, 'POST', '/meals/lookup', { text: `${wide.slice(0, 6)} ${wide.slice(6)}` }))
    expect(byId.items).toHaveLength(1)
    const card = byId.items[0]
    expect(card).toMatchObject({ elderId: dibao, nameMasked: '王*英', age: 72, tierLabel: '低保、低保边缘', servedToday: [] })
    expect(card.idMasked).not.toContain(dibaoId.slice(6, 14))
    expect(card.quotes).toEqual([{ itemCode: 'ZC-001', itemName: '社区老年食堂助餐', priceFen: 1000, subsidyFen: 500, selfPayFen: 500 }])
    const byPhone = ok(await api(canteen, 'POST', '/meals/lookup', { text: '139-1234-5670' }))
    expect(byPhone.items.map((i: { elderId: string }) => i.elderId)).toContain(dibao)
  })
  it('finds nobody outside the canteen’s service area, nor an unknown number', async () => {
    expect(ok(await api(canteen, 'POST', '/meals/lookup', { text: '13912345671' })).items).toEqual([])
    expect(ok(await api(canteen, 'POST', '/meals/lookup', { text: freshIdNumber() })).items).toEqual([])
    expect((await api(canteen, 'POST', '/meals/lookup', { text: 'x' })).status).toBe(400)
    // Street B's canteen finds its own elder.
    expect(ok(await api(canteenB, 'POST', '/meals/lookup', { text: '13912345671' })).items[0].elderId).toBe(streetB)
  })
})

describe('meals: serving', () => {
  it('a 低保 elder’s lunch: 10.00 yuan, 5.00 subsidy, 5.00 self-pay, settled in one step', async () => {
    const r = ok(await serve(canteen, dibao))
    expect(r).toMatchObject({
      canteenName: DEMO_CANTEEN.name,
      nameMasked: '王*英',
      mealTime: 'lunch',
      priceFen: 1000,
      subsidyFen: 500,
      selfPayFen: 500,
      repeated: false,
    })
    const o = ok(await api(bureau, 'GET', `/orders/${r.orderId}`))
    expect(o).toMatchObject({ status: 'settled', providerId: DEMO_CANTEEN.id, requesterKind: 'canteen', priceFen: 1000, subsidyFen: 500, selfPayFen: 500 })
    expect(o.timeline.map((e: { action: string }) => e.action)).toEqual(['request', 'serveMeal'])
    // The canteen sees its meal in its own order list; the home-care provider does not.
    expect((await api(canteen, 'GET', `/orders/${r.orderId}`)).status).toBe(200)
    expect((await api(provider, 'GET', `/orders/${r.orderId}`)).status).toBe(404)
  })
  it('refuses the same meal time twice a day with a Chinese message; dinner is another meal', async () => {
    const again = await serve(canteen, dibao)
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/今天的午餐已于 \d\d:\d\d 在本助餐点登记，同一餐次每天只能登记一次/)
    expect(again.body.fields[0].path).toBe('mealTime')
    const dinner = ok(await serve(canteen, dibao, { mealTime: 'dinner' }))
    expect(dinner).toMatchObject({ subsidyFen: 500, selfPayFen: 500 })
    const card = ok(await api(canteen, 'POST', '/meals/lookup', { text: dibaoId })).items[0]
    expect([...card.servedToday].sort()).toEqual(['dinner', 'lunch'])
  })
  it('a double tap records one meal: the same key returns the first receipt', async () => {
    const k = key()
    const first = ok(await serve(canteen, tekun, { idempotencyKey: k }))
    const second = ok(await serve(canteen, tekun, { idempotencyKey: k }))
    expect(second).toMatchObject({ orderId: first.orderId, repeated: true, subsidyFen: 800, selfPayFen: 200 })
    expect(first.repeated).toBe(false)
    const list = ok(await api(canteen, 'GET', `/orders?elderId=${tekun}&pageSize=50`))
    expect(list.items).toHaveLength(1)
    // Both taps at once: still one meal.
    const k2 = key()
    const both = await Promise.all([
      serve(canteen, tekun, { idempotencyKey: k2, mealTime: 'dinner' }),
      serve(canteen, tekun, { idempotencyKey: k2, mealTime: 'dinner' }),
    ])
    expect(both.map((b) => b.status)).toEqual([200, 200])
    expect(both[0].body.orderId).toBe(both[1].body.orderId)
    expect(ok(await api(canteen, 'GET', `/orders?elderId=${tekun}&pageSize=50`)).items).toHaveLength(2)
  })
  it('a non-local elder pays in full; an elder outside the area or unknown is not found', async () => {
    expect(ok(await serve(canteen, nonLocal))).toMatchObject({ priceFen: 1000, subsidyFen: 0, selfPayFen: 1000 })
    const out = await serve(canteen, streetB)
    expect(out.status).toBe(404)
    expect(out.body.message).toContain('不在本助餐点服务范围内')
    expect((await serve(canteen, '00000000-0000-4000-8000-00000000abcd')).status).toBe(404)
    expect((await serve(canteen, dibao, { itemCode: 'ZC-002' })).status).toBe(400)
    const bad = await serve(canteen, dibao, { mealTime: 'breakfast' })
    expect(bad.status).toBe(400)
  })
  it('each canteen keeps the rule: street B’s canteen refuses its elder’s second lunch', async () => {
    ok(await serve(canteenB, streetB))
    const again = await serve(canteenB, streetB)
    expect(again.status).toBe(409)
  })
  it('refuses an elder who has died', async () => {
    const gone = await newElder(t, officer, { categories: ['min_subsistence'], phone: null })
    const e = ok(await api(officer, 'GET', `/elders/${gone}`))
    ok(await api(officer, 'POST', `/elders/${gone}/status`, { status: 'deceased', reason: '病故', version: e.version }))
    const r = await serve(canteen, gone)
    expect(r.status).toBe(400)
    expect(r.body.fields[0].path).toBe('elderId')
  })
})

describe('meals: counts and statement', () => {
  const month = () => today().slice(0, 7)
  it('daily counts per canteen and meal time, subsidised or not', async () => {
    const c = ok(await api(canteen, 'GET', `/meals/counts?date=${today()}`))
    // Canteen A today: lunches 低保 (500), 特困 (800), non-local (0); dinners 低保 (500), 特困 (800).
    expect(c.rows).toEqual([
      {
        providerId: DEMO_CANTEEN.id,
        providerName: DEMO_CANTEEN.name,
        mealTime: 'lunch',
        subsidised: 2,
        unsubsidised: 1,
        total: 3,
        subsidyFen: 1300,
        selfPayFen: 1700,
      },
      {
        providerId: DEMO_CANTEEN.id,
        providerName: DEMO_CANTEEN.name,
        mealTime: 'dinner',
        subsidised: 2,
        unsubsidised: 0,
        total: 2,
        subsidyFen: 1300,
        selfPayFen: 700,
      },
    ])
    expect(ok(await api(canteen, 'GET', `/meals/counts?date=${addDays(today(), 1)}`)).rows).toEqual([])
  })
  it('canteen A never sees canteen B’s meals; the bureau sees both; a street its own', async () => {
    const a = ok(await api(canteen, 'GET', `/meals/statement?month=${month()}`))
    expect(a.rows.map((r: { providerId: string }) => r.providerId)).toEqual([DEMO_CANTEEN.id])
    const b = ok(await api(canteenB, 'GET', `/meals/statement?month=${month()}`))
    expect(b.rows.map((r: { providerId: string }) => r.providerId)).toEqual([DEMO_CANTEEN_B.id])
    expect(ok(await api(canteenB, 'GET', `/meals/statement?month=${month()}&providerId=${DEMO_CANTEEN.id}`)).rows).toEqual([])
    expect(ok(await api(canteenB, 'GET', `/meals/counts?date=${today()}&providerId=${DEMO_CANTEEN.id}`)).rows).toEqual([])
    const all = ok(await api(bureau, 'GET', `/meals/statement?month=${month()}`))
    expect(all.rows.map((r: { providerId: string }) => r.providerId).sort()).toEqual([DEMO_CANTEEN.id, DEMO_CANTEEN_B.id].sort())
    const street = ok(await api(nanjie, 'GET', `/meals/statement?month=${month()}`))
    expect(street.rows.map((r: { providerId: string }) => r.providerId)).toEqual([DEMO_CANTEEN_B.id])
  })
  it('statement sums: meals, subsidy and self-pay to the fen, on screen and in Excel', async () => {
    const a = ok(await api(canteen, 'GET', `/meals/statement?month=${month()}`))
    expect(a.rows[0]).toEqual({
      providerId: DEMO_CANTEEN.id,
      providerName: DEMO_CANTEEN.name,
      supplierName: '甘州区颐养中央厨房',
      // Today's five meals on top of what the seed served earlier this month.
      meals: base.meals + 5,
      subsidisedMeals: base.subsidisedMeals + 4,
      priceFen: base.priceFen + 5000,
      subsidyFen: base.subsidyFen + 2600,
      selfPayFen: base.selfPayFen + 2400,
    })
    expect(a.rows[0].subsidyFen + a.rows[0].selfPayFen).toBe(a.rows[0].priceFen)
    const x = await t.app.inject({ method: 'POST', url: '/api/v1/meals/statement.xlsx', headers: { cookie: canteen }, payload: { month: month() } })
    expect(x.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer)
    const summary = wb.getWorksheet('汇总')!
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][]
    const yuan = (fen: number) => (fen / 100).toFixed(2)
    const s = a.rows[0]
    expect(rows.find((r) => r[1] === DEMO_CANTEEN.name)?.slice(1)).toEqual([
      DEMO_CANTEEN.name,
      '甘州区颐养中央厨房',
      s.meals,
      s.subsidisedMeals,
      yuan(s.priceFen),
      yuan(s.subsidyFen),
      yuan(s.selfPayFen),
    ])
    // The canteen's own sheet: today's two lines (lunch 3 meals, dinner 2) and the month's total.
    const own = wb.getWorksheet(DEMO_CANTEEN.name)!.getSheetValues().filter(Boolean) as unknown[][]
    expect(own.filter((r) => r[1] === today()).map((r) => r.slice(2))).toEqual([
      ['午餐', 3, 2, '30.00', '13.00', '17.00'],
      ['晚餐', 2, 2, '20.00', '13.00', '7.00'],
    ])
    expect(own.at(-1)?.slice(1)).toEqual(['合计', '', s.meals, s.subsidisedMeals, yuan(s.priceFen), yuan(s.subsidyFen), yuan(s.selfPayFen)])
    expect(rows.some((r) => r[1] === DEMO_CANTEEN_B.name)).toBe(false)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', DEMO_CANTEEN.name])
    const audit = ok(await api(bureau, 'GET', '/audit?action=order.canteen_statement_exported&pageSize=5'))
    expect(audit.items.length).toBeGreaterThan(0)
  })
  it('the central kitchen is recorded as the canteen’s supplier, itself a provider', async () => {
    const k = ok(await api(bureau, 'GET', `/providers/${DEMO_KITCHEN.id}`))
    expect(k.name).toBe(DEMO_KITCHEN.name)
  })
})

describe('order anomaly flags', () => {
  const request = (elderId: string, extra: Record<string, unknown> = {}) =>
    api(officer, 'POST', '/orders', {
      elderId,
      providerId: DEMO_PROVIDER.id,
      itemCode: 'ZJ-001',
      serviceDate: today(),
      quantity: 1,
      plannedMinutes: 60,
      requesterKind: 'family',
      ...extra,
    })
  it('same item twice a day: a flag a supervisor lists and resolves with a note; providers see no flag list', async () => {
    const e = await newElder(t, officer, { phone: null })
    ok(await request(e))
    const second = ok(await request(e))
    expect(second.flags).toEqual(['same_item_same_day'])
    const open = ok(await api(officer, 'GET', `/order-flags?status=open&q=${second.orderNo}`))
    expect(open.items).toHaveLength(1)
    expect(open.items[0]).toMatchObject({ orderId: second.id, flag: 'same_item_same_day', status: 'open' })
    expect(ok(await api(nanjie, 'GET', `/order-flags?q=${second.orderNo}`)).items).toEqual([])
    expect((await api(nanjie, 'POST', `/order-flags/${open.items[0].id}/resolve`, { note: '核实' })).status).toBe(404)
    expect((await api(provider, 'GET', '/order-flags')).status).toBe(403)
    expect((await api(officer, 'POST', `/order-flags/${open.items[0].id}/resolve`, { note: '' })).status).toBe(400)
    const r = ok(await api(officer, 'POST', `/order-flags/${open.items[0].id}/resolve`, { note: '家属确认上午、下午各一次保洁' }))
    expect(r).toMatchObject({ status: 'resolved', orderStatus: 'priced' })
    expect((await api(officer, 'POST', `/order-flags/${open.items[0].id}/resolve`, { note: '再次处理' })).status).toBe(409)
    const done = ok(await api(officer, 'GET', `/order-flags?status=resolved&q=${second.orderNo}`))
    expect(done.items[0]).toMatchObject({ status: 'resolved', resolveNote: '家属确认上午、下午各一次保洁' })
  })
  it('an order dated after the elder’s death is flagged when the death is recorded', async () => {
    const e = await newElder(t, officer, { phone: null })
    const o = ok(await request(e, { serviceDate: addDays(today(), 2) }))
    const elder = ok(await api(officer, 'GET', `/elders/${e}`))
    ok(await api(officer, 'POST', `/elders/${e}/status`, { status: 'deceased', date: today(), reason: '病故', version: elder.version }))
    await t.settle()
    await t.settle()
    const flags = ok(await api(officer, 'GET', `/order-flags?status=open&flag=after_end&q=${o.orderNo}`))
    expect(flags.items).toHaveLength(1)
    expect(flags.items[0].detail).toContain(`老人已于 ${today()} 去世`)
    expect(ok(await api(officer, 'GET', `/orders/${o.id}`)).flags).toContain('after_end')
  })
  it('a visit checked out far too soon waits in exception until its flags are resolved', async () => {
    const caregiver = await t.login('caregiver')
    const cgs = ok(await api(provider, 'GET', '/caregivers?pageSize=50'))
    const li = cgs.items.find((c: { name: string }) => c.name === '李秀兰').id
    const e = await newElder(t, officer, { phone: null })
    const o = ok(await request(e, { homeLat: 38.9255, homeLng: 100.4498 }))
    ok(await api(provider, 'POST', `/orders/${o.id}/accept`, {}))
    ok(await api(provider, 'POST', `/orders/${o.id}/assign`, { caregiverId: li }))
    ok(await api(caregiver, 'POST', `/orders/${o.id}/check-in`, { lat: 38.9255, lng: 100.4498 }))
    ok(await api(caregiver, 'POST', `/orders/${o.id}/record`, { itemsDone: ['清洁地面'] }))
    const out = ok(await api(caregiver, 'POST', `/orders/${o.id}/check-out`, {}))
    expect(out.status).toBe('exception')
    const flags = ok(await api(officer, 'GET', `/order-flags?status=open&q=${o.orderNo}`))
    expect(flags.items.map((f: { flag: string }) => f.flag)).toContain('too_short')
    let last = ''
    for (const f of flags.items) last = ok(await api(officer, 'POST', `/order-flags/${f.id}/resolve`, { note: '电话回访老人，服务已完成' })).orderStatus
    expect(last).toBe('checked_out')
  })
})
