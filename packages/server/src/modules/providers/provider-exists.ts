import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { TActor } from '../../platform/permissions.js'
import { providers } from './providers.tables.js'

/**
 * True when the provider exists, is active and is the actor's to manage: a provider admin
 * manages only their own provider; anyone else only providers registered inside their region
 * scope. Anything else answers false, so "not yours" and "does not exist" look the same.
 */
export async function providerExists(db: DbOrTx, id: string, actor: TActor): Promise<boolean> {
  if (actor.role === 'provider_admin' && actor.providerId !== id) return false
  const [row] = await db
    .select({ regionCode: providers.regionCode })
    .from(providers)
    .where(and(eq(providers.id, id), eq(providers.status, 'active')))
  if (!row) return false
  return actor.role === 'provider_admin' || row.regionCode.startsWith(actor.scopePrefix)
}
