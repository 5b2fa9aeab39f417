#!/usr/bin/env node
// `npm start`: builds what is missing (domain packages, web app), then runs the server in this process.
// Migrations and the demo seed run inside the server at start.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

function run(cmd, args, what, cwd = root, env = process.env) {
  process.stdout.write(`${what}…\n`)
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] })
  if (r.status !== 0) {
    process.stderr.write(`${what}失败（退出码 ${r.status}）\n`)
    process.exit(1)
  }
}

run(bin('tsc'), ['-b', 'packages/core', 'packages/solver'], '编译领域包')
const webIndex = join(root, 'packages/web/dist/index.html')
const webSrc = [join(root, 'packages/web/src'), join(root, 'packages/core/src'), join(root, 'packages/web/index.html')]
const webStale =
  !existsSync(webIndex) || webSrc.some((p) => existsSync(p) && (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > statSync(webIndex).mtimeMs)
// Always a production bundle: Vite honours an inherited NODE_ENV (a test runner sets 'test',
// which makes React and antd build their development variants).
if (webStale && process.env.SKIP_WEB_BUILD !== '1')
  run(process.execPath, [bin('vite'), 'build', '--logLevel', 'warn'], '构建网页前端', join(root, 'packages/web'), { ...process.env, NODE_ENV: 'production' })

// The server runs in this very process (tsx registered here), so `npm start` is one node
// process under npm: SIGTERM or SIGINT reaches the server's own handlers, which close the
// port and the database. A child process would be orphaned when npm or sh die first.
process.chdir(root)
const { register } = await import('tsx/esm/api')
register()
// If whoever started us dies without passing the signal on (npm killed, a terminal closed), we
// are re-parented: stop cleanly rather than hold the port and the data folder as an orphan.
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM')
}, 1000).unref()
await import(pathToFileURL(join(root, 'packages/server/src/main.ts')).href)
