import type { TxCtx } from '../../platform/context.js'
import { budgetAccount, elderCreditAccount } from './ledger-accounts.js'
import { postTransaction } from './post-transaction.js'

export type TCreditGrant = {
  elderId: string
  regionCode: string
  programCode: string
  programName: string
  fundSource: string
  /** Payment month "YYYY-MM". */
  month: string
  amountFen: number
}

/**
 * Credits an elder's service-credit account for one month of a non-cash benefit (S002): the
 * programme budget pays, the elder holds the credit until a settled order spends it. Idempotent
 * per (month, elder, programme).
 */
export async function grantServiceCredit(t: TxCtx, g: TCreditGrant) {
  return postTransaction(t, {
    kind: 'credit_grant',
    ref: `credit:${g.month}:${g.elderId}:${g.programCode}`,
    month: g.month,
    memo: `${g.month} ${g.programName} 服务额度`,
    postings: [
      { account: budgetAccount({ ...g, year: g.month.slice(0, 4) }), amountFen: g.amountFen },
      { account: elderCreditAccount(g), amountFen: -g.amountFen },
    ],
  })
}
