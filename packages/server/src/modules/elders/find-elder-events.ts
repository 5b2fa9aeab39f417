import { domainEventLabel } from '@yiyang/core'
import { and, desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { domainEvents } from '../../platform/outbox.tables.js'
import { getElderInScope } from './elders.repo.js'

/** The elder's domain events (outbox rows), newest first; other modules' events about the elder appear too. */
export async function findElderEvents(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  await getElderInScope(ctx.db, ctx.actor, elderId)
  const rows = await ctx.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.entityType, 'elder'), eq(domainEvents.entityId, elderId)))
    .orderBy(desc(domainEvents.id))
    .limit(200)
  return {
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      label: domainEventLabel(r.type),
      at: r.createdAt.toISOString(),
      payload: r.payload as Record<string, unknown>,
    })),
  }
}
