import { z } from 'zod'

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
})
export const ZVersion = z.object({ version: z.number().int().positive(), note: z.string().max(500).optional() })

export const ZCredits = z.object({
  balances: z.array(z.object({ programCode: z.string(), name: z.string(), balanceFen: z.number() })),
  history: z.array(
    z.object({ at: z.string(), kind: z.string(), memo: z.string(), month: z.string().nullable(), programCode: z.string().nullable(), amountFen: z.number() }),
  ),
})
