import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import type { TActor } from '../../platform/permissions.js'
import { users } from './accounts.tables.js'

export type TUserRow = typeof users.$inferSelect

export async function findUserByUsername(db: DbOrTx, username: string): Promise<TUserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
  return row
}

/**
 * A user is visible to an admin when it sits inside the admin's region scope; provider admins
 * see only their own provider's people. Anything else is NOT_FOUND, never FORBIDDEN.
 */
export function userVisibleTo(actor: TActor, row: TUserRow): boolean {
  if (actor.role === 'provider_admin') return !!actor.providerId && row.providerId === actor.providerId
  return row.scopePrefix.startsWith(actor.scopePrefix)
}

export async function getUserInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TUserRow> {
  const q = db.select().from(users).where(eq(users.id, id))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row || !userVisibleTo(actor, row)) throw new AppError('NOT_FOUND')
  return row
}
