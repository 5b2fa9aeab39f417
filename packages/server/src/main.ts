import { readFileSync } from 'node:fs'
import { buildApp } from './app.js'
import { assertNoDemoPasswords, openDatabase, prepareDatabase } from './bootstrap.js'
import { ConfigError, loadConfig } from './platform/config.js'

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version

function fail(message: string): never {
  process.stderr.write(message + '\n')
  process.exit(1)
}

async function main() {
  // Everything the server writes (PGlite files, the secret key, exports) is for its own user only.
  process.umask(0o077)
  let config
  try {
    config = loadConfig(process.env, version)
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message)
    throw e
  }
  const log = (m: string) => process.stdout.write(m + '\n')
  let database
  try {
    database = await openDatabase(config)
    await prepareDatabase(database, config, log)
    if (config.isProduction) await assertNoDemoPasswords(database)
  } catch (e) {
    await database?.close().catch(() => {})
    fail(`启动失败：${e instanceof Error ? e.message : String(e)}`)
  }
  const app = await buildApp({ database, config })
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    // Stop accepting, finish in-flight requests, then close the database so PGlite flushes cleanly.
    const timer = setTimeout(() => fail('关闭超时，强制退出'), 15_000)
    try {
      await app.close()
      await database.close()
    } finally {
      clearTimeout(timer)
    }
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  await app.listen({ port: config.port, host: config.host })
  log(`颐养已启动：http://localhost:${config.port}  （数据库：${database.kind === 'pglite' ? 'PGlite ' + config.dataDir : 'PostgreSQL'}；接口文档 /api/docs）`)
}

main().catch((e) => fail(`启动失败：${e instanceof Error ? e.message : String(e)}`))
