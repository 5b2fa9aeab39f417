import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { findAudit, verifyAudit, ZFindAudit } from './find-audit.js'

const ZAuditRow = z.object({
  id: z.string(), seq: z.number(), at: z.string(), actorUsername: z.string().nullable(), actorRole: z.string().nullable(),
  action: z.string(), entityType: z.string(), entityId: z.string().nullable(), regionCode: z.string().nullable(),
  before: z.unknown(), after: z.unknown(), requestId: z.string().nullable(), ip: z.string().nullable(), hash: z.string(),
})

// Read-only by design: there is no route that updates or deletes audit rows, and a trigger
// in the database rejects UPDATE, DELETE and TRUNCATE on audit_log.
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: '审计日志查询', querystring: ZFindAudit, response: { 200: pageOf(ZAuditRow), ...errorResponses } },
  }, async (req) => findAudit(req.ctx, req.query))

  app.get('/audit/verify', {
    schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: z.object({
      ok: z.boolean(), checked: z.number(), legacyRows: z.number(), head: z.object({ seq: z.number(), hash: z.string() }),
      brokenAt: z.object({ seq: z.number(), id: z.string().nullable(), reason: z.string() }).optional(),
    }), ...errorResponses } },
  }, async (req) => verifyAudit(req.ctx))
}
