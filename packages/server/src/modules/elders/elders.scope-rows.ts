// Scope-matrix rows of the elders module (see test/scope-matrix.ts).
import { B, get, lookupOnce, xlsxText, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'

type TElderFix = { elderB: string; jobB: string }
/** Street B's elder and an import job of street B, made once. */
const eldersOfB = lookupOnce(async (f: Fixture): Promise<TElderFix> => {
  const elderB = (await f.t.app.inject({ url: `/api/v1/elders?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } })).json().items[0].id as string
  const nanjie = await f.t.login('nanjie.officer')
  const boundary = 'matrixB'
  // A real (header-only) workbook: the upload checks the zip before it queues the job.
  const ExcelJS = (await import('exceljs')).default
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('老年人信息').addRow(['姓名', '身份证号', '所在社区（村）'])
  const file = Buffer.from(await wb.xlsx.writeBuffer())
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.xlsx"\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const job = await f.t.app.inject({
    method: 'POST',
    url: '/api/v1/elders/imports',
    headers: { cookie: nanjie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  })
  return { elderB, jobB: job.json().id as string }
})
const onB = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: (x: TElderFix) => string, payload?: (x: TElderFix) => object) => async (f: Fixture) => {
  const x = await eldersOfB(f)
  return f.t.app.inject({ method, url: `/api/v1${path(x)}`, headers: { cookie: f.officerA }, ...(payload ? { payload: payload(x) } : {}) })
}

export const eldersScopeRows: TScopeRows = {
  'GET /api/v1/elders': { expect: 'scoped', run: get('/elders?pageSize=200') },
  'GET /api/v1/elders/counts': { expect: 'scoped', run: get('/elders/counts') },
  'POST /api/v1/elders': {
    expect: 404,
    run: ({ t, officerA }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/elders',
        headers: { cookie: officerA },
        payload: { name: '越权', idNumber: '11010519491231002X', regionCode: '620702002001' },
      }),
  },
  'GET /api/v1/elders/:id': { expect: 404, run: onB('GET', (x) => `/elders/${x.elderB}`) },
  'PATCH /api/v1/elders/:id': {
    expect: 404,
    run: onB(
      'PATCH',
      (x) => `/elders/${x.elderB}`,
      () => ({ version: 1, name: '越权' }),
    ),
  },
  'POST /api/v1/elders/:id/status': {
    expect: 404,
    run: onB(
      'POST',
      (x) => `/elders/${x.elderB}/status`,
      () => ({ status: 'deceased', reason: '越权', version: 1 }),
    ),
  },
  'POST /api/v1/elders/:id/reveal': {
    expect: 404,
    run: onB(
      'POST',
      (x) => `/elders/${x.elderB}/reveal`,
      () => ({ field: 'idNumber', reason: '越权查看' }),
    ),
  },
  'POST /api/v1/elders/:id/merge': {
    expect: 404,
    run: onB(
      'POST',
      (x) => `/elders/${x.elderB}/merge`,
      (x) => ({ duplicateId: x.elderB.replace(/^./, '0'), reason: '越权合并' }),
    ),
  },
  'GET /api/v1/elders/:id/history': { expect: 404, run: onB('GET', (x) => `/elders/${x.elderB}/history`) },
  'GET /api/v1/elders/:id/events': { expect: 404, run: onB('GET', (x) => `/elders/${x.elderB}/events`) },
  'GET /api/v1/elders/import-template': { expect: 'scoped', run: xlsxText('/elders/import-template') },
  'POST /api/v1/elders/export': { expect: 'scoped', run: xlsxText('/elders/export', 'POST') },
  'POST /api/v1/elders/imports': {
    expect: { status: 415 },
    run: ({ t, officerA }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/elders/imports',
        headers: { cookie: officerA, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\r\n--x--\r\n',
      }),
  },
  'GET /api/v1/elders/imports/:id': { expect: 404, run: onB('GET', (x) => `/elders/imports/${x.jobB}`) },
  'GET /api/v1/elders/imports/:id/errors': { expect: 404, run: onB('GET', (x) => `/elders/imports/${x.jobB}/errors`) },
  'POST /api/v1/elders/imports/:id/confirm': {
    expect: 404,
    run: onB(
      'POST',
      (x) => `/elders/imports/${x.jobB}/confirm`,
      () => ({ rows: [2] }),
    ),
  },
}
