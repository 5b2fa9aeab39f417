import { and, eq, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { providers } from './providers.tables.js'

export type TServiceSite = { id: string; name: string; kind: 'home_care' | 'canteen'; regionCode: string; lat: number; lng: number }

/**
 * The sites of active providers that have a location (issue 20 item 5): public facts like the
 * directory (name, kind, place), so every site counts for every elder, whichever street it is in.
 */
export async function serviceSites(db: DbOrTx): Promise<TServiceSite[]> {
  const rows = await db
    .select({ id: providers.id, name: providers.name, kind: providers.kind, regionCode: providers.regionCode, lat: providers.siteLat, lng: providers.siteLng })
    .from(providers)
    .where(and(eq(providers.status, 'active'), isNotNull(providers.siteLat), isNotNull(providers.siteLng)))
    .orderBy(providers.name)
  return rows.map((r) => ({ ...r, lat: r.lat!, lng: r.lng! }))
}
