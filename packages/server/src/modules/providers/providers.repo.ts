import { and, eq, like, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { narrowPrefix } from '../../platform/list.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'
import { caregivers, providers } from './providers.tables.js'

export type TProviderRow = typeof providers.$inferSelect
export type TCaregiverRow = typeof caregivers.$inferSelect

/** Provider roles reach their own provider only; everyone else through regions. */
export const isProviderActor = (actor: TActor) => actor.role === 'provider_admin' || actor.role === 'caregiver'

/**
 * Which providers an actor may read: a provider's own staff their provider; anyone else the
 * providers registered inside their scope or serving an area that overlaps it (a street sees
 * the district's providers that serve it). `regionCode` narrows to a region inside the scope.
 */
export function providerReadWhere(actor: TActor, regionCode?: string): SQL {
  if (isProviderActor(actor)) return actor.providerId ? eq(providers.id, actor.providerId) : sql`false`
  const prefix = narrowPrefix(actor, regionCode)
  if (prefix === null) return sql`false`
  const p = scopeLike(prefix)
  return or(like(providers.regionCode, p), sql`exists (select 1 from unnest(${providers.serviceAreaPrefixes}) a where a like ${p} or ${prefix} like a || '%')`)!
}

/** Which providers an actor may manage (review, suspend, register caregivers): registered inside the scope, or their own. */
export function providerWriteWhere(actor: TActor): SQL {
  if (isProviderActor(actor)) return actor.providerId ? eq(providers.id, actor.providerId) : sql`false`
  return like(providers.regionCode, scopeLike(actor.scopePrefix))
}

export async function getProviderForRead(db: DbOrTx, actor: TActor, id: string): Promise<TProviderRow> {
  const [row] = await db
    .select()
    .from(providers)
    .where(and(eq(providers.id, id), providerReadWhere(actor)))
  if (!row) throw new AppError('NOT_FOUND', '服务商不存在或不在您的管辖范围内')
  return row
}

export async function getProviderForWrite(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TProviderRow> {
  const q = db
    .select()
    .from(providers)
    .where(and(eq(providers.id, id), providerWriteWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '服务商不存在或不在您的管辖范围内')
  return row
}

/** Caregivers an actor may see: provider staff their provider's; others those of providers registered in scope. */
export function caregiverWhere(actor: TActor): SQL {
  if (isProviderActor(actor)) return actor.providerId ? eq(caregivers.providerId, actor.providerId) : sql`false`
  return like(caregivers.regionCode, scopeLike(actor.scopePrefix))
}

export async function getCaregiverInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TCaregiverRow> {
  const q = db
    .select()
    .from(caregivers)
    .where(and(eq(caregivers.id, id), caregiverWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '护理员不存在或不在您的管辖范围内')
  return row
}
