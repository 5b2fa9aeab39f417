import { count, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { users } from './accounts.tables.js'

/** Accounts that still log in with the published demo password. */
export async function countDemoPasswordUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.isDemoPassword, true))
  return Number(row?.n ?? 0)
}
