import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponses } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { ZAuditRow, ZAuditVerify } from './audit.schemas.js'
import { findAudit, ZFindAudit } from './find-audit.js'
import { verifyAudit } from './verify-audit.js'

// Read-only by design: there is no route that updates or deletes audit rows, and a trigger
// in the database rejects UPDATE, DELETE and TRUNCATE on audit_log.
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: { tags: ['audit'], summary: '审计日志查询', querystring: ZFindAudit, response: { 200: pageOf(ZAuditRow), ...errorResponses } },
    },
    async (req) => findAudit(req.ctx, req.query),
  )

  app.get(
    '/audit/verify',
    {
      schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: ZAuditVerify, ...errorResponses } },
    },
    async (req) => verifyAudit(req.ctx),
  )
}
