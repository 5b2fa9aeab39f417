import { and, eq, inArray, sql } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { ledgerAccounts, ledgerPostings, ledgerTransactions } from './disbursement.tables.js'

export type TLedgerAccountKind = (typeof ledgerAccounts.$inferInsert)['kind']
export type TLedgerTxKind = (typeof ledgerTransactions.$inferInsert)['kind']

export type TAccountSpec = {
  code: string
  kind: TLedgerAccountKind
  name: string
  regionCode: string
  elderId?: string | null
  providerId?: string | null
  programCode?: string | null
  fundSource?: string | null
  year?: string | null
}
export type TPostingSpec = { account: TAccountSpec; amountFen: number }
export type TPostInput = {
  kind: TLedgerTxKind
  ref: string
  month?: string | null
  memo: string
  postings: readonly TPostingSpec[]
  reversalOf?: string | null
}

/** A programming error, never user input: the ledger refuses an unbalanced or fractional transaction. */
export class LedgerInvariantError extends Error {
  override readonly name = 'LedgerInvariantError'
}

/**
 * Posts one balanced transaction in the caller's database transaction, creating the accounts it
 * names. Idempotent by `ref`: a second post of the same ref changes nothing and returns the first
 * transaction (`created: false`), so a retried or resumed step cannot pay twice.
 */
export async function postTransaction(t: TxCtx, input: TPostInput): Promise<{ id: string; created: boolean }> {
  const postings = input.postings.filter((p) => p.amountFen !== 0)
  if (postings.length < 2) throw new LedgerInvariantError(`交易 ${input.ref} 至少需要两笔非零分录`)
  if (!postings.every((p) => Number.isSafeInteger(p.amountFen))) throw new LedgerInvariantError(`交易 ${input.ref} 的金额必须是整数分`)
  if (postings.reduce((s, p) => s + p.amountFen, 0) !== 0) throw new LedgerInvariantError(`交易 ${input.ref} 借贷不平衡`)

  const [tx] = await t.tx
    .insert(ledgerTransactions)
    .values({
      kind: input.kind,
      ref: input.ref,
      month: input.month ?? null,
      memo: input.memo,
      reversalOf: input.reversalOf ?? null,
      createdBy: t.actor?.userId ?? null,
    })
    .onConflictDoNothing({ target: ledgerTransactions.ref })
    .returning({ id: ledgerTransactions.id })
  if (!tx) {
    const [existing] = await t.tx.select({ id: ledgerTransactions.id }).from(ledgerTransactions).where(eq(ledgerTransactions.ref, input.ref))
    return { id: existing!.id, created: false }
  }
  const ids = await ensureAccounts(
    t,
    postings.map((p) => p.account),
  )
  // Sum per account first: one balance update per account, in code order so that concurrent
  // posters lock accounts in the same order (no deadlock).
  const delta = new Map<string, number>()
  for (const p of postings) delta.set(p.account.code, (delta.get(p.account.code) ?? 0) + p.amountFen)
  await t.tx.insert(ledgerPostings).values(postings.map((p) => ({ txId: tx.id, accountId: ids.get(p.account.code)!, amountFen: p.amountFen })))
  for (const code of [...delta.keys()].sort()) {
    const d = delta.get(code)!
    if (d !== 0)
      await t.tx
        .update(ledgerAccounts)
        .set({ balanceFen: sql`${ledgerAccounts.balanceFen} + ${d}` })
        .where(eq(ledgerAccounts.id, ids.get(code)!))
  }
  return { id: tx.id, created: true }
}

/** Creates missing accounts (concurrent creators are fine: the code is unique) and returns code → id. */
export async function ensureAccounts(t: TxCtx, specs: readonly TAccountSpec[]): Promise<Map<string, string>> {
  const unique = [...new Map(specs.map((s) => [s.code, s])).values()]
  await t.tx
    .insert(ledgerAccounts)
    .values(
      unique.map((s) => ({
        code: s.code,
        kind: s.kind,
        name: s.name,
        regionCode: s.regionCode,
        elderId: s.elderId ?? null,
        providerId: s.providerId ?? null,
        programCode: s.programCode ?? null,
        fundSource: s.fundSource ?? null,
        year: s.year ?? null,
      })),
    )
    .onConflictDoNothing({ target: ledgerAccounts.code })
  const rows = await t.tx
    .select({ id: ledgerAccounts.id, code: ledgerAccounts.code })
    .from(ledgerAccounts)
    .where(
      inArray(
        ledgerAccounts.code,
        unique.map((s) => s.code),
      ),
    )
  return new Map(rows.map((r) => [r.code, r.id]))
}

/** Postings of a transaction, for reversals and statements. */
export async function postingsOf(t: TxCtx, txId: string) {
  return t.tx
    .select({ account: ledgerAccounts, amountFen: ledgerPostings.amountFen })
    .from(ledgerPostings)
    .innerJoin(ledgerAccounts, and(eq(ledgerAccounts.id, ledgerPostings.accountId)))
    .where(eq(ledgerPostings.txId, txId))
}
