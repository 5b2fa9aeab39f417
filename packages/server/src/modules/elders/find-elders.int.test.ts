import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { testConfig } from '../../../test/config.js'
import { newElder } from '../../../test/factories.js'
import { systemCtx } from '../../bootstrap.js'
import { rowsOf } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import type { TActor } from '../../platform/permissions.js'
import { ZFindElders } from './elders.schemas.js'
import { findElders } from './find-elders.js'

let t: TestApp
let bureau: string
let officer: string
const url = '/api/v1/elders'
const get = (path: string, cookie: string) => t.app.inject({ url: path, headers: { cookie } })
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((e) => e.id)

/** The use case as the bureau account (the whole district) calls it. */
async function bureauCtx(): Promise<Ctx> {
  const [u] = rowsOf<{ id: string; role: string; scope_prefix: string; scope_region_code: string }>(
    await t.database.db.execute(sql`select id, role, scope_prefix, scope_region_code from users where username = 'bureau'`),
  )
  const actor = {
    userId: u!.id,
    username: 'bureau',
    role: u!.role,
    scopePrefix: u!.scope_prefix,
    scopeRegionCode: u!.scope_region_code,
    providerId: null,
    via: 'session',
  } as TActor
  return { ...systemCtx(t.database, testConfig()), actor }
}

beforeAll(async () => {
  t = await createTestApp()
  ;[bureau, officer] = await Promise.all(['bureau', 'dongjie.officer'].map((u) => t.login(u)))
})
afterAll(async () => {
  await t?.close()
})

describe('elder list: pages and totals', () => {
  it('pages are consecutive slices of one order, and the total counts every match exactly', async () => {
    const filter = 'regionCode=620702001000&sort=createdAt&order=desc'
    const whole = await get(`${url}?${filter}&pageSize=60`, officer)
    expect(whole.statusCode).toBe(200)
    const pages = await Promise.all([1, 2, 3].map((p) => get(`${url}?${filter}&page=${p}&pageSize=20`, officer)))
    expect(pages.flatMap(ids)).toEqual(ids(whole))
    const counts = (await get(`${url}/counts?regionCode=620702001000`, officer)).json()
    expect(whole.json()).toMatchObject({ total: counts.total, totalIsEstimate: false, page: 1, pageSize: 60 })
    const [exact] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from elders where region_code like '620702001%' and merged_into is null`),
    )
    expect(whole.json().total).toBe(exact!.n)
    // Past the last page: no rows, the total still there.
    const past = await get(`${url}?${filter}&page=100000&pageSize=20`, officer)
    expect(past.json()).toMatchObject({ items: [], total: exact!.n, totalIsEstimate: false })
  })

  it('sorts by name and by age in either direction, the same on every page', async () => {
    for (const [sort, order] of [
      ['name', 'asc'],
      ['birthDate', 'desc'],
      ['regionCode', 'asc'],
    ] as const) {
      const filter = `sort=${sort}&order=${order}`
      const whole = await get(`${url}?${filter}&pageSize=40`, bureau)
      const pages = await Promise.all([1, 2].map((p) => get(`${url}?${filter}&page=${p}&pageSize=20`, bureau)))
      expect(pages.flatMap(ids)).toEqual(ids(whole))
      const keys = whole.json().items.map((e: Record<string, string>) => e[sort]!)
      const sorted = [...keys].sort()
      expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse())
    }
  })

  it('beyond the exact-count limit the total is an estimate and the page is the same one', async () => {
    const ctx = await bureauCtx()
    const q = ZFindElders.parse({ page: '2', pageSize: '20' })
    const exact = await findElders(ctx, q)
    expect(exact.totalIsEstimate).toBe(false)
    expect(exact.total).toBeGreaterThan(200)
    const capped = await findElders(ctx, q, { exactCountLimit: 100 })
    expect(capped.totalIsEstimate).toBe(true)
    expect(capped.total).toBeGreaterThan(100)
    expect(capped.items.map((e) => e.id)).toEqual(exact.items.map((e) => e.id))
    expect(capped.items[0]).toEqual(exact.items[0])
    // A filter matching fewer than the limit stays exact.
    const few = await findElders(ctx, ZFindElders.parse({ regionCode: '620702001001', categories: 'severe_disability' }), { exactCountLimit: 100 })
    expect(few.totalIsEstimate).toBe(few.total > 100)
  })

  it('categories: any carries one of them, all carries every one; 高龄 comes from the birth date', async () => {
    const regionCode = '620702001002'
    const both = await newElder(t, officer, { name: '双类别', regionCode, age: 70, categories: ['min_subsistence', 'disabled'] })
    const one = await newElder(t, officer, { name: '单类别', regionCode, age: 70, categories: ['disabled'] })
    const old = await newElder(t, officer, { name: '高龄老人', regionCode, age: 88, categories: [] })
    const list = async (qs: string) => ids(await get(`${url}?regionCode=${regionCode}&pageSize=200&${qs}`, officer))
    const any = await list('categories=min_subsistence,disabled')
    expect(any).toEqual(expect.arrayContaining([both, one]))
    const all = await list('categories=min_subsistence,disabled&categoryMatch=all')
    expect(all).toContain(both)
    expect(all).not.toContain(one)
    expect(await list('categories=advanced_age,disabled')).toEqual(expect.arrayContaining([both, one, old]))
    const allOld = await list('categories=advanced_age,disabled&categoryMatch=all')
    expect(allOld).not.toContain(old)
    expect(allOld).not.toContain(one)
  })

  it('a region outside the scope finds nothing and says nothing about it; the street holding the scope keeps the scope', async () => {
    const worker = await t.login('dongjie.worker')
    const outside = await get(`${url}?regionCode=620702002000`, officer)
    expect(outside.json()).toMatchObject({ items: [], total: 0, totalIsEstimate: false })
    const own = (await get(`${url}?pageSize=200`, worker)).json()
    const street = (await get(`${url}?regionCode=620702001000&pageSize=200`, worker)).json()
    expect(street.total).toBe(own.total)
    expect(street.items.every((e: { regionCode: string }) => e.regionCode === '620702001001')).toBe(true)
  })

  it('finds a name by its characters (any case for letters) and by its pinyin initials', async () => {
    const regionCode = '620702001003'
    const id = await newElder(t, officer, { name: '司马Anna', regionCode })
    for (const q of ['司马', 'anna', 'ANNA', 'sm']) {
      expect(ids(await get(`${url}?regionCode=${regionCode}&q=${encodeURIComponent(q)}&pageSize=200`, officer))).toContain(id)
    }
  })
})
