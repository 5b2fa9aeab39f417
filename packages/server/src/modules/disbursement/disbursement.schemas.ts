import { z } from 'zod'
import { fundAnomalyKinds } from '@yiyang/core'
import { ZPageQuery } from '../../platform/list.js'

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '发放月份应为 YYYY-MM')
export const ZBatch = z.object({
  id: z.string(),
  month: z.string(),
  regionCode: z.string(),
  seq: z.number(),
  status: z.enum(['computing', 'draft', 'checked', 'approved', 'exported', 'paid']),
  version: z.number(),
  linesTotal: z.number(),
  linesDone: z.number(),
  totalFen: z.number(),
  checkedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export const ZLine = z.object({
  id: z.string(),
  month: z.string(),
  elderId: z.string(),
  elderName: z.string(),
  regionCode: z.string(),
  programCode: z.string(),
  programName: z.string(),
  delivery: z.string(),
  fundSource: z.string(),
  amountFen: z.number(),
  explanation: z.string(),
  status: z.enum(['pending', 'paid', 'failed', 'reissued']),
  failReason: z.string().nullable(),
  kind: z.enum(['regular', 'back_pay']),
  periodFrom: z.string(),
  periodTo: z.string(),
  benefitId: z.string().nullable(),
  applicationId: z.string().nullable(),
})
export const ZVersion = z.object({ version: z.number().int().positive(), note: z.string().max(500).optional() })

export const ZCredits = z.object({
  balances: z.array(z.object({ programCode: z.string(), name: z.string(), balanceFen: z.number() })),
  history: z.array(
    z.object({ at: z.string(), kind: z.string(), memo: z.string(), month: z.string().nullable(), programCode: z.string().nullable(), amountFen: z.number() }),
  ),
})

export const ZBankAccount = z.object({ bankName: z.string(), accountHolder: z.string(), accountNumberMasked: z.string() })
export const ZBankAccountInput = z.object({
  bankName: z.string().trim().min(2, '请填写开户行').max(60),
  accountHolder: z.string().trim().min(1, '请填写户名').max(40),
  accountNumber: z
    .string()
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{12,30}$/, '银行账号应为 12–30 位数字')),
})
export const ZBankResult = z.object({
  paid: z.number(),
  failed: z.number(),
  unknownRows: z.array(z.number()),
  duplicateRows: z.array(z.number()),
  alreadySettledRows: z.array(z.number()),
  pendingLeft: z.number(),
  status: z.string(),
})

export const ZAnomaly = z.object({
  id: z.string(),
  kind: z.enum(fundAnomalyKinds),
  month: z.string(),
  regionCode: z.string(),
  elderId: z.string().nullable(),
  elderName: z.string().nullable(),
  detail: z.string(),
  status: z.enum(['open', 'resolved']),
  resolvedNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
})
export const ZFindAnomalies = ZPageQuery.extend({
  month: ZMonth.optional(),
  kind: z.enum(fundAnomalyKinds).optional(),
  status: z.enum(['open', 'resolved']).optional(),
  regionCode: z.string().optional(),
})

export const ZReportQuery = z.object({ from: ZMonth, to: ZMonth, regionCode: z.string().optional() })
export const ZReport = z.object({
  items: z.array(
    z.object({
      month: z.string(),
      programCode: z.string(),
      programName: z.string(),
      streetCode: z.string(),
      streetName: z.string(),
      fundSource: z.string(),
      lines: z.number(),
      amountFen: z.number(),
    }),
  ),
  totalFen: z.number(),
  welfareLotteryFen: z.number(),
  welfareLotteryShareBp: z.number(),
  targetPercent: z.object({ low: z.number(), high: z.number() }),
})
