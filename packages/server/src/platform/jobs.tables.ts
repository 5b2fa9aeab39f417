import { sql } from 'drizzle-orm'
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
})

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const
export type TJobStatus = (typeof jobStatuses)[number]

/**
 * Durable background work and timers. A worker claims due rows with FOR UPDATE SKIP LOCKED and
 * holds a lease (`locked_until`) that progress reports extend; a row whose lease ran out (its
 * process died) is claimed again or, out of attempts, failed with a reason, never left running.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    idempotencyKey: text('idempotency_key'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    createdBy: text('created_by'),
    regionCode: varchar('region_code', { length: 12 }),
    input: jsonb('input'),
    attachment: bytea('attachment'),
    progress: jsonb('progress'),
    result: jsonb('result'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.kind),
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`status in ('queued', 'running')`),
    // NULL keys never collide, so only jobs that asked for idempotency are deduplicated.
    uniqueIndex('jobs_idempotency_idx').on(t.kind, t.idempotencyKey),
  ],
)
