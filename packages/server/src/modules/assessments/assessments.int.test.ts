import { gbt42195ItemCodes, gbt42195UniformItems } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import type { TDomainEvent } from '../../platform/events.js'

/**
 * The assessment workflow through HTTP on a real database: schedule → start → autosave →
 * submit (rejected while incomplete) → review (return / approve) → effective (elder level and
 * event) → objection → dispute review supersedes; schedule, statistics, report, scope.
 */
let t: TestApp
let now = new Date()
let officer: string, assessor: string, nanjieOfficer: string, operator: string, bureau: string, worker: string
let assessorId: string, nanjieAssessorId: string
const events: TDomainEvent[] = []
const DAY = 86400_000

const api = async (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) })
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, raw: res }
}
const today = () => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

const complete = (items = gbt42195UniformItems(4), extra: Record<string, unknown> = {}) => ({
  items,
  info: { riskEvents: {}, diagnoses: [], coma: false },
  place: '老人家中',
  assessedAt: now.toISOString(),
  assessors: [
    { userId: assessorId, name: '东街街道 评估员', certificateNo: 'PG-2026-001' },
    { userId: null, name: '社区医生 马丽', certificateNo: null },
  ],
  signatures: {
    assessor1: { name: '东街街道 评估员', confirmed: true },
    assessor2: { name: '社区医生 马丽', confirmed: true },
    informant: { name: '李小明', relation: '儿子', confirmed: true },
  },
  ...extra,
})

/** schedule → start → fill → submit → approve; returns the effective assessment. */
async function effectiveAssessment(elderId: string, items = gbt42195UniformItems(4), extra: Record<string, unknown> = {}) {
  const s = await api(officer, 'POST', '/assessments', { elderId, reason: 'initial', scheduledDate: today(), assessorId })
  expect(s.status, JSON.stringify(s.body)).toBe(200)
  expect((await api(assessor, 'POST', `/assessments/${s.body.id}/start`)).status).toBe(200)
  const saved = await api(assessor, 'PUT', `/assessments/${s.body.id}/answers`, complete(items, extra))
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  const sub = await api(assessor, 'POST', `/assessments/${s.body.id}/submit`)
  expect(sub.status, JSON.stringify(sub.body)).toBe(200)
  const rev = await api(officer, 'POST', `/assessments/${s.body.id}/review`, { decision: 'approve' })
  expect(rev.status, JSON.stringify(rev.body)).toBe(200)
  return rev.body
}

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } })
  t.events.on('*', (e) => {
    events.push(e)
  })
  ;[officer, assessor, nanjieOfficer, operator, bureau, worker] = await Promise.all(
    ['dongjie.officer', 'dongjie.assessor', 'nanjie.officer', 'dongjie.operator', 'bureau', 'dongjie.worker'].map((u) => t.login(u)),
  )
  const list = await api(officer, 'GET', '/assessments/assessors?regionCode=620702001001')
  assessorId = list.body.items.find((a: { displayName: string }) => a.displayName === '东街街道 评估员')!.id
  // A second assessor for 东街街道, for dispute reviews (another assessor than the first).
  const second = await api(bureau, 'POST', '/users', {
    username: 'dongjie.assessor2',
    displayName: '东街街道 评估员二',
    role: 'assessor',
    scopeRegionCode: '620702001000',
    password: 'Welcome-2026!',
  })
  expect(second.status, JSON.stringify(second.body)).toBe(200)
  const nl = await api(nanjieOfficer, 'GET', '/assessments/assessors')
  nanjieAssessorId = nl.body.items.find((a: { displayName: string }) => a.displayName.includes('南街'))!.id
})
afterAll(async () => {
  await t?.close()
})

describe('assessment workflow', () => {
  it('runs schedule → autosave → submit → return → resubmit → approve, and updates the elder', async () => {
    const elderId = await newElder(t, officer, { name: '王秀兰', age: 86, sex: 'female' })
    const s = await api(officer, 'POST', '/assessments', { elderId, reason: 'initial', scheduledDate: today(), assessorId })
    expect(s.status).toBe(200)
    expect(s.body).toMatchObject({ status: 'scheduled', elderName: '王秀兰', scale: 'gbt42195_2022', itemCount: 26 })
    const id = s.body.id

    // A second open assessment for the same elder is refused.
    expect((await api(officer, 'POST', '/assessments', { elderId, reason: 'routine', scheduledDate: today(), assessorId })).status).toBe(409)

    expect((await api(assessor, 'POST', `/assessments/${id}/start`)).body.status).toBe('in_progress')
    // Autosave of part of the form: partial subtotals, no level yet.
    const partial = await api(assessor, 'PUT', `/assessments/${id}/answers`, { items: { 'B.1.1': 4, 'B.1.2': 3 } })
    expect(partial.status).toBe(200)
    expect(partial.body).toMatchObject({ answeredCount: 2, finalLevel: null, dimensions: { selfCare: 7 } })
    expect(partial.body.missing).toHaveLength(24)

    // Submit while incomplete: 422 with every missing item named.
    const early = await api(assessor, 'POST', `/assessments/${id}/submit`)
    expect(early.status).toBe(422)
    expect(early.body.code).toBe('ASSESSMENT_INCOMPLETE')
    expect(early.body.fields).toHaveLength(24)
    expect(early.body.fields[0]).toEqual({ path: 'items.B.1.3', message: 'B.1.3 洗澡 未填写' })

    // Complete answers but no signatures yet: rejected naming the signatures.
    const noSign = await api(assessor, 'PUT', `/assessments/${id}/answers`, {
      ...complete(),
      signatures: { assessor1: null, assessor2: null, informant: null },
    })
    expect(noSign.status).toBe(200)
    expect(noSign.body).toMatchObject({ total: 90, finalLevel: 0, missing: [] })
    const unsigned = await api(assessor, 'POST', `/assessments/${id}/submit`)
    expect(unsigned.status).toBe(400)
    expect(unsigned.body.fields.map((f: { path: string }) => f.path)).toEqual(['signatures.assessor1', 'signatures.assessor2', 'signatures.informant'])

    // Dementia (F03) and two falls: 70 points → level 1 → +1 once → 2.
    const items = { ...gbt42195UniformItems(4) }
    let drop = 20
    for (const c of gbt42195ItemCodes) {
      while (drop > 0 && items[c] > 0) {
        items[c]--
        drop--
      }
    }
    const full = await api(
      assessor,
      'PUT',
      `/assessments/${id}/answers`,
      complete(items, { info: { riskEvents: { fall: 2 }, diagnoses: [{ name: '阿尔茨海默病性痴呆', icd10: 'F00.1' }], coma: false } }),
    )
    expect(full.body).toMatchObject({ total: 70, initialLevel: 1, finalLevel: 2 })
    const sub = await api(assessor, 'POST', `/assessments/${id}/submit`)
    expect(sub.status, JSON.stringify(sub.body)).toBe(200)
    expect(sub.body.status).toBe('submitted')

    // Answers are frozen once submitted; the assessor cannot review; the reviewer returns it.
    expect((await api(assessor, 'PUT', `/assessments/${id}/answers`, { items: { 'B.1.1': 3 } })).status).toBe(409)
    expect((await api(assessor, 'POST', `/assessments/${id}/review`, { decision: 'approve' })).status).toBe(403)
    expect((await api(officer, 'POST', `/assessments/${id}/review`, { decision: 'return', reason: '' })).status).toBe(400)
    const ret = await api(officer, 'POST', `/assessments/${id}/review`, { decision: 'return', reason: '请核实近30天跌倒次数' })
    expect(ret.body).toMatchObject({ status: 'returned', returnReason: '请核实近30天跌倒次数' })

    expect(
      (
        await api(assessor, 'PUT', `/assessments/${id}/answers`, {
          items: {},
          info: { riskEvents: { fall: 1 }, diagnoses: [{ name: '阿尔茨海默病性痴呆', icd10: 'F00.1' }], coma: false },
        })
      ).body.finalLevel,
    ).toBe(2)
    expect((await api(assessor, 'POST', `/assessments/${id}/submit`)).status).toBe(200)
    events.length = 0
    const ok = await api(officer, 'POST', `/assessments/${id}/review`, { decision: 'approve', note: '材料齐全' })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ status: 'effective', finalLevel: 2, finalLevelName: '能力中度受损', effectiveDate: today(), reviewNote: '材料齐全' })
    expect(ok.body.objectionDeadline > today()).toBe(true)

    const elder = await api(officer, 'GET', `/elders/${elderId}`)
    expect(elder.body.abilityLevel).toBe(2)
    expect(elder.body.categories).toContain('semi_incapacitated')
    await t.settle()
    // Seeded assessments' events may be relayed in the same settle: look for this one.
    const eff = events.find((e) => e.type === 'assessment.effective' && e.entityId === id)
    expect(eff?.payload).toMatchObject({ assessmentId: id, elderId, finalLevel: 2, effectiveDate: today() })

    // Audit rows never carry answers or diagnoses.
    const audit = await api(bureau, 'GET', `/audit?entityId=${id}&pageSize=50`)
    const text = JSON.stringify(audit.body)
    expect(text).toContain('assessment.effective')
    expect(text).not.toContain('F00')
    expect(text).not.toContain('B.1.1')
    expect(text).not.toContain('王秀兰')
  })

  it('rejects out-of-range answers naming the item', async () => {
    const elderId = await newElder(t, officer)
    const s = await api(officer, 'POST', '/assessments', { elderId, reason: 'initial', scheduledDate: today(), assessorId })
    await api(assessor, 'POST', `/assessments/${s.body.id}/start`)
    for (const [code, value] of [
      ['B.2.4', 4],
      ['B.3.7', 2],
      ['B.3.9', 3],
      ['B.4.4', 4],
      ['B.9.9', 1],
    ] as const) {
      const r = await api(assessor, 'PUT', `/assessments/${s.body.id}/answers`, { items: { [code]: value } })
      expect(r.status).toBe(400)
      expect(r.body.fields[0].path).toBe(`items.${code}`)
    }
    // Coma → level 4 whatever the score.
    const coma = await api(assessor, 'PUT', `/assessments/${s.body.id}/answers`, { items: gbt42195UniformItems(3), info: { coma: true } })
    expect(coma.body).toMatchObject({ finalLevel: 4 })
    // Cancel it so the elder is free again.
    expect((await api(officer, 'POST', `/assessments/${s.body.id}/cancel`, { reason: '老人住院' })).body.status).toBe('cancelled')
  })

  it('answers 409 for transitions the table does not allow', async () => {
    const elderId = await newElder(t, officer)
    const s = await api(officer, 'POST', '/assessments', { elderId, reason: 'initial', scheduledDate: today(), assessorId })
    const id = s.body.id
    expect(s.body.actions).toContain('cancel')
    expect((await api(assessor, 'POST', `/assessments/${id}/submit`)).status).toBe(409) // scheduled → submit
    expect((await api(assessor, 'PUT', `/assessments/${id}/answers`, { items: {} })).status).toBe(409) // not started
    expect((await api(officer, 'POST', `/assessments/${id}/review`, { decision: 'approve' })).status).toBe(409)
    expect(
      (await api(officer, 'POST', `/assessments/${id}/objection`, { by: '家属', reason: '不同意结果', scheduledDate: today(), assessorId: nanjieAssessorId }))
        .status,
    ).toBe(409)
    expect((await api(officer, 'POST', `/assessments/${id}/dismiss-objection`, { reason: '无异议' })).status).toBe(409)
    await api(assessor, 'POST', `/assessments/${id}/start`)
    expect((await api(assessor, 'POST', `/assessments/${id}/start`)).status).toBe(409) // twice
    expect((await api(officer, 'POST', `/assessments/${id}/review`, { decision: 'return', reason: '退回测试' })).status).toBe(409)
    await api(officer, 'POST', `/assessments/${id}/cancel`, { reason: '测试取消' })
    expect((await api(officer, 'POST', `/assessments/${id}/cancel`, { reason: '再次取消' })).status).toBe(409)
    expect((await api(assessor, 'POST', `/assessments/${id}/start`)).status).toBe(409)
  })

  it('a newer effective assessment supersedes the old one; objections open a dispute review', async () => {
    const elderId = await newElder(t, officer)
    const first = await effectiveAssessment(elderId)
    expect(first.finalLevel).toBe(0)

    // Objection: the reviewer of the dispute must be another assessor.
    const obj = { by: '李小明', relation: '儿子', reason: '老人近期行动明显变差', scheduledDate: today(), assessorId }
    expect((await api(officer, 'POST', `/assessments/${first.id}/objection`, obj)).status).toBe(400)
    const other = (await api(bureau, 'GET', '/assessments/assessors?regionCode=620702001001')).body.items.find((a: { id: string }) => a.id !== assessorId)
    expect(other).toBeDefined()
    const review = await api(officer, 'POST', `/assessments/${first.id}/objection`, { ...obj, assessorId: other.id })
    expect(review.status, JSON.stringify(review.body)).toBe(200)
    expect(review.body).toMatchObject({ reason: 'dispute_review', disputedId: first.id, status: 'scheduled' })
    expect((await api(officer, 'GET', `/assessments/${first.id}`)).body).toMatchObject({
      status: 'disputed',
      objection: { by: '李小明', reviewAssessmentId: review.body.id },
    })

    // Dismissing the objection restores the result and cancels the review.
    const dismissed = await api(officer, 'POST', `/assessments/${first.id}/dismiss-objection`, { reason: '家属撤回异议' })
    expect(dismissed.body.status).toBe('effective')
    expect((await api(officer, 'GET', `/assessments/${review.body.id}`)).body.status).toBe('cancelled')

    // A newer routine assessment supersedes the first.
    const second = await effectiveAssessment(elderId, gbt42195UniformItems(1))
    expect(second).toMatchObject({ status: 'effective', supersedesId: first.id, finalLevel: 4 })
    expect((await api(officer, 'GET', `/assessments/${first.id}`)).body).toMatchObject({ status: 'superseded', supersededById: second.id })
    const history = await api(officer, 'GET', `/assessments?elderId=${elderId}&statusGroup=history`)
    expect(history.body.items.map((a: { status: string }) => a.status)).toEqual(expect.arrayContaining(['effective', 'superseded']))
    expect((await api(officer, 'GET', `/elders/${elderId}`)).body.categories).toContain('incapacitated')
  })

  it('closes the objection window after the configured days', async () => {
    const elderId = await newElder(t, officer)
    const a = await effectiveAssessment(elderId)
    const saved = now
    try {
      now = new Date(now.getTime() + 16 * DAY)
      const late = await api(await t.login('dongjie.officer'), 'POST', `/assessments/${a.id}/objection`, {
        by: '家属',
        reason: '不同意',
        scheduledDate: today(),
        assessorId: nanjieAssessorId,
      })
      expect(late.status).toBe(422)
      expect(late.body.code).toBe('OBJECTION_WINDOW_CLOSED')
    } finally {
      now = saved
    }
  })
})

describe('schedule, workload, statistics, report', () => {
  it('lists due and overdue reassessments by interval and condition changes', async () => {
    const elderId = await newElder(t, officer, { name: '赵德胜' })
    const a = await effectiveAssessment(elderId)
    const dueNow = await api(officer, 'GET', '/assessments/due?includeOk=true&pageSize=200')
    const mine = dueNow.body.items.find((d: { elderId: string }) => d.elderId === elderId)
    expect(mine).toMatchObject({ source: 'interval', state: 'ok', lastAssessmentId: a.id })

    // A condition change makes the elder due at once.
    expect((await api(worker, 'POST', '/assessments/condition-changes', { elderId, note: '近日跌倒后行动不便' })).status).toBe(200)
    const due = await api(officer, 'GET', '/assessments/due?pageSize=200')
    expect(due.body.items.find((d: { elderId: string; source: string }) => d.elderId === elderId && d.source === 'condition_change')).toMatchObject({
      state: 'due_soon',
      daysLeft: 0,
    })

    // Settings: 6 months → overdue seven months later.
    expect((await api(officer, 'PUT', '/assessments/settings/gbt42195_2022', { intervalMonths: 6, dueSoonDays: 30, objectionDays: 15 })).status).toBe(403)
    expect((await api(bureau, 'PUT', '/assessments/settings/gbt42195_2022', { intervalMonths: 6, dueSoonDays: 30, objectionDays: 15 })).status).toBe(200)
    const saved = now
    try {
      now = new Date(now.getTime() + 212 * DAY)
      const later = await api(await t.login('dongjie.officer'), 'GET', '/assessments/due?state=overdue&pageSize=200')
      expect(later.body.items.find((d: { elderId: string; source: string }) => d.elderId === elderId && d.source === 'interval')).toMatchObject({
        state: 'overdue',
      })
    } finally {
      now = saved
      await api(bureau, 'PUT', '/assessments/settings/gbt42195_2022', { intervalMonths: 12, dueSoonDays: 30, objectionDays: 15 })
    }
    // Another street sees nothing of it.
    const other = await api(nanjieOfficer, 'GET', '/assessments/due?includeOk=true&pageSize=200')
    expect(other.body.items.some((d: { elderId: string }) => d.elderId === elderId)).toBe(false)
  })

  it('takes a deceased elder off the reassessment list and cancels the open assessment', async () => {
    const elderId = await newElder(t, officer)
    await effectiveAssessment(elderId)
    await api(worker, 'POST', '/assessments/condition-changes', { elderId, note: '住院' })
    const open = await api(officer, 'POST', '/assessments', { elderId, reason: 'triggered', scheduledDate: today(), assessorId })
    expect(open.status).toBe(200)
    const elder = await api(officer, 'GET', `/elders/${elderId}`)
    const res = await api(officer, 'POST', `/elders/${elderId}/status`, { status: 'deceased', reason: '病故', version: elder.body.version })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await expect.poll(async () => (await api(officer, 'GET', `/assessments/${open.body.id}`)).body.status).toBe('cancelled')
    const due = await api(officer, 'GET', '/assessments/due?includeOk=true&pageSize=200')
    expect(due.body.items.some((d: { elderId: string }) => d.elderId === elderId)).toBe(false)
  })

  it('shows workload and level statistics, exported to Excel', async () => {
    const w = await api(officer, 'GET', '/assessments/workload')
    expect(w.status).toBe(200)
    expect(w.body.items.find((r: { assessorId: string }) => r.assessorId === assessorId)?.completed30d).toBeGreaterThan(0)

    const stats = await api(bureau, 'GET', '/assessments/stats')
    expect(stats.status).toBe(200)
    expect(stats.body.levels).toHaveLength(5)
    const dongjie = stats.body.rows.find((r: { regionCode: string }) => r.regionCode === '620702001000')
    expect(dongjie.total).toBe(dongjie.counts.reduce((a: number, b: number) => a + b, 0))
    expect(stats.body.totals.total).toBe(stats.body.rows.reduce((a: number, r: { total: number }) => a + r.total, 0))
    // A street officer sees its communities only.
    const street = await api(officer, 'GET', '/assessments/stats')
    expect(street.body.rows.every((r: { regionCode: string }) => r.regionCode.startsWith('620702001'))).toBe(true)

    const x = await api(bureau, 'POST', '/assessments/stats.xlsx', {})
    expect(x.status).toBe(200)
    expect(x.raw.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(x.raw.rawPayload as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('能力等级分布')!
    expect(String(ws.getRow(3).getCell(3).value)).toContain('能力完好')
  })

  it('renders the Annex C report as HTML and PDF', async () => {
    const elderId = await newElder(t, officer, { name: '孙桂英' })
    const a = await effectiveAssessment(elderId, gbt42195UniformItems(1))
    const html = await api(officer, 'GET', `/assessments/${a.id}/report.html`)
    expect(html.status).toBe(200)
    expect(html.body).toContain('老年人能力评估报告')
    expect(html.body).toContain('孙桂英')
    expect(html.body).toContain('能力完全丧失')
    expect(html.body).toContain('PG-2026-001')
    const pdf = await api(officer, 'GET', `/assessments/${a.id}/report.pdf`)
    if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
      expect(pdf.status).toBe(200)
      expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    } else {
      expect(pdf.status).toBe(503)
      expect(pdf.body.code).toBe('RENDERER_UNAVAILABLE')
    }
    // Without chromium: 503 with a Chinese message pointing to browser printing.
    const saved = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = '/nonexistent/chromium'
    try {
      const none = await api(officer, 'GET', `/assessments/${a.id}/report.pdf`)
      expect(none.status).toBe(503)
      expect(none.body).toMatchObject({ code: 'RENDERER_UNAVAILABLE', message: expect.stringContaining('打印') })
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = saved
    }
  })

  it('hides other streets and answers roles without assessment:read with 403', async () => {
    const elderId = await newElder(t, officer)
    const a = await effectiveAssessment(elderId)
    expect((await api(nanjieOfficer, 'GET', `/assessments/${a.id}`)).status).toBe(404)
    expect((await api(nanjieOfficer, 'GET', `/assessments/${a.id}/report.html`)).status).toBe(404)
    const list = await api(nanjieOfficer, 'GET', '/assessments?pageSize=200')
    expect(list.body.items.some((x: { id: string }) => x.id === a.id)).toBe(false)
    expect((await api(operator, 'GET', `/assessments/${a.id}`)).status).toBe(403)
    expect(
      (await api(nanjieOfficer, 'POST', '/assessments', { elderId, reason: 'routine', scheduledDate: today(), assessorId: nanjieAssessorId })).status,
    ).toBe(404)
    // An assessor of another street cannot be given a case here.
    const e2 = await newElder(t, officer)
    const wrong = await api(officer, 'POST', '/assessments', { elderId: e2, reason: 'initial', scheduledDate: today(), assessorId: nanjieAssessorId })
    expect(wrong.status).toBe(400)
    expect(wrong.body.fields[0].path).toBe('assessorId')
  })
})
