// A month run that is killed with SIGKILL part-way (see modules/disbursement/crash.int.test.ts):
// it reports RUNNING after its third page has committed and goes on slowly until killed.
import { readFileSync } from 'node:fs'
import { openPglite, openPostgres } from '../src/db/client.js'
import { createCrypto } from '../src/platform/crypto.js'
import { EventBus } from '../src/platform/events.js'
import { runMonth } from '../src/modules/disbursement/index.js'
import { testConfig } from './config.js'
import { syntheticSource } from './disburse-source.js'

const [kind, target, templateFile] = process.argv.slice(2)
const database =
  kind === 'pglite'
    ? await openPglite({ dataDir: target!, loadDataDir: templateFile ? new Blob([readFileSync(templateFile)]) : undefined })
    : await openPostgres(target!, 2)
const config = testConfig()
const ctx = {
  db: database.db,
  actor: null,
  requestId: 'crash',
  ip: 'local',
  clock: { now: () => new Date() },
  config,
  crypto: createCrypto(config.secretKey),
  events: new EventBus(),
}
await runMonth(ctx, {
  month: '2026-11',
  regionCode: '620702',
  owner: 'child',
  chunkSize: 50,
  leaseMs: 1_000,
  // onPage runs before the page's transaction: page 4 starting means pages 1–3 are committed.
  source: syntheticSource(1000, { delayMs: 150, onPage: (p) => p === 3 && process.stdout.write('RUNNING\n') }),
})
process.stdout.write('FINISHED\n')
