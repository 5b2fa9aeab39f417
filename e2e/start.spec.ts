// `npm start` stops as a whole: SIGTERM or SIGINT to any of its processes (npm, node) frees
// the port and the data folder, so the next start on the same port and folder works (issue 24
// item 2). Driven through `npm start`, as a user or a process manager runs it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, removeDir, root } from './harness'

/** Children of `pid`, read from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const out: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) out.push(Number(entry))
    } catch {
      /* gone meanwhile */
    }
  }
  return out
}

function tree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(tree)]
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
const isServer = (pid: number) => /^(\S*\/)?node .*scripts\/start\.mjs/.test(cmdline(pid))

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' })
    s.once('connect', () => (s.destroy(), resolve(true)))
    s.once('error', () => resolve(false))
  })
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'yy-e2e-start-'))
const started: number[] = []

async function npmStart(port: number): Promise<{ npm: ChildProcess; pids: number[]; output: () => string }> {
  let out = ''
  const npm = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  npm.stdout!.on('data', (d) => (out += d))
  npm.stderr!.on('data', (d) => (out += d))
  await until(
    'health',
    async () => {
      if (npm.exitCode !== null) throw new Error(`npm start exited early (${npm.exitCode}):\n${out}`)
      return fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      )
    },
    240_000,
  )
  const pids = tree(npm.pid!)
  started.push(...pids)
  return { npm, pids, output: () => out }
}

afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL')
  removeDir(dataDir)
})

describe('npm start stops as a whole', () => {
  it('SIGTERM or SIGINT to npm or to node: nothing is left, and the next start works', async () => {
    const port = await freePort()
    // `exec` in the script leaves no shell between npm and node, so a signal cannot stop at a
    // shell that waits for its child; the server is start.mjs itself, not a child of it.
    const targets: Array<[string, NodeJS.Signals, (pids: number[]) => number]> = [
      ['npm', 'SIGTERM', (pids) => pids[0]],
      ['npm', 'SIGINT', (pids) => pids[0]],
      ['node', 'SIGTERM', (pids) => pids.find(isServer)!],
      ['node', 'SIGINT', (pids) => pids.find(isServer)!],
    ]
    for (const [name, signal, pick] of targets) {
      const run = await npmStart(port)
      const servers = run.pids.filter(isServer)
      expect(servers, `${name}: ${run.pids.map(cmdline).join(' | ')}`).toHaveLength(1)
      expect(run.pids.filter((p) => /^(\S*\/)?(sh|bash|dash) /.test(cmdline(p)))).toEqual([])
      expect(childrenOf(servers[0]).filter((p) => /node/.test(cmdline(p)))).toEqual([])

      process.kill(pick(run.pids), signal)
      await until(`${name}: every process of npm start to exit`, () => run.pids.every((p) => !alive(p)))
      expect(await portOpen(port), `${name}: port still held`).toBe(false)
      expect(run.output()).not.toContain('EADDRINUSE')
    }
    // A last start on the same port and data folder comes up (nothing holds them).
    const last = await npmStart(port)
    process.kill(last.pids[0], 'SIGTERM')
    await until('last start to exit', () => last.pids.every((p) => !alive(p)))
    // Five starts of the whole app: about a minute on a quiet CI machine, more than the suite's
    // two minutes when both cores are busy.
  }, 600_000)
})
