import { addDays, todayInShanghai } from '@yiyang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { DEMO_PROVIDER } from '../providers/index.js'

// Issue 22 item 4: problems found on a visit become real work in the other modules and follow it.
let t: TestApp
let officer: string
let worker: string
beforeAll(async () => {
  t = await createTestApp()
  ;[officer, worker] = await Promise.all([t.login('dongjie.officer'), t.login('dongjie.worker')])
})
afterAll(async () => {
  await t?.close()
})

const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) })
const checklist = { health: 'concern', mood: 'ok', home_safety: 'ok', food: 'ok', heating: 'ok', medicine: 'ok', needs: 'concern' }
type TTask = { id: string; kind: string; status: string; linkType: string | null; linkId: string | null; version: number; resultNote: string | null }

async function planFor(name: string, extra: Record<string, unknown> = {}) {
  const elderId = await newElder(t, officer, {
    name,
    age: 88,
    livingArrangement: 'living_alone',
    contacts: [{ name: '王建国', relation: '儿子', phone: '13900001111', isGuardian: true }],
    ...extra,
  })
  await t.settle()
  for (let page = 1; ; page++) {
    const r = (await inject('GET', `/visits/plans?pageSize=200&page=${page}&regionCode=620702001001`, officer)).json()
    const p = r.items.find((x: { elderId: string }) => x.elderId === elderId)
    if (p) return { planId: p.id as string, elderId }
    if (page * 200 >= r.total) throw new Error('no plan')
  }
}
const taskById = async (id: string) => {
  const items = (await inject('GET', '/visits/tasks?pageSize=200', officer)).json().items as TTask[]
  return items.find((x) => x.id === id)!
}

describe('tasks raised on a visit become real work', () => {
  let tasks: TTask[]
  let elderId: string
  beforeAll(async () => {
    const p = await planFor('任桂芝')
    elderId = p.elderId
    const res = await inject('POST', '/visits', worker, {
      planId: p.planId,
      idempotencyKey: `tasks-${p.planId}`,
      mode: 'home',
      checklist,
      latitude: 38.93,
      longitude: 100.45,
      tasks: [
        { kind: 'service_order', note: '需要每周助洁一次' },
        { kind: 'benefit_application', note: '符合高龄津贴条件未申请', programmeCode: 'gaoling' },
        { kind: 'reassessment', note: '近期卧床时间明显增加' },
        { kind: 'supporter_notice', note: '儿子长期未回家照料' },
        { kind: 'alarm', note: '老人胸闷气短' },
      ],
    })
    expect(res.statusCode, res.body).toBe(200)
    tasks = res.json().tasks
  })
  const task = (kind: string) => tasks.find((x) => x.kind === kind)!

  it('each task keeps the id of what it became', () => {
    expect(task('benefit_application')).toMatchObject({ linkType: 'benefit_application', status: 'open' })
    expect(task('reassessment')).toMatchObject({ linkType: 'assessment_trigger' })
    expect(task('supporter_notice')).toMatchObject({ linkType: 'supporter_notice' })
    expect(task('alarm')).toMatchObject({ linkType: 'alarm' })
    expect(task('service_order')).toMatchObject({ linkType: null, linkId: null })
    for (const k of ['benefit_application', 'reassessment', 'supporter_notice', 'alarm']) expect(task(k).linkId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('the benefit application is a draft in the benefits module for the elder', async () => {
    const app = await inject('GET', `/benefit-applications/${task('benefit_application').linkId}`, officer)
    expect(app.statusCode, app.body).toBe(200)
    expect(app.json()).toMatchObject({ elderId, programmeCode: 'gaoling', status: 'draft' })
  })

  it('the urgent problem is an alarm in the queue, and closing it settles the task', async () => {
    const alarmId = task('alarm').linkId!
    const alarm = await inject('GET', `/alarms/${alarmId}`, officer)
    expect(alarm.statusCode, alarm.body).toBe(200)
    expect(alarm.json()).toMatchObject({ status: 'raised', source: 'staff', type: 'visit' })
    const claimed = await inject('POST', `/alarms/${alarmId}/claim`, officer)
    expect(claimed.statusCode, claimed.body).toBe(200)
    const closed = await inject('POST', `/alarms/${alarmId}/close`, officer, { outcome: 'help_given', note: '已送医院', version: claimed.json().version })
    expect(closed.statusCode, closed.body).toBe(200)
    await t.settle()
    expect(await taskById(task('alarm').id)).toMatchObject({ status: 'done', resultNote: '报警已处置并关闭' })
  })

  it('the supporter notice is sent to the guardian through the notifier (a durable job)', async () => {
    await t.settle()
    const after = await taskById(task('supporter_notice').id)
    expect(after).toMatchObject({ status: 'open', resultNote: '已通知：王建国' })
  })

  it('the reassessment is due in the assessment module', async () => {
    const due = (await inject('GET', '/assessments/due?pageSize=200&includeOk=true', officer)).json()
    expect(JSON.stringify(due)).toContain(elderId)
  })

  it('the service order task becomes an order; cancelling the order cancels the task', async () => {
    const id = task('service_order').id
    const before = await taskById(id)
    const serviceDate = addDays(todayInShanghai(new Date()), 1)
    const bad = await inject('POST', `/visits/tasks/${id}/order`, worker, {
      providerId: DEMO_PROVIDER.id,
      itemCode: 'NO-SUCH',
      serviceDate,
      version: before.version,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].path).toBe('itemCode')
    expect((await taskById(id)).linkId).toBeNull()
    const res = await inject('POST', `/visits/tasks/${id}/order`, worker, {
      providerId: DEMO_PROVIDER.id,
      itemCode: 'ZJ-001',
      serviceDate,
      version: before.version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().task).toMatchObject({ linkType: 'order', linkId: res.json().orderId })
    const order = (await inject('GET', `/orders/${res.json().orderId}`, officer)).json()
    expect(order).toMatchObject({ elderId, itemCode: 'ZJ-001' })
    const twice = await inject('POST', `/visits/tasks/${id}/order`, worker, {
      providerId: DEMO_PROVIDER.id,
      itemCode: 'ZJ-001',
      serviceDate,
      version: res.json().task.version,
    })
    expect(twice.statusCode).toBe(409)
    const cancelled = await inject('POST', `/orders/${res.json().orderId}/cancel`, officer, { reason: '家属改期' })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    await t.settle()
    expect(await taskById(id)).toMatchObject({ status: 'cancelled', resultNote: '服务工单已取消' })
  })

  it('only a 申请上门服务 task becomes an order', async () => {
    const other = await taskById(task('reassessment').id)
    const res = await inject('POST', `/visits/tasks/${other.id}/order`, worker, {
      providerId: DEMO_PROVIDER.id,
      itemCode: 'ZJ-001',
      serviceDate: addDays(todayInShanghai(new Date()), 1),
      version: other.version,
    })
    expect(res.statusCode).toBe(409)
  })

  it('a benefit application without a programme takes the one discovery finds, or none; an unknown one is a 400', async () => {
    const p = await planFor('杜秀兰')
    const bad = await inject('POST', '/visits', worker, {
      planId: p.planId,
      idempotencyKey: `bad-${p.planId}`,
      mode: 'home',
      checklist,
      tasks: [{ kind: 'benefit_application', note: '申请补贴', programmeCode: 'no-such' }],
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].path).toBe('programmeCode')
    const res = await inject('POST', '/visits', worker, {
      planId: p.planId,
      idempotencyKey: `auto-${p.planId}`,
      mode: 'home',
      checklist,
      tasks: [{ kind: 'benefit_application', note: '申请补贴' }],
    })
    expect(res.statusCode, res.body).toBe(200)
    const linked = res.json().tasks[0] as TTask
    if (linked.linkId) {
      const app = (await inject('GET', `/benefit-applications/${linked.linkId}`, officer)).json()
      expect(app).toMatchObject({ elderId: p.elderId, status: 'draft' })
    } else expect(linked.linkType).toBeNull()
  })
})

describe('the visitor suggestion ranks by distance, then load (issue 22 item 2)', () => {
  it('nearest first where positions are known; unknown positions rank by load only', async () => {
    const volunteer = await t.login('volunteer')
    const near = await planFor('邓淑珍')
    const far = await planFor('孔祥云')
    // The elder's home is where the worker checked in; the volunteer checks in some 70 km away.
    const home = { latitude: 38.93, longitude: 100.45 }
    const v1 = await inject('POST', '/visits', worker, { planId: near.planId, idempotencyKey: `geo-${near.planId}`, mode: 'home', checklist, ...home })
    expect(v1.statusCode, v1.body).toBe(200)
    const visitors = (await inject('GET', '/visits/visitors?regionCode=620702001001', officer)).json().items as { id: string; role: string }[]
    const volunteerId = visitors.find((v) => v.role === 'volunteer')!.id
    expect((await inject('POST', '/visits/plans/assign', officer, { planIds: [far.planId], visitorId: volunteerId })).statusCode).toBe(200)
    const v2 = await inject('POST', '/visits', volunteer, {
      planId: far.planId,
      idempotencyKey: `geo-${far.planId}`,
      mode: 'home',
      checklist,
      latitude: 39.5,
      longitude: 101.0,
    })
    expect(v2.statusCode, v2.body).toBe(200)

    const ranked = (await inject('GET', `/visits/visitors?planId=${near.planId}`, officer)).json().items as {
      id: string
      role: string
      distanceMetres: number | null
      sameCommunity: boolean
    }[]
    const known = ranked.filter((r) => r.distanceMetres !== null)
    expect(known.map((r) => r.role)).toEqual(['community_worker', 'volunteer'])
    expect(known[0]!.distanceMetres).toBeLessThan(1000)
    expect(known[1]!.distanceMetres).toBeGreaterThan(50_000)
    // Within the same community, every known distance comes before an unknown one.
    const same = ranked.filter((r) => r.sameCommunity)
    const firstUnknown = same.findIndex((r) => r.distanceMetres === null)
    if (firstUnknown >= 0) expect(same.slice(firstUnknown).every((r) => r.distanceMetres === null)).toBe(true)
    // Without a plan, no distance: the suggestion is by community and load, as before.
    const plain = (await inject('GET', '/visits/visitors?regionCode=620702001001', officer)).json().items as { distanceMetres: number | null }[]
    expect(plain.every((r) => r.distanceMetres === null)).toBe(true)
    // Another street's plan is not found.
    const other = (await inject('GET', '/visits/plans?regionCode=620702002001&pageSize=1', await t.login('nanjie.officer'))).json().items[0]
    expect((await inject('GET', `/visits/visitors?planId=${other.id}`, officer)).statusCode).toBe(404)
  })
})
