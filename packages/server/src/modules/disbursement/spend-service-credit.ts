import { and, asc, eq, lt, sql } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { ledgerAccounts, ledgerPostings, ledgerTransactions } from './disbursement.tables.js'
import { providerReceivableAccount } from './ledger-accounts.js'
import { postTransaction } from './post-transaction.js'

export type TCreditSpend = {
  elderId: string
  /** The settled service order: one draw-down per order, however often settlement is retried. */
  orderId: string
  providerId: string
  providerRegionCode: string
  /** The subsidy part the order may take from credits; the rest is the elder's self-pay. */
  maxFen: number
  month: string
}

/**
 * Spends an elder's service credits on a settled order (issue 18 item 4; the orders module calls
 * this at settlement). Draws from the elder's credit accounts in programme-code order, up to
 * `maxFen`, and owes the provider the same amount. The accounts are locked first, so two
 * settlements at the same moment cannot spend the same credit twice.
 */
export async function spendServiceCredit(t: TxCtx, s: TCreditSpend): Promise<{ drawnFen: number; txId: string | null }> {
  if (!Number.isSafeInteger(s.maxFen) || s.maxFen < 0) throw new RangeError('maxFen 必须是非负整数分')
  const ref = `spend:${s.orderId}`
  const done = await drawnFor(t, ref)
  if (done) return done
  const accounts = await t.tx
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.elderId, s.elderId), eq(ledgerAccounts.kind, 'elder_credit'), lt(ledgerAccounts.balanceFen, 0)))
    .orderBy(asc(ledgerAccounts.code))
    .for('update')
  // A concurrent settlement of the same order may have committed while we waited for the lock.
  const raced = await drawnFor(t, ref)
  if (raced) return raced
  let left = s.maxFen
  const draws: { account: (typeof accounts)[number]; fen: number }[] = []
  for (const a of accounts) {
    if (left === 0) break
    const fen = Math.min(-a.balanceFen, left)
    draws.push({ account: a, fen })
    left -= fen
  }
  const drawnFen = s.maxFen - left
  if (drawnFen === 0) return { drawnFen: 0, txId: null }
  const { id } = await postTransaction(t, {
    kind: 'credit_spend',
    ref,
    month: s.month,
    memo: `服务订单结算 ${s.orderId}`,
    postings: [
      ...draws.map((d) => ({
        account: {
          code: d.account.code,
          kind: d.account.kind,
          name: d.account.name,
          regionCode: d.account.regionCode,
          elderId: d.account.elderId,
          programCode: d.account.programCode,
        },
        amountFen: d.fen,
      })),
      { account: providerReceivableAccount({ providerId: s.providerId, regionCode: s.providerRegionCode }), amountFen: -drawnFen },
    ],
  })
  return { drawnFen, txId: id }
}

async function drawnFor(t: TxCtx, ref: string): Promise<{ drawnFen: number; txId: string } | null> {
  const [row] = await t.tx
    .select({ txId: ledgerTransactions.id, drawn: sql<string>`coalesce(sum(${ledgerPostings.amountFen}) filter (where ${ledgerPostings.amountFen} > 0), 0)` })
    .from(ledgerTransactions)
    .innerJoin(ledgerPostings, eq(ledgerPostings.txId, ledgerTransactions.id))
    .where(eq(ledgerTransactions.ref, ref))
    .groupBy(ledgerTransactions.id)
  return row ? { drawnFen: Number(row.drawn), txId: row.txId } : null
}
