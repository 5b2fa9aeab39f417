import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import pg from 'pg'
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as schema from './schema.js'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type DbOrTx = Db | Tx

export type Database = {
  db: Db
  kind: 'pglite' | 'postgres'
  migrate(): Promise<void>
  close(): Promise<void>
  /** Calls fn on every NOTIFY on channel (other processes waking this one); returns the unlisten. */
  listen?(channel: string, fn: () => void): Promise<() => Promise<void>>
  /** PGlite only: the embedded instance, for dumping a test template. */
  pglite?: PGlite
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))
export const pgliteExtensions = { pg_trgm }

// node-postgres returns int8 as strings; counts and fen amounts fit a JS number. Set per pool,
// not on pg's global type registry, so importing this file changes nothing for other code.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

/**
 * The data folder holds every elder's record: only the server's own user may read it. PGlite's
 * file layer creates files 0666 whatever the umask, so the walk sets folders 0700 and files
 * 0600 when the database opens, after migrations and when it closes (it also repairs a folder
 * an older version left open). A file PGlite creates in between sits inside 0700 folders, which
 * no other user can enter.
 */
export function protectDataDir(dir: string) {
  process.umask(0o077)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const walk = (path: string) => {
    const st = statSync(path)
    if (st.isDirectory()) {
      if ((st.mode & 0o777) !== 0o700) chmodSync(path, 0o700)
      for (const name of readdirSync(path)) walk(join(path, name))
    } else if (st.isFile() && (st.mode & 0o077) !== 0) {
      chmodSync(path, st.mode & 0o700)
    }
  }
  walk(dir)
}

export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  if (opts.dataDir) protectDataDir(opts.dataDir)
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: pgliteExtensions,
  })
  const db = drizzlePglite(client, { schema }) as unknown as Db
  const protect = () => {
    if (opts.dataDir) protectDataDir(opts.dataDir)
  }
  protect()
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder })
      protect()
    },
    listen: (channel, fn) => client.listen(channel, () => fn()),
    close: async () => {
      await client.close()
      protect()
    },
  }
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes })
  // An idle client that loses its server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL idle client error: ${err.message}`))
  // Fail fast with a clear message when the server is unreachable.
  const c = await pool.connect()
  c.release()
  const db = drizzlePg(pool, { schema }) as unknown as Db
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
    // LISTEN needs a connection of its own, outside the pool.
    async listen(channel, fn) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error('invalid channel')
      const client = new pg.Client({ connectionString: url })
      client.on('error', (err) => process.emitWarning(`PostgreSQL listener error: ${err.message}`))
      await client.connect()
      client.on('notification', (n) => {
        if (n.channel === channel) fn()
      })
      await client.query(`LISTEN ${channel}`)
      return async () => {
        await client.end()
      }
    },
    close: () => pool.end(),
  }
}

export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[]
}
