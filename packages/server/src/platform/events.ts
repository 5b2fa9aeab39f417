import { EventEmitter } from 'node:events'
import { domainEvents } from './outbox.tables.js'
import type { TxCtx } from './context.js'

export type TDomainEvent = {
  id?: number
  type: string
  entityType: string
  entityId: string
  regionCode?: string | null
  payload: Record<string, unknown>
  actorId?: string | null
  at?: string
}

type Handler = (e: TDomainEvent) => void | Promise<void>

/**
 * In-process fan-out. The outbox row is the durable record; consumers in other modules
 * subscribe by type ('*' for all) and must be idempotent.
 */
export class EventBus {
  private emitter = new EventEmitter()
  private failures = 0
  constructor(private onError: (err: unknown, e: TDomainEvent) => void = () => {}) {
    this.emitter.setMaxListeners(100)
  }
  on(type: string, handler: Handler) {
    const wrapped = (e: TDomainEvent) => {
      Promise.resolve()
        .then(() => handler(e))
        .catch((err) => {
          this.failures++
          this.onError(err, e)
        })
    }
    this.emitter.on(type, wrapped)
    return () => this.emitter.off(type, wrapped)
  }
  publish(e: TDomainEvent) {
    this.emitter.emit(e.type, e)
    this.emitter.emit('*', e)
  }
  get failureCount() {
    return this.failures
  }
}

/** Appends the event to the outbox inside the current transaction. */
export async function recordEvent(t: TxCtx, e: Omit<TDomainEvent, 'id' | 'at' | 'actorId'>) {
  const [row] = await t.tx
    .insert(domainEvents)
    .values({
      type: e.type,
      entityType: e.entityType,
      entityId: e.entityId,
      regionCode: e.regionCode ?? null,
      payload: e.payload,
      actorId: t.actor?.userId ?? null,
    })
    .returning({ id: domainEvents.id, createdAt: domainEvents.createdAt })
  t.pendingEvents.push({ ...e, id: row!.id, at: row!.createdAt.toISOString(), actorId: t.actor?.userId ?? null })
}
