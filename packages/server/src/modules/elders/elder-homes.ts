import { and, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { TActor } from '../../platform/permissions.js'
import { regionFilter } from '../../platform/list.js'
import { elders } from './elders.tables.js'

export type TElderHome = { regionCode: string; lat: number | null; lng: number | null }

/**
 * The registered homes of the active elders in the actor's scope (narrowed to `regionCode` when
 * given; a region outside the scope gives nothing), for the 15-minute service circle (issue 20
 * item 5). Only the community and the point: no name, no id. The caller checked the permission.
 */
export async function elderHomesInScope(db: DbOrTx, actor: TActor, regionCode?: string | null): Promise<TElderHome[]> {
  return db
    .select({ regionCode: elders.regionCode, lat: elders.homeLat, lng: elders.homeLng })
    .from(elders)
    .where(and(regionFilter(elders.regionCode, actor, regionCode), eq(elders.status, 'active'), isNull(elders.mergedInto)))
}
