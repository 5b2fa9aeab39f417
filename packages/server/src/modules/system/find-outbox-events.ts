import { domainEventLabel } from '@yiyang/core'
import { and, count, desc, isNotNull, isNull, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult } from '../../platform/list.js'
import { domainEvents } from '../../platform/outbox.tables.js'
import { requirePermission } from '../../platform/permissions.js'
import { eventScope } from './jobs.repo.js'
import type { TFindEvents, TOutboxEvent } from './system.schemas.js'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** Events whose delivery failed for good ('failed') or is still waiting for a retry ('pending'). */
export async function findOutboxEvents(ctx: Ctx, q: TFindEvents) {
  requirePermission(ctx.actor, 'job:manage')
  const where: SQL[] = [eventScope(ctx.actor), isNull(domainEvents.publishedAt)]
  where.push(q.state === 'failed' ? isNotNull(domainEvents.failedAt) : isNull(domainEvents.failedAt))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(domainEvents).where(cond).orderBy(desc(domainEvents.id)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(domainEvents).where(cond),
  ])
  const items: TOutboxEvent[] = rows.map((r) => ({
    id: r.id,
    type: r.type,
    typeLabel: domainEventLabel(r.type),
    entityType: r.entityType,
    entityId: r.entityId,
    regionCode: r.regionCode,
    createdAt: r.createdAt.toISOString(),
    attempts: r.attempts,
    lastError: r.lastError,
    failedAt: iso(r.failedAt),
    nextAttemptAt: iso(r.nextAttemptAt),
  }))
  return pageResult(items, Number(total?.n ?? 0), q)
}
