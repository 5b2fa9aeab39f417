import { inject } from 'vitest'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import { openPglite, openPostgres, type Database } from '../src/db/client.js'
import type { Clock } from '../src/platform/clock.js'
import type { TConfig } from '../src/platform/config.js'
import { EventBus } from '../src/platform/events.js'
import type { TJobDefinition } from '../src/platform/jobs.js'
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

/** A clock the test moves by hand, for timers, backoff and leases. */
export function fakeClock(start = new Date()) {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms
    },
  }
}

/** This test file's own clone of the migrated, seeded template database. */
export async function openClone(): Promise<{ database: Database; drop?: () => Promise<void> }> {
  const tpl = inject('dbTemplate')
  if (tpl.kind === 'pglite') return { database: await openPglite({ loadDataDir: new Blob([readFileSync(tpl.file)]) }) }
  const { url, drop } = await cloneUrl()
  return { database: await openPostgres(url, 5), drop }
}

/**
 * Where a separate process can open a clone: a PGlite data folder to create from the template
 * file, or a PostgreSQL database URL.
 */
export async function clonePlace(dataDir: string): Promise<{ kind: 'pglite' | 'postgres'; args: string[]; open(): Promise<Database>; drop(): Promise<void> }> {
  const tpl = inject('dbTemplate')
  if (tpl.kind === 'pglite') return { kind: 'pglite', args: ['pglite', dataDir, tpl.file], open: () => openPglite({ dataDir }), drop: async () => {} }
  const { url, drop } = await cloneUrl()
  return { kind: 'postgres', args: ['postgres', url], open: () => openPostgres(url, 5), drop }
}

async function cloneUrl() {
  const tpl = inject('dbTemplate')
  if (tpl.kind !== 'postgres') throw new Error('not on PostgreSQL')
  const name = `${tpl.template}_c${counter++}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: tpl.url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl.template}`)
  const u = new URL(tpl.url)
  u.pathname = '/' + name
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** A fresh app on this test file's own clone of the migrated, seeded template database. */
export async function createTestApp(
  opts: {
    database?: Database
    clock?: Clock
    jobs?: TJobDefinition<never>[]
    runJobs?: boolean
    loginRateLimit?: number
    extraRoutes?: (app: FastifyInstance) => void
    config?: Partial<TConfig>
    logger?: Record<string, unknown>
  } = {},
): Promise<TestApp> {
  const { database, drop: dropDb } = opts.database ? { database: opts.database, drop: undefined } : await openClone()
  const events = new EventBus()
  const app = await buildApp({
    database,
    config: { ...testConfig(), ...opts.config },
    clock: opts.clock,
    events,
    logger: opts.logger ?? false,
    loginRateLimit: opts.loginRateLimit ?? 1000,
    extraRoutes: opts.extraRoutes,
    extraJobs: opts.jobs,
    runJobs: opts.runJobs,
  })
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
