/**
 * Alarm bench (issue 21 item 7). Starts the server (`scripts/start.mjs`, as `npm start` does) on
 * a fresh data folder against the machine's MQTT broker (MQTT_URL, default mqtt://127.0.0.1:1883),
 * connects a stream client (WebSocket, district operator), and publishes QoS 1 SOS events from
 * 50 simulated devices (DEMO-0001 … DEMO-0050) at BENCH_RATE (200) per second for BENCH_SECONDS
 * (60). Prints publish → stream latency p50/p99, lost and duplicates — on the stream and in the
 * database — then repeats on a new server with a restart (SIGTERM, start) in the middle while
 * the devices keep publishing. Figures only; never pass/fail.
 *
 *   npm run bench:alarms      (DATABASE_URL=postgres://… to run on PostgreSQL instead of PGlite,
 *                              in a database of its own on that server)
 *
 * The claim timer is set to 1 hour for the bench: 12,000 unclaimed alarms escalating at once
 * would measure the escalation job, not the path from a device to the console.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import mqtt, { type MqttClient } from 'mqtt'
import pg from 'pg'
import WebSocket from 'ws'

const root = fileURLToPath(new URL('..', import.meta.url))
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883'
const RATE = Number(process.env.BENCH_RATE ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
const DEVICES = 50
const SUBSCRIBERS = Number(process.env.MQTT_SUBSCRIBERS ?? 64)
/** BENCH_RUNS=1 or 2 runs one of the two only (default both). */
const RUNS = (process.env.BENCH_RUNS ?? '1,2').split(',')
const log = (s: string) => console.log(s)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })

/** BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=…`) go to the server's node: where its time goes. */
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
// A bench that fails half-way must not leave its servers running.
const procs = new Set<ChildProcess>()
process.on('exit', () => {
  for (const p of procs) p.kill('SIGTERM')
})
type TServer = { url: string; proc: ChildProcess; stop(): Promise<void> }
async function startServer(env: Record<string, string>): Promise<TServer> {
  const port = Number(env.PORT)
  const proc = spawn(process.execPath, [...nodeArgs, 'scripts/start.mjs'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  procs.add(proc)
  proc.on('exit', () => procs.delete(proc))
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  // BENCH_SERVER_LOG=file keeps the server's own output (its warnings, a trace) for a look afterwards.
  if (process.env.BENCH_SERVER_LOG) {
    const file = process.env.BENCH_SERVER_LOG
    proc.stdout!.on('data', (d) => appendFileSync(file, d))
    proc.stderr!.on('data', (d) => appendFileSync(file, d))
  }
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((r) => proc.on('exit', () => r()))
  const deadline = Date.now() + 300_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited:\n${out}`)
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    proc,
    async stop() {
      proc.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * Waits until the server's own CPU use stays under 15 % for three seconds in a row (at most
 * 5 minutes): a fresh demo district keeps working for a while after /health answers (visit
 * plans and benefit candidates of 2,000 seeded elders, as jobs), and the goal is about alarms
 * on a server in service, not on one still finishing its seed. Linux only; elsewhere no wait.
 */
async function settled(pid: number): Promise<number> {
  const t0 = performance.now()
  const cpu = () => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return (Number(f[11]) + Number(f[12])) / 100 // utime + stime, clock ticks (100 Hz)
    } catch {
      return null
    }
  }
  let quiet = 0
  let last = cpu()
  if (last === null) return 0
  while (quiet < 3 && performance.now() - t0 < 300_000) {
    await new Promise((r) => setTimeout(r, 1000))
    const now = cpu()
    if (now === null) break
    quiet = now - last < 0.15 ? quiet + 1 : 0
    last = now
  }
  return (performance.now() - t0) / 1000
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'operator', password: 'yiyang-demo' }),
  })
  const c = res.headers.getSetCookie().find((x) => x.startsWith('yy_sid='))
  if (!c) throw new Error(`login failed ${res.status}`)
  return c.split(';')[0]!
}

/**
 * A stream client that reconnects (as the console does) and records when each eventId arrived.
 * Like the console, it reloads the list once it is connected again (onReopen): what the server
 * stored while no stream was open is found there, not on the stream.
 */
function streamClient(getUrl: () => string, getCookie: () => Promise<string>, seen: Map<string, number[]>, onReopen: () => Promise<void>) {
  let ws: WebSocket | null = null
  let stopped = false
  let opened = 0
  const open = async () => {
    if (stopped) return
    try {
      const cookie = await getCookie()
      ws = new WebSocket(getUrl().replace('http', 'ws') + '/api/v1/alarms/stream', { headers: { cookie } })
      ws.on('message', (d) => {
        const now = performance.now()
        const m = JSON.parse(String(d)) as { type: string; alarm: { eventId: string } }
        if (m.type !== 'alarm.created') return
        const list = seen.get(m.alarm.eventId) ?? []
        list.push(now)
        seen.set(m.alarm.eventId, list)
      })
      ws.on('close', () => setTimeout(() => void open(), 200))
      ws.on('error', () => {})
      const ok = await new Promise<boolean>((resolve) => {
        ws!.once('open', () => resolve(true))
        ws!.once('close', () => resolve(false))
      })
      if (ok && opened++ > 0) await onReopen()
    } catch {
      setTimeout(() => void open(), 200)
    }
  }
  return {
    open,
    close() {
      stopped = true
      ws?.close()
    },
  }
}

const pct = (v: number[], p: number) => {
  if (!v.length) return NaN
  const s = [...v].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!
}

async function storedEventIds(url: string, cookie: string, since: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (let page = 1; ; page++) {
    const r = await fetch(`${url}/api/v1/alarms?pageSize=500&page=${page}&from=${encodeURIComponent(since)}`, { headers: { cookie } })
    // The API's rate limit may answer 429 to a long paging run: wait as it says and ask again.
    if (r.status === 429) {
      await new Promise((res) => setTimeout(res, 1000 * Number(r.headers.get('retry-after') ?? 1)))
      page--
      continue
    }
    if (!r.ok) throw new Error(`GET /api/v1/alarms: ${r.status} ${await r.text()}`)
    const body = (await r.json()) as { items: { eventId: string; deviceSerial: string }[]; total: number }
    for (const a of body.items) if (a.deviceSerial.startsWith('DEMO-')) counts.set(a.eventId, (counts.get(a.eventId) ?? 0) + 1)
    if (page * 500 >= body.total) break
  }
  return counts
}

/**
 * With DATABASE_URL the bench works in a database of its own on that server (yiyang_bench_alarms,
 * created afresh, dropped at the end), so an earlier run or another database is never touched.
 */
let databaseUrl: string | undefined
let dropDatabase = async () => {}
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await admin.connect()
  await admin.query('drop database if exists yiyang_bench_alarms')
  await admin.query('create database yiyang_bench_alarms')
  const u = new URL(process.env.DATABASE_URL)
  u.pathname = '/yiyang_bench_alarms'
  databaseUrl = u.toString()
  dropDatabase = async () => {
    await admin.query('drop database if exists yiyang_bench_alarms with (force)')
    await admin.end()
  }
}

// One data folder for both runs: with DATABASE_URL the database outlives a run, and the secret
// key in the folder must stay the one its rows were encrypted with (the server refuses another).
const dataDir = mkdtempSync(join(tmpdir(), 'yy-bench-alarms-'))
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))

async function run(label: string, restart: boolean) {
  const port = await freePort()
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: 'warn',
    MQTT_URL,
    MQTT_CLIENT_ID: `yiyang-bench-${randomUUID().slice(0, 8)}`,
    MQTT_SUBSCRIBERS: String(SUBSCRIBERS),
    ALARM_CLAIM_SECONDS: '3600',
    ALARM_SLA_MINUTES: '1440',
    SKIP_WEB_BUILD: '1',
  }
  log(`\n== ${label} ==`)
  const load0 = loadavg()[0]!.toFixed(2)
  let server = await startServer(env)
  log(`  server up; its start-up work settled after a further ${(await settled(server.proc.pid!)).toFixed(0)} s`)
  let cookie = await login(server.url)
  const since = new Date(Date.now() - 1000).toISOString()
  const seen = new Map<string, number[]>()
  const reloaded = new Map<string, number>()
  const stream = streamClient(
    () => server.url,
    async () => cookie,
    seen,
    async () => {
      const at = performance.now()
      for (const id of (await storedEventIds(server.url, cookie, since)).keys()) if (!seen.has(id) && !reloaded.has(id)) reloaded.set(id, at)
    },
  )
  await stream.open()
  const devices: MqttClient[] = await Promise.all(
    Array.from({ length: DEVICES }, (_, i) =>
      mqtt.connectAsync(MQTT_URL, { clientId: `bench-dev-${i}-${randomUUID().slice(0, 6)}`, clean: true, reconnectPeriod: 500 }),
    ),
  )
  const published = new Map<string, number>()
  let down: [number, number] | null = null
  const total = RATE * SECONDS
  const t0 = performance.now()
  let restartDone: Promise<void> = Promise.resolve()
  for (let n = 0; n < total; n++) {
    const due = t0 + (n * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    if (restart && n === Math.floor(total / 2)) {
      restartDone = (async () => {
        const a = performance.now()
        await server.stop()
        server = await startServer(env)
        cookie = await login(server.url)
        down = [a, performance.now()]
        log(`  restarted: down ${((down[1] - down[0]) / 1000).toFixed(1)} s`)
      })()
    }
    const serial = `DEMO-${String((n % DEVICES) + 1).padStart(4, '0')}`
    const eventId = randomUUID()
    published.set(eventId, performance.now())
    devices[n % DEVICES]!.publish(`yiyang/v1/devices/${serial}/events`, JSON.stringify({ eventId, type: 'sos', time: new Date().toISOString() }), { qos: 1 })
  }
  const sendMs = performance.now() - t0
  await restartDone
  // Let the tail (and anything the broker queued during a restart) arrive.
  const settleEnd = Date.now() + 120_000
  while (Date.now() < settleEnd && [...published.keys()].some((id) => !seen.has(id) && !reloaded.has(id))) await new Promise((r) => setTimeout(r, 500))
  await new Promise((r) => setTimeout(r, 1000))
  const latencies: number[] = []
  const steady: number[] = []
  let streamDup = 0
  for (const [id, at] of published) {
    const got = seen.get(id)
    if (!got) continue
    latencies.push(got[0]! - at)
    const d = down as [number, number] | null
    if (!d || at < d[0] - 1000 || at > d[1] + 5000) steady.push(got[0]! - at)
    if (got.length > 1) streamDup += got.length - 1
  }
  const streamLost = [...published.keys()].filter((id) => !seen.has(id) && !reloaded.has(id)).length
  const afterReload = [...published].filter(([id]) => !seen.has(id) && reloaded.has(id)).map(([id, at]) => reloaded.get(id)! - at)
  const stored = await storedEventIds(server.url, cookie, since)
  const dbLost = [...published.keys()].filter((id) => !stored.has(id)).length
  const dbDup = [...stored.values()].reduce((s, n) => s + Math.max(0, n - 1), 0)
  log(`  published ${published.size} in ${(sendMs / 1000).toFixed(1)} s (${(published.size / (sendMs / 1000)).toFixed(0)}/s) from ${DEVICES} devices, QoS 1`)
  log(`  publish → stream latency: p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms, max ${pct(latencies, 1).toFixed(0)} ms`)
  if (restart)
    log(`  same, outside the restart window (1 s before to 5 s after): p50 ${pct(steady, 0.5).toFixed(1)} ms, p99 ${pct(steady, 0.99).toFixed(1)} ms`)
  log(`  lost: ${dbLost} (not stored), ${streamLost} neither on the stream nor in the list reloaded on reconnect`)
  if (afterReload.length)
    log(
      `  ${afterReload.length} stored while no stream was open, found by the reload on reconnect: publish → reload p50 ${pct(afterReload, 0.5).toFixed(0)} ms, max ${pct(afterReload, 1).toFixed(0)} ms (not in the latencies above)`,
    )
  log(`  duplicates: ${dbDup} stored, ${streamDup} on the stream`)
  log(`  load average (1 min) at the start ${load0}, at the end ${loadavg()[0]!.toFixed(2)} (${cpus().length} cores)`)
  stream.close()
  await Promise.all(devices.map((d) => d.endAsync()))
  await server.stop()
  // Drop the server's persistent session on the shared broker.
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const c = await mqtt.connectAsync(MQTT_URL, { clientId: `${env.MQTT_CLIENT_ID}-${i}`, clean: true })
    await c.endAsync()
  }
}

log(`alarm bench: ${MQTT_URL}, ${RATE}/s for ${SECONDS} s, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`)
if (RUNS.includes('1')) await run('run 1: steady', false)
if (RUNS.includes('2')) await run('run 2: server restart (SIGTERM, start) in the middle', true)
await dropDatabase()
process.exit(0)
