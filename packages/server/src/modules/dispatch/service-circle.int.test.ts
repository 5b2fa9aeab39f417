import { todayInShanghai } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { auditLog } from '../../platform/audit.tables.js'
import { DEMO_CANTEEN, DEMO_PROVIDER } from '../providers/index.js'

/**
 * Locations (issue 20 item 1) and the 15-minute service circle (item 5) through HTTP on a real
 * database: coordinates on the elder (both or neither, in range, masked in history), the order
 * defaulting to the elder's home, coverage counts checked against hand-placed elders, scope, the
 * audited export, and the map context with and without a tile source.
 */
let t: TestApp
let tiles: TestApp
let officer: string, nanjie: string, provider: string, caregiver: string
const A1 = '620702001001' // 县府街社区, 东街街道
const CANTEEN = { lat: 38.9361, lng: 100.4668 } // the demo canteen's site (seed-providers.ts)

const api = async (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, app = t) => {
  const res = await app.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) })
  return { status: res.statusCode, body: res.json(), headers: res.headers }
}
type TCommunity = { code: string; elders: number; located: number; walk: number; ebike: number; walkPct: number; uncovered: boolean; centre: unknown }
const community = async (code: string) => {
  const r = await api(officer, 'GET', `/dispatch/service-circle?regionCode=${code}`)
  expect(r.status).toBe(200)
  return (r.body.communities as TCommunity[]).find((c) => c.code === code)!
}

beforeAll(async () => {
  t = await createTestApp()
  officer = await t.login('dongjie.officer')
  nanjie = await t.login('nanjie.officer')
  provider = await t.login('provider')
  caregiver = await t.login('caregiver')
})
afterAll(async () => {
  await t?.close()
  await tiles?.close()
})

describe('elder home location', () => {
  it('is saved and shown when both are given; one alone or out of range is a 400 naming the field', async () => {
    const id = await newElder(t, officer, { homeLat: 38.93123, homeLng: 100.45678 })
    const got = await api(officer, 'GET', `/elders/${id}`)
    expect(got.body).toMatchObject({ homeLat: 38.93123, homeLng: 100.45678 })

    const onlyLat = await api(officer, 'POST', '/elders', { name: '单填纬度', idNumber: '620702195001011238', regionCode: A1, homeLat: 38.9 })
    expect(onlyLat.status).toBe(400)
    expect(onlyLat.body.fields).toEqual([{ path: 'homeLng', message: '请同时填写经度' }])
    expect(JSON.stringify(onlyLat.body)).toContain('请同时填写经度')

    const far = await api(officer, 'PATCH', `/elders/${id}`, { version: got.body.version, homeLat: 95, homeLng: 100 })
    expect(far.status).toBe(400)
    expect(JSON.stringify(far.body)).toContain('纬度应在 -90 到 90 之间')
  })

  it('a change is in the history and audit without the exact point', async () => {
    const id = await newElder(t, officer, { homeLat: 38.93123, homeLng: 100.45678 })
    const before = (await api(officer, 'GET', `/elders/${id}`)).body
    const upd = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/elders/${id}`,
      headers: { cookie: officer },
      payload: { version: before.version, homeLat: 38.936123, homeLng: 100.466789 },
    })
    expect(upd.statusCode, upd.body).toBe(200)
    expect(upd.json()).toMatchObject({ homeLat: 38.936123, homeLng: 100.466789 })
    const history = await api(officer, 'GET', `/elders/${id}/history`)
    const text = JSON.stringify(history.body)
    expect(text).toContain('住址坐标')
    expect(text).toContain('约 38.94, 100.47')
    expect(text).not.toContain('38.936123')
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'elder.updated')))
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0])).not.toContain('100.466789')
  })

  it('an order requested without coordinates takes the elder registered home', async () => {
    const id = await newElder(t, officer, { homeLat: 38.9301, homeLng: 100.4601 })
    const base = {
      elderId: id,
      providerId: DEMO_PROVIDER.id,
      itemCode: 'ZJ-001',
      serviceDate: todayInShanghai(new Date()),
      windowStart: null,
      quantity: 1,
      plannedMinutes: 60,
      requesterKind: 'family',
    }
    const o = await api(officer, 'POST', '/orders', base)
    expect(o.status, JSON.stringify(o.body)).toBe(200)
    expect(o.body).toMatchObject({ homeLat: 38.9301, homeLng: 100.4601 })
    // Given coordinates still win.
    const given = await api(officer, 'POST', '/orders', { ...base, itemCode: 'HL-001', homeLat: 38.94, homeLng: 100.47 })
    expect(given.status, JSON.stringify(given.body)).toBe(200)
    expect(given.body).toMatchObject({ homeLat: 38.94, homeLng: 100.47 })
  })
})

describe('15-minute service circle', () => {
  it('counts hand-placed elders: at the canteen (walk and e-bike), 2 km away (e-bike only), far away (neither), no location', async () => {
    const before = await community(A1)
    // 2 km due east of the canteen: 2000 m × 1.3 detour = 2600 m, 35 min on foot at 4.5 km/h,
    // 10.4 min by e-bike at 15 km/h. The far one is some 50 km away.
    await newElder(t, officer, { regionCode: A1, homeLat: CANTEEN.lat + 0.0002, homeLng: CANTEEN.lng })
    await newElder(t, officer, { regionCode: A1, homeLat: CANTEEN.lat, homeLng: CANTEEN.lng + 2000 / (111_195 * Math.cos((CANTEEN.lat * Math.PI) / 180)) })
    await newElder(t, officer, { regionCode: A1, homeLat: 39.3, homeLng: 100.8 })
    await newElder(t, officer, { regionCode: A1 })
    const after = await community(A1)
    expect(after.elders - before.elders).toBe(4)
    expect(after.located - before.located).toBe(3)
    expect(after.walk - before.walk).toBe(1)
    expect(after.ebike - before.ebike).toBe(2)
    expect(after.walkPct).toBe(Math.round((after.walk / after.located) * 1000) / 10)
  })

  it('reach and sites: 15 min walk ≈ 865 m, e-bike ≈ 2884 m; the demo canteen is a site; 30 minutes reaches more', async () => {
    const r = await api(officer, 'GET', `/dispatch/service-circle?regionCode=${A1}`)
    expect(r.body.reach).toEqual({ walk: 865, ebike: 2884 })
    expect(r.body.sites.map((s: { id: string }) => s.id)).toContain(DEMO_CANTEEN.id)
    const wider = await api(officer, 'GET', `/dispatch/service-circle?regionCode=${A1}&minutes=30`)
    expect(wider.body.totals.walk).toBeGreaterThanOrEqual(r.body.totals.walk)
    const bad = await api(officer, 'GET', `/dispatch/service-circle?minutes=90`)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('时间范围为 5 到 60 分钟')
  })

  it('covers only the scope: street B asked by street A is empty; the town communities far from any site are uncovered', async () => {
    const other = await api(officer, 'GET', '/dispatch/service-circle?regionCode=620702002000')
    expect(other.status).toBe(200)
    expect(other.body.communities).toEqual([])
    expect(other.body.totals.elders).toBe(0)
    const own = await api(nanjie, 'GET', '/dispatch/service-circle')
    expect(own.body.communities.length).toBeGreaterThan(0)
    expect(own.body.communities.every((c: TCommunity) => c.code.startsWith('620702002'))).toBe(true)
    const bureau = await t.login('bureau')
    const all = await api(bureau, 'GET', '/dispatch/service-circle')
    const town = (all.body.communities as TCommunity[]).find((c) => c.code === '620702200201')! // 木龙坝村, 龙渠乡, ~17 km out
    expect(town.located).toBeGreaterThan(0)
    expect(town.walk).toBe(0)
    expect(town.uncovered).toBe(true)
  })

  it('a provider admin and a caregiver cannot read the registry coverage', async () => {
    expect((await api(provider, 'GET', '/dispatch/service-circle')).status).toBe(403)
    expect((await api(caregiver, 'GET', '/dispatch/service-circle')).status).toBe(403)
  })

  it('exports the coverage as xlsx (POST), audited', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dispatch/service-circle.xlsx', headers: { cookie: officer }, payload: { regionCode: A1 } })
    expect(res.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const cells: string[] = []
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value)))))
    expect(cells).toContain('县府街社区')
    expect(cells).toContain('东街敬老餐厅')
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'service_circle.exported'))
    expect(audit.length).toBeGreaterThanOrEqual(1)
  })
})

describe('map context', () => {
  it('without a tile source: no tiles, the outline of the own street only', async () => {
    const r = await api(officer, 'GET', '/dispatch/map')
    expect(r.status).toBe(200)
    expect(r.body.tiles.url).toBeNull()
    expect(r.body.outlines.map((o: { code: string }) => o.code)).toEqual(['620702001000'])
    expect(r.body.outlines[0].points.length).toBeGreaterThanOrEqual(3)
    expect((await api(provider, 'GET', '/dispatch/map')).status).toBe(200)
    expect((await api(caregiver, 'GET', '/dispatch/map')).status).toBe(403)
  })

  it('with MAP_TILE_URL: the URL and the GCJ-02 flag reach the web, and the CSP lets the tile host in', async () => {
    const url = 'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY'
    tiles = await createTestApp({ config: { map: { tileUrl: url, subdomains: '01234567', attribution: '天地图', gcj02: false } } })
    const c = await tiles.login('bureau')
    const r = await api(c, 'GET', '/dispatch/map', undefined, tiles)
    expect(r.body.tiles).toMatchObject({ url, subdomains: '01234567', gcj02: false })
    expect(r.body.outlines.length).toBe(13)
    expect(String(r.headers['content-security-policy'])).toContain('https://*.tianditu.gov.cn')
  })
})
