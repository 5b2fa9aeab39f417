import { and, eq, isNull, like, or, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { jobs } from '../../platform/jobs.js'
import { domainEvents } from '../../platform/outbox.tables.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'

/** The administrator sees the jobs and events of their scope and the system's own (no region). */
export const jobScope = (actor: TActor): SQL => or(like(jobs.regionCode, scopeLike(actor.scopePrefix)), isNull(jobs.regionCode))!
export const eventScope = (actor: TActor): SQL => or(like(domainEvents.regionCode, scopeLike(actor.scopePrefix)), isNull(domainEvents.regionCode))!

export async function getJobInScope(db: DbOrTx, actor: TActor, id: string) {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), jobScope(actor)))
  if (!row) throw new AppError('NOT_FOUND', '任务不存在')
  return row
}
