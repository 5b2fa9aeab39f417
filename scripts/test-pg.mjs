#!/usr/bin/env node
// `npm run test:pg [-- files…]`: the integration tests on a PostgreSQL server instead of PGlite.
// TEST_DATABASE_URL names a database the tests may create their clones from (default: the local
// server as .ci/run uses it).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const env = { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' }
const r = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'int', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
})
process.exit(r.status ?? 1)
