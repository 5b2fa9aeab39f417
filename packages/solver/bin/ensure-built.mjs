// Shared by the launchers: (re)build dist with tsc -b when it is missing or older than src.
import { readdirSync, statSync, existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..')

function newest(dir) {
  let m = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) m = Math.max(m, newest(p))
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) m = Math.max(m, statSync(p).mtimeMs)
  }
  return m
}

export function ensureBuilt(entry) {
  const out = join(pkg, 'dist', entry)
  // tsc -b leaves unchanged outputs untouched, so an output can stay older than the sources
  // for good; a stamp written after each build is what the sources are compared with
  const stamp = join(pkg, 'dist', '.built')
  let stale = !existsSync(out) || !existsSync(stamp)
  if (!stale) {
    try {
      stale = newest(join(pkg, 'src')) > statSync(stamp).mtimeMs
    } catch {
      stale = true
    }
  }
  if (!stale) return
  const root = join(pkg, '..', '..')
  const tsc = join(root, 'node_modules', '.bin', 'tsc')
  const r = spawnSync(existsSync(tsc) ? tsc : 'tsc', ['-b', pkg], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  if (r.status !== 0 || !existsSync(out)) {
    process.stderr.write(`solve: cannot build the solver (tsc -b ${pkg}) ${(r.stderr || '').split('\n')[0]}\n`)
    process.exit(1)
  }
  writeFileSync(stamp, new Date().toISOString() + '\n')
}
