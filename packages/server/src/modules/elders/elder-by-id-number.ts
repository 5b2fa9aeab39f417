import { normalizeIdNumberText } from '@yiyang/core'
import { and, inArray, isNull } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { elders } from './elders.tables.js'

/**
 * Elders by ID number (any width, normalised by core), matched by keyed hash, merged records
 * excluded. Returns id, region and status per normalised ID number; the caller checks its scope
 * and must not tell the user where an out-of-scope elder is registered.
 */
export async function eldersByIdNumbers(ctx: Ctx, idNumbers: readonly string[]) {
  const byHash = new Map<string, string>()
  for (const raw of idNumbers) {
    const id = normalizeIdNumberText(raw)
    if (id) byHash.set(ctx.crypto.lookupHash(id), id)
  }
  const found = new Map<string, { id: string; regionCode: string; status: string }>()
  if (!byHash.size) return found
  const rows = await ctx.db
    .select({ id: elders.id, regionCode: elders.regionCode, status: elders.status, idHash: elders.idHash })
    .from(elders)
    .where(and(inArray(elders.idHash, [...byHash.keys()]), isNull(elders.mergedInto)))
  for (const r of rows) found.set(byHash.get(r.idHash)!, { id: r.id, regionCode: r.regionCode, status: r.status })
  return found
}
