/**
 * Pricing and settlement of a service order in integer fen (domain.md §8, issue 19 item 4).
 *
 * Rounding rule: the quantity is kept in tenths of a unit (1.5 小时 = 15); the order price is
 * `unitPriceFen × quantityTenths / 10` rounded half up to whole fen, once, on the order total.
 * The split never rounds again: `subsidy = min(price, remaining entitlement)`,
 * `selfPay = price − subsidy`, so subsidy + selfPay = price to the fen.
 */
import { assertFen, mulDivFen } from '../money.js'

export function orderPriceFen(unitPriceFen: number, quantityTenths: number): number {
  assertFen(unitPriceFen, '单价')
  if (!Number.isSafeInteger(quantityTenths) || quantityTenths <= 0) throw new RangeError('数量必须是正数（以0.1为单位）')
  return mulDivFen(unitPriceFen, quantityTenths, 10)
}

export type TPriceSplit = { priceFen: number; subsidyFen: number; selfPayFen: number }

/** subsidy = min(price, remaining), never negative; the rest is self-pay. */
export function splitPrice(priceFen: number, remainingEntitlementFen: number): TPriceSplit {
  assertFen(priceFen, '价格')
  assertFen(remainingEntitlementFen, '剩余额度')
  if (priceFen < 0) throw new RangeError('价格不能为负')
  const subsidyFen = Math.min(priceFen, Math.max(0, remainingEntitlementFen))
  return { priceFen, subsidyFen, selfPayFen: priceFen - subsidyFen }
}

/** Postings of a settlement: the bureau owes the subsidy part, the elder the self-pay part; both sum to the provider's receivable. */
export function settlementPostings(split: TPriceSplit) {
  const postings = [
    { account: 'provider_receivable', debitFen: split.priceFen, creditFen: 0 },
    { account: 'subsidy_payable', debitFen: 0, creditFen: split.subsidyFen },
    { account: 'self_pay_due', debitFen: 0, creditFen: split.selfPayFen },
  ]
  return postings
}
export const postingAccountLabels = { provider_receivable: '服务商应收', subsidy_payable: '政府补贴应付', self_pay_due: '个人自付应收' } as const
