import { z } from 'zod'
import { jobStatuses } from '../../platform/jobs.js'
import { ZPageQuery } from '../../platform/list.js'

export const ZFindJobs = ZPageQuery.extend({
  status: z.enum(jobStatuses).optional(),
  kind: z.string().trim().max(64).optional(),
})
export type TFindJobs = z.infer<typeof ZFindJobs>

export const ZJob = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  status: z.enum(jobStatuses),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  regionCode: z.string().nullable(),
  progress: z.unknown().nullable(),
})
export type TJob = z.infer<typeof ZJob>

export const ZFindEvents = ZPageQuery.extend({ state: z.enum(['failed', 'pending']).default('failed') })
export type TFindEvents = z.infer<typeof ZFindEvents>

export const ZOutboxEvent = z.object({
  id: z.number().int(),
  type: z.string(),
  typeLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionCode: z.string().nullable(),
  createdAt: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failedAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
})
export type TOutboxEvent = z.infer<typeof ZOutboxEvent>

/** GET /health (the contract's THealth); demo = demo passwords still in use. */
export const ZHealth = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), demo: z.boolean() })
