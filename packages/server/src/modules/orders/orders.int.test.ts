import { addDays, orderFlow, orderStatuses, todayInShanghai, type TOrderAction, type TOrderStatus } from '@yiyang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { systemCtx } from '../../bootstrap.js'
import { withTx } from '../../platform/context.js'
import { testConfig } from '../../../test/config.js'
import { grantServiceCredit } from '../disbursement/index.js'
import { DEMO_PROVIDER, DEMO_PROVIDER_B } from '../providers/index.js'

/**
 * Providers, caregivers and service orders through HTTP on a real database: registration and
 * review, 持证上岗 and background checks at assignment, the order from request to settlement
 * with the subsidy split in fen, every disallowed transition, provider scope, concurrent
 * assignment, offline resubmits and auto-confirmation with a fake clock.
 */
let t: TestApp
let now = new Date()
let bureau: string, officer: string, provider: string, caregiver: string, nanjie: string
const cg: Record<string, string> = {}
const HOME = { homeLat: 38.9255, homeLng: 100.4498 }
const today = () => todayInShanghai(now)

const api = async (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) })
  return { status: res.statusCode, body: res.json() }
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

async function request(elderId: string, extra: Record<string, unknown> = {}) {
  return api(officer, 'POST', '/orders', {
    elderId,
    providerId: DEMO_PROVIDER.id,
    itemCode: 'ZJ-001',
    serviceDate: today(),
    windowStart: null,
    quantity: 1,
    plannedMinutes: 60,
    requesterKind: 'family',
    ...HOME,
    ...extra,
  })
}

let plainElder: string
/** An order driven to `status` by the people who take each step. */
async function orderIn(status: TOrderStatus): Promise<{ id: string; version: number }> {
  // A fresh elder each time, so no order here is another's same-item-same-day anomaly.
  const o = ok(await request(await newElder(t, officer)))
  const steps: [TOrderStatus, () => ReturnType<typeof api>][] = [
    ['accepted', () => api(provider, 'POST', `/orders/${o.id}/accept`, {})],
    ['assigned', () => api(provider, 'POST', `/orders/${o.id}/assign`, { caregiverId: cg['李秀兰'] })],
    ['en_route', () => api(caregiver, 'POST', `/orders/${o.id}/depart`, {})],
    ['checked_in', () => api(caregiver, 'POST', `/orders/${o.id}/check-in`, { lat: HOME.homeLat, lng: HOME.homeLng })],
    ['recorded', () => api(caregiver, 'POST', `/orders/${o.id}/record`, { itemsDone: ['清洁地面'] })],
  ]
  const special: Partial<Record<TOrderStatus, () => ReturnType<typeof api>>> = {
    cancelled: () => api(officer, 'POST', `/orders/${o.id}/cancel`, { reason: '家属取消' }),
  }
  if (status === 'priced') return o
  if (status === 'no_show') {
    for (const [, run] of steps.slice(0, 2)) ok(await run())
    ok(await api(officer, 'POST', `/orders/${o.id}/no-show`, { reason: '护理员未到' }))
    return ok(await api(bureau, 'GET', `/orders/${o.id}`))
  }
  if (special[status]) {
    ok(await special[status]!())
    return ok(await api(bureau, 'GET', `/orders/${o.id}`))
  }
  for (const [s, run] of steps) {
    ok(await run())
    if (s === status) return ok(await api(bureau, 'GET', `/orders/${o.id}`))
  }
  if (status === 'exception') {
    // Checked out at once: far shorter than planned, flagged.
    ok(await api(caregiver, 'POST', `/orders/${o.id}/check-out`, {}))
    return ok(await api(bureau, 'GET', `/orders/${o.id}`))
  }
  now = new Date(now.getTime() + 61 * 60_000)
  ok(await api(caregiver, 'POST', `/orders/${o.id}/check-out`, {}))
  if (status === 'checked_out') return ok(await api(bureau, 'GET', `/orders/${o.id}`))
  ok(await api(officer, 'POST', `/orders/${o.id}/confirm`, { rating: 5, by: 'elder' }))
  if (status === 'confirmed') return ok(await api(bureau, 'GET', `/orders/${o.id}`))
  ok(await api(bureau, 'POST', `/orders/${o.id}/settle`))
  return ok(await api(bureau, 'GET', `/orders/${o.id}`))
}

/** Sessions expire by the same clock: after a jump of days everyone signs in again. */
async function signIn() {
  bureau = await t.login('bureau')
  officer = await t.login('dongjie.officer')
  nanjie = await t.login('nanjie.officer')
  provider = await t.login('provider')
  caregiver = await t.login('caregiver')
}

beforeAll(async () => {
  // 09:00 in Shanghai, so a visit fits in the day.
  now = new Date(`${todayInShanghai(new Date())}T01:00:00Z`)
  t = await createTestApp({ clock: { now: () => now } })
  await signIn()
  const list = ok(await api(provider, 'GET', '/caregivers?pageSize=50'))
  for (const c of list.items) cg[c.name] = c.id
  plainElder = await newElder(t, officer, { categories: ['min_subsistence'] })
})
afterAll(async () => {
  await t?.close()
})

describe('providers: registration and review', () => {
  const reg = { name: '幸福里居家养老服务部', legalRepresentative: '刘强', regionCode: '620702001000', serviceArea: ['620702001000'], serviceItems: [] }
  it('validates the USCC (GB 32100) and names the field', async () => {
    const bad = await api(bureau, 'POST', '/providers', { ...reg, uscc: '91620702MA0000004X' })
    expect(bad.status).toBe(400)
    expect(bad.body.fields[0].path).toBe('uscc')
    expect(bad.body.fields[0].message).toContain('校验位')
  })
  it('asks a reason for a price above the standard', async () => {
    const r = await api(bureau, 'POST', '/providers', { ...reg, uscc: '91620702MA0000004L', serviceItems: [{ itemCode: 'ZJ-001', priceFen: 3600 }] })
    expect(r.status).toBe(400)
    expect(r.body.fields[0].path).toBe('serviceItems.0.reason')
  })
  it('pending → returned → resubmitted → approved; a provider admin cannot register another', async () => {
    expect((await api(provider, 'POST', '/providers', { ...reg, uscc: '91620702MA0000004L' })).status).toBe(403)
    const p = ok(
      await api(bureau, 'POST', '/providers', { ...reg, uscc: '９１６２０７０２ma0000004l', serviceItems: [{ itemCode: 'ZJ-001', priceFen: 3200 }] }),
    )
    expect(p.status).toBe('pending')
    expect(p.uscc).toBe('91620702MA0000004L')
    expect((await api(bureau, 'POST', '/providers', { ...reg, uscc: '91620702MA0000004L' })).status).toBe(409)
    expect((await api(bureau, 'POST', `/providers/${p.id}/review`, { decision: 'return' })).status).toBe(400)
    const returned = ok(await api(bureau, 'POST', `/providers/${p.id}/review`, { decision: 'return', reason: '缺少营业执照' }))
    expect(returned.status).toBe('returned')
    expect((await api(bureau, 'POST', `/providers/${p.id}/review`, { decision: 'approve' })).status).toBe(409)
    const again = ok(await api(bureau, 'POST', `/providers/${p.id}/resubmit`, { ...reg, uscc: '91620702MA0000004L', version: returned.version }))
    expect(again.status).toBe('pending')
    const approved = ok(await api(bureau, 'POST', `/providers/${p.id}/review`, { decision: 'approve' }))
    expect(approved.status).toBe('active')
    // A street sees a provider serving it; the other street does not.
    expect((await api(officer, 'GET', `/providers/${p.id}`)).status).toBe(200)
    expect((await api(nanjie, 'GET', `/providers/${p.id}`)).status).toBe(404)
    const suspended = ok(await api(bureau, 'POST', `/providers/${p.id}/status`, { action: 'suspend', reason: '投诉核实' }))
    expect(suspended.status).toBe('suspended')
    const r = await api(officer, 'POST', '/orders', {
      elderId: plainElder,
      providerId: p.id,
      itemCode: 'ZJ-001',
      serviceDate: today(),
      requesterKind: 'family',
    })
    expect(r.status).toBe(400)
    expect(r.body.fields[0].path).toBe('providerId')
    expect(ok(await api(bureau, 'GET', '/providers/directory')).some((d: { id: string }) => d.id === p.id)).toBe(false)
  })
})

describe('caregivers: 持证上岗 and background checks', () => {
  it('checks the ID number and masks it', async () => {
    const bad = await api(provider, 'POST', '/caregivers', { providerId: DEMO_PROVIDER.id, name: '测试护理员', idNumber: '620702198001010010' })
    expect(bad.status).toBe(400)
    expect(bad.body.fields[0].path).toBe('idNumber')
    const c = ok(
      await api(provider, 'POST', '/caregivers', { providerId: DEMO_PROVIDER.id, name: '测试护理员', idNumber: '62070219800101001X', skills: ['cleaning'] }),
    )
    expect(c.idNumber).not.toContain('19800101')
    expect(c.backgroundCheck).toBe('pending')
    expect(c.certificateState).toBe('none')
  })
  it('lists expiring and expired certificates on the due list, soonest first', async () => {
    const due = ok(await api(provider, 'GET', '/caregivers/certificates/due'))
    const states = due.items.map((d: { caregiverName: string; state: string }) => `${d.caregiverName}:${d.state}`)
    expect(states).toContain('赵建华:expired')
    expect(states).toContain('王芳:expiring')
    expect(states).not.toContain('李秀兰:valid')
  })
  it('blocks assignment without a passed check or a certificate valid on the service date', async () => {
    const nursing = ok(await request(plainElder, { itemCode: 'HL-001' }))
    ok(await api(provider, 'POST', `/orders/${nursing.id}/accept`, {}))
    const expired = await api(provider, 'POST', `/orders/${nursing.id}/assign`, { caregiverId: cg['赵建华'] })
    expect(expired.status).toBe(422)
    expect(expired.body.message).toContain('持证上岗')
    const unchecked = ok(await request(plainElder))
    ok(await api(provider, 'POST', `/orders/${unchecked.id}/accept`, {}))
    const pending = await api(provider, 'POST', `/orders/${unchecked.id}/assign`, { caregiverId: cg['孙丽'] })
    expect(pending.status).toBe(422)
    expect(pending.body.message).toContain('背景审查')
    // 王芳's certificate is valid today but runs out before a visit 20 days on.
    const later = ok(await request(plainElder, { serviceDate: addDays(today(), 20), windowStart: null }))
    ok(await api(provider, 'POST', `/orders/${later.id}/accept`, {}))
    expect((await api(provider, 'POST', `/orders/${later.id}/assign`, { caregiverId: cg['王芳'] })).status).toBe(422)
    ok(await api(provider, 'POST', `/orders/${later.id}/assign`, { caregiverId: cg['李秀兰'] }))
    // Nothing half-written: the refused orders are still waiting for a caregiver.
    expect(ok(await api(bureau, 'GET', `/orders/${nursing.id}`)).status).toBe('accepted')
  })
})

describe('orders: request to settlement', () => {
  it('prices from the list, splits subsidy and self-pay in fen against the credits held, and spends them at settlement', async () => {
    const elder = await newElder(t, officer, { categories: ['min_subsistence'] })
    // 400.00 元 of service credits from the disbursement ledger (issue 18).
    await withTx(systemCtx(t.database, testConfig()), (tx) =>
      grantServiceCredit(tx, {
        elderId: elder,
        regionCode: '620702001001',
        programCode: 'jingji-kunnan',
        programName: '经济困难老年人养老服务补贴',
        fundSource: 'welfare_lottery',
        month: today().slice(0, 7),
        amountFen: 40000,
      }),
    )
    const a = ok(await request(elder, { itemCode: 'HL-001', quantity: 1.5 })) // 40.00 × 1.5
    expect([a.priceFen, a.subsidyFen, a.selfPayFen]).toEqual([6000, 6000, 0])
    expect(a.status).toBe('priced')
    expect(a.timeline.map((e: { action: string }) => e.action)).toEqual(['request', 'price'])
    const b = ok(await request(elder, { itemCode: 'ZY-001', quantity: 4.1 })) // 80.00 × 4.1 = 328.00
    expect([b.priceFen, b.subsidyFen, b.selfPayFen]).toEqual([32800, 32800, 0])
    const c = ok(await request(elder, { itemCode: 'ZJ-001', quantity: 1.5 })) // 35.00 × 1.5 = 52.50; 12.00 left
    expect([c.priceFen, c.subsidyFen, c.selfPayFen]).toEqual([5250, 1200, 4050])
    const d = ok(await request(elder, { itemCode: 'ZJ-001' }))
    expect([d.subsidyFen, d.selfPayFen]).toEqual([0, 3500])
    // A cancelled order gives its draw back to the month.
    ok(await api(officer, 'POST', `/orders/${b.id}/cancel`, { reason: '家属改期' }))
    const e = ok(await request(elder, { itemCode: 'ZJ-001' }))
    expect([e.subsidyFen, e.selfPayFen]).toEqual([3500, 0])
    const none = await newElder(t, officer, { categories: [] })
    const f = ok(await request(none, { itemCode: 'ZJ-001' }))
    expect([f.subsidyFen, f.selfPayFen]).toEqual([0, 3500])
    // Settling order a spends its 60.00 元 from the ledger; the credits left are 400 − 60.
    for (const [who, step, body] of [
      [provider, 'accept', {}],
      [provider, 'assign', { caregiverId: cg['李秀兰'] }],
      [caregiver, 'check-in', {}],
      [caregiver, 'record', { itemsDone: ['生活照料'] }],
    ] as const)
      ok(await api(who, 'POST', `/orders/${a.id}/${step}`, body))
    now = new Date(now.getTime() + 91 * 60_000)
    ok(await api(caregiver, 'POST', `/orders/${a.id}/check-out`, {}))
    ok(await api(officer, 'POST', `/orders/${a.id}/confirm`, { rating: 5, by: 'elder' }))
    const settled = ok(await api(bureau, 'POST', `/orders/${a.id}/settle`))
    expect([settled.subsidyFen, settled.selfPayFen]).toEqual([6000, 0])
    const credits = ok(await api(bureau, 'GET', `/elders/${elder}/credits`))
    expect(credits.balances[0].balanceFen).toBe(34000)
    // Settling again is refused and spends nothing more.
    expect((await api(bureau, 'POST', `/orders/${a.id}/settle`)).status).toBe(409)
  })

  it('runs the whole path; far check-in is flagged not blocked; postings balance', async () => {
    const o = ok(await request(await newElder(t, officer)))
    ok(await api(provider, 'POST', `/orders/${o.id}/accept`, {}))
    ok(await api(provider, 'POST', `/orders/${o.id}/assign`, { caregiverId: cg['李秀兰'] }))
    const mine = ok(await api(caregiver, 'GET', '/orders/today'))
    const visit = mine.find((x: { id: string }) => x.id === o.id)
    expect(visit.address).toContain('幸福小区') // the visiting caregiver gets the full address
    expect(ok(await api(officer, 'GET', `/orders/${o.id}`)).address).not.toContain('501')
    const inn = ok(await api(caregiver, 'POST', `/orders/${o.id}/check-in`, { lat: HOME.homeLat + 0.009, lng: HOME.homeLng, idempotencyKey: 'ci-far-000001' }))
    expect(inn.status).toBe('checked_in')
    expect(inn.checkInDistanceM).toBeGreaterThan(990)
    ok(await api(caregiver, 'POST', `/orders/${o.id}/record`, { itemsDone: ['清洁地面', '清洗衣物'], risks: ['地面湿滑'], notes: '已提醒家属' }))
    now = new Date(now.getTime() + 60 * 60_000)
    const out = ok(await api(caregiver, 'POST', `/orders/${o.id}/check-out`, {}))
    expect(out.status).toBe('exception')
    expect(out.flags).toEqual(['far_from_home'])
    expect((await api(bureau, 'POST', `/orders/${o.id}/settle`)).status).toBe(409)
    ok(await api(officer, 'POST', `/orders/${o.id}/resolve`, { note: '老人当日在女儿家，核实属实' }))
    expect((await api(officer, 'POST', `/orders/${o.id}/confirm`, { rating: 6, by: 'family' })).status).toBe(400)
    const conf = ok(await api(officer, 'POST', `/orders/${o.id}/confirm`, { rating: 4, comment: '很细心', by: 'family' }))
    expect(conf.rating).toBe(4)
    const settled = ok(await api(bureau, 'POST', `/orders/${o.id}/settle`))
    expect(settled.status).toBe('settled')
    const debit = settled.postings.reduce((s: number, p: { debitFen: number }) => s + p.debitFen, 0)
    const credit = settled.postings.reduce((s: number, p: { creditFen: number }) => s + p.creditFen, 0)
    expect(debit).toBe(settled.priceFen)
    expect(credit).toBe(debit)
    expect(settled.timeline.map((e: { action: string }) => e.action)).toEqual([
      'request',
      'price',
      'accept',
      'assign',
      'checkIn',
      'record',
      'checkOutFlagged',
      'resolve',
      'confirm',
      'settle',
    ])
    // The provider's monthly statement lists it, with the parts adding up; the other provider's admin does not get it.
    const xlsx = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders/statement.xlsx',
      headers: { cookie: provider },
      payload: { month: today().slice(0, 7) },
    })
    expect(xlsx.statusCode).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const cells = ws.getSheetValues().flat().map(String)
    expect(cells).toContain(settled.orderNo)
    const total = ws.getRow(ws.rowCount).values as unknown[]
    expect(Number(total[6])).toBeCloseTo(Number(total[7]) + Number(total[8]), 2)
    expect((await api(bureau, 'POST', '/orders/statement.xlsx', { month: '2026-13' })).status).toBe(400)
  })

  it('an offline resubmit with the same key does not double the step', async () => {
    const o = await orderIn('assigned')
    const key = 'ci-offline-123456'
    const first = ok(await api(caregiver, 'POST', `/orders/${o.id}/check-in`, { lat: HOME.homeLat, lng: HOME.homeLng, idempotencyKey: key }))
    now = new Date(now.getTime() + 5 * 60_000)
    const again = ok(await api(caregiver, 'POST', `/orders/${o.id}/check-in`, { lat: HOME.homeLat, lng: HOME.homeLng, idempotencyKey: key }))
    expect(again.checkInAt).toBe(first.checkInAt)
    expect(again.version).toBe(first.version)
    expect(again.timeline.filter((e: { action: string }) => e.action === 'checkIn')).toHaveLength(1)
    // A new key for the same step is a real second attempt, refused.
    expect((await api(caregiver, 'POST', `/orders/${o.id}/check-in`, { idempotencyKey: 'ci-offline-999999' })).status).toBe(409)
  })

  it('flags fund anomalies for a supervisor: the same item twice a day, overlapping caregiver orders', async () => {
    const elder = await newElder(t, officer)
    // 22:00 in Shanghai: after the demo caregiver's seeded visits of the day.
    const late = new Date(`${today()}T14:00:00Z`)
    const first = ok(await request(elder, { windowStart: late.toISOString() }))
    expect(first.flags).toEqual([])
    const again = ok(await request(elder, { windowStart: new Date(late.getTime() + 60 * 60_000).toISOString() }))
    expect(again.flags).toEqual(['same_item_same_day'])
    const other = ok(await request(await newElder(t, officer), { windowStart: new Date(late.getTime() + 30 * 60_000).toISOString() }))
    for (const o of [first, other]) ok(await api(provider, 'POST', `/orders/${o.id}/accept`, {}))
    expect(ok(await api(provider, 'POST', `/orders/${first.id}/assign`, { caregiverId: cg['李秀兰'] })).flags).toEqual([])
    const overlapping = ok(await api(provider, 'POST', `/orders/${other.id}/assign`, { caregiverId: cg['李秀兰'] }))
    expect(overlapping.status).toBe('assigned')
    expect(overlapping.flags).toEqual(['caregiver_overlap'])
    // Reassigned to a free caregiver, the flag goes.
    expect(ok(await api(provider, 'POST', `/orders/${other.id}/reassign`, { caregiverId: cg['王芳'], reason: '错开时间' })).flags).toEqual([])
  })

  it('two dispatchers assign at once: one wins, the other gets 409', async () => {
    const o = await orderIn('accepted')
    const [a, b] = await Promise.all([
      api(provider, 'POST', `/orders/${o.id}/assign`, { caregiverId: cg['李秀兰'] }),
      api(bureau, 'POST', `/orders/${o.id}/assign`, { caregiverId: cg['王芳'] }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const after = ok(await api(bureau, 'GET', `/orders/${o.id}`))
    expect(after.timeline.filter((e: { action: string }) => e.action === 'assign')).toHaveLength(1)
  })

  it('auto-confirms a clean visit after the configured days, without a rating (fake clock)', async () => {
    ok(await api(bureau, 'PUT', '/orders/settings', { maxDistanceM: 500, minSharePercent: 50, lateGraceMinutes: 30, autoConfirmDays: 2 }))
    const o = await orderIn('checked_out')
    await t.settle()
    expect(ok(await api(bureau, 'GET', `/orders/${o.id}`)).status).toBe('checked_out')
    now = new Date(now.getTime() + 2 * 86_400_000 + 60_000)
    await t.settle()
    await signIn()
    const after = ok(await api(bureau, 'GET', `/orders/${o.id}`))
    expect(after.status).toBe('confirmed')
    expect(after.confirmedBy).toBe('auto')
    expect(after.rating).toBeNull()
    now = new Date(`${todayInShanghai(now)}T01:00:00Z`)
    await signIn()
  })
})

describe('orders: every disallowed transition answers 409', () => {
  // planAssign and planRelease are the dispatch module's steps and serveMeal the meal counter's (no order route): their tests are in modules/dispatch and meals.int.test.ts.
  const actionRoute: Record<Exclude<TOrderAction, 'price' | 'checkOutFlagged' | 'planAssign' | 'planRelease' | 'serveMeal'>, [string, object | undefined]> = {
    accept: ['accept', {}],
    assign: ['assign', { caregiverId: '' }],
    reassign: ['reassign', { caregiverId: '' }],
    depart: ['depart', {}],
    checkIn: ['check-in', {}],
    record: ['record', { itemsDone: ['清洁地面'] }],
    checkOut: ['check-out', {}],
    resolve: ['resolve', { note: '处理完毕' }],
    confirm: ['confirm', { rating: 5, by: 'elder' }],
    settle: ['settle', undefined],
    cancel: ['cancel', { reason: '测试取消' }],
    noShow: ['no-show', { reason: '测试未上门' }],
  }
  const visible = orderStatuses.filter((s) => s !== 'requested')
  for (const status of visible) {
    it(`from ${status}`, async () => {
      const o = await orderIn(status)
      for (const [action, [path, body]] of Object.entries(actionRoute)) {
        const step = orderFlow[action as TOrderAction]
        const allowed = (step.from as readonly string[]).includes(status) || (action === 'checkOut' && status === 'recorded')
        if (allowed) continue
        const payload = body && 'caregiverId' in body ? { caregiverId: cg['王芳'] } : body
        const r = await api(bureau, 'POST', `/orders/${o.id}/${path}`, payload)
        expect(r.status, `${action} from ${status}: ${JSON.stringify(r.body)}`).toBe(409)
      }
      expect(ok(await api(bureau, 'GET', `/orders/${o.id}`)).status).toBe(status)
    })
  }
})

describe('orders: provider scope', () => {
  it('a provider admin sees only his provider’s orders and caregivers; a caregiver only his own', async () => {
    const b = await newUser('pb.admin', 'provider_admin', DEMO_PROVIDER_B.id)
    const mine = ok(await api(provider, 'GET', '/orders?pageSize=200'))
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((o: { providerId: string }) => o.providerId === DEMO_PROVIDER.id)).toBe(true)
    const theirs = ok(await api(b, 'GET', '/orders?pageSize=200'))
    expect(theirs.items.length).toBeGreaterThan(0)
    expect(theirs.items.some((o: { providerId: string }) => o.providerId === DEMO_PROVIDER.id)).toBe(false)
    expect((await api(b, 'GET', `/orders/${mine.items[0].id}`)).status).toBe(404)
    expect((await api(b, 'POST', `/orders/${mine.items[0].id}/accept`, {})).status).toBe(404)
    const cgs = ok(await api(b, 'GET', '/caregivers'))
    expect(cgs.items.every((c: { providerId: string }) => c.providerId !== DEMO_PROVIDER.id)).toBe(true)
    expect((await api(b, 'GET', `/caregivers/${cg['李秀兰']}`)).status).toBe(404)
    const own = ok(await api(caregiver, 'GET', '/orders?pageSize=200'))
    expect(own.items.every((o: { caregiverId: string }) => o.caregiverId === cg['李秀兰'])).toBe(true)
  })
})
