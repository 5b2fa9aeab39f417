import { inject } from 'vitest'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import { openPglite, openPostgres, type Database } from '../src/db/client.js'
import type { Clock } from '../src/platform/clock.js'
import type { TConfig } from '../src/platform/config.js'
import { EventBus } from '../src/platform/events.js'
import { DEMO_PASSWORD } from '../src/seed/demo.js'
import { testConfig } from './config.js'

export type TestApp = {
  app: FastifyInstance
  database: Database
  events: EventBus
  /** Runs every due job and relays every committed event (what the background runner does). */
  settle(): Promise<void>
  /** Logs in and returns a Cookie header value. */
  login(username: string, password?: string): Promise<string>
  close(): Promise<void>
}

let counter = 0

/** A fresh app on this test file's own clone of the migrated, seeded template database. */
export async function createTestApp(opts: { clock?: Clock; loginRateLimit?: number; extraRoutes?: (app: FastifyInstance) => void; config?: Partial<TConfig>; logger?: Record<string, unknown> } = {}): Promise<TestApp> {
  const tpl = inject('dbTemplate')
  let database: Database
  let dropDb: (() => Promise<void>) | undefined
  if (tpl.kind === 'pglite') {
    database = await openPglite({ loadDataDir: new Blob([readFileSync(tpl.file)]) })
  } else {
    const name = `${tpl.template}_c${counter++}_${Math.random().toString(36).slice(2, 8)}`
    const admin = new pg.Client({ connectionString: tpl.url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl.template}`)
    const u = new URL(tpl.url)
    u.pathname = '/' + name
    database = await openPostgres(u.toString(), 5)
    dropDb = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
  const events = new EventBus()
  const app = await buildApp({ database, config: { ...testConfig(), ...opts.config }, clock: opts.clock, events, logger: opts.logger ?? false, loginRateLimit: opts.loginRateLimit ?? 1000, extraRoutes: opts.extraRoutes })
  await app.ready()
  return {
    app,
    database,
    events,
    settle: () => app.jobs.drain(),
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`)
      const c = res.cookies.find((x) => x.name === 'yy_sid')
      return `yy_sid=${c!.value}`
    },
    async close() {
      await app.close()
      await database.close()
      await dropDb?.()
    },
  }
}
