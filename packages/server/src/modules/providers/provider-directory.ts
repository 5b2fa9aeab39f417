import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { regionNames } from '../regions/index.js'
import { providers } from './providers.tables.js'

/** The public directory (portal, no login): active providers, their items and prices, nothing personal. */
export async function providerDirectory(ctx: Ctx) {
  const rows = await ctx.db.select().from(providers).where(eq(providers.status, 'active')).orderBy(asc(providers.name)).limit(500)
  const names = await regionNames(
    ctx.db,
    rows.flatMap((r) => [r.regionCode, ...r.serviceArea]),
  )
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    regionName: names.get(r.regionCode) ?? null,
    /** Where it serves (streets, communities), for the portal's search by street. */
    areaNames: r.serviceArea.map((c) => names.get(c)).filter((n): n is string => !!n),
    starRating: r.starRating,
    serviceItems: r.serviceItems.map((i) => ({ itemName: i.itemName, priceFen: i.priceFen })),
  }))
}
