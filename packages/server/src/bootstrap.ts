import { join } from 'node:path'
import { openPglite, openPostgres, protectDataDir, type Database } from './db/client.js'
import type { TConfig } from './platform/config.js'
import type { Ctx } from './platform/context.js'
import { systemClock } from './platform/clock.js'
import { createCrypto } from './platform/crypto.js'
import { EventBus } from './platform/events.js'
import { assertSecretKeyMatches } from './platform/key-check.js'
import { elders } from './modules/elders/elders.tables.js'
import { countDemoPasswordUsers } from './modules/accounts/index.js'
import { isDatabaseEmpty, seedDemo } from './seed/demo.js'

export async function openDatabase(config: TConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl)
  // The whole folder (secret.key beside pgdata) is the server user's alone.
  protectDataDir(config.dataDir)
  return openPglite({ dataDir: join(config.dataDir, 'pgdata') })
}

/** A context for work the system does on its own (seed, schedules): no actor, audited as system. */
export function systemCtx(database: Database, config: TConfig, events = new EventBus()): Ctx {
  return { db: database.db, actor: null, requestId: 'system', ip: 'local', clock: systemClock, config, crypto: createCrypto(config.secretKey), events }
}

export async function prepareDatabase(database: Database, config: TConfig, log: (msg: string) => void) {
  await database.migrate()
  await assertSecretKeyMatches(database.db, createCrypto(config.secretKey), async () => {
    const [row] = await database.db.select({ idEnc: elders.idEnc }).from(elders).limit(1)
    return row?.idEnc ?? null
  })
  if (config.seedDemo && (await isDatabaseEmpty(database))) {
    log('数据库为空，正在写入演示区县数据（甘州区）…')
    await seedDemo(systemCtx(database, config))
    log('演示数据已写入。演示账号 admin，密码 yiyang-demo')
  }
}

/** Production refuses to run while anyone can still log in with the published demo password. */
export async function assertNoDemoPasswords(database: Database) {
  const n = await countDemoPasswordUsers(database.db)
  if (n > 0) {
    throw new Error(`生产模式下拒绝启动：仍有 ${n} 个演示账号使用公开的演示密码。请先修改这些账号的密码或停用它们（或以 SEED_DEMO=false 使用空库）。`)
  }
}
