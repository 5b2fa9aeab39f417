import { addDays, todayInShanghai } from '@yiyang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { itemInForce, itemsInForce } from './index.js'
import type { Ctx } from '../../platform/context.js'

let t: TestApp
let bureau: string
let officer: string
let nanjie: string
let worker: string
const nowMs = Date.now()
const clock = { now: () => new Date(nowMs) }
const today = todayInShanghai(new Date(nowMs))
const DISTRICT = '620702000000'
const DONGJIE = '620702001000'
const NANJIE = '620702002000'

beforeAll(async () => {
  t = await createTestApp({ clock })
  ;[bureau, officer, nanjie, worker] = await Promise.all(['bureau', 'dongjie.officer', 'nanjie.officer', 'dongjie.worker'].map((u) => t.login(u)))
})
afterAll(async () => {
  await t?.close()
})

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | null, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: cookie ? { cookie } : {}, ...(payload ? { payload: payload as object } : {}) })
type TEd = {
  id: string
  regionCode: string
  status: string
  version: number
  title: string
  versionLabel: string
  itemCount: number
  inForce: boolean
  effectiveDate: string | null
}
const editions = async (cookie: string, q = '') => (await inject('GET', `/catalog/editions?pageSize=100${q}`, cookie)).json().items as TEd[]
const edition = async (id: string, cookie = bureau) => (await inject('GET', `/catalog/editions/${id}`, cookie)).json() as TEd
const newItem = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `测试项目${code}`,
  category: 'cleaning',
  content: '测试内容',
  standard: '测试标准',
  unit: 'hour',
  priceFen: 2500,
  target: { categories: ['advanced_age'], rule: null },
  payer: 'shared',
  legalBasis: '测试依据',
  reason: '测试新增',
  ...over,
})
const ctxOf = (): Ctx => ({ db: t.database.db }) as unknown as Ctx

describe('catalog: the seeded list', () => {
  it('the demo district publishes a 29-item list effective 2026-01-01 and a draft for 2027', async () => {
    const list = await editions(bureau)
    const pub = list.find((e) => e.status === 'published' && e.regionCode === DISTRICT)!
    expect(pub).toMatchObject({ effectiveDate: '2026-01-01', versionLabel: '2026年版', inForce: true })
    expect(pub.itemCount).toBeGreaterThanOrEqual(25)
    const draft = list.find((e) => e.status === 'draft' && e.regionCode === DISTRICT)!
    expect(draft.versionLabel).toBe('2027年版')
    const items = (await inject('GET', `/catalog/editions/${pub.id}/items?pageSize=200`, bureau)).json()
    expect(items.total).toBe(pub.itemCount)
    const cats = new Set(items.items.map((i: { category: string }) => i.category))
    for (const c of ['meal', 'bath', 'cleaning', 'emergency', 'medical', 'nursing', 'device_rental', 'family_bed', 'home_adaptation', 'care_visit', 'day_care'])
      expect(cats, c).toContain(c)
  })

  it('searches items by name, code and category name, paginated', async () => {
    const pub = (await editions(bureau, '&status=published'))[0]!
    const byName = (await inject('GET', `/catalog/editions/${pub.id}/items?q=${encodeURIComponent('助浴')}`, bureau)).json()
    expect(byName.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['ZY-001', 'ZY-002']))
    const byCode = (await inject('GET', `/catalog/editions/${pub.id}/items?q=fj-00`, bureau)).json()
    expect(byCode.items.every((i: { code: string }) => i.code.startsWith('FJ-'))).toBe(true)
    const byCat = (await inject('GET', `/catalog/editions/${pub.id}/items?category=family_bed`, bureau)).json()
    expect(byCat.items.map((i: { name: string }) => i.name)).toEqual(['家庭养老床位'])
    const page2 = (await inject('GET', `/catalog/editions/${pub.id}/items?page=2&pageSize=10`, bureau)).json()
    expect(page2.items).toHaveLength(10)
    expect(page2.page).toBe(2)
  })
})

describe('catalog: publish, immutability and diff', () => {
  it('a published edition refuses every write with a Chinese message, and the database refuses too', async () => {
    const pub = (await editions(bureau, '&status=published'))[0]!
    const tries = [
      await inject('POST', `/catalog/editions/${pub.id}/items`, bureau, newItem('X-001')),
      await inject('PUT', `/catalog/editions/${pub.id}/items/ZC-001`, bureau, { ...newItem('ZC-001'), code: undefined }),
      await inject('POST', `/catalog/editions/${pub.id}/items/ZC-001/remove`, bureau, { reason: '试图删除' }),
      await inject('POST', `/catalog/editions/${pub.id}/publish`, bureau, { effectiveDate: addDays(today, 5), version: pub.version }),
      await inject('POST', `/catalog/editions/${pub.id}/discard`, bureau, { version: pub.version }),
    ]
    for (const res of tries) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, res.body).toBeLessThan(500)
      expect(res.json().message).toMatch(/已发布|不能|状态/)
    }
    expect(tries[0]!.json().message).toContain('已发布的服务清单不可修改')
    await expect(t.database.db.execute(`UPDATE catalog_items SET price_fen = 1 WHERE edition_id = '${pub.id}'`)).rejects.toThrow()
    expect((await edition(pub.id)).version).toBe(pub.version)
  })

  it('edits a draft with a reason per change, diffs it against the published edition, and publishes it', async () => {
    const list = await editions(bureau)
    const pub = list.find((e) => e.status === 'published' && e.regionCode === DISTRICT)!
    const draft = list.find((e) => e.status === 'draft' && e.regionCode === DISTRICT)!
    // A change to a copied edition needs its reason.
    const noReason = await inject('POST', `/catalog/editions/${draft.id}/items`, bureau, newItem('XJ-001', { reason: '' }))
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().fields[0].path).toBe('reason')
    const badPrice = await inject('POST', `/catalog/editions/${draft.id}/items`, bureau, newItem('XJ-001', { priceFen: 12.5 }))
    expect(badPrice.statusCode).toBe(400)
    expect(badPrice.json().message).toMatch(/[\u4e00-\u9fff]/)
    const badRule = await inject(
      'POST',
      `/catalog/editions/${draft.id}/items`,
      bureau,
      newItem('XJ-001', { target: { categories: [], rule: { field: 'shoeSize', op: 'gt', value: 1 } } }),
    )
    expect(badRule.statusCode).toBe(400)
    expect(badRule.json().fields[0].path).toBe('target.rule')
    expect((await inject('POST', `/catalog/editions/${draft.id}/items`, bureau, newItem('XJ-001', { reason: '新增助洁细项' }))).statusCode).toBe(200)
    const changed = await inject('PUT', `/catalog/editions/${draft.id}/items/ZJ-001`, bureau, {
      ...newItem('ZJ-001', { name: '居家保洁', category: 'cleaning', priceFen: 3800, standard: '每次不少于2小时' }),
      code: undefined,
      reason: '人工成本上涨',
    })
    expect(changed.json()).toMatchObject({ change: 'changed', reason: '人工成本上涨' })

    const diff = (await inject('GET', `/catalog/diff?from=${pub.id}&to=${draft.id}`, bureau)).json()
    expect(diff.added.map((a: { code: string; reason: string }) => [a.code, a.reason])).toEqual(
      expect.arrayContaining([
        ['AN-001', expect.stringContaining('安宁疗护')],
        ['XJ-001', '新增助洁细项'],
      ]),
    )
    expect(diff.removed.map((a: { code: string; reason: string }) => [a.code, a.reason])).toEqual([['ZJ-003', '并入“居家生活照料”项目统一提供']])
    const zj = diff.changed.find((c: { code: string }) => c.code === 'ZJ-001')
    expect(zj.reason).toBe('人工成本上涨')
    expect(zj.fields.find((f: { field: string }) => f.field === 'priceFen')).toMatchObject({
      old: 3500,
      new: 3800,
      oldText: '35.00 元',
      newText: '38.00 元',
      label: '价格',
    })
    const zc = diff.changed.find((c: { code: string }) => c.code === 'ZC-002')
    expect(zc.fields).toEqual([expect.objectContaining({ field: 'priceFen', old: 1500, new: 1600 })])

    // Set back to what it was: unchanged again, no reason kept.
    const reverted = await inject('PUT', `/catalog/editions/${draft.id}/items/XJ-001`, bureau, { ...newItem('XJ-001'), code: undefined, priceFen: 2600 })
    expect(reverted.json().change).toBe('added')

    const fresh = await edition(draft.id)
    const stale = await inject('POST', `/catalog/editions/${draft.id}/publish`, bureau, { effectiveDate: addDays(today, 30), version: fresh.version - 1 })
    expect(stale.statusCode).toBe(409)
    const past = await inject('POST', `/catalog/editions/${draft.id}/publish`, bureau, { effectiveDate: addDays(today, -1), version: fresh.version })
    expect(past.statusCode).toBe(400)
    expect(past.json().fields[0].path).toBe('effectiveDate')
    const ok = await inject('POST', `/catalog/editions/${draft.id}/publish`, bureau, { effectiveDate: addDays(today, 30), version: fresh.version })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'published', effectiveDate: addDays(today, 30), inForce: false })
    const again = await inject('POST', `/catalog/editions/${draft.id}/publish`, bureau, { effectiveDate: addDays(today, 31), version: ok.json().version })
    expect(again.statusCode).toBe(409)

    // Orders use the edition in force on the service date.
    const before = await itemInForce(ctxOf(), { regionCode: '620702001001', itemCode: 'ZJ-001', serviceDate: addDays(today, 29) })
    const after = await itemInForce(ctxOf(), { regionCode: '620702001001', itemCode: 'ZJ-001', serviceDate: addDays(today, 30) })
    expect(before).toMatchObject({ editionId: pub.id, editionVersionLabel: '2026年版', priceFen: 3500, unit: 'hour', payer: 'shared', name: '居家保洁' })
    expect(after).toMatchObject({ editionId: draft.id, editionVersionLabel: '2027年版', priceFen: 3800 })
    expect(await itemInForce(ctxOf(), { regionCode: '620702001001', itemCode: 'ZJ-003', serviceDate: addDays(today, 30) })).toBeNull()
    expect(await itemInForce(ctxOf(), { regionCode: '620702001001', itemCode: 'ZJ-003', serviceDate: today })).not.toBeNull()
    expect(await itemInForce(ctxOf(), { regionCode: DISTRICT, itemCode: 'ZC-001', serviceDate: '2025-12-31' })).toBeNull()
    expect((await itemsInForce(ctxOf(), { regionCode: DONGJIE, date: today })).length).toBe(pub.itemCount)

    // An earlier effective date than the region's latest published list is refused.
    const next = await inject('POST', '/catalog/editions', bureau, { year: 2027, basedOnId: draft.id })
    expect(next.statusCode, next.body).toBe(200)
    expect(next.json().versionLabel).toBe('2027年第2版')
    const early = await inject('POST', `/catalog/editions/${next.json().id}/publish`, bureau, {
      effectiveDate: addDays(today, 10),
      version: next.json().version,
    })
    expect(early.statusCode).toBe(400)
    expect(early.json().message).toContain('须晚于')
    expect((await inject('POST', `/catalog/editions/${next.json().id}/discard`, bureau, { version: next.json().version })).json().status).toBe('discarded')
  })
})

describe('catalog: a child list covers the parent list (S003)', () => {
  it('a street list missing parent items cannot be published; the error lists them in Chinese', async () => {
    const pub = (await editions(bureau, '&status=published')).find((e) => e.regionCode === DISTRICT && e.effectiveDate === '2026-01-01')!
    const empty = await inject('POST', '/catalog/editions', bureau, { year: 2026, regionCode: NANJIE, title: '南街街道养老服务清单（测试）' })
    expect(empty.statusCode, empty.body).toBe(200)
    await inject('POST', `/catalog/editions/${empty.json().id}/items`, bureau, newItem('NJ-001', { reason: '' }))
    const refused = await inject('POST', `/catalog/editions/${empty.json().id}/publish`, bureau, {
      effectiveDate: addDays(today, 3),
      version: (await edition(empty.json().id)).version,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().message).toContain('未包含上级清单')
    expect(refused.json().message).toContain('社区老年食堂助餐（ZC-001）')
    expect(refused.json().fields[0].path).toBe('items')
    await inject('POST', `/catalog/editions/${empty.json().id}/discard`, bureau, { version: (await edition(empty.json().id)).version })

    // Copied from the parent and extended: publishes, and becomes the list in force for the street.
    const child = (await inject('POST', '/catalog/editions', bureau, { year: 2026, regionCode: NANJIE, basedOnId: pub.id })).json()
    expect(child.itemCount).toBe(pub.itemCount)
    expect((await inject('POST', `/catalog/editions/${child.id}/items`, bureau, newItem('NJ-002', { reason: '街道特色：社区理发' }))).statusCode).toBe(200)
    const removeParent = await inject('POST', `/catalog/editions/${child.id}/items/ZC-001/remove`, bureau, { reason: '试图删除上级项目' })
    expect(removeParent.statusCode).toBe(200)
    const refused2 = await inject('POST', `/catalog/editions/${child.id}/publish`, bureau, { effectiveDate: today, version: (await edition(child.id)).version })
    expect(refused2.json().message).toContain('ZC-001')
    // A removed item comes back by adding its code again.
    const back = await inject('POST', `/catalog/editions/${child.id}/items`, bureau, {
      ...newItem('ZC-001', { name: '社区老年食堂助餐', category: 'meal', unit: 'meal', priceFen: 900 }),
      reason: '街道补贴后价格更低',
    })
    expect(back.json()).toMatchObject({ change: 'changed', priceFen: 900 })
    const ok = await inject('POST', `/catalog/editions/${child.id}/publish`, bureau, { effectiveDate: today, version: (await edition(child.id)).version })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(await itemInForce(ctxOf(), { regionCode: '620702002001', itemCode: 'ZC-001', serviceDate: today })).toMatchObject({
      editionId: child.id,
      priceFen: 900,
    })
    expect(await itemInForce(ctxOf(), { regionCode: '620702001001', itemCode: 'NJ-002', serviceDate: today })).toBeNull()
  })
})

describe('catalog: scope and roles', () => {
  it("a street officer reads the district's lists and their own, not another street's; only the bureau manages", async () => {
    const mine = await editions(officer)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((e) => e.regionCode === DISTRICT || e.regionCode.startsWith(DONGJIE.slice(0, 9)))).toBe(true)
    const theirs = (await editions(nanjie)).find((e) => e.regionCode === NANJIE)!
    expect(theirs).toBeDefined()
    expect((await inject('GET', `/catalog/editions/${theirs.id}`, officer)).statusCode).toBe(404)
    expect((await inject('GET', `/catalog/editions/${theirs.id}/items`, officer)).statusCode).toBe(404)
    expect((await inject('POST', `/catalog/editions/${theirs.id}/export.xlsx`, officer)).statusCode).toBe(404)
    const pub = mine.find((e) => e.status === 'published')!
    expect((await inject('GET', `/catalog/diff?from=${pub.id}&to=${theirs.id}`, officer)).statusCode).toBe(404)
    expect((await inject('POST', '/catalog/editions', officer, { year: 2028, regionCode: DONGJIE })).statusCode).toBe(403)
    expect((await inject('POST', '/catalog/editions', worker, { year: 2028 })).statusCode).toBe(403)
    expect((await inject('GET', '/catalog/editions', null)).statusCode).toBe(401)
  })

  it('exports an edition to Excel, audited', async () => {
    const pub = (await editions(officer, '&status=published'))[0]!
    const res = await inject('POST', `/catalog/editions/${pub.id}/export.xlsx`, officer)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('服务清单')!
    expect(String(ws.getRow(3).getCell(3).value)).toBe('项目名称')
    expect(ws.rowCount).toBe(3 + pub.itemCount)
    const audit = (await inject('GET', '/audit?action=catalog.edition_exported&pageSize=5', bureau)).json()
    expect(audit.items.length).toBeGreaterThan(0)
  })
})

describe('catalog: the public list (portal)', () => {
  it('answers without login, shows the list in force only (no draft), no staff data, with search and category filter', async () => {
    const res = await inject('GET', `/public/catalog?regionCode=${DONGJIE}&pageSize=100`, null)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.edition).toMatchObject({ regionCode: DISTRICT, versionLabel: '2026年版', effectiveDate: '2026-01-01' })
    const codes = body.items.map((i: { code: string }) => i.code)
    expect(codes).toContain('ZJ-003')
    // Items only in drafts or future editions never show.
    expect(codes).not.toContain('AN-001')
    expect(codes).not.toContain('XJ-001')
    const text = res.body
    for (const leak of ['createdBy', 'publishedBy', 'userId', 'reason', 'version"']) expect(text).not.toContain(leak)
    expect(body.categoryCounts.meal).toBe(2)
    const meal = (await inject('GET', `/public/catalog?regionCode=${DONGJIE}&category=meal`, null)).json()
    expect(meal.items.map((i: { name: string }) => i.name).sort()).toEqual(['助餐送餐上门', '社区老年食堂助餐'])
    const search = (await inject('GET', `/public/catalog?regionCode=${DONGJIE}&q=${encodeURIComponent('辅具')}`, null)).json()
    expect(search.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['FJ-001', 'FJ-002']))
    const regions = (await inject('GET', '/public/catalog/regions', null)).json()
    expect(regions.items.map((r: { code: string }) => r.code)).toContain(DISTRICT)
    const nowhere = (await inject('GET', '/public/catalog?regionCode=110101000000', null)).json()
    expect(nowhere).toMatchObject({ edition: null, items: [], total: 0 })
    expect((await inject('GET', '/public/catalog?regionCode=abc', null)).statusCode).toBe(400)
  })
})
