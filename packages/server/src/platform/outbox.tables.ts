import { bigserial, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'

/**
 * Outbox: events are written in the use case's transaction and relayed after commit by the job
 * runner. An event stays unpublished until every subscriber handled it; a failing handler is
 * retried with backoff (handlers are idempotent), and after `maxAttempts` the event is parked
 * (`failed_at`) for an administrator to see and retry.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }),
    payload: jsonb('payload').notNull(),
    actorId: text('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [
    index('domain_events_entity_idx').on(t.entityType, t.entityId),
    index('domain_events_type_idx').on(t.type),
    index('domain_events_pending_idx')
      .on(t.id)
      .where(sql`published_at is null and failed_at is null`),
  ],
)
