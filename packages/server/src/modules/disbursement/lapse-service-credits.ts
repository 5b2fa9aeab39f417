import { and, eq, lt } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { ledgerAccounts } from './disbursement.tables.js'
import { postTransaction } from './post-transaction.js'

/**
 * Month-end lapse of unspent service credits (domain.md §6 [OPEN], default: lapses): each credit
 * account still holding credit returns it to its programme budget of that year, unless the
 * programme carries credits over. Idempotent per (month, account).
 */
export async function lapseServiceCredits(t: TxCtx, input: { month: string; carriesOver: (programCode: string) => boolean }) {
  const year = input.month.slice(0, 4)
  const held = await t.tx
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, 'elder_credit'), lt(ledgerAccounts.balanceFen, 0)))
  let lapsed = 0
  let lapsedFen = 0
  for (const a of held) {
    if (!a.programCode || input.carriesOver(a.programCode)) continue
    const [budget] = await t.tx
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.kind, 'budget'), eq(ledgerAccounts.programCode, a.programCode), eq(ledgerAccounts.year, year)))
      .limit(1)
    if (!budget) continue
    const fen = -a.balanceFen
    const r = await postTransaction(t, {
      kind: 'credit_lapse',
      ref: `lapse:${input.month}:${a.id}`,
      month: input.month,
      memo: `${input.month} 月末未用服务额度失效`,
      postings: [
        { account: { code: a.code, kind: a.kind, name: a.name, regionCode: a.regionCode, elderId: a.elderId, programCode: a.programCode }, amountFen: fen },
        { account: { code: budget.code, kind: budget.kind, name: budget.name, regionCode: budget.regionCode }, amountFen: -fen },
      ],
    })
    if (r.created) {
      lapsed++
      lapsedFen += fen
    }
  }
  return { lapsed, lapsedFen }
}
