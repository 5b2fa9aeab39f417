import { makeIdNumber } from '@yiyang/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'

/**
 * Applications through HTTP on a real database: filing → acceptance → two-person home
 * verification → street review → 公示 (public, masked) with objections → county approval →
 * active benefit; disallowed steps, scope, two approvers at once, working days across a 调休
 * weekend, death stops the benefit from the next month, band change from the next month.
 */
let t: TestApp
// Monday 2 March 2026, 10:00 in Shanghai.
let now = new Date('2026-03-02T02:00:00Z')
const DAY = 86400_000
let worker: string, officer: string, bureau: string, nanjieOfficer: string
let seq = 100

const api = async (cookie: string | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
  const res = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: cookie ? { cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, raw: res }
}
const ok = <T extends { status: number; body: unknown }>(r: T, status = 200) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  return r.body as any // eslint-disable-line @typescript-eslint/no-explicit-any
}

function multipart(fields: Record<string, string>, files: { name: string; filename: string; body: Buffer; type: string }[] = []) {
  const boundary = '----yy' + Math.random().toString(36).slice(2)
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  for (const f of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`),
      f.body,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)])

async function verify(cookie: string, id: string, note = '入户核查，情况属实', files: Parameters<typeof multipart>[1] = []) {
  const m = multipart({ note }, files)
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/benefit-applications/${id}/verifications`,
    headers: { cookie, ...m.headers },
    payload: m.payload,
  })
  return { status: res.statusCode, body: res.json() }
}

/** A local elder of 县府街社区 (the worker's community) born on `birth`. */
async function elderBorn(birth: string, extra: Record<string, unknown> = {}) {
  return newElder(t, worker, { idNumber: makeIdNumber('620721', birth, seq++), hukou: 'local', ...extra })
}

/** File and walk a 高龄津贴 case up to the open 公示; returns the detail. */
async function toNotice(elderId: string) {
  let a = ok(await api(worker, 'POST', '/benefit-applications', { elderId, programmeCode: 'gaoling' }))
  a = ok(await api(worker, 'POST', `/benefit-applications/${a.id}/submit`, { version: a.version }))
  a = ok(await api(officer, 'POST', `/benefit-applications/${a.id}/accept`, { version: a.version }))
  ok(await verify(worker, a.id))
  a = ok(await verify(officer, a.id))
  a = ok(await api(officer, 'POST', `/benefit-applications/${a.id}/street-review`, { version: a.version, note: '符合条件' }))
  return a
}

/** Moves the clock (sessions expire with it) and signs everyone in again. */
async function setClock(at: Date) {
  now = at
  worker = await t.login('dongjie.worker')
  officer = await t.login('dongjie.officer')
  bureau = await t.login('bureau')
  nanjieOfficer = await t.login('nanjie.officer')
}
const jump = (days: number) => setClock(new Date(now.getTime() + days * DAY))
const START = new Date('2026-03-02T02:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } })
})
beforeEach(() => setClock(START))
afterAll(async () => {
  await t?.close()
})

describe('benefit applications', () => {
  it('go from filing through 公示 with a dismissed objection to an active benefit paid from the next month', async () => {
    const elderId = await elderBorn('1940-06-10', { name: '王淑芬' })
    let a = ok(await api(worker, 'POST', '/benefit-applications', { elderId, programmeCode: 'gaoling', note: '本人申请' }))
    expect(a.status).toBe('draft')
    expect(a.elderName).toBe('王*芬')
    expect(a.clauses.every((c: { met: boolean }) => c.met)).toBe(true)
    expect(a.amountFen).toBe(10000)
    a = ok(await api(worker, 'POST', `/benefit-applications/${a.id}/submit`, { version: a.version }))
    expect(a.status).toBe('submitted')
    // accept: 3 working days from Monday 2 March → Thursday 5 March.
    expect(a.stepDue).toBe('2026-03-05')
    expect(a.actions).toEqual([])
    a = ok(await api(officer, 'POST', `/benefit-applications/${a.id}/accept`, { version: a.version }))
    expect(a.status).toBe('accepted')

    // Home verification: two different staff, with photos; the same person twice is refused.
    const v1 = ok(await verify(worker, a.id, '老人本人在家，居住属实', [{ name: 'photos', filename: 'door.png', body: PNG, type: 'image/png' }]))
    expect(v1.status).toBe('accepted')
    expect(v1.verifications).toHaveLength(1)
    const again = await verify(worker, a.id, '再次核查')
    expect(again.status).toBe(409)
    const fake = await verify(officer, a.id, '核查', [{ name: 'photos', filename: 'x.png', body: Buffer.from('not an image'), type: 'image/png' }])
    expect(fake.status).toBe(415)
    a = ok(await verify(officer, a.id, '共同入户，情况属实'))
    expect(a.status).toBe('verified')
    const photo = await t.app.inject({ url: `/api/v1/benefit-files/${v1.verifications[0].fileIds[0]}`, headers: { cookie: officer } })
    expect(photo.statusCode).toBe(200)
    expect(photo.headers['content-type']).toBe('image/png')
    expect((await t.app.inject({ url: `/api/v1/benefit-files/${v1.verifications[0].fileIds[0]}`, headers: { cookie: nanjieOfficer } })).statusCode).toBe(404)

    // Approval before the 公示 has run is not a step this programme allows.
    expect((await api(bureau, 'POST', `/benefit-applications/${a.id}/approve`, { version: a.version })).status).toBe(409)
    a = ok(await api(officer, 'POST', `/benefit-applications/${a.id}/street-review`, { version: a.version, note: '符合条件' }))
    expect(a.status).toBe('notice_open')
    expect([a.noticeStart, a.noticeEnd]).toEqual(['2026-03-02', '2026-03-08'])

    // The public page, without login: masked name, community, programme, amount, dates only.
    const pub = ok(await api(null, 'GET', '/public/benefit-notices?pageSize=200'))
    const mine = pub.items.find((n: { id: string }) => n.id === a.id)
    expect(mine).toEqual({
      id: a.id,
      elderName: '王*芬',
      communityName: '县府街社区',
      programmeName: '高龄津贴',
      amountFen: 10000,
      noticeStart: '2026-03-02',
      noticeEnd: '2026-03-08',
    })
    expect(JSON.stringify(pub)).not.toMatch(/620721|elderId/)
    const sheet = await api(null, 'GET', '/public/benefit-notices/print')
    expect(sheet.status).toBe(200)
    expect(String(sheet.body)).toContain('王*芬')

    // An objection pauses the case; the same contact cannot object twice.
    const obj = { name: '李明', contact: '138 0000 1111', reason: '该老人长期不在本地居住', evidence: '邻居可证明' }
    const lodged = ok(await api(null, 'POST', `/public/benefit-notices/${a.id}/objections`, obj))
    expect(lodged.message).toMatch(/异议已收到/)
    expect((await api(null, 'POST', `/public/benefit-notices/${a.id}/objections`, { ...obj, contact: '13800001111' })).status).toBe(409)
    a = ok(await api(officer, 'GET', `/benefit-applications/${a.id}`))
    expect(a.status).toBe('objection_review')
    expect(a.objections[0].contact).toBe('138****1111')
    // Paused: the 公示 window ending does not close it.
    await jump(7)
    await t.settle()
    expect(ok(await api(officer, 'GET', `/benefit-applications/${a.id}`)).status).toBe('objection_review')
    // Dismissed after checking: the window has passed, so the 公示 closes at once.
    a = ok(await api(officer, 'POST', `/benefit-objections/${a.objections[0].id}/decision`, { decision: 'dismissed', note: '经核实老人长期在本社区居住' }))
    expect(a.status).toBe('notice_closed')
    expect(a.stepDue).not.toBeNull()

    // A worker cannot approve; the county approves; the benefit pays from April (the month after approval).
    expect((await api(worker, 'POST', `/benefit-applications/${a.id}/approve`, { version: a.version })).status).toBe(403)
    a = ok(await api(bureau, 'POST', `/benefit-applications/${a.id}/approve`, { version: a.version, note: '同意' }))
    expect(a.status).toBe('active')
    const tab = ok(await api(worker, 'GET', `/elder-benefits/${elderId}`))
    expect(tab.benefits).toEqual([expect.objectContaining({ programmeCode: 'gaoling', amountFen: 10000, fromMonth: '2026-04', status: 'active' })])
    expect(tab.history[0]).toEqual(expect.objectContaining({ kind: 'granted', toAmountFen: 10000, effectiveMonth: '2026-04' }))
    // The timeline comes from the audit log, every step in order.
    const actions = a.timeline.map((x: { action: string }) => x.action)
    expect(actions).toEqual([
      'benefit_application.created',
      'benefit_application.submit',
      'benefit_application.accept',
      'benefit_application.verification_recorded',
      'benefit_application.verify',
      'benefit_application.streetReview',
      'benefit_application.openNotice',
      'benefit_objection.lodged',
      'benefit_application.object',
      'benefit_application.dismissObjection',
      'benefit_application.closeNotice',
      'benefit_application.approve',
      'benefit_application.activate',
    ])
    // A second application for a benefit held is refused.
    expect((await api(worker, 'POST', '/benefit-applications', { elderId, programmeCode: 'gaoling' })).status).toBe(409)
  })

  it('refuses disallowed transitions and hides other streets', async () => {
    const elderId = await elderBorn('1941-02-03')
    let a = ok(await api(worker, 'POST', '/benefit-applications', { elderId, programmeCode: 'gaoling' }))
    // A second open case for the same programme is refused.
    expect((await api(worker, 'POST', '/benefit-applications', { elderId, programmeCode: 'gaoling' })).status).toBe(409)
    for (const step of ['accept', 'street-review', 'approve']) {
      expect((await api(bureau, 'POST', `/benefit-applications/${a.id}/${step}`, { version: a.version })).status, step).toBe(409)
    }
    expect((await verify(officer, a.id)).status).toBe(409)
    a = ok(await api(worker, 'POST', `/benefit-applications/${a.id}/submit`, { version: a.version }))
    expect((await api(worker, 'POST', `/benefit-applications/${a.id}/submit`, { version: a.version })).status).toBe(409)
    // A worker may not accept; a stale version is a conflict; another street sees nothing.
    expect((await api(worker, 'POST', `/benefit-applications/${a.id}/accept`, { version: a.version })).status).toBe(403)
    expect((await api(officer, 'POST', `/benefit-applications/${a.id}/accept`, { version: a.version - 1 })).status).toBe(409)
    expect((await api(nanjieOfficer, 'GET', `/benefit-applications/${a.id}`)).status).toBe(404)
    expect((await api(nanjieOfficer, 'POST', `/benefit-applications/${a.id}/accept`, { version: a.version })).status).toBe(404)
    const list = ok(await api(nanjieOfficer, 'GET', '/benefit-applications?pageSize=200'))
    expect(list.items.some((x: { id: string }) => x.id === a.id)).toBe(false)
    // Return with a reason, then submit again.
    a = ok(await api(officer, 'POST', `/benefit-applications/${a.id}/return`, { version: a.version, reason: '缺少户口簿复印件' }))
    expect(a.status).toBe('returned')
    expect(a.returnReason).toBe('缺少户口簿复印件')
    a = ok(await api(worker, 'POST', `/benefit-applications/${a.id}/submit`, { version: a.version }))
    expect(a.status).toBe('submitted')
    // A programme that needs an assessment asks for an assessor at acceptance.
    const elder2 = await elderBorn('1950-01-01', { categories: ['min_subsistence'] })
    let b = ok(await api(worker, 'POST', '/benefit-applications', { elderId: elder2, programmeCode: 'jingji-kunnan' }))
    b = ok(await api(worker, 'POST', `/benefit-applications/${b.id}/submit`, { version: b.version }))
    const noAssessor = await api(officer, 'POST', `/benefit-applications/${b.id}/accept`, { version: b.version })
    expect(noAssessor.status).toBe(400)
    expect(noAssessor.body.fields[0].path).toBe('assessment.assessorId')
  })

  it('lets exactly one of two approvers at the same moment win', async () => {
    const a = await toNotice(await elderBorn('1939-09-09'))
    await jump(8)
    await t.settle()
    const closed = ok(await api(bureau, 'GET', `/benefit-applications/${a.id}`))
    expect(closed.status).toBe('notice_closed')
    const admin = await t.login('admin')
    const [r1, r2] = await Promise.all([
      api(bureau, 'POST', `/benefit-applications/${a.id}/approve`, { version: closed.version }),
      api(admin, 'POST', `/benefit-applications/${a.id}/approve`, { version: closed.version }),
    ])
    expect([r1.status, r2.status].sort()).toEqual([200, 409])
    const tab = ok(await api(bureau, 'GET', `/elder-benefits/${a.elderId}`))
    expect(tab.benefits).toHaveLength(1)
  })

  it('an upheld objection rejects the case; a dismissed one with re-posting runs the 公示 again', async () => {
    const a = await toNotice(await elderBorn('1938-01-20'))
    ok(await api(null, 'POST', `/public/benefit-notices/${a.id}/objections`, { name: '赵', contact: 'zhao@example.com', reason: '老人户籍已迁往外地多年' }))
    const o = ok(await api(officer, 'GET', `/benefit-objections?status=open&pageSize=200`)).items.find(
      (x: { applicationId: string }) => x.applicationId === a.id,
    )
    expect(o.elderName).toBe(a.elderName)
    const r = ok(await api(officer, 'POST', `/benefit-objections/${o.id}/decision`, { decision: 'upheld', note: '经核实户籍已迁出' }))
    expect(r.status).toBe('rejected')
    expect(
      (await api(null, 'POST', `/public/benefit-notices/${a.id}/objections`, { name: '钱', contact: '13911112222', reason: '再次提出异议理由' })).status,
    ).toBe(404)

    const b = await toNotice(await elderBorn('1938-02-20'))
    ok(await api(null, 'POST', `/public/benefit-notices/${b.id}/objections`, { name: '孙', contact: '13911113333', reason: '怀疑年龄登记有误' }))
    const ob = ok(await api(officer, 'GET', `/benefit-applications/${b.id}`)).objections[0]
    await jump(2)
    const re = ok(await api(officer, 'POST', `/benefit-objections/${ob.id}/decision`, { decision: 'dismissed', note: '身份证核对无误', repost: true }))
    expect(re.status).toBe('notice_open')
    expect([re.noticeStart, re.noticeEnd, re.noticeRound]).toEqual(['2026-03-04', '2026-03-10', 2])
    // The first round's timer does not close the second round.
    await jump(5)
    await t.settle()
    expect(ok(await api(officer, 'GET', `/benefit-applications/${b.id}`)).status).toBe('notice_open')
    await jump(2)
    await t.settle()
    expect(ok(await api(officer, 'GET', `/benefit-applications/${b.id}`)).status).toBe('notice_closed')
  })

  it('counts step deadlines in working days across a 调休 weekend', async () => {
    // Friday 13 February 2026: Saturday 14th is a 调休 working day, 15–23 the Spring Festival.
    await setClock(new Date('2026-02-13T02:00:00Z'))
    const elderId = await elderBorn('1942-03-03')
    let a = ok(await api(worker, 'POST', '/benefit-applications', { elderId, programmeCode: 'gaoling' }))
    a = ok(await api(worker, 'POST', `/benefit-applications/${a.id}/submit`, { version: a.version }))
    expect(a.stepDue).toBe('2026-02-25')
    // On 26 February the acceptance is one working day late and listed per street.
    await setClock(new Date('2026-02-26T02:00:00Z'))
    const late = ok(await api(officer, 'GET', '/benefit-applications?overdue=true&pageSize=200')).items.find((x: { id: string }) => x.id === a.id)
    expect(late.overdueDays).toBe(1)
    const streets = ok(await api(bureau, 'GET', '/benefit-applications/overdue'))
    expect(streets.rows.find((r: { streetCode: string }) => r.streetCode === '620702001000').overdue).toBeGreaterThanOrEqual(1)
    // A local override (a day the package lacks) moves the deadline.
    const cal = ok(await api(bureau, 'PUT', '/calendar/overrides/2027-02-05', { kind: 'holiday', note: '2027年春节（国务院通知后补录）' }))
    expect(cal.days.find((d: { date: string }) => d.date === '2027-02-05')).toEqual(expect.objectContaining({ source: 'override', isWorkingDay: false }))
    expect((await api(officer, 'PUT', '/calendar/overrides/2027-02-06', { kind: 'workday', note: 'x' })).status).toBe(403)
  })

  it('stops the benefit from the month after death, and applies a band change from the next month without back-difference', async () => {
    // Born 15 May 1936: 89 for the April and May 2026 payments (age on the last day of the month before), 90 from June.
    const a = await toNotice(await elderBorn('1936-05-15'))
    // A week passes: every demo visit period of the district closes too (set-based, one batch).
    await jump(8)
    await t.settle()
    const c = ok(await api(bureau, 'GET', `/benefit-applications/${a.id}`))
    ok(await api(bureau, 'POST', `/benefit-applications/${c.id}/approve`, { version: c.version }))
    ok(await api(bureau, 'POST', '/benefits/monthly-review', { month: '2026-05' }))
    await t.settle()
    let tab = ok(await api(worker, 'GET', `/elder-benefits/${a.elderId}`))
    expect(tab.benefits[0].amountFen).toBe(10000)
    ok(await api(bureau, 'POST', '/benefits/monthly-review', { month: '2026-06' }))
    await t.settle()
    tab = ok(await api(worker, 'GET', `/elder-benefits/${a.elderId}`))
    expect(tab.benefits[0].amountFen).toBe(30000)
    expect(tab.history[0]).toEqual(expect.objectContaining({ kind: 'band_change', fromAmountFen: 10000, toAmountFen: 30000, effectiveMonth: '2026-06' }))
    expect(tab.history[0].reason).toMatch(/不补差/)

    // Death on 10 March: stopped from April, the month after the death.
    const elder = ok(await api(worker, 'GET', `/elders/${a.elderId}`))
    ok(await api(worker, 'POST', `/elders/${a.elderId}/status`, { status: 'deceased', date: '2026-03-10', reason: '病故', version: elder.version }))
    await t.settle()
    tab = ok(await api(worker, 'GET', `/elder-benefits/${a.elderId}`))
    expect(tab.benefits[0]).toEqual(expect.objectContaining({ status: 'stopped', stopMonth: '2026-04' }))
    expect(tab.history[0]).toEqual(expect.objectContaining({ kind: 'stopped', effectiveMonth: '2026-04' }))
    expect(tab.applications[0].status).toBe('stopped')
  })

  it('lists eligible elders who have not applied, refreshed by registry events', async () => {
    const elderId = await elderBorn('1930-01-01')
    await t.settle()
    const page = ok(await api(officer, 'GET', '/benefit-candidates?programmeCode=gaoling&pageSize=200'))
    expect(page.items.some((c: { elderId: string; amountFen: number }) => c.elderId === elderId && c.amountFen === 30000)).toBe(true)
    ok(await api(worker, 'POST', '/benefit-applications', { elderId, programmeCode: 'gaoling' }))
    ok(await api(bureau, 'POST', '/benefit-candidates/refresh'))
    await t.settle()
    const after = ok(await api(officer, 'GET', '/benefit-candidates?programmeCode=gaoling&pageSize=200'))
    expect(after.items.some((c: { elderId: string }) => c.elderId === elderId)).toBe(false)
  })

  it('brings back what moving out stopped when the elder is reactivated (recorded by mistake), and the discovery items', async () => {
    const a = await toNotice(await elderBorn('1938-02-01'))
    await jump(8)
    await t.settle()
    const c = ok(await api(bureau, 'GET', `/benefit-applications/${a.id}`))
    ok(await api(bureau, 'POST', `/benefit-applications/${c.id}/approve`, { version: c.version }))
    const other = await elderBorn('1931-07-07')
    await t.settle()
    const listed = async () =>
      ok(await api(officer, 'GET', '/benefit-candidates?programmeCode=gaoling&pageSize=200')).items.some((x: { elderId: string }) => x.elderId === other)
    expect(await listed()).toBe(true)
    const setStatus = async (id: string, status: string, reason: string) => {
      const e = ok(await api(worker, 'GET', `/elders/${id}`))
      ok(await api(worker, 'POST', `/elders/${id}/status`, { status, reason, version: e.version }))
    }
    // Both recorded as moved out, by mistake: the benefit stops from next month, the candidate goes.
    for (const id of [a.elderId, other]) await setStatus(id, 'moved_out', '迁往外县')
    await t.settle()
    let tab = ok(await api(worker, 'GET', `/elder-benefits/${a.elderId}`))
    expect(tab.benefits[0]).toEqual(expect.objectContaining({ status: 'stopped', stopMonth: '2026-04' }))
    expect(tab.applications[0].status).toBe('stopped')
    expect(await listed()).toBe(false)
    // Corrected: the elder is active again; the benefit comes back from the month it stopped.
    for (const id of [a.elderId, other]) await setStatus(id, 'active', '迁出登记有误，予以更正')
    await t.settle()
    tab = ok(await api(worker, 'GET', `/elder-benefits/${a.elderId}`))
    expect(tab.benefits[0]).toEqual(expect.objectContaining({ status: 'active', stopMonth: null, amountFen: 10000 }))
    expect(tab.history[0]).toEqual(expect.objectContaining({ kind: 'resumed', toAmountFen: 10000, effectiveMonth: '2026-04' }))
    expect(tab.history[0].reason).toMatch(/恢复在册.*迁出登记有误/)
    expect(tab.applications[0].status).toBe('active')
    expect(await listed()).toBe(true)
    // A benefit stopped for another reason is not touched: only the one line, once.
    expect(tab.history.filter((h: { kind: string }) => h.kind === 'resumed')).toHaveLength(1)
    const audit = ok(await api(bureau, 'GET', '/audit?action=benefit.resumed&pageSize=50'))
    expect(JSON.stringify(audit)).toContain(tab.benefits[0].id)
  })

  it('previews a draft programme against one elder clause by clause', async () => {
    const elderId = await elderBorn('1946-04-04')
    const progs = ok(await api(bureau, 'GET', '/benefit-programmes'))
    const g = progs.find((p: { code: string }) => p.code === 'gaoling')
    const draft = {
      ...g.definition,
      eligibility: { all: [...g.definition.eligibility.all.slice(0, 2), { field: 'age', op: 'gte', value: 75, label: '年满75周岁' }] },
      amount: { pick: 'first', tiers: [...g.definition.amount.tiers, { amountFen: 5000 }] },
    }
    const r = ok(await api(bureau, 'POST', '/benefit-programmes/preview', { definition: draft, elderId, month: '2026-04' }))
    expect(r.paymentAge).toBe(79)
    expect(r.clauses.at(-1)).toEqual({ text: '年满75周岁（当前：79周岁）', met: true })
    expect([r.eligible, r.amountFen]).toEqual([true, 5000])
    const bad = ok(
      await api(bureau, 'POST', '/benefit-programmes/preview', { definition: { ...draft, amount: { pick: 'x', tiers: [] } }, elderId, month: '2026-04' }),
    )
    expect(bad.valid).toBe(false)
    expect((await api(officer, 'POST', '/benefit-programmes/preview', { definition: draft, elderId, month: '2026-04' })).status).toBe(403)
    const saved = await api(bureau, 'PUT', '/benefit-programmes/gaoling', { version: g.version, definition: draft })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect((await api(bureau, 'PUT', '/benefit-programmes/gaoling', { version: g.version, definition: draft })).status).toBe(409)
    ok(await api(bureau, 'PUT', '/benefit-programmes/gaoling', { version: g.version + 1, definition: g.definition }))
  })
})

describe('public objections', () => {
  it('are rate-limited per address (a flood answers 429 with a Chinese message)', async () => {
    // Its own app: the limit's counters are per app, and the tests above lodge objections too.
    const own = await createTestApp()
    try {
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        const res = await own.app.inject({
          method: 'POST',
          url: '/api/v1/public/benefit-notices/00000000-0000-4000-8000-000000000000/objections',
          payload: { name: '张三', contact: `1380000${1000 + i}`, reason: '测试异议理由' },
        })
        statuses.push(res.statusCode)
        if (res.statusCode === 429) expect(res.json().message).toBe('操作过于频繁，请稍后再试')
      }
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429])
    } finally {
      await own.close()
    }
  })
})
