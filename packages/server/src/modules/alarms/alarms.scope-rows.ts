// Scope-matrix rows of the alarms module (see test/scope-matrix.ts).
import { B, get, lookupOnce, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'
import { signWebhook } from './webhook-signature.js'

/** A demo alarm and a demo device of street B, looked up once by the admin. */
const alarmOfB = lookupOnce(
  async (f: Fixture) =>
    (await f.t.app.inject({ url: `/api/v1/alarms?regionCode=${B}&pageSize=1`, headers: { cookie: f.admin } })).json().items[0] as {
      id: string
      deviceSerial: string
      elderId: string
    },
)
const onAlarmB = (method: 'GET' | 'POST', path: (id: string) => string, payload?: object) => async (f: Fixture) =>
  f.t.app.inject({ method, url: `/api/v1${path((await alarmOfB(f)).id)}`, headers: { cookie: f.officerA }, ...(payload ? { payload } : {}) })

export const alarmsScopeRows: TScopeRows = {
  // Signed by the vendor, not by a session: a heartbeat of a street-B device is accepted whoever sends it.
  'POST /api/v1/devices/webhook/:vendor': {
    expect: { status: 200 },
    run: async (f) => {
      const raw = JSON.stringify({
        serial: (await alarmOfB(f)).deviceSerial,
        eventId: `hb-${Date.now()}-${Math.random()}`,
        type: 'heartbeat',
        time: new Date().toISOString(),
      })
      const ts = String(Math.floor(Date.now() / 1000))
      return f.t.app.inject({
        method: 'POST',
        url: '/api/v1/devices/webhook/demo',
        headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': signWebhook('yiyang-demo-webhook', ts, raw) },
        payload: raw,
      })
    },
  },
  // A plain GET (no upgrade) after the permission check: the socket route answers only upgrades.
  'GET /api/v1/alarms/stream': { expect: { status: 404 }, run: get('/alarms/stream') },
  'GET /api/v1/alarms': { expect: 'scoped', run: get('/alarms?pageSize=500') },
  'GET /api/v1/alarms/stats': { expect: 'scoped', run: get('/alarms/stats') },
  'POST /api/v1/alarms/stats.xlsx': {
    expect: { status: 200 },
    run: async (f) => f.t.app.inject({ method: 'POST', url: '/api/v1/alarms/stats.xlsx', headers: { cookie: f.officerA }, payload: {} }),
  },
  'GET /api/v1/alarms/assigned': { expect: 403, run: get('/alarms/assigned') },
  'GET /api/v1/alarms/:id': { expect: 404, run: onAlarmB('GET', (id) => `/alarms/${id}`) },
  'GET /api/v1/alarms/:id/responder-view': { expect: 403, run: onAlarmB('GET', (id) => `/alarms/${id}/responder-view`) },
  'GET /api/v1/alarms/:id/responders': { expect: 404, run: onAlarmB('GET', (id) => `/alarms/${id}/responders`) },
  'POST /api/v1/alarms/:id/claim': { expect: 404, run: onAlarmB('POST', (id) => `/alarms/${id}/claim`) },
  'POST /api/v1/alarms/:id/call-back': { expect: 404, run: onAlarmB('POST', (id) => `/alarms/${id}/call-back`, { result: 'no_answer' }) },
  'POST /api/v1/alarms/:id/dispatch': {
    expect: 404,
    run: onAlarmB('POST', (id) => `/alarms/${id}/dispatch`, { responderId: '00000000-0000-4000-8000-000000000000' }),
  },
  'POST /api/v1/alarms/:id/notify-family': { expect: 404, run: onAlarmB('POST', (id) => `/alarms/${id}/notify-family`, { message: '越权通知' }) },
  'POST /api/v1/alarms/:id/close': { expect: 404, run: onAlarmB('POST', (id) => `/alarms/${id}/close`, { outcome: 'false_alarm', note: '越权关闭' }) },
  'POST /api/v1/alarms/:id/accept': { expect: 403, run: onAlarmB('POST', (id) => `/alarms/${id}/accept`, {}) },
  'POST /api/v1/alarms/:id/arrive': { expect: 403, run: onAlarmB('POST', (id) => `/alarms/${id}/arrive`, {}) },
  'POST /api/v1/alarms/:id/finish': { expect: 403, run: onAlarmB('POST', (id) => `/alarms/${id}/finish`, {}) },
  'GET /api/v1/devices': { expect: 'scoped', run: get('/devices?pageSize=200') },
  // The device import needs device:manage, which street officers do not hold.
  'GET /api/v1/devices/import-template': { expect: 403, run: get('/devices/import-template') },
  'POST /api/v1/devices/import': {
    expect: 403,
    run: (f) =>
      f.t.app.inject({
        method: 'POST',
        url: '/api/v1/devices/import',
        headers: { cookie: f.officerA, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--\r\n',
      }),
  },
  'POST /api/v1/devices': {
    expect: 403,
    run: async (f) =>
      f.t.app.inject({
        method: 'POST',
        url: '/api/v1/devices',
        headers: { cookie: f.officerA },
        payload: { serial: 'SCOPE-1', kind: 'button', elderId: (await alarmOfB(f)).elderId },
      }),
  },
  // 12349 work orders: a street officer reads alarms but does not take calls (hotline:handle).
  'POST /api/v1/hotline/webhook/:switchboard': {
    expect: { status: 200 },
    run: async (f) => {
      const raw = JSON.stringify({ callId: `scope-${Date.now()}-${Math.random()}`, caller: '13900000000', time: new Date().toISOString() })
      const ts = String(Math.floor(Date.now() / 1000))
      return f.t.app.inject({
        method: 'POST',
        url: '/api/v1/hotline/webhook/demo',
        headers: { 'content-type': 'application/json', 'x-yiyang-timestamp': ts, 'x-yiyang-signature': signWebhook('yiyang-demo-hotline', ts, raw) },
        payload: raw,
      })
    },
  },
  'GET /api/v1/hotline/calls': { expect: 403, run: get('/hotline/calls') },
  'POST /api/v1/hotline/calls': {
    expect: 403,
    run: onAlarmB('POST', () => '/hotline/calls', { caller: '13900000000', category: 'consult', summary: '越权登记' }),
  },
  'GET /api/v1/hotline/calls/:id': { expect: 403, run: onAlarmB('GET', (id) => `/hotline/calls/${id}`) },
  ...Object.fromEntries(
    (
      [
        ['intake', { category: 'consult', summary: '越权受理' }],
        ['route', { routeKind: 'department', target: 'civil_affairs' }],
        ['book', { providerId: '00000000-0000-4000-8000-000000000001', itemCode: 'ZJ-001', serviceDate: '2030-01-01' }],
        ['raise-alarm', {}],
        ['reply', { note: '越权回复' }],
        ['call-back', { result: 'reached' }],
        ['close', { satisfaction: 'satisfied' }],
        ['drop', {}],
      ] as const
    ).map(([p, body]) => [`POST /api/v1/hotline/calls/:id/${p}`, { expect: 403 as const, run: onAlarmB('POST', (id) => `/hotline/calls/${id}/${p}`, body) }]),
  ),
}

/** The caregiver (a responder of the demo provider): its own assignments; another's alarm is hidden (404). */
export const alarmsCaregiverRows = {
  'POST /api/v1/devices/webhook/:vendor': 'self',
  'POST /api/v1/hotline/webhook/:switchboard': 'self',
  'GET /api/v1/alarms/assigned': 'self',
  'GET /api/v1/alarms/:id/responder-view': 404,
  'POST /api/v1/alarms/:id/accept': 404,
  'POST /api/v1/alarms/:id/arrive': 404,
  'POST /api/v1/alarms/:id/finish': 404,
} as const
export const alarmsProviderRows = { 'POST /api/v1/devices/webhook/:vendor': 'self', 'POST /api/v1/hotline/webhook/:switchboard': 'self' } as const
