import { z } from 'zod'

/** One audit row as the API answers it (the contract's TAuditEntry). */
export const ZAuditRow = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
})

/** The hash-chain check (the contract's TAuditVerify). */
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number(),
  legacyRows: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }),
  brokenAt: z.object({ seq: z.number(), id: z.string().nullable(), reason: z.string() }).optional(),
})
