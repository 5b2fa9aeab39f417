/**
 * Monthly disbursement and the double-entry ledger (issue 18). Other modules use the service
 * functions below; the tables stay private.
 */
import type { TApiModule } from '../../platform/module.js'
import type { TJobDefinition } from '../../platform/jobs.js'
import { disbursementRoutes } from './disbursement.routes.js'
import { runMonthJob } from './run-month-job.js'
import { seedDisbursement } from './seed-disbursement.js'

export { verifyLedger, type TLedgerVerification } from './verify-ledger.js'
export { runMonth, type TMonthRunResult } from './run-month.js'
export { benefitsDueSource } from './benefits-due-source.js'
export type { TDueLine, TDueSource } from './due-source.js'
export { grantServiceCredit, type TCreditGrant } from './grant-service-credit.js'
export { spendServiceCredit, type TCreditSpend } from './spend-service-credit.js'
export { lapseServiceCredits } from './lapse-service-credits.js'
export { creditBalances } from './credit-balances.js'
export { creditHeldFen } from './credit-held.js'
export { creditCarryOver } from './programmes-for-checks.js'

export const disbursementModule: TApiModule = {
  name: 'disbursement',
  routes: disbursementRoutes,
  seed: seedDisbursement,
  jobs: [runMonthJob as TJobDefinition<never>],
}
