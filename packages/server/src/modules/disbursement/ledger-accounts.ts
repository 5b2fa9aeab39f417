import { fundSourceLabels, type TFundSource } from '@yiyang/core'
import type { TAccountSpec } from './post-transaction.js'

/**
 * The account plan (issue 18 item 1): one budget account per programme, fund source and year;
 * per elder a benefit payable and a service-credit account per programme; provider receivables;
 * one bank clearing account per installation. Codes are stable keys; names are Chinese.
 */
export const budgetAccount = (p: { programCode: string; programName: string; fundSource: string; year: string; regionCode: string }): TAccountSpec => ({
  code: `budget:${p.programCode}:${p.fundSource}:${p.year}`,
  kind: 'budget',
  name: `${p.programName}·${fundSourceLabels[p.fundSource as TFundSource] ?? p.fundSource}·${p.year}年度预算`,
  regionCode: p.regionCode,
  programCode: p.programCode,
  fundSource: p.fundSource,
  year: p.year,
})

export const elderBenefitAccount = (p: { elderId: string; programCode: string; programName: string; regionCode: string }): TAccountSpec => ({
  code: `elder:${p.elderId}:benefit:${p.programCode}`,
  kind: 'elder_benefit',
  name: `${p.programName}·应付待遇`,
  regionCode: p.regionCode,
  elderId: p.elderId,
  programCode: p.programCode,
})

export const elderCreditAccount = (p: { elderId: string; programCode: string; programName: string; regionCode: string }): TAccountSpec => ({
  code: `elder:${p.elderId}:credit:${p.programCode}`,
  kind: 'elder_credit',
  name: `${p.programName}·服务额度`,
  regionCode: p.regionCode,
  elderId: p.elderId,
  programCode: p.programCode,
})

export const providerReceivableAccount = (p: { providerId: string; regionCode: string }): TAccountSpec => ({
  code: `provider:${p.providerId}:receivable`,
  kind: 'provider_receivable',
  name: '服务商应收结算款',
  regionCode: p.regionCode,
  providerId: p.providerId,
})

export const bankClearingAccount = (regionCode: string): TAccountSpec => ({
  code: 'bank:clearing',
  kind: 'bank_clearing',
  name: '银行代发清算',
  regionCode,
})
