import { randomUUID } from 'node:crypto'
import { and, asc, eq, getTableColumns, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Database, Db } from '../db/client.js'
import type { Clock } from './clock.js'
import type { TConfig } from './config.js'
import type { Ctx, TxCtx } from './context.js'
import type { Crypto } from './crypto.js'
import { AppError } from './errors.js'
import type { EventBus } from './events.js'
import { base64Of, fromBase64, jobs } from './jobs.tables.js'
import { relayOutbox } from './outbox.js'
import type { TActor } from './permissions.js'

export { jobs, jobStatuses, type TJobStatus } from './jobs.tables.js'

export type TJobRow = typeof jobs.$inferSelect

// A claim returns the row with its attachment as base64 (jobs.tables.ts says why).
const { attachment: _attachment, ...otherColumns } = getTableColumns(jobs)
const claimedColumns = { ...otherColumns, attachment: base64Of(jobs.attachment) }

/** What a job's `run` receives besides its context. */
export type TJobRun<I> = {
  id: string
  kind: string
  input: I
  attachment: Buffer | null
  /** 1 on the first run; a run after a crash or a failure counts on. */
  attempt: number
  maxAttempts: number
  regionCode: string | null
  /** Saves progress for the UI and extends the lease, so a long run is not taken for dead. */
  progress(p: unknown): Promise<void>
}

export type TJobDefinition<I = unknown> = {
  kind: string
  /** What administrators read on the jobs page. */
  label: string
  /** Runs of one job, the first included; default 5. */
  maxAttempts?: number
  /** How long a run may go without a progress report before another worker takes it over. */
  leaseMs?: number
  backoffMs?: (attempt: number) => number
  /** Does the work and returns the result to store; throwing schedules a retry (or fails the job). */
  run(ctx: Ctx, job: TJobRun<I>): Promise<unknown>
}

export const defineJob = <I>(def: TJobDefinition<I>): TJobDefinition<I> => def

/** 10 s, 20 s, 40 s … capped at one hour. */
export const defaultJobBackoffMs = (attempt: number) => Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempt - 1))
const DEFAULT_LEASE_MS = 60_000
const SLOW_JOB_MS = 1_000

export type TEnqueueJob<I> = {
  kind: string
  input?: I
  /** Same kind + key → the existing job is returned instead of a second one. */
  idempotencyKey?: string
  /** A timer: not before this time. */
  runAt?: Date
  regionCode?: string | null
  attachment?: Buffer
  maxAttempts?: number
}

/** A job due within this long wakes the runners at commit; a later timer is found by their poll. */
const DUE_SOON_MS = 1_000

/**
 * Wakes the runners at commit when a job is due now: this process directly, the other server
 * processes through NOTIFY (PostgreSQL delivers it at commit). An alarm's escalation timer, a
 * minute ahead, wakes nobody: with hundreds of alarms a second the wake-ups would cost more
 * statements than the alarms themselves, and the runner's poll (seconds) finds the timer in time.
 */
async function wakeRunners(t: TxCtx, runAts: Date[]) {
  const soon = t.clock.now().getTime() + DUE_SOON_MS
  if (!runAts.some((d) => d.getTime() <= soon)) return
  await t.tx.execute(sql`select pg_notify('yiyang_jobs', '')`)
  t.afterCommit.add('wake')
}

/** Adds a job in the caller's transaction; it becomes visible to the runner when that commits. */
export async function enqueueJob<I>(t: TxCtx, job: TEnqueueJob<I>): Promise<{ id: string; created: boolean }> {
  const id = randomUUID()
  const now = t.clock.now()
  const inserted = await t.tx
    .insert(jobs)
    .values({
      id,
      kind: job.kind,
      status: 'queued',
      idempotencyKey: job.idempotencyKey ?? null,
      runAt: job.runAt ?? now,
      createdBy: t.actor?.userId ?? null,
      regionCode: job.regionCode ?? null,
      input: (job.input ?? null) as unknown,
      attachment: job.attachment ?? null,
      maxAttempts: job.maxAttempts ?? 5,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [jobs.kind, jobs.idempotencyKey] })
    .returning({ id: jobs.id })
  if (inserted.length === 0) {
    const [existing] = await t.tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, job.kind), eq(jobs.idempotencyKey, job.idempotencyKey!)))
    return { id: existing!.id, created: false }
  }
  await wakeRunners(t, [job.runAt ?? now])
  return { id, created: true }
}

/**
 * Many jobs in one statement (the escalation timers of a batch of alarms). Each needs an
 * idempotency key; one that exists already is left as it is (as enqueueJob does).
 */
export async function enqueueJobs<I>(t: TxCtx, list: (TEnqueueJob<I> & { idempotencyKey: string })[]): Promise<number> {
  if (list.length === 0) return 0
  const inserted = await t.tx
    .insert(jobs)
    .values(jobRows(t, list))
    .onConflictDoNothing({ target: [jobs.kind, jobs.idempotencyKey] })
    .returning({ id: jobs.id })
  await wakeRunners(
    t,
    list.map((j) => j.runAt ?? t.clock.now()),
  )
  return inserted.length
}

/** enqueueJobs as a statement to send with others (runTogether); null for an empty list. */
export async function enqueueJobsSql<I>(t: TxCtx, list: (TEnqueueJob<I> & { idempotencyKey: string })[]): Promise<SQL | null> {
  if (list.length === 0) return null
  await wakeRunners(
    t,
    list.map((j) => j.runAt ?? t.clock.now()),
  )
  return t.tx
    .insert(jobs)
    .values(jobRows(t, list))
    .onConflictDoNothing({ target: [jobs.kind, jobs.idempotencyKey] })
    .getSQL()
}

function jobRows<I>(t: TxCtx, list: (TEnqueueJob<I> & { idempotencyKey: string })[]) {
  const now = t.clock.now()
  return list.map((job) => ({
    id: randomUUID(),
    kind: job.kind,
    status: 'queued' as const,
    idempotencyKey: job.idempotencyKey,
    runAt: job.runAt ?? now,
    createdBy: t.actor?.userId ?? null,
    regionCode: job.regionCode ?? null,
    input: (job.input ?? null) as unknown,
    attachment: job.attachment ?? null,
    maxAttempts: job.maxAttempts ?? 5,
    createdAt: now,
    updatedAt: now,
  }))
}

export type TJobRunnerDeps = {
  database: Database
  clock: Clock
  config: TConfig
  crypto: Crypto
  events: EventBus
  definitions: TJobDefinition<never>[]
  /** The user who enqueued a job, as an actor, so the job runs with their role and scope. */
  loadActor: (db: Db, userId: string) => Promise<TActor | null>
  log?: { error(obj: unknown, msg: string): void; info(obj: unknown, msg: string): void }
  /** How often to look for due timers and expired leases when nothing wakes the runner. */
  pollMs?: number
  /** Jobs run at the same time by this process. */
  concurrency?: number
}

/**
 * Claims and runs due jobs and relays the outbox. One runner per server process; several
 * processes share the tables safely (SKIP LOCKED claims, leases). Tests call `drain()` to run
 * everything due now, with a fake clock for timers.
 */
/** Events claimed per outbox relay statement. */
const RELAY_BATCH = 500

export class JobRunner {
  readonly workerId = `w-${randomUUID().slice(0, 8)}`
  private defs: Map<string, TJobDefinition<never>>
  private timer: NodeJS.Timeout | null = null
  private stopped = true
  private active = new Set<Promise<void>>()
  private relaying: Promise<void> | null = null
  private relayAgain = false
  private unsubscribe: (() => void) | null = null
  private stopListening: (() => Promise<void>) | null = null

  constructor(private deps: TJobRunnerDeps) {
    this.defs = new Map(deps.definitions.map((d) => [d.kind, d]))
  }

  get kinds() {
    return [...this.defs.keys()]
  }

  labelOf(kind: string): string {
    return this.defs.get(kind)?.label ?? kind
  }

  async start() {
    this.stopped = false
    // PGlite is one process by construction: whatever is marked running was left by a process
    // that is gone, so its lease is void now rather than after it runs out.
    if (this.deps.database.kind === 'pglite') {
      await this.deps.database.db
        .update(jobs)
        .set({ lockedUntil: new Date(0) })
        .where(eq(jobs.status, 'running'))
    }
    this.unsubscribe = this.deps.events.onWake((what) => (what === 'relay' ? void this.relayLoop() : this.kick()))
    this.stopListening = (await this.deps.database.listen?.('yiyang_jobs', () => this.kick())) ?? null
    const poll = () => {
      if (this.stopped) return
      this.kick()
      this.timer = setTimeout(poll, this.deps.pollMs ?? 2_000)
      this.timer.unref()
    }
    poll()
  }

  /** Stops claiming and waits for the runs in progress. */
  async stop() {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.unsubscribe?.()
    await this.stopListening?.().catch(() => {})
    await this.relaying
    await Promise.allSettled([...this.active])
  }

  /** Looks for work now (coalesced: many wakes while busy cause one more pass). */
  kick() {
    if (this.stopped) return
    void this.relayLoop()
    this.fillSlots()
  }

  /**
   * Runs everything that is due now, jobs and events alike, until nothing is left (tests, CLI).
   * One job a round; the cap only guards against a job that keeps re-queuing itself as due.
   */
  async drain(maxRounds = 10_000) {
    for (let i = 0; i < maxRounds; i++) {
      await this.relaying
      await Promise.allSettled([...this.active])
      const relayed = await relayOutbox(this.outboxDeps())
      const ran = await this.runOne()
      // A job the background poll claimed meanwhile is not in the list awaited above: go round
      // again until nothing runs, or its work would land after drain() returned.
      if (relayed === 0 && !ran && this.active.size === 0 && !this.relaying) return
    }
  }

  private outboxDeps() {
    return { db: this.deps.database.db, clock: this.deps.clock, events: this.deps.events }
  }

  private relayLoop(): Promise<void> {
    if (this.relaying) {
      this.relayAgain = true
      return this.relaying
    }
    this.relaying = (async () => {
      try {
        do {
          this.relayAgain = false
          // A batch short of the limit took everything committed so far; what commits later
          // wakes the relay again (relayAgain), so no empty claim is needed to be sure.
          while (!this.stopped && (await relayOutbox(this.outboxDeps(), RELAY_BATCH)) === RELAY_BATCH) {
            /* next batch */
          }
        } while (this.relayAgain && !this.stopped)
      } catch (err) {
        this.deps.log?.error({ err }, 'outbox relay failed')
      } finally {
        this.relaying = null
      }
    })()
    return this.relaying
  }

  private fillSlots() {
    const slots = (this.deps.concurrency ?? 2) - this.active.size
    for (let i = 0; i < slots; i++) {
      const p: Promise<void> = this.runOne()
        .then((ran) => {
          if (ran && !this.stopped) this.fillSlots()
        })
        .catch((err) => this.deps.log?.error({ err }, 'job runner failed'))
        .finally(() => this.active.delete(p))
      this.active.add(p)
    }
  }

  /** Claims one due job and runs it; false when none was due. */
  async runOne(): Promise<boolean> {
    if (this.defs.size === 0) return false
    const { db } = this.deps.database
    const now = this.deps.clock.now()
    await this.failExhausted(now)
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.kind, this.kinds),
          or(
            and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
            and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now), lt(jobs.attempts, jobs.maxAttempts)),
          ),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true })
    const [row] = await db
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: this.workerId,
        lockedUntil: new Date(now.getTime() + this.leaseOf(undefined)),
        startedAt: sql`coalesce(${jobs.startedAt}, ${now})`,
        updatedAt: now,
      })
      .where(inArray(jobs.id, due))
      .returning(claimedColumns)
    if (!row) return false
    await this.execute({ ...row, attachment: fromBase64(row.attachment) })
    return true
  }

  private leaseOf(kind: string | undefined) {
    return (kind && this.defs.get(kind)?.leaseMs) || DEFAULT_LEASE_MS
  }

  /** A run whose lease ran out on its last attempt is failed with the reason, never left running. */
  private async failExhausted(now: Date) {
    await this.deps.database.db
      .update(jobs)
      .set({
        status: 'failed',
        error: '任务执行中断（服务重启或超时），已达到最多尝试次数',
        finishedAt: now,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now), sql`${jobs.attempts} >= ${jobs.maxAttempts}`))
  }

  private async execute(row: TJobRow) {
    const { db } = this.deps.database
    const { clock } = this.deps
    const def = this.defs.get(row.kind)!
    const mine = and(eq(jobs.id, row.id), eq(jobs.lockedBy, this.workerId))
    const leaseMs = this.leaseOf(row.kind)
    const started = performance.now()
    await db
      .update(jobs)
      .set({ lockedUntil: new Date(clock.now().getTime() + leaseMs) })
      .where(mine)
    try {
      const actor = row.createdBy ? await this.deps.loadActor(db, row.createdBy) : null
      if (row.createdBy && !actor) throw new AppError('FORBIDDEN', '提交任务的账号已停用，任务不再执行')
      const ctx: Ctx = {
        db,
        actor,
        requestId: `job:${row.id}`,
        ip: 'local',
        clock,
        config: this.deps.config,
        crypto: this.deps.crypto,
        events: this.deps.events,
      }
      const result = await def.run(ctx, {
        id: row.id,
        kind: row.kind,
        input: row.input as never,
        attachment: row.attachment,
        attempt: row.attempts,
        maxAttempts: row.maxAttempts,
        regionCode: row.regionCode,
        progress: async (p) => {
          const now = clock.now()
          await db
            .update(jobs)
            .set({ progress: p, lockedUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
            .where(mine)
        },
      })
      const now = clock.now()
      await db
        .update(jobs)
        .set({ status: 'succeeded', result: (result ?? null) as unknown, error: null, finishedAt: now, lockedUntil: null, updatedAt: now })
        .where(mine)
      // A slow job holds a connection (PGlite has only one): worth a line for the operator.
      const ms = Math.round(performance.now() - started)
      if (ms >= SLOW_JOB_MS) this.deps.log?.info({ job: row.id, kind: row.kind, ms }, 'slow job')
    } catch (err) {
      const message = err instanceof AppError ? err.userMessage : err instanceof Error ? err.message : String(err)
      const now = clock.now()
      const giveUp = row.attempts >= row.maxAttempts || (err instanceof AppError && err.code !== 'INTERNAL')
      if (!giveUp) this.deps.log?.error({ err, job: row.id, kind: row.kind }, 'job failed, will retry')
      await db
        .update(jobs)
        .set(
          giveUp
            ? { status: 'failed', error: message.slice(0, 2000), finishedAt: now, lockedUntil: null, updatedAt: now }
            : {
                status: 'queued',
                error: message.slice(0, 2000),
                runAt: new Date(now.getTime() + (def.backoffMs ?? defaultJobBackoffMs)(row.attempts)),
                lockedUntil: null,
                lockedBy: null,
                updatedAt: now,
              },
        )
        .where(mine)
    }
  }
}
