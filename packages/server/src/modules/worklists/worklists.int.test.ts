import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'

let t: TestApp
let bureau: string
let officer: string
let worker: string
let nanjie: string
let nowMs = Date.now()
const clock = { now: () => new Date(nowMs) }

beforeAll(async () => {
  // No background runner: the visits module would give every new 80+ elder living alone a plan as
  // soon as the registry event is delivered; here events are delivered only when a test settles.
  t = await createTestApp({ clock, runJobs: false })
  ;[bureau, officer, worker, nanjie] = await Promise.all(['bureau', 'dongjie.officer', 'dongjie.worker', 'nanjie.officer'].map((u) => t.login(u)))
})
afterAll(async () => {
  await t?.close()
})

const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) })
type TItem = { id: string; elderId: string; ruleId: string; status: string; explanation: string; reappearOn: string | null; elder: { name: string } }
const items = async (cookie: string, q = '') =>
  (await inject('GET', `/worklists/items?pageSize=200&ruleId=advanced_age_alone_without_visit_plan${q}`, cookie)).json().items as TItem[]

describe('worklists', () => {
  it('the demo seed screens the district with the default rules', async () => {
    const res = await inject('GET', '/worklists/rules', bureau)
    expect(res.statusCode).toBe(200)
    const rules = res.json().items
    expect(rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['advanced_age_alone_without_visit_plan', 'poor_without_recent_assessment', 'recent_category_change']),
    )
    expect(rules.find((r: { id: string }) => r.id === 'poor_without_recent_assessment').counts.open).toBeGreaterThan(0)
    expect(rules[0].ruleText).toContain('年龄')
  })

  it('finds an 86-year-old living alone without a visit plan; handled items reappear after the delay while the condition holds', async () => {
    const elderId = await newElder(t, officer, { name: '孙秀英', age: 86, livingArrangement: 'living_alone', hasVisitPlan: false })
    const refreshed = await inject('POST', '/worklists/refresh', officer)
    expect(refreshed.statusCode, refreshed.body).toBe(200)
    expect(refreshed.json().opened).toBeGreaterThan(0)
    const item = (await items(officer)).find((i) => i.elderId === elderId)!
    expect(item).toMatchObject({ status: 'open', elder: { name: '孙秀英' } })
    expect(item.explanation).toContain('年龄 ≥ 80')

    const assigned = await inject('POST', `/worklists/items/${item.id}/assign`, officer, {})
    expect(assigned.json()).toMatchObject({ status: 'assigned', assignedToName: 'dongjie.officer' })
    expect((await inject('POST', `/worklists/items/${item.id}/handle`, officer, { note: '' })).statusCode).toBe(400)
    const handled = await inject('POST', `/worklists/items/${item.id}/handle`, officer, { note: '已上门，家属同意每周探访' })
    expect(handled.json()).toMatchObject({ status: 'handled', handledNote: '已上门，家属同意每周探访' })
    expect((await inject('POST', `/worklists/items/${item.id}/handle`, officer, { note: '再次处理' })).statusCode).toBe(409)

    await inject('POST', '/worklists/refresh', officer)
    expect((await items(officer)).find((i) => i.elderId === elderId)).toBeUndefined()
    nowMs += 31 * 86400000
    ;[bureau, officer, worker, nanjie] = await Promise.all(['bureau', 'dongjie.officer', 'dongjie.worker', 'nanjie.officer'].map((u) => t.login(u)))
    const again = await inject('POST', '/worklists/refresh', officer)
    expect(again.json().reopened).toBeGreaterThan(0)
    expect((await items(officer)).find((i) => i.elderId === elderId)).toMatchObject({ id: item.id, status: 'open' })

    // The condition goes away: the open item is resolved.
    await inject('PATCH', `/elders/${elderId}`, officer, { version: 1, hasVisitPlan: true })
    expect((await inject('POST', '/worklists/refresh', officer)).json().resolved).toBeGreaterThan(0)
    expect((await items(officer, '&status=resolved')).find((i) => i.elderId === elderId)).toBeDefined()
  })

  it('keeps items in scope: another street gets 404; a community worker sees only their community', async () => {
    await newElder(t, officer, { age: 90, livingArrangement: 'living_alone', regionCode: '620702001002' })
    await inject('POST', '/worklists/refresh', officer)
    const mine = await items(officer)
    const other = mine.find((i) => i.status === 'open')!
    expect((await inject('POST', `/worklists/items/${other.id}/assign`, nanjie, {})).statusCode).toBe(404)
    expect((await items(nanjie)).some((i) => i.id === other.id)).toBe(false)
    const forWorker = await inject('GET', '/worklists/items?pageSize=200', worker)
    expect(new Set(forWorker.json().items.map((i: { regionCode: string }) => i.regionCode))).toEqual(new Set(['620702001001']))
  })

  it('rules are data that only a bureau admin edits; invalid rules are refused with the path', async () => {
    const rules = (await inject('GET', '/worklists/rules', bureau)).json().items
    const r = rules.find((x: { id: string }) => x.id === 'recent_category_change')
    expect((await inject('PUT', `/worklists/rules/${r.id}`, officer, { version: r.version, reappearAfterDays: 10 })).statusCode).toBe(403)
    const bad = await inject('PUT', `/worklists/rules/${r.id}`, bureau, { version: r.version, rule: { all: [{ field: 'age', op: 'contains', value: 80 }] } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].path).toBe('rule.all[0].op')
    const ok = await inject('PUT', `/worklists/rules/${r.id}`, bureau, {
      version: r.version,
      rule: { field: 'lastCategoryChangeAt', op: 'withinDays', value: 60 },
      reappearAfterDays: 14,
    })
    expect(ok.json()).toMatchObject({ reappearAfterDays: 14, version: r.version + 1 })
    const created = await inject('POST', '/worklists/rules', bureau, {
      id: 'no_guardian_90',
      name: '90岁以上无监护人',
      rule: {
        all: [
          { field: 'age', op: 'gte', value: 90 },
          { field: 'hasGuardian', op: 'eq', value: false },
        ],
      },
      reappearAfterDays: 30,
    })
    expect(created.statusCode).toBe(200)
    expect(created.json().ruleText).toContain('年龄 ≥ 90')
  })
})
