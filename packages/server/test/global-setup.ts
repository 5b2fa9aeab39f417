import type { TestProject } from 'vitest/node'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openPglite, openPostgres } from '../src/db/client.js'
import { seedDemo } from '../src/seed/demo.js'
import { systemCtx } from '../src/bootstrap.js'
import { testConfig } from './config.js'

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string; template: string }
  }
}

/**
 * Migrates and seeds one template database per run; every test file then gets its own clone
 * (a PGlite data-dir copy, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const template = `yy_tpl_${process.pid}_${Date.now()}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${template}`)
    const db = await openPostgres(withDatabase(url, template), 2)
    await db.migrate()
    await seedDemo(systemCtx(db, testConfig()))
    await db.close()
    project.provide('dbTemplate', { kind: 'postgres', url, template })
    return async () => {
      const res = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`])
      for (const r of res.rows as { datname: string }[]) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`)
      await admin.end()
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'yy-tpl-'))
  const db = await openPglite({})
  await db.migrate()
  await seedDemo(systemCtx(db, testConfig()))
  const dump = await db.pglite!.dumpDataDir('none')
  const file = join(dir, 'template.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await db.close()
  project.provide('dbTemplate', { kind: 'pglite', file })
  return () => rmSync(dir, { recursive: true, force: true })
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url)
  u.pathname = '/' + name
  return u.toString()
}
