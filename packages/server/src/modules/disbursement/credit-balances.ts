import { and, desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getElderForActor } from '../elders/index.js'
import { ledgerAccounts, ledgerPostings, ledgerTransactions } from './disbursement.tables.js'

/** An elder's service credits per programme and the latest movements, for the elder page. */
export async function creditBalances(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  await getElderForActor(ctx, elderId) // scoped: NOT_FOUND outside the scope
  const accounts = await ctx.db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.elderId, elderId), eq(ledgerAccounts.kind, 'elder_credit')))
  const history = await ctx.db
    .select({
      at: ledgerTransactions.createdAt,
      kind: ledgerTransactions.kind,
      memo: ledgerTransactions.memo,
      month: ledgerTransactions.month,
      amountFen: ledgerPostings.amountFen,
      programCode: ledgerAccounts.programCode,
    })
    .from(ledgerPostings)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerPostings.txId))
    .where(and(eq(ledgerAccounts.elderId, elderId), eq(ledgerAccounts.kind, 'elder_credit')))
    .orderBy(desc(ledgerPostings.id))
    .limit(100)
  // The elder's credit is the ledger's liability: a negative balance is credit held.
  return {
    balances: accounts.map((a) => ({ programCode: a.programCode!, name: a.name, balanceFen: -a.balanceFen })),
    history: history.map((h) => ({ at: h.at.toISOString(), kind: h.kind, memo: h.memo, month: h.month, programCode: h.programCode, amountFen: -h.amountFen })),
  }
}
