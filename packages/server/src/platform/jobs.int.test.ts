import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, fakeClock, type TestApp } from '../../test/app.js'
import { testConfig } from '../../test/config.js'
import type { Ctx } from './context.js'
import { withTx } from './context.js'
import { createCrypto } from './crypto.js'
import { defineJob, enqueueJob, JobRunner, jobs } from './jobs.js'
import { recordEvent } from './outbox.js'
import { domainEvents } from './outbox.tables.js'
import { actorForUser } from '../modules/accounts/index.js'

const clock = fakeClock(new Date('2026-11-30T02:00:00Z'))
const calls: Record<string, number> = {}
let failuresLeft = 0

const flaky = defineJob<{ label: string }>({
  kind: 'test.flaky',
  label: '测试任务',
  maxAttempts: 3,
  async run(_ctx, job) {
    calls[job.input.label] = (calls[job.input.label] ?? 0) + 1
    if (failuresLeft > 0) {
      failuresLeft--
      throw new Error('暂时失败')
    }
    return { label: job.input.label, attempt: job.attempt }
  },
})
const asActor = defineJob<Record<string, never>>({
  kind: 'test.whoami',
  label: '测试任务',
  async run(ctx) {
    return { username: ctx.actor?.username ?? null }
  },
})

let t: TestApp
let ctx: Ctx

beforeAll(async () => {
  t = await createTestApp({ clock, jobs: [flaky, asActor] as never, runJobs: false })
  ctx = {
    db: t.database.db,
    actor: null,
    requestId: 'test',
    ip: 'local',
    clock,
    config: testConfig(),
    crypto: createCrypto(testConfig().secretKey),
    events: t.events,
  }
})
afterAll(() => t.close())

const enqueue = (job: Parameters<typeof enqueueJob>[1]) => withTx(ctx, (tx) => enqueueJob(tx, job))
const jobRow = async (id: string) => (await t.database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!

describe('durable jobs', () => {
  it('runs a job once and stores its result', async () => {
    const { id } = await enqueue({ kind: 'test.flaky', input: { label: 'once' } })
    expect((await jobRow(id)).status).toBe('queued')
    await t.settle()
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 1, result: { label: 'once', attempt: 1 }, lockedUntil: null })
    await t.settle()
    expect(calls.once).toBe(1)
  })

  it('retries a failing job with backoff on the clock, then fails it for good with the reason', async () => {
    failuresLeft = 1
    const { id } = await enqueue({ kind: 'test.flaky', input: { label: 'retry' } })
    await t.settle()
    const waiting = await jobRow(id)
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, error: '暂时失败' })
    expect(waiting.runAt.getTime()).toBe(clock.now().getTime() + 10_000)
    await t.settle()
    expect(calls.retry).toBe(1)
    clock.advance(10_001)
    await t.settle()
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2, error: null })

    failuresLeft = 10
    const { id: doomed } = await enqueue({ kind: 'test.flaky', input: { label: 'doomed' }, maxAttempts: 2 })
    await t.settle()
    clock.advance(60_000)
    await t.settle()
    expect(await jobRow(doomed)).toMatchObject({ status: 'failed', attempts: 2, error: '暂时失败' })
    failuresLeft = 0
  })

  it('waits for a timer and deduplicates by idempotency key', async () => {
    const runAt = new Date(clock.now().getTime() + 3_600_000)
    const a = await enqueue({ kind: 'test.flaky', input: { label: 'timer' }, idempotencyKey: 'timer-1', runAt })
    const b = await enqueue({ kind: 'test.flaky', input: { label: 'timer' }, idempotencyKey: 'timer-1', runAt })
    expect(a.created).toBe(true)
    expect(b).toEqual({ id: a.id, created: false })
    await t.settle()
    expect(calls.timer).toBeUndefined()
    clock.advance(3_600_000)
    await t.settle()
    expect(calls.timer).toBe(1)
  })

  it('runs a job as the user who submitted it', async () => {
    const bureau = (await actorForUser(
      t.database.db,
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bureau', password: 'yiyang-demo' } })).json().user.id,
    ))!
    const id = await withTx({ ...ctx, actor: bureau }, (tx) => enqueueJob(tx, { kind: 'test.whoami' }))
    await t.settle()
    expect((await jobRow(id.id)).result).toEqual({ username: 'bureau' })
  })

  it('lets exactly one of two workers claim a job', async () => {
    let runs = 0
    const counting = defineJob({
      kind: 'test.count',
      label: '测试任务',
      async run() {
        runs++
      },
    })
    const make = () =>
      new JobRunner({
        database: t.database,
        clock,
        config: ctx.config,
        crypto: ctx.crypto,
        events: t.events,
        definitions: [counting] as never,
        loadActor: actorForUser,
      })
    await enqueue({ kind: 'test.count' })
    const results = await Promise.all([make().runOne(), make().runOne()])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(runs).toBe(1)
  })

  it('takes over a run whose worker died once its lease runs out', async () => {
    const { id } = await enqueue({ kind: 'test.flaky', input: { label: 'orphan' } })
    // A worker claimed it and died: running, leased to nobody alive.
    await t.database.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedBy: 'w-dead', lockedUntil: new Date(clock.now().getTime() + 60_000) })
      .where(eq(jobs.id, id))
    await t.settle()
    expect((await jobRow(id)).status).toBe('running')
    clock.advance(60_001)
    await t.settle()
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2 })
  })
})

describe('outbox relay', () => {
  it('delivers a committed event, retries a failing handler and parks it after the last attempt', async () => {
    let failNext = 1
    const seen: string[] = []
    const off = t.events.on('test.happened', (e) => {
      if (failNext-- > 0) throw new Error('订阅方暂时不可用')
      seen.push(e.entityId)
    })
    await withTx(ctx, (tx) => recordEvent(tx, { type: 'test.happened', entityType: 'test', entityId: 'e1', payload: {} }))
    await t.settle()
    const [row] = await t.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, 'e1'))
    expect(row).toMatchObject({ publishedAt: null, attempts: 1, lastError: '订阅方暂时不可用' })
    clock.advance(5_001)
    await t.settle()
    expect(seen).toEqual(['e1'])
    const [done] = await t.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, 'e1'))
    expect(done!.publishedAt).not.toBeNull()

    failNext = 100
    await withTx(ctx, (tx) => recordEvent(tx, { type: 'test.happened', entityType: 'test', entityId: 'e2', payload: {} }))
    for (let i = 0; i < 10; i++) {
      await t.settle()
      clock.advance(3_600_000)
    }
    const [parked] = await t.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, 'e2'))
    expect(parked).toMatchObject({ publishedAt: null, attempts: 8 })
    expect(parked!.failedAt).not.toBeNull()
    off()
  })

  it('sends nothing when the transaction rolls back', async () => {
    const seen: string[] = []
    const off = t.events.on('test.rolled_back', (e) => void seen.push(e.entityId))
    await expect(
      withTx(ctx, async (tx) => {
        await recordEvent(tx, { type: 'test.rolled_back', entityType: 'test', entityId: 'r1', payload: {} })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await t.settle()
    expect(seen).toEqual([])
    off()
  })
})

describe('jobs page (administrators)', () => {
  it('lists failed jobs with their reason and runs one again; other roles are refused', async () => {
    failuresLeft = 10
    const { id } = await enqueue({ kind: 'test.flaky', input: { label: 'admin-retry' }, maxAttempts: 1 })
    await t.settle()
    failuresLeft = 0
    const admin = await t.login('admin')
    const list = await t.app.inject({ url: '/api/v1/system/jobs?status=failed&pageSize=200', headers: { cookie: admin } })
    expect(list.statusCode).toBe(200)
    const row = list.json().items.find((j: { id: string }) => j.id === id)
    expect(row).toMatchObject({ kind: 'test.flaky', kindLabel: '测试任务', status: 'failed', error: '暂时失败', attempts: 1 })
    const officer = await t.login('dongjie.officer')
    expect((await t.app.inject({ url: '/api/v1/system/jobs', headers: { cookie: officer } })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/system/jobs/${id}/retry`, headers: { cookie: officer } })).statusCode).toBe(403)
    const retried = await t.app.inject({ method: 'POST', url: `/api/v1/system/jobs/${id}/retry`, headers: { cookie: admin } })
    expect(retried.statusCode).toBe(200)
    await t.settle()
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 1 })
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/system/jobs/${id}/retry`, headers: { cookie: admin } })
    expect(again.statusCode).toBe(409)
  })

  it('shows a parked event and delivers it again once the handler works', async () => {
    let broken = true
    const seen: string[] = []
    const off = t.events.on('test.parked', (e) => {
      if (broken) throw new Error('下游故障')
      seen.push(e.entityId)
    })
    await withTx(ctx, (tx) => recordEvent(tx, { type: 'test.parked', entityType: 'test', entityId: 'p1', regionCode: '620702001001', payload: {} }))
    for (let i = 0; i < 9; i++) {
      await t.settle()
      clock.advance(3_600_000)
    }
    const admin = await t.login('admin')
    const parked = (await t.app.inject({ url: '/api/v1/system/events?state=failed', headers: { cookie: admin } })).json().items
    const ev = parked.find((e: { entityId: string }) => e.entityId === 'p1')
    expect(ev).toMatchObject({ type: 'test.parked', lastError: '下游故障', attempts: 8 })
    broken = false
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/system/events/${ev.id}/retry`, headers: { cookie: admin } })).statusCode).toBe(200)
    await t.settle()
    expect(seen).toEqual(['p1'])
    off()
  })
})
