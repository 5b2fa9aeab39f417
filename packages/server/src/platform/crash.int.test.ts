import { afterAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import { clonePlace, createTestApp, fakeClock } from '../../test/app.js'
import { defineJob, jobs } from './jobs.js'
import { domainEvents } from './outbox.tables.js'

const dir = mkdtempSync(join(tmpdir(), 'yy-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const child = fileURLToPath(new URL('../../test/crash-child.ts', import.meta.url))

/** Starts the child server, waits until its job is running, then kills it with SIGKILL. */
async function runAndKill(args: string[]) {
  const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  p.stderr.on('data', (d) => (err += String(d)))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child never reached RUNNING: ${out} ${err}`)), 120_000)
    p.stdout.on('data', (d) => {
      out += String(d)
      if (out.includes('RUNNING')) {
        clearTimeout(timer)
        resolve()
      }
    })
    p.on('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)))
  })
  const exited = new Promise((r) => p.on('exit', r))
  p.kill('SIGKILL')
  await exited
}

describe('a kill -9 in the middle of a job', () => {
  it('leaves neither the job running nor the event undelivered after the restart', async () => {
    const place = await clonePlace(join(dir, 'pgdata'))
    await runAndKill(place.args)

    const database = await place.open()
    const [before] = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, 'crash-1'))
    expect(before).toMatchObject({ status: 'running', attempts: 1, progress: { step: 1 } })
    const [unsent] = await database.db.select().from(domainEvents).where(eq(domainEvents.entityId, 'crash-1'))
    expect(unsent!.publishedAt).toBeNull()
    const clock = fakeClock()
    const finished: number[] = []
    const resume = defineJob<{ n: number }>({
      kind: 'test.crash',
      label: '测试任务',
      async run(_ctx, job) {
        finished.push(job.attempt)
        return { resumed: true }
      },
    })
    const t = await createTestApp({ database, clock, jobs: [resume] as never, runJobs: false })
    try {
      const delivered: string[] = []
      t.events.on('test.crashed', (e) => void delivered.push(e.entityId))
      // PostgreSQL: another process may still hold the lease until it runs out.
      clock.advance(120_000)
      await t.settle()
      const [after] = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, 'crash-1'))
      expect(after).toMatchObject({ status: 'succeeded', attempts: 2, result: { resumed: true } })
      expect(finished).toEqual([2])
      expect(delivered).toEqual(['crash-1'])
      const [event] = await database.db.select().from(domainEvents).where(eq(domainEvents.entityId, 'crash-1'))
      expect(event!.publishedAt).not.toBeNull()
    } finally {
      await t.close()
      await place.drop()
    }
  }, 180_000)
})
