import { EventEmitter } from 'node:events'

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
 * In-process fan-out of outbox events. The outbox row is the durable record: the job runner's
 * relay reads committed rows and calls `dispatch`, which awaits every handler of the type (and
 * of '*'); if one fails the event is retried later, so handlers must be idempotent.
 */
/** What a wake asks for: 'all', due jobs and the outbox; 'relay', the outbox only. */
export type TWake = 'all' | 'relay'

export class EventBus {
  private handlers = new Map<string, Set<Handler>>()
  private wakeups = new EventEmitter()

  on(type: string, handler: Handler) {
    let set = this.handlers.get(type)
    if (!set) this.handlers.set(type, (set = new Set()))
    set.add(handler)
    return () => void set.delete(handler)
  }

  hasHandlers(type: string): boolean {
    return (this.handlers.get(type)?.size ?? 0) + (this.handlers.get('*')?.size ?? 0) > 0
  }

  /** Runs every handler of the event; rejects with the first failure after all have run. */
  async dispatch(e: TDomainEvent): Promise<void> {
    const all = [...(this.handlers.get(e.type) ?? []), ...(this.handlers.get('*') ?? [])]
    const results = await Promise.allSettled(all.map(async (h) => h(e)))
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) throw failed.reason
  }

  /** Something durable was committed (an event or a job): the runner looks at once ('relay': events only). */
  wake(what: TWake = 'all') {
    this.wakeups.emit('wake', what)
  }

  onWake(fn: (what: TWake) => void) {
    this.wakeups.on('wake', fn)
    return () => void this.wakeups.off('wake', fn)
  }
}
