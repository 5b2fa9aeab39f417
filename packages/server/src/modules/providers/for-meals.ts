import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { levelPrefix } from '../../platform/list.js'
import { providers } from './providers.tables.js'

/**
 * What the meal counter reads of a canteen (助餐点 / 敬老餐厅, a provider of kind canteen): its
 * status, service area, meal items and the central kitchen that supplies it. Facts, not access:
 * the caller has checked that the canteen is the actor's own.
 */
export async function canteenFacts(db: DbOrTx, providerId: string) {
  const [p] = await db.select().from(providers).where(eq(providers.id, providerId))
  if (!p || p.kind !== 'canteen') return null
  const [supplier] = p.suppliedBy ? await db.select({ id: providers.id, name: providers.name }).from(providers).where(eq(providers.id, p.suppliedBy)) : []
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    regionCode: p.regionCode,
    address: p.address,
    serviceArea: p.serviceArea,
    /** Level prefixes of the service area (the registered region's when none is set). */
    serviceAreaPrefixes: p.serviceAreaPrefixes.length ? p.serviceAreaPrefixes : [levelPrefix(p.regionCode)],
    serviceItems: p.serviceItems,
    supplier: supplier ?? null,
  }
}

/** The central kitchen's name of each canteen that has one. */
export async function canteenSuppliers(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await db.select({ id: providers.id, suppliedBy: providers.suppliedBy }).from(providers).where(inArray(providers.id, ids))
  const kitchens = [...new Set(rows.map((r) => r.suppliedBy).filter((x): x is string => !!x))]
  if (!kitchens.length) return new Map()
  const names = new Map(
    (await db.select({ id: providers.id, name: providers.name }).from(providers).where(inArray(providers.id, kitchens))).map((r) => [r.id, r.name]),
  )
  return new Map(rows.filter((r) => r.suppliedBy && names.has(r.suppliedBy)).map((r) => [r.id, names.get(r.suppliedBy!)!]))
}
