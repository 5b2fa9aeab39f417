import { and, asc, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import type { Clock } from './clock.js'
import type { TxCtx } from './context.js'
import type { EventBus, TDomainEvent } from './events.js'
import { domainEvents } from './outbox.tables.js'

export type { TDomainEvent } from './events.js'

/** Appends the event to the outbox inside the current transaction; it is relayed after commit. */
export async function recordEvent(t: TxCtx, e: Omit<TDomainEvent, 'id' | 'at' | 'actorId'>) {
  await t.tx.insert(domainEvents).values({
    type: e.type,
    entityType: e.entityType,
    entityId: e.entityId,
    regionCode: e.regionCode ?? null,
    payload: e.payload,
    actorId: t.actor?.userId ?? null,
  })
  t.afterCommit.add('relay')
}

/** Several events in one statement (a batch of device alarms): the same as recordEvent for each, in order. */
export async function recordEvents(t: TxCtx, list: Omit<TDomainEvent, 'id' | 'at' | 'actorId'>[]) {
  const q = recordEventsSql(t, list)
  if (q) await t.tx.execute(q)
}

/** recordEvents as a statement to send with others (runTogether); null for an empty list. */
export function recordEventsSql(t: TxCtx, list: Omit<TDomainEvent, 'id' | 'at' | 'actorId'>[]): SQL | null {
  if (list.length === 0) return null
  t.afterCommit.add('relay')
  return t.tx
    .insert(domainEvents)
    .values(
      list.map((e) => ({
        type: e.type,
        entityType: e.entityType,
        entityId: e.entityId,
        regionCode: e.regionCode ?? null,
        payload: e.payload,
        actorId: t.actor?.userId ?? null,
      })),
    )
    .getSQL()
}

/** After this many failed deliveries an event is parked (failed_at) and shown to administrators. */
export const OUTBOX_MAX_ATTEMPTS = 8
const LEASE_MS = 60_000
/** 5 s, 10 s, 20 s … capped at one hour. */
export const outboxBackoffMs = (attempt: number) => Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempt - 1))

type TEventRow = typeof domainEvents.$inferSelect

export const toDomainEvent = (r: TEventRow): TDomainEvent => ({
  id: r.id,
  type: r.type,
  entityType: r.entityType,
  entityId: r.entityId,
  regionCode: r.regionCode,
  payload: r.payload as Record<string, unknown>,
  actorId: r.actorId,
  at: r.createdAt.toISOString(),
})

/**
 * Relays one batch of committed, unpublished events in id order. Claiming takes a short lease
 * under FOR UPDATE SKIP LOCKED, so two server processes never deliver the same event at once;
 * the handlers run outside the claim, and a process that dies mid-batch leaves leases that
 * simply run out. Returns how many events were claimed.
 */
export async function relayOutbox(deps: { db: Db; clock: Clock; events: EventBus }, limit = 500): Promise<number> {
  const { db, clock, events } = deps
  const now = clock.now()
  const claimable = db
    .select({ id: domainEvents.id })
    .from(domainEvents)
    .where(
      and(
        isNull(domainEvents.publishedAt),
        isNull(domainEvents.failedAt),
        or(isNull(domainEvents.nextAttemptAt), lte(domainEvents.nextAttemptAt, now)),
        or(isNull(domainEvents.lockedUntil), lt(domainEvents.lockedUntil, now)),
      ),
    )
    .orderBy(asc(domainEvents.id))
    .limit(limit)
    .for('update', { skipLocked: true })
  const rows = (
    await db
      .update(domainEvents)
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${domainEvents.attempts} + 1` })
      .where(inArray(domainEvents.id, claimable))
      .returning()
  ).sort((a, b) => a.id - b.id)
  // Events nobody listens to are published in one statement: an import of 100k elders must not
  // cost 100k round trips.
  const silent = rows.filter((r) => !events.hasHandlers(r.type)).map((r) => r.id)
  if (silent.length) await db.update(domainEvents).set({ publishedAt: now, lockedUntil: null }).where(inArray(domainEvents.id, silent))
  for (const r of rows) {
    if (!events.hasHandlers(r.type)) continue
    try {
      await events.dispatch(toDomainEvent(r))
      await db
        .update(domainEvents)
        .set({ publishedAt: clock.now(), lockedUntil: null, lastError: null })
        .where(sql`${domainEvents.id} = ${r.id}`)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      const giveUp = r.attempts >= OUTBOX_MAX_ATTEMPTS
      await db
        .update(domainEvents)
        .set({
          lockedUntil: null,
          lastError: message.slice(0, 2000),
          ...(giveUp ? { failedAt: clock.now() } : { nextAttemptAt: new Date(clock.now().getTime() + outboxBackoffMs(r.attempts)) }),
        })
        .where(sql`${domainEvents.id} = ${r.id}`)
    }
  }
  return rows.length
}
