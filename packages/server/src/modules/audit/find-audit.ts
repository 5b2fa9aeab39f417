import { and, count, desc, eq, gte, ilike, isNull, like, lte, or, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult, scopeFilter, startsWithPattern, ZPageQuery } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { auditLog } from '../../platform/audit.tables.js'

export const ZFindAudit = ZPageQuery.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
})

export async function findAudit(ctx: Ctx, q: z.infer<typeof ZFindAudit>) {
  requirePermission(ctx.actor, 'audit:read')
  // Rows with no region at all (failed logins of unknown names, system work without an actor)
  // belong to no street: county-level auditors and admins see them, street staff do not.
  const inScope = scopeFilter(auditLog.regionCode, ctx.actor)
  const where: (SQL | undefined)[] = [ctx.actor.scopePrefix.length <= 6 ? or(inScope, isNull(auditLog.regionCode)) : inScope]
  if (q.actor) where.push(ilike(auditLog.actorUsername, containsPattern(q.actor)))
  if (q.action) where.push(like(auditLog.action, startsWithPattern(q.action)))
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType))
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId))
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)))
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.seq)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(auditLog).where(cond),
  ])
  return pageResult(
    rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      at: r.at.toISOString(),
      actorUsername: r.actorUsername,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      regionCode: r.regionCode,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      ip: r.ip,
      hash: r.hash,
    })),
    Number(total?.n ?? 0),
    q,
  )
}
