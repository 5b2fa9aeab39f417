import type { Db, Tx } from '../db/client.js'
import type { Clock } from './clock.js'
import type { TConfig } from './config.js'
import type { Crypto } from './crypto.js'
import type { EventBus, TDomainEvent } from './events.js'
import type { TActor } from './permissions.js'

/** Everything a use case needs, built per request. Use cases never read globals. */
export type Ctx = {
  db: Db
  actor: TActor | null
  requestId: string
  ip: string
  clock: Clock
  config: TConfig
  crypto: Crypto
  events: EventBus
}

export type TxCtx = Ctx & { tx: Tx; pendingEvents: TDomainEvent[] }

/**
 * Runs fn in one transaction. Domain events recorded inside are published only after commit,
 * so a rollback sends nothing.
 */
export async function withTx<T>(ctx: Ctx, fn: (t: TxCtx) => Promise<T>): Promise<T> {
  const pendingEvents: TDomainEvent[] = []
  const result = await ctx.db.transaction(async (tx) => fn({ ...ctx, tx, pendingEvents }))
  for (const e of pendingEvents) ctx.events.publish(e)
  return result
}
