import type { Db, Tx } from '../db/client.js'
import type { Clock } from './clock.js'
import type { TConfig } from './config.js'
import type { Crypto } from './crypto.js'
import type { EventBus } from './events.js'
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

/**
 * What to do once the transaction has committed: 'wake', the job runner and the outbox relay
 * look now; 'relay', only the relay (events were recorded, no job is due).
 */
export type TAfterCommit = 'wake' | 'relay'

export type TxCtx = Ctx & { tx: Tx; afterCommit: Set<TAfterCommit> }

/**
 * Runs fn in one transaction. Outbox events and jobs written inside become visible to the
 * relay only after commit, so a rollback sends nothing.
 */
export async function withTx<T>(ctx: Ctx, fn: (t: TxCtx) => Promise<T>): Promise<T> {
  const afterCommit = new Set<TAfterCommit>()
  const result = await ctx.db.transaction(async (tx) => fn({ ...ctx, tx, afterCommit }))
  if (afterCommit.has('wake')) ctx.events.wake('all')
  else if (afterCommit.has('relay')) ctx.events.wake('relay')
  return result
}
