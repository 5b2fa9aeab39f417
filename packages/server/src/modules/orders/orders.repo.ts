import { and, eq, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { regionFilter } from '../../platform/list.js'
import type { TActor } from '../../platform/permissions.js'
import { caregiverIdOfUser } from '../providers/index.js'
import { serviceOrders } from './orders.tables.js'

export type TOrderRow = typeof serviceOrders.$inferSelect

/** Who sees which orders: a provider admin their provider's, a caregiver their own assignments, everyone else by the elder's region. */
export type TOrderReach = { actor: TActor; caregiverId: string | null }

export async function orderReach(db: DbOrTx, actor: TActor): Promise<TOrderReach> {
  return { actor, caregiverId: actor.role === 'caregiver' ? await caregiverIdOfUser(db, actor.userId) : null }
}

export function orderWhere(reach: TOrderReach, regionCode?: string | null): SQL {
  const { actor } = reach
  if (actor.role === 'provider_admin') return actor.providerId ? eq(serviceOrders.providerId, actor.providerId) : sql`false`
  // The second caregiver of a double-staffed visit (daily plan) sees it too; the visit's steps stay the first caregiver's.
  if (actor.role === 'caregiver')
    return reach.caregiverId ? or(eq(serviceOrders.caregiverId, reach.caregiverId), eq(serviceOrders.helperCaregiverId, reach.caregiverId))! : sql`false`
  return regionFilter(serviceOrders.regionCode, actor, regionCode)
}

/** Scoped get: an order out of reach is NOT_FOUND, exactly like a missing one. */
export async function getOrderInScope(db: DbOrTx, reach: TOrderReach, id: string, forUpdate = false): Promise<TOrderRow> {
  const q = db
    .select()
    .from(serviceOrders)
    .where(and(eq(serviceOrders.id, id), orderWhere(reach)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '工单不存在或不在您的管辖范围内')
  return row
}
