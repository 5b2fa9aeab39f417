import { and, eq, isNotNull } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { domainEvents } from '../../platform/outbox.tables.js'
import { requirePermission } from '../../platform/permissions.js'
import { eventScope } from './jobs.repo.js'

/** A parked event is delivered again (its handlers are idempotent), e.g. after the cause was fixed. */
export async function retryOutboxEvent(ctx: Ctx, id: number) {
  requirePermission(ctx.actor, 'job:manage')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const [row] = await t.tx
      .update(domainEvents)
      .set({ failedAt: null, attempts: 0, nextAttemptAt: null, lockedUntil: null })
      .where(and(eq(domainEvents.id, id), isNotNull(domainEvents.failedAt), eventScope(actor)))
      .returning()
    if (!row) throw new AppError('NOT_FOUND', '没有这条投递失败的事件')
    await appendAudit(t, {
      action: 'outbox.retried',
      entityType: 'domain_event',
      entityId: String(id),
      regionCode: row.regionCode ?? actor.scopeRegionCode,
      before: { lastError: row.lastError },
      after: { type: row.type },
    })
    t.afterCommit.add('wake')
  })
  return { ok: true as const }
}
