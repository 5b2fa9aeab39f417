import { z } from 'zod'

export const ZOk = z.object({ ok: z.literal(true) })

export const ZErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
})

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  422: ZErrorBody,
} as const

export const ZUuidParam = z.object({ id: z.uuid({ message: '编号格式不正确' }) })

export const isoDate = (d: Date | null | undefined) => (d ? d.toISOString() : null)
