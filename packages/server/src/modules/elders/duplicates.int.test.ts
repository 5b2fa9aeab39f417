/** The ID-number oracle of issue 16 item 1: what a duplicate check may say, and what it records. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.js'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { testConfig } from '../../../test/config.js'
import { importXlsx, xlsx } from '../../../test/elder-import.js'
import { freshIdNumber, newElder } from '../../../test/factories.js'
import { DUPLICATE_HITS_PER_HOUR, outOfScopeDuplicateMessage } from './duplicate-guard.js'

let t: TestApp
let officer: string // 东街
let worker: string // 县府街社区
let nanjie: string
let bureau: string

beforeAll(async () => {
  t = await createTestApp()
  ;[officer, worker, nanjie, bureau] = await Promise.all(['dongjie.officer', 'dongjie.worker', 'nanjie.officer', 'bureau'].map((u) => t.login(u)))
})
afterAll(async () => {
  await t?.close()
})

const req = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object) => t.app.inject({ method, url, headers: { cookie }, payload })
const audit = async (action: string, username: string) =>
  (await t.app.inject({ url: `/api/v1/audit?action=${action}&pageSize=100`, headers: { cookie: bureau } }))
    .json()
    .items.filter((r: { actorUsername: string }) => r.actorUsername === username) as { after: Record<string, unknown>; entityId: string | null }[]
const southElder = async () => {
  const idNumber = freshIdNumber()
  await newElder(t, nanjie, { idNumber, regionCode: '620702002002' })
  return idNumber
}

describe('duplicate check without an oracle', () => {
  it('create: another street\'s number is "registered elsewhere", and the attempt is audited', async () => {
    const idNumber = await southElder()
    const res = await req('POST', '/api/v1/elders', officer, { name: '探测', idNumber, regionCode: '620702001001' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'DUPLICATE_ID_NUMBER', message: outOfScopeDuplicateMessage })
    expect(res.body).not.toMatch(/南街|泰安/)
    const rows = await audit('elder.duplicate_hits', 'dongjie.officer')
    expect(rows[0]!.after).toMatchObject({ source: 'create', outOfScopeHits: 1, inScopeHits: 0, rejected: true })
  })

  it('update: a made-up version is refused before the duplicate lookup, and the refusal is audited', async () => {
    const mine = await newElder(t, worker, { regionCode: '620702001001' })
    const idNumber = await southElder()
    const hitsBefore = (await audit('elder.duplicate_hits', 'dongjie.worker')).length
    const res = await req('PATCH', `/api/v1/elders/${mine}`, worker, { idNumber, version: 999999 })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('CONFLICT')
    expect((await audit('elder.duplicate_hits', 'dongjie.worker')).length).toBe(hitsBefore)
    expect((await audit('elder.update_rejected', 'dongjie.worker'))[0]).toMatchObject({ entityId: mine, after: { reason: 'version', sentVersion: 999999 } })
    // With the right version the duplicate is found, and says only "elsewhere".
    const real = await req('PATCH', `/api/v1/elders/${mine}`, worker, { idNumber, version: 1 })
    expect(real.statusCode).toBe(409)
    expect(real.json().message).toBe(outOfScopeDuplicateMessage)
  })

  it('import: a file that writes nothing still leaves its hits in the audit; many hits are an event of their own', async () => {
    const numbers = await Promise.all(Array.from({ length: 10 }, () => southElder()))
    const rows = [...numbers.map((n, i) => [`候选${i}`, n, '620702001001']), ['', freshIdNumber(), '620702001001']]
    const job = await importXlsx(t, officer, await xlsx(rows), 'all_or_nothing')
    expect(job.result).toMatchObject({ committed: false, created: 0 })
    const errors = (await t.app.inject({ url: `/api/v1/elders/imports/${job.id}/errors?format=json`, headers: { cookie: officer } })).json()
    expect(errors.items.filter((e: { message: string }) => e.message === outOfScopeDuplicateMessage)).toHaveLength(10)
    expect(JSON.stringify(errors)).not.toMatch(/南街|泰安/)
    const hits = await audit('elder.duplicate_hits', 'dongjie.officer')
    expect(hits[0]).toMatchObject({ entityId: job.id, after: { source: 'import', outOfScopeHits: 10 } })
    expect((await audit('elder.duplicate_probe_suspected', 'dongjie.officer'))[0]).toMatchObject({ entityId: job.id, after: { outOfScopeHits: 10 } })
    expect((await audit('elder.import_rejected', 'dongjie.officer'))[0]).toMatchObject({ entityId: job.id })
  })

  it(`rate-limits out-of-scope hits per user: past ${DUPLICATE_HITS_PER_HOUR} an hour every checked write is 429, in every server process`, async () => {
    const xijie = await t.login('xijie.officer')
    const numbers = await Promise.all(Array.from({ length: DUPLICATE_HITS_PER_HOUR + 1 }, () => southElder()))
    const job = await importXlsx(t, xijie, await xlsx(numbers.map((n, i) => [`候选${i}`, n, '620702003001'])), 'valid_only')
    expect(job.status).toBe('failed')
    expect(job.error).toContain('次数过多')
    expect(job.result).toBeNull()
    // A number nobody holds gets the same 429: the answer no longer depends on the number.
    const fresh = await req('POST', '/api/v1/elders', xijie, { name: '新人', idNumber: freshIdNumber(), regionCode: '620702003001' })
    expect(fresh.statusCode).toBe(429)
    expect(fresh.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('一小时') })
    // The counter is in the database: a second server on the same database refuses too.
    const second = await buildApp({ database: t.database, config: testConfig(), events: t.events, logger: false, runJobs: false })
    try {
      const login = await second.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xijie.officer', password: 'yiyang-demo' } })
      const cookie = `yy_sid=${login.cookies.find((c) => c.name === 'yy_sid')!.value}`
      const again = await second.inject({
        method: 'POST',
        url: '/api/v1/elders',
        headers: { cookie },
        payload: { name: '新人', idNumber: freshIdNumber(), regionCode: '620702003001' },
      })
      expect(again.statusCode).toBe(429)
    } finally {
      await second.close()
    }
    expect((await audit('elder.duplicate_rate_limited', 'xijie.officer')).length).toBeGreaterThan(0)
    // Other users are not affected.
    expect((await req('POST', '/api/v1/elders', officer, { name: '新人', idNumber: freshIdNumber(), regionCode: '620702001001' })).statusCode).toBe(200)
  })
})
