import { inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { elders } from './elders.tables.js'

/** Status and the date it took effect, by elder id: for checks that a payment stopped in time (the caller has checked scope). */
export async function elderStatusDates(db: DbOrTx, ids: readonly string[]): Promise<Map<string, { status: string; statusDate: string | null }>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.select({ id: elders.id, status: elders.status, statusDate: elders.statusDate }).from(elders).where(inArray(elders.id, unique))
  return new Map(rows.map((r) => [r.id, { status: r.status, statusDate: r.statusDate }]))
}
