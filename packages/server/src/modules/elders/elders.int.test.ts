import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeIdNumber } from '@yiyang/core'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { freshIdNumber, newElder } from '../../../test/factories.js'
import { rowsOf } from '../../db/client.js'
import { sql } from 'drizzle-orm'

let t: TestApp
let officer: string // 东街街道
let worker: string // 县府街社区 620702001001 only
let nanjie: string
let bureau: string
let assessor: string
const url = '/api/v1/elders'

beforeAll(async () => {
  t = await createTestApp()
  ;[officer, worker, nanjie, bureau, assessor] = await Promise.all(
    ['dongjie.officer', 'dongjie.worker', 'nanjie.officer', 'bureau', 'dongjie.assessor'].map((u) => t.login(u)),
  )
})
afterAll(async () => {
  await t?.close()
})

const get = (path: string, cookie: string) => t.app.inject({ url: path, headers: { cookie } })
const post = (path: string, cookie: string, payload: unknown) => t.app.inject({ method: 'POST', url: path, headers: { cookie }, payload: payload as object })

describe('elder registry: validation', () => {
  it('derives birth date, sex and age from the ID number', async () => {
    const idNumber = makeIdNumber('620702', '1940-03-15', 124)
    const res = await post(url, officer, {
      name: '李秀兰',
      idNumber: idNumber.toLowerCase(),
      regionCode: '620702001002',
      livingArrangement: 'living_alone',
      categories: ['min_subsistence'],
    })
    expect(res.statusCode).toBe(200)
    const e = res.json()
    expect(e).toMatchObject({ name: '李秀兰', birthDate: '1940-03-15', sex: 'female', regionCode: '620702001002', status: 'active' })
    expect(e.age).toBeGreaterThanOrEqual(85)
    expect(e.categories).toEqual(expect.arrayContaining(['min_subsistence', 'living_alone', 'advanced_age']))
    expect(e.idNumber).toBe(idNumber.slice(0, 6) + '********' + idNumber.slice(14))
  })

  it('rejects a bad ID number with the reason on the field', async () => {
    const res = await post(url, officer, { name: '王五', idNumber: '430102199001011234', regionCode: '620702001001' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toEqual([{ path: 'idNumber', message: expect.stringContaining('校验码') }])
    const future = await post(url, officer, { name: '王五', idNumber: makeIdNumber('620702', '2099-01-01', 11), regionCode: '620702001001' })
    expect(future.statusCode).toBe(400)
  })

  it('rejects missing fields, a street-level region, a derived category and a bad phone', async () => {
    const missing = await post(url, officer, { idNumber: freshIdNumber() })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['name', 'regionCode']))
    const street = await post(url, officer, { name: '甲', idNumber: freshIdNumber(), regionCode: '620702001000' })
    expect(street.json().fields[0]).toMatchObject({ path: 'regionCode', message: '请选择到社区（村）一级' })
    const derived = await post(url, officer, { name: '甲', idNumber: freshIdNumber(), regionCode: '620702001001', categories: ['advanced_age'] })
    expect(derived.statusCode).toBe(400)
    const phone = await post(url, officer, { name: '甲', idNumber: freshIdNumber(), regionCode: '620702001001', phone: '12345' })
    expect(phone.json().fields[0].path).toBe('phone')
  })

  it('refuses a region outside the scope as not found, naming the field', async () => {
    const res = await post(url, officer, { name: '甲', idNumber: freshIdNumber(), regionCode: '620702002001' })
    expect(res.statusCode).toBe(404)
    expect(res.json().fields[0].path).toBe('regionCode')
  })
})

describe('elder registry: duplicates', () => {
  it('answers 409 naming the community inside the scope, and only "elsewhere" across streets', async () => {
    const idNumber = freshIdNumber()
    await newElder(t, officer, { idNumber, regionCode: '620702001003' })
    const inScope = await post(url, officer, { name: '重复', idNumber, regionCode: '620702001001' })
    expect(inScope.statusCode).toBe(409)
    expect(inScope.json().message).toContain('东街街道 西来寺社区')
    const res = await post(url, nanjie, { name: '重复', idNumber, regionCode: '620702002001' })
    expect(res.statusCode).toBe(409)
    const body = res.json()
    expect(body.code).toBe('DUPLICATE_ID_NUMBER')
    expect(body.message).toBe('该身份证号已在其他辖区登记，请联系区民政局核实')
    expect(JSON.stringify(body)).not.toMatch(/东街|西来寺/)
    expect(JSON.stringify(body)).not.toContain(idNumber.slice(6, 14))
    // A 15-digit legacy number of the same person is the same ID.
    const legacy = idNumber.slice(0, 6) + idNumber.slice(8, 17)
    expect((await post(url, officer, { name: '重复', idNumber: legacy, regionCode: '620702001001' })).statusCode).toBe(409)
  })

  it('merges a duplicate found later into the kept record', async () => {
    const keep = await newElder(t, officer, { name: '张建国', phone: null, address: null, categories: ['low_income'] })
    const dup = await newElder(t, officer, { name: '张建国', categories: ['disabled'] })
    const res = await post(`${url}/${keep}/merge`, officer, { duplicateId: dup, reason: '同一人重复建档（身份证号录错）' })
    expect(res.statusCode).toBe(200)
    expect(res.json().typedCategories).toEqual(expect.arrayContaining(['low_income', 'disabled']))
    expect(res.json().phone).toBe('138****1234')
    expect((await get(`${url}/${dup}`, officer)).statusCode).toBe(404)
    const hist = await get(`${url}/${keep}/history`, officer)
    expect(hist.json().items[0].action).toBe('merged')
  })
})

describe('elder registry: scope', () => {
  it('a community worker sees only their community', async () => {
    const inMine = await newElder(t, worker, { regionCode: '620702001001', name: '社区内' })
    const other = await newElder(t, officer, { regionCode: '620702001002', name: '隔壁社区' })
    expect((await get(`${url}/${inMine}`, worker)).statusCode).toBe(200)
    expect((await get(`${url}/${other}`, worker)).statusCode).toBe(404)
    const list = await get(`${url}?pageSize=200`, worker)
    expect(list.statusCode).toBe(200)
    const regions = new Set(list.json().items.map((e: { regionCode: string }) => e.regionCode))
    expect([...regions]).toEqual(['620702001001'])
    expect((await post(url, worker, { name: '甲', idNumber: freshIdNumber(), regionCode: '620702001002' })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'PATCH', url: `${url}/${other}`, headers: { cookie: worker }, payload: { version: 1, name: '改' } })).statusCode).toBe(
      404,
    )
  })

  it('an assessor reads but cannot write; an unknown id is 404', async () => {
    expect((await post(url, assessor, { name: '甲', idNumber: freshIdNumber(), regionCode: '620702001001' })).statusCode).toBe(403)
    expect((await get(`${url}/00000000-0000-4000-8000-000000000000`, officer)).statusCode).toBe(404)
  })
})

describe('elder registry: masking and reveal', () => {
  it('lists and details are masked; reveal returns the full value and writes an audit row with the reason', async () => {
    const idNumber = freshIdNumber()
    const id = await newElder(t, officer, {
      idNumber,
      phone: '13912345678',
      address: '甘肃省张掖市甘州区幸福小区3号楼2单元501室',
      contacts: [{ name: '王小明', relation: '儿子', phone: '13700001111', isGuardian: true }],
    })
    const d = (await get(`${url}/${id}`, officer)).json()
    expect(d.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`)
    expect(d.phone).toBe('139****5678')
    expect(d.address).toBe('甘肃省张掖市甘州区幸福小区3号楼****')
    expect(d.contacts[0].phone).toBe('137****1111')
    const list = await get(`${url}?q=${idNumber}`, officer)
    expect(list.json().total).toBe(1)
    expect(JSON.stringify(list.json())).not.toContain(idNumber)

    const noReason = await post(`${url}/${id}/reveal`, officer, { field: 'idNumber', reason: '' })
    expect(noReason.statusCode).toBe(400)
    const r = await post(`${url}/${id}/reveal`, officer, { field: 'idNumber', reason: '办理高龄津贴核对身份' })
    expect(r.statusCode).toBe(200)
    expect(r.json().value).toBe(idNumber)
    const audit = await get(`/api/v1/audit?entityId=${id}&pageSize=50`, bureau)
    const revealed = audit.json().items.find((a: { action: string }) => a.action === 'elder.revealed')
    expect(revealed).toMatchObject({ actorUsername: 'dongjie.officer', after: { field: 'idNumber', reason: '办理高龄津贴核对身份' } })
    expect(JSON.stringify(audit.json())).not.toContain(idNumber)
    expect((await post(`${url}/${id}/reveal`, assessor, { field: 'idNumber', reason: '查看' })).statusCode).toBe(403)
  })

  it('stores no ID number or phone in clear anywhere in the database', async () => {
    const idNumber = freshIdNumber()
    await newElder(t, officer, { idNumber, phone: '13955556666' })
    const dump = rowsOf<{ t: string }>(
      await t.database.db.execute(sql`
      select string_agg(x::text, '|') as t from (
        select to_jsonb(e)::text as x from elders e union all select to_jsonb(h)::text from elder_history h
        union all select to_jsonb(a)::text from audit_log a union all select to_jsonb(d)::text from domain_events d) s`),
    )[0]!.t
    expect(dump).not.toContain(idNumber)
    expect(dump).not.toContain('13955556666')
  })
})

describe('elder registry: updates, history, status events', () => {
  it('keeps every change as history and refuses a stale version', async () => {
    const id = await newElder(t, officer, { name: '赵德胜' })
    const up = await t.app.inject({
      method: 'PATCH',
      url: `${url}/${id}`,
      headers: { cookie: officer },
      payload: { version: 1, livingArrangement: 'living_alone', categories: ['destitute'] },
    })
    expect(up.statusCode).toBe(200)
    expect(up.json().version).toBe(2)
    const stale = await t.app.inject({ method: 'PATCH', url: `${url}/${id}`, headers: { cookie: officer }, payload: { version: 1, name: '改名' } })
    expect(stale.statusCode).toBe(409)
    const hist = (await get(`${url}/${id}/history`, officer)).json().items
    expect(hist[0]).toMatchObject({ action: 'updated', actorName: 'dongjie.officer' })
    expect(hist[0].changes.map((c: { field: string }) => c.field)).toEqual(expect.arrayContaining(['livingArrangement', 'categories']))
    expect(hist[1].action).toBe('created')
  })

  it('publishes elder.deceased after commit and shows it in the event log', async () => {
    const id = await newElder(t, officer)
    const seen: string[] = []
    const off = t.events.on('elder.deceased', (e) => {
      seen.push(e.entityId)
    })
    const res = await post(`${url}/${id}/status`, officer, { status: 'deceased', date: '2026-01-05', reason: '家属告知', version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'deceased', statusDate: '2026-01-05' })
    await t.settle()
    off()
    expect(seen).toEqual([id])
    const events = (await get(`${url}/${id}/events`, officer)).json().items
    expect(events[0]).toMatchObject({ type: 'elder.deceased', payload: { date: '2026-01-05', reason: '家属告知' } })
    const again = await post(`${url}/${id}/status`, officer, { status: 'deceased', reason: '重复', version: 2 })
    expect(again.statusCode).toBe(409)
    const moved = await newElder(t, officer)
    expect((await post(`${url}/${moved}/status`, officer, { status: 'moved_out', reason: '迁往兰州', version: 1 })).json().status).toBe('moved_out')
  })
})

describe('elder registry: lists', () => {
  it('filters by category, region subtree, age band and name; counts per category', async () => {
    const regionCode = '620702001003'
    await newElder(t, officer, { name: '欧阳明', regionCode, age: 86, livingArrangement: 'living_alone', categories: ['min_subsistence'] })
    const res = await get(`${url}?regionCode=620702001000&categories=min_subsistence&ageBand=80_89&q=欧阳`, officer)
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((e: { name: string }) => e.name)).toContain('欧阳明')
    const byInitials = await get(`${url}?q=oym&regionCode=${regionCode}`, officer)
    expect(byInitials.json().items.map((e: { name: string }) => e.name)).toContain('欧阳明')
    const counts = await get(`${url}/counts?regionCode=620702001000`, officer)
    expect(counts.json().counts.advanced_age).toBeGreaterThan(0)
    expect(counts.json().counts.min_subsistence).toBeGreaterThan(0)
    const sorted = await get(`${url}?sort=birthDate&order=asc&pageSize=5`, officer)
    const dates = sorted.json().items.map((e: { birthDate: string }) => e.birthDate)
    expect([...dates].sort()).toEqual(dates)
    const other = await get(`${url}?regionCode=620702002000`, officer)
    expect(other.json().total).toBe(0)
  })

  it('the demo seed fills the district with plausible elders', async () => {
    const all = (await get(`${url}/counts`, bureau)).json()
    expect(all.total).toBeGreaterThanOrEqual(2000)
    expect(all.counts.min_subsistence / all.total).toBeLessThan(0.15)
  })
})
