import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './app.js'
import { newElder } from './factories.js'

// Issue 16 item 12: a moved elder's worklist item leaves the old street; an assessor works
// only on the cases assigned to them.
let t: TestApp
let bureau: string
let officerA: string
let officerB: string
let assessor: string
let otherAssessor: string
const now = new Date()
beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } })
  ;[bureau, officerA, officerB, assessor] = await Promise.all(['bureau', 'dongjie.officer', 'nanjie.officer', 'dongjie.assessor'].map((u) => t.login(u)))
  const created = await call(bureau, 'POST', '/users', {
    username: 'dongjie.assessor.b',
    displayName: '东街街道 评估员乙',
    role: 'assessor',
    scopeRegionCode: '620702001000',
    password: 'Welcome-2026!',
  })
  expect(created.statusCode, created.body).toBe(200)
  otherAssessor = await t.login('dongjie.assessor.b', 'Welcome-2026!')
  expect((await call(otherAssessor, 'POST', '/auth/password', { currentPassword: 'Welcome-2026!', newPassword: 'Assessor-B-2026!' })).statusCode).toBe(200)
})
afterAll(async () => {
  await t?.close()
})

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) })
const allItems = async (cookie: string) =>
  (await call(cookie, 'GET', '/worklists/items?pageSize=200&status=open,assigned,handled,resolved')).json().items as {
    elderId: string
    elder: { name: string; regionName: string } | null
  }[]

describe('worklist items follow a moved elder', () => {
  it('the old street no longer sees the item, the name or the new community; the new street does', async () => {
    // A 低保 elder never assessed: on a worklist, and (not 高龄, 独居 or 失能) without a visit plan that would clear it.
    const elderId = await newElder(t, officerA, { name: '迁居测试老人', age: 70, livingArrangement: 'with_children', categories: ['min_subsistence'] })
    expect((await call(officerA, 'POST', '/worklists/refresh')).statusCode).toBe(200)
    expect((await allItems(officerA)).some((i) => i.elderId === elderId)).toBe(true)
    const elder = (await call(bureau, 'GET', `/elders/${elderId}`)).json()
    const moved = await call(bureau, 'PATCH', `/elders/${elderId}`, { version: elder.version, regionCode: '620702002001' })
    expect(moved.statusCode, moved.body).toBe(200)
    // The item follows through an event published after commit.
    await expect.poll(async () => (await allItems(officerB)).some((i) => i.elderId === elderId), { timeout: 5000 }).toBe(true)
    const oldStreet = await call(officerA, 'GET', '/worklists/items?pageSize=200&status=open,assigned,handled,resolved')
    expect(oldStreet.body).not.toContain(elderId)
    expect(oldStreet.body).not.toContain('迁居测试老人')
  })
})

describe('an assessor works only on cases assigned to them', () => {
  it('another assessor of the same street cannot start or fill in the case', async () => {
    const elderId = await newElder(t, officerA, { name: '指派测试老人', age: 80 })
    const assessorId = (await call(officerA, 'GET', '/assessments/assessors'))
      .json()
      .items.find((a: { displayName: string }) => a.displayName === '东街街道 评估员').id
    const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
    const s = await call(officerA, 'POST', '/assessments', { elderId, reason: 'initial', scheduledDate: today, assessorId })
    expect(s.statusCode, s.body).toBe(200)
    const id = s.json().id
    // The other assessor sees the case (same street) but is offered no action on it.
    const seen = await call(otherAssessor, 'GET', `/assessments/${id}`)
    expect(seen.statusCode).toBe(200)
    expect(seen.json().actions).not.toContain('start')
    const start = await call(otherAssessor, 'POST', `/assessments/${id}/start`)
    expect(start.statusCode).toBe(403)
    expect(start.json().message).toContain('其他评估员')
    expect((await call(assessor, 'POST', `/assessments/${id}/start`)).statusCode).toBe(200)
    expect((await call(otherAssessor, 'PUT', `/assessments/${id}/answers`, { items: {} })).statusCode).toBe(403)
    expect((await call(otherAssessor, 'POST', `/assessments/${id}/submit`)).statusCode).toBe(403)
    expect((await call(assessor, 'PUT', `/assessments/${id}/answers`, { items: {} })).statusCode).toBe(200)
  })
})
