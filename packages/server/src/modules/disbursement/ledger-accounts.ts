import { fundSourceLabels, type TFundSource } from '@yiyang/core'
import { sql } from 'drizzle-orm'
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

/**
 * The same account codes and names in SQL, over a relation `r` with elder_id, region_code,
 * program_code, program_name, delivery and fund_source: the set-based month run creates and moves
 * the accounts of a whole page in one statement. Keep in step with the functions above.
 */
export const holderAccountSql = {
  code: sql`'elder:' || r.elder_id::text || case when r.delivery = 'cash' then ':benefit:' else ':credit:' end || r.program_code`,
  kind: sql`case when r.delivery = 'cash' then 'elder_benefit' else 'elder_credit' end`,
  name: sql`r.program_name || case when r.delivery = 'cash' then '·应付待遇' else '·服务额度' end`,
}
export const budgetAccountSql = (year: string) => ({
  code: sql`'budget:' || r.program_code || ':' || r.fund_source || ':' || ${year}::text`,
  name: sql`r.program_name || '·' || coalesce(${JSON.stringify(fundSourceLabels)}::jsonb->>r.fund_source, r.fund_source) || '·' || ${year}::text || '年度预算'`,
})
