import { benefitsBackPay, benefitsDueSql, countBenefitsDue, pageBenefitsDue } from '../benefits/index.js'
import type { TDueSource } from './due-source.js'

/** What the month run owes: the benefits module's payable benefits (through its index). */
export const benefitsDueSource: TDueSource = {
  count: (db, q) => countBenefitsDue(db, q),
  page: (db, q) => pageBenefitsDue(db, q),
  pageSql: (q) => benefitsDueSql(q),
  backPay: (db, q) => benefitsBackPay(db, q.month, q.benefitIds),
}
