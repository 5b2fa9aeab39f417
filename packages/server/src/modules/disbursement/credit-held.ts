import { and, eq, sql } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { ledgerAccounts } from './disbursement.tables.js'

/** Service credit an elder holds now, in fen, read in the caller's transaction (pricing an order). */
export async function creditHeldFen(t: TxCtx, elderId: string): Promise<number> {
  const [row] = await t.tx
    .select({ s: sql<string>`coalesce(sum(${ledgerAccounts.balanceFen}), 0)` })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.elderId, elderId), eq(ledgerAccounts.kind, 'elder_credit')))
  // Credit held is the ledger's liability: a negative balance.
  return -Number(row?.s ?? 0)
}
