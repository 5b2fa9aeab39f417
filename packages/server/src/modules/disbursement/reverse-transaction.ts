import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError, notFound } from '../../platform/errors.js'
import { inScope, requirePermission } from '../../platform/permissions.js'
import { ledgerTransactions } from './disbursement.tables.js'
import { postingsOf, postTransaction } from './post-transaction.js'

/**
 * Corrects a posted transaction the only way the ledger allows: a reversal with the opposite
 * postings (postings are never updated or deleted). A transaction is reversed at most once.
 */
export async function reverseTransaction(ctx: Ctx, id: string, input: { reason: string }) {
  requirePermission(ctx.actor, 'ledger:reverse')
  return withTx(ctx, async (t) => {
    const [tx] = await t.tx.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id))
    if (!tx) throw notFound()
    const postings = await postingsOf(t, id)
    if (!postings.every((p) => inScope(ctx.actor!, p.account.regionCode))) throw notFound()
    if (tx.kind === 'reversal') throw new AppError('INVALID_TRANSITION', '冲正交易不能再冲正')
    const r = await postTransaction(t, {
      kind: 'reversal',
      ref: `reversal:${id}`,
      month: tx.month,
      memo: `冲正：${tx.memo}（${input.reason}）`,
      reversalOf: id,
      postings: postings.map((p) => ({ account: { ...p.account, kind: p.account.kind }, amountFen: -p.amountFen })),
    })
    if (!r.created) throw new AppError('INVALID_TRANSITION', '该交易已冲正')
    await appendAudit(t, { action: 'ledger.reversed', entityType: 'ledger_transaction', entityId: id, after: { reversalId: r.id, reason: input.reason } })
    return { id: r.id, reversalOf: id }
  })
}
