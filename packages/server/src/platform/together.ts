import { sql, type SQL } from 'drizzle-orm'
import type { Tx } from '../db/client.js'

/**
 * Several data-changing statements sent as one (data-modifying WITH clauses): one round trip
 * instead of one each. PostgreSQL runs every clause, referenced or not, on one snapshot, so
 * no part may need to see another part's rows; each keeps its own constraints and triggers.
 */
export async function runTogether(tx: Tx, parts: SQL[]): Promise<void> {
  if (parts.length === 0) return
  if (parts.length === 1) {
    await tx.execute(parts[0]!)
    return
  }
  const clauses = parts.map((p, i) => sql`${sql.raw(`part${i}`)} as (${p})`)
  await tx.execute(sql`with ${sql.join(clauses, sql`, `)} select 1`)
}
