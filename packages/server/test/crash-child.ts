// A server process that is killed with SIGKILL in the middle of a job (see platform/crash.int.test.ts):
// it commits a job and an outbox event, starts the job, reports RUNNING and hangs until killed.
import { readFileSync } from 'node:fs'
import { buildApp } from '../src/app.js'
import { openPglite, openPostgres } from '../src/db/client.js'
import { withTx } from '../src/platform/context.js'
import { createCrypto } from '../src/platform/crypto.js'
import { EventBus } from '../src/platform/events.js'
import { defineJob, enqueueJob } from '../src/platform/jobs.js'
import { recordEvent } from '../src/platform/outbox.js'
import { testConfig } from './config.js'

const [kind, target, templateFile] = process.argv.slice(2)
const database =
  kind === 'pglite'
    ? await openPglite({ dataDir: target!, loadDataDir: templateFile ? new Blob([readFileSync(templateFile)]) : undefined })
    : await openPostgres(target!, 2)
const hang = defineJob({
  kind: 'test.crash',
  label: '测试任务',
  async run(_ctx, job) {
    await job.progress({ step: 1 })
    process.stdout.write('RUNNING\n')
    await new Promise(() => {})
  },
})
const events = new EventBus()
const app = await buildApp({ database, events, config: testConfig(), logger: false, runJobs: false, extraJobs: [hang] as never })
await app.ready()
const config = testConfig()
const ctx = {
  db: database.db,
  actor: null,
  requestId: 'crash',
  ip: 'local',
  clock: { now: () => new Date() },
  config,
  crypto: createCrypto(config.secretKey),
  events,
}
await withTx(ctx, async (t) => {
  await enqueueJob(t, { kind: 'test.crash', input: { n: 1 }, idempotencyKey: 'crash-1', maxAttempts: 3 })
  await recordEvent(t, { type: 'test.crashed', entityType: 'test', entityId: 'crash-1', payload: { n: 1 } })
})
process.stdout.write('COMMITTED\n')
// Seeded modules may have older due jobs: run them until the hanging test job starts.
while (await app.jobs.runOne()) {
  /* next */
}
