// Scope-matrix rows of record photos, complaints, KPIs and star ratings (see test/scope-matrix.ts).
import { A, B, get, lookupOnce, send, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'
import { DEMO_PROVIDER_ID } from '../../seed/demo.js'

type TListed = { id: string; status: string; requesterKind: string }
const firstOrder = (f: Fixture, query: string, pick: (o: TListed) => boolean) =>
  f.t.app.inject({ url: `/api/v1/orders?${query}&pageSize=100`, headers: { cookie: f.admin } }).then((r) => (r.json().items as TListed[]).find(pick)!.id)
/** A settled home-care order of the street (canteen meals are settled orders too, but have no visit). */
const orderIn = (f: Fixture, region: string) => firstOrder(f, `regionCode=${region}&status=settled`, (o) => o.requesterKind !== 'canteen')
/** A complaint on a street A order and one on a street B order, lodged once by the admin; answers B's. */
const complaints = lookupOnce(async (f: Fixture) => {
  const lodge = async (region: string) => {
    const res = await f.t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${await orderIn(f, region)}/complaints`,
      headers: { cookie: f.admin },
      payload: { source: 'bureau', content: '矩阵测试：服务未按约定完成' },
    })
    return res.json().id as string
  }
  await lodge(A)
  const b = await lodge(B)
  // The provider admin's rows expect complaints about the demo provider, wherever its orders are.
  const own = await firstOrder(f, `providerId=${DEMO_PROVIDER_ID}`, (o) => !['requested', 'priced'].includes(o.status))
  await f.t.app.inject({
    method: 'POST',
    url: `/api/v1/orders/${own}/complaints`,
    headers: { cookie: f.admin },
    payload: { source: 'bureau', content: '矩阵测试：服务商自己的投诉' },
  })
  return { b }
})
/** This month's star ratings, computed once by the admin's run. */
const ratings = lookupOnce(async (f: Fixture) => {
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
  // B's provider must have settled orders this month before the run rates it.
  await orderIn(f, B)
  // A second run (idempotent: it replaces the month's unconfirmed ratings) if the first found B's provider not yet rateable.
  for (let run = 0; run < 2; run++) {
    await f.t.app.inject({ method: 'POST', url: '/api/v1/star-ratings/run', headers: { cookie: f.admin }, payload: { month } })
    await f.t.settle()
    const all = await f.t.app.inject({ url: `/api/v1/star-ratings?month=${month}&regionCode=${B}`, headers: { cookie: f.admin } })
    const first = all.json().items[0] as { id: string } | undefined
    if (first) return { month, b: first.id }
  }
  throw new Error('star rating run did not finish')
})
const bOrder = lookupOnce((f: Fixture) => orderIn(f, B))
const onB = (method: 'GET' | 'POST', path: (id: string) => string, payload?: object) => async (f: Fixture) =>
  f.t.app.inject({ method, url: `/api/v1${path(await bOrder(f))}`, headers: { cookie: f.officerA }, ...(payload ? { payload } : {}) })
const onComplaintB = (path: string, payload: object) => async (f: Fixture) => send('POST', `/complaints/${(await complaints(f)).b}/${path}`, payload)(f)
const onRatingB = (path: string, payload: object) => async (f: Fixture) => send('POST', `/star-ratings/${(await ratings(f)).b}/${path}`, payload)(f)
const photo = `/photos/00000000-0000-4000-8000-0000000f0f0f`

export const supervisionScopeRows: TScopeRows = {
  'GET /api/v1/orders/kpis': { expect: { status: 200 }, run: get(`/orders/kpis?month=${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)}`) },
  'GET /api/v1/orders/:id/photos': { expect: 404, run: onB('GET', (id) => `/orders/${id}/photos`) },
  'POST /api/v1/orders/:id/photos': {
    expect: 403,
    run: async (f) => {
      const boundary = 'yyscope'
      return f.t.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${await bOrder(f)}/photos?idempotencyKey=scope-matrix-photo`,
        headers: { cookie: f.officerA, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n--${boundary}--\r\n`,
      })
    },
  },
  'GET /api/v1/orders/:id/photos/:photoId': { expect: 404, run: onB('GET', (id) => `/orders/${id}${photo}`) },
  'POST /api/v1/orders/:id/complaints': {
    expect: 404,
    run: onB('POST', (id) => `/orders/${id}/complaints`, { source: 'family', content: '越权登记的投诉内容' }),
  },
  'GET /api/v1/complaints': {
    expect: 'scoped',
    run: async (f) => {
      await complaints(f)
      return get('/complaints?pageSize=200')(f)
    },
  },
  'GET /api/v1/complaints/:id': { expect: 404, run: async (f) => get(`/complaints/${(await complaints(f)).b}`)(f) },
  'POST /api/v1/complaints/:id/investigate': { expect: 403, run: onComplaintB('investigate', {}) },
  'POST /api/v1/complaints/:id/uphold': { expect: 403, run: onComplaintB('uphold', { finding: '越权认定' }) },
  'POST /api/v1/complaints/:id/dismiss': { expect: 403, run: onComplaintB('dismiss', { finding: '越权认定' }) },
  'GET /api/v1/star-ratings': {
    expect: 'scoped',
    run: async (f) => get(`/star-ratings?month=${(await ratings(f)).month}&pageSize=200`)(f),
  },
  'POST /api/v1/star-ratings/run': { expect: 403, run: send('POST', '/star-ratings/run', { month: '2026-01' }) },
  'POST /api/v1/star-ratings/:id/confirm': { expect: 403, run: onRatingB('confirm', {}) },
  'POST /api/v1/star-ratings/:id/adjust': { expect: 403, run: onRatingB('adjust', { stars: 5, reason: '越权调整星级' }) },
}
