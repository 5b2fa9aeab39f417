import { periodKeyOf, periodRange } from '@yiyang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { TEST_SECRET } from '../../../test/config.js'
import { sql } from 'drizzle-orm'
import { rowsOf } from '../../db/client.js'
import { verifyAuditChain } from '../../platform/audit.js'
import { createCrypto } from '../../platform/crypto.js'

let t: TestApp
let nowMs = Date.now()
const clock = { now: () => new Date(nowMs) }
const users = ['bureau', 'dongjie.officer', 'dongjie.worker', 'nanjie.officer', 'volunteer', 'liangjiadun.officer'] as const
let c: Record<(typeof users)[number], string>

async function loginAll() {
  const cookies = await Promise.all(users.map((u) => t.login(u)))
  c = Object.fromEntries(users.map((u, i) => [u, cookies[i]])) as typeof c
}

beforeAll(async () => {
  t = await createTestApp({ clock })
  await loginAll()
})
afterAll(async () => {
  await t?.close()
})

const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) })

type TPlan = {
  id: string
  elderId: string
  elderName: string
  status: string
  frequency: string
  redListed: boolean
  missedInRow: number
  visitorId: string | null
  regionCode: string
}
const planOf = async (elderId: string, cookie = c.bureau) => {
  const res = await inject('GET', `/visits/plans?pageSize=200&q=`, cookie)
  expect(res.statusCode, res.body).toBe(200)
  const all: TPlan[] = []
  for (let page = 1; ; page++) {
    const r = (await inject('GET', `/visits/plans?pageSize=200&page=${page}`, cookie)).json()
    all.push(...r.items)
    if (page * 200 >= r.total) break
  }
  return all.find((p) => p.elderId === elderId)
}
const checklist = { health: 'ok', mood: 'ok', home_safety: 'ok', food: 'ok', heating: 'ok', medicine: 'ok', needs: 'ok' }
const visit = (planId: string, extra: Record<string, unknown> = {}) => ({
  planId,
  idempotencyKey: `k-${planId}-${Math.random().toString(36).slice(2)}`,
  mode: 'home',
  checklist,
  confirmedBy: 'elder',
  ...extra,
})

describe('plans follow the registry', () => {
  it('the demo seed gives every 高龄/独居/失能 elder in town a weekly plan', async () => {
    const res = await inject('GET', '/visits/plans?pageSize=1&frequency=weekly', c.bureau)
    expect(res.json().total).toBeGreaterThan(100)
    const monthly = await inject('GET', '/visits/plans?pageSize=5&frequency=monthly', c.bureau)
    for (const p of monthly.json().items as TPlan[]) expect(p.regionCode.slice(9, 12) >= '200').toBe(true)
  })

  it('an elder who becomes 独居 gets a plan; one who dies loses it; the worklist knows', async () => {
    const elderId = await newElder(t, c['dongjie.officer'], { name: '周桂兰', age: 72, livingArrangement: 'with_children' })
    await t.settle()
    expect(await planOf(elderId)).toBeUndefined()
    const elder = (await inject('GET', `/elders/${elderId}`, c['dongjie.officer'])).json()
    const patched = await inject('PATCH', `/elders/${elderId}`, c['dongjie.officer'], { version: elder.version, livingArrangement: 'living_alone' })
    expect(patched.statusCode, patched.body).toBe(200)
    await t.settle()
    const plan = await planOf(elderId)
    expect(plan).toMatchObject({ status: 'active', frequency: 'weekly', visitorId: null })

    const died = await inject('POST', `/elders/${elderId}/status`, c['dongjie.officer'], {
      status: 'deceased',
      reason: '病故',
      version: patched.json().version,
    })
    expect(died.statusCode, died.body).toBe(200)
    await t.settle()
    expect(await planOf(elderId)).toMatchObject({ status: 'ended' })
  })

  it('hasVisitPlan comes from visits: an 86-year-old living alone with a plan is not on the worklist', async () => {
    const elderId = await newElder(t, c['dongjie.officer'], { name: '钱老汉', age: 86, livingArrangement: 'living_alone', hasVisitPlan: false })
    await t.settle()
    expect(await planOf(elderId)).toMatchObject({ status: 'active' })
    await inject('POST', '/worklists/refresh', c['dongjie.officer'])
    const items = (await inject('GET', '/worklists/items?pageSize=200&ruleId=advanced_age_alone_without_visit_plan', c['dongjie.officer'])).json().items
    expect(items.find((i: { elderId: string }) => i.elderId === elderId)).toBeUndefined()
  })
})

describe('visits on the phone', () => {
  let planId: string
  beforeAll(async () => {
    const elderId = await newElder(t, c['dongjie.officer'], { name: '吴奶奶', age: 88, livingArrangement: 'living_alone' })
    await t.settle()
    planId = (await planOf(elderId))!.id
  })

  it('assigns a visitor by suggestion; only visitors who can reach the elder', async () => {
    const s = await inject('GET', '/visits/visitors?regionCode=620702001001', c['dongjie.officer'])
    expect(s.statusCode, s.body).toBe(200)
    const items = s.json().items as { id: string; displayName: string; role: string; sameCommunity: boolean }[]
    expect(items[0]!.sameCommunity).toBe(true)
    const volunteer = items.find((i) => i.role === 'volunteer')!
    const worker = items.find((i) => i.role === 'community_worker')!
    const ok = await inject('POST', '/visits/plans/assign', c['dongjie.officer'], { planIds: [planId], visitorId: volunteer.id, backupId: worker.id })
    expect(ok.json()).toEqual({ updated: 1 })
    const nanjieWorkerId = (await inject('GET', '/visits/visitors?regionCode=620702002001', c['nanjie.officer'])).json().items[0].id
    const bad = await inject('POST', '/visits/plans/assign', c['dongjie.officer'], { planIds: [planId], visitorId: nanjieWorkerId })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].path).toBe('visitorId')
  })

  it('a volunteer sees only their own elders and records a visit; a resubmit does not double', async () => {
    const mine = (await inject('GET', '/visits/plans?pageSize=200', c.volunteer)).json()
    expect(mine.items.map((p: TPlan) => p.id)).toContain(planId)
    const bureauCount = (await inject('GET', '/visits/plans?pageSize=1&regionCode=620702001001', c.bureau)).json().total
    expect(mine.total).toBeLessThan(bureauCount)
    for (const p of mine.items as TPlan[]) expect(p.visitorId === null).toBe(false)

    const body = visit(planId, {
      latitude: 38.93,
      longitude: 100.45,
      checklist: { ...checklist, health: 'concern' },
      problems: '老人右腿摔伤后行动不便',
      actions: '已联系女儿',
      tasks: [{ kind: 'reassessment', note: '跌倒后行动能力下降' }],
    })
    const first = await inject('POST', '/visits', c.volunteer, body)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ duplicate: false, visit: { counted: true, mode: 'home', problems: '老人右腿摔伤后行动不便' } })
    expect(first.json().tasks).toHaveLength(1)
    const again = await inject('POST', '/visits', c.volunteer, body)
    expect(again.json()).toMatchObject({ duplicate: true, visit: { id: first.json().visit.id } })
    const list = (await inject('GET', `/visits?planId=${planId}`, c['dongjie.officer'])).json()
    expect(list.total).toBe(1)
    // The reassessment went to the assessment module as a condition change.
    const due = (await inject('GET', '/assessments/due?pageSize=200&includeOk=true', c['dongjie.officer'])).json()
    expect(JSON.stringify(due)).toContain(first.json().visit.elderId)
    // The period is visited; the plan records the visit.
    const detail = (await inject('GET', `/visits/plans/${planId}`, c.volunteer)).json()
    expect(detail.periods[0]).toMatchObject({ periodKey: periodKeyOf('weekly', clock.now()), status: 'visited' })
    expect(detail.dueNow).toBe(false)
  })

  it('an incapacitated elder found without care raises a notice to the supporter with a deadline', async () => {
    const res = await inject('POST', '/visits', c['dongjie.officer'], visit(planId, { noCareFound: true }))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().tasks).toMatchObject([{ kind: 'supporter_notice', status: 'open' }])
    const tasks = (await inject('GET', '/visits/tasks?status=open&kind=supporter_notice&pageSize=200', c['dongjie.officer'])).json().items
    const task = tasks.find((x: { visitId: string }) => x.visitId === res.json().visit.id)
    const done = await inject('POST', `/visits/tasks/${task.id}/action`, c['dongjie.officer'], {
      action: 'complete',
      version: task.version,
      resultNote: '已责成其子每日照料',
    })
    expect(done.json()).toMatchObject({ status: 'done' })
    expect(
      (await inject('POST', `/visits/tasks/${task.id}/action`, c['dongjie.officer'], { action: 'complete', version: 2, resultNote: 'x' })).statusCode,
    ).toBe(409)
  })

  it('rejects a visit with the checklist half filled, in Chinese, naming the field', async () => {
    const res = await inject('POST', '/visits', c['dongjie.officer'], visit(planId, { checklist: { health: 'ok' } }))
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/请填写：精神情绪/)
    expect(res.json().fields.map((f: { path: string }) => f.path)).toContain('checklist.mood')
  })

  it('photos: streamed, 5 MB at most, images only, in scope only', async () => {
    const v = (await inject('GET', `/visits?planId=${planId}`, c['dongjie.officer'])).json().items[0]
    const upload = (bytes: Buffer, type: string, cookie = c['dongjie.officer']) => {
      const boundary = 'yyb' + Math.random().toString(36).slice(2)
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: ${type}\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      return t.app.inject({
        method: 'PUT',
        url: `/api/v1/visits/${v.id}/photo`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      })
    }
    const big = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 1), 'image/jpeg')
    expect(big.statusCode).toBe(413)
    expect(big.json().message).toContain('5 MB')
    expect((await upload(Buffer.from('hello'), 'text/plain')).statusCode).toBe(415)
    expect((await upload(Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]), 'image/jpeg', c['nanjie.officer'])).statusCode).toBe(404)
    const ok = await upload(Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]), 'image/jpeg')
    expect(ok.json()).toEqual({ ok: true, bytes: 6 })
    const got = await t.app.inject({ url: `/api/v1/visits/${v.id}/photo`, headers: { cookie: c['dongjie.officer'] } })
    expect(got.statusCode).toBe(200)
    expect(got.rawPayload.length).toBe(6)
    expect((await t.app.inject({ url: `/api/v1/visits/${v.id}/photo`, headers: { cookie: c['nanjie.officer'] } })).statusCode).toBe(404)
  })

  it('scope: another street and another community answer 404; a volunteer cannot assign', async () => {
    expect((await inject('GET', `/visits/plans/${planId}`, c['nanjie.officer'])).statusCode).toBe(404)
    expect((await inject('POST', '/visits', c['nanjie.officer'], visit(planId))).statusCode).toBe(404)
    const other = (await inject('GET', '/visits/plans?pageSize=1&regionCode=620702001002', c['dongjie.officer'])).json().items[0]
    expect((await inject('GET', `/visits/plans/${other.id}`, c['dongjie.worker'])).statusCode).toBe(404)
    expect((await inject('GET', `/visits/plans/${other.id}`, c.volunteer)).statusCode).toBe(404)
    expect((await inject('POST', '/visits/plans/assign', c.volunteer, { planIds: [planId], visitorId: planId })).statusCode).toBe(403)
    const outside = (await inject('GET', '/visits/plans?regionCode=620702002000', c['dongjie.officer'])).json()
    expect(outside.total).toBe(0)
  })
})

describe('rates on a hand-checked sample', () => {
  it('周探访率 of a community: visited targets / targets; a phone call and a second visit add nothing', async () => {
    const region = '620702001003'
    const week = periodKeyOf('weekly', clock.now())
    const before = (await inject('GET', `/visits/rates?regionCode=${region}&week=${week}`, c['dongjie.officer'])).json()
    const plans = (await inject('GET', `/visits/plans?regionCode=${region}&frequency=weekly&status=active&pageSize=200`, c['dongjie.officer'])).json()
      .items as TPlan[]
    expect(before.weekly.denominator).toBe(plans.length)
    expect(plans.length).toBeGreaterThanOrEqual(3)
    const unvisited = []
    for (const p of plans) {
      const d = (await inject('GET', `/visits/plans/${p.id}`, c['dongjie.officer'])).json()
      if (d.dueNow) unvisited.push(p)
    }
    expect(before.weekly.numerator).toBe(plans.length - unvisited.length)
    expect(unvisited.length).toBeGreaterThanOrEqual(2)
    const [a, b] = unvisited
    expect((await inject('POST', '/visits', c['dongjie.officer'], visit(a!.id))).statusCode).toBe(200)
    expect((await inject('POST', '/visits', c['dongjie.officer'], visit(a!.id))).statusCode).toBe(200)
    const phone = await inject('POST', '/visits', c['dongjie.officer'], visit(b!.id, { mode: 'phone' }))
    expect(phone.json().visit.counted).toBe(false)
    const after = (await inject('GET', `/visits/rates?regionCode=${region}&week=${week}`, c['dongjie.officer'])).json()
    expect(after.weekly).toMatchObject({ numerator: before.weekly.numerator + 1, denominator: plans.length, target: 1 })
    expect(after.weekly.rate).toBeCloseTo((before.weekly.numerator + 1) / plans.length, 10)
    // Drill-down from the street: this community's row says the same.
    const street = (await inject('GET', `/visits/rates?week=${week}`, c['dongjie.officer'])).json()
    expect(street.children.find((x: { regionCode: string }) => x.regionCode === region).weekly).toEqual(after.weekly)
  })

  it('rural monthly rate of a village: monthly plans visited in the month / monthly plans', async () => {
    const village = '620702100201'
    const month = periodKeyOf('monthly', clock.now())
    const plans = (await inject('GET', `/visits/plans?regionCode=${village}&frequency=monthly&status=active&pageSize=200`, c['liangjiadun.officer'])).json()
      .items as TPlan[]
    expect(plans.length).toBeGreaterThanOrEqual(2)
    for (const p of plans.slice(1)) expect((await inject('POST', '/visits', c['liangjiadun.officer'], visit(p.id))).statusCode).toBe(200)
    const r = (await inject('GET', `/visits/rates?regionCode=${village}&month=${month}`, c['liangjiadun.officer'])).json()
    expect(r.ruralMonthly).toMatchObject({ numerator: plans.length - 1, denominator: plans.length, met: false })
    const ledger = (await inject('GET', `/visits/ledger?regionCode=${village}&month=${month}`, c['liangjiadun.officer'])).json()
    expect(ledger.monthlyRate).toEqual(r.ruralMonthly)
    expect(ledger.rows).toHaveLength(plans.length - 1)
    expect(ledger.unvisited.map((u: { elderName: string }) => u.elderName)).toContain(plans[0]!.elderName)
    const xlsx = await inject('POST', '/visits/ledger.xlsx', c['liangjiadun.officer'], { regionCode: village, month })
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const audit = (await inject('GET', '/audit?action=visit.ledger_exported&pageSize=5', c.bureau)).json()
    expect(JSON.stringify(audit)).toContain('visit.ledger_exported')
  })
})

describe('overdue escalation (durable jobs, fake clock, across a restart)', () => {
  // Every plan of the demo district (≈800) closes its week too: the sweep runs them all, hence the time.
  it('a missed week tells the visitor, then the community, then the street; two in a row is the red list', { timeout: 300_000 }, async () => {
    const elderId = await newElder(t, c['dongjie.officer'], { name: '郑爷爷', age: 91, livingArrangement: 'living_alone' })
    await t.settle()
    const plan = (await planOf(elderId))!
    const week = periodKeyOf('weekly', clock.now())
    const end = periodRange(week).end.getTime()

    nowMs = end + 60_000
    await t.settle()
    const period = async () =>
      (await inject('GET', `/visits/plans/${plan.id}`, c.bureau)).json().periods.find((p: { periodKey: string }) => p.periodKey === week)
    await loginAll()
    expect((await period()).status).toBe('missed')

    // The server restarts: a new app on the same database; the timers are rows, not memory.
    const database = t.database
    await t.app.close()
    t = await createTestApp({ database, clock })
    await loginAll()

    nowMs = end + 25 * 3600_000
    await t.settle()
    await loginAll()
    expect((await period()).status).toBe('escalated_community')
    nowMs = end + 49 * 3600_000
    await t.settle()
    await loginAll()
    expect((await period()).status).toBe('escalated_street')
    expect((await planOf(elderId))!).toMatchObject({ missedInRow: 1, redListed: false })

    nowMs = periodRange(periodKeyOf('weekly', new Date(end))).end.getTime() + 60_000
    await t.settle()
    await loginAll()
    expect(await planOf(elderId)).toMatchObject({ missedInRow: 2, redListed: true })
    // The close is set-based, yet still one audit row per period moved (chained: the chain holds)
    // and one outbox event per period whose visitor is told.
    const [a] = rowsOf<{ n: number; d: number }>(
      await t.database.db.execute(sql`select count(*)::int as n, count(distinct entity_id)::int as d from audit_log where action = 'visit.period_missed'`),
    )
    expect(a!.n).toBeGreaterThan(100)
    expect(a!.n).toBe(a!.d)
    const [mine] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from domain_events where type = 'visit.period_missed' and payload->>'planId' = ${plan.id}`),
    )
    expect(mine!.n).toBe(2)
    expect((await verifyAuditChain(t.database.db, createCrypto(TEST_SECRET))).ok).toBe(true)
    const red = (await inject('GET', '/visits/plans?redListed=true&pageSize=200', c['dongjie.officer'])).json()
    expect(red.items.map((p: TPlan) => p.id)).toContain(plan.id)
    const audit = (await inject('GET', '/audit?action=visit.escalated_street&pageSize=200', c.bureau)).json()
    expect(JSON.stringify(audit)).toContain('street_officer')

    // A visit takes the elder off the red list.
    const v = await inject('POST', '/visits', c['dongjie.officer'], visit(plan.id))
    expect(v.statusCode, v.body).toBe(200)
    expect(await planOf(elderId)).toMatchObject({ missedInRow: 0, redListed: false })
  })
})
