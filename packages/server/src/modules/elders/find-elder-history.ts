import { domainEventLabel } from '@yiyang/core'
import { and, desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { domainEvents } from '../../platform/outbox.tables.js'
import { getElderInScope } from './elders.repo.js'
import { elderHistory } from './elders.tables.js'

export async function findElderHistory(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  await getElderInScope(ctx.db, ctx.actor, elderId)
  const rows = await ctx.db
    .select()
    .from(elderHistory)
    .where(eq(elderHistory.elderId, elderId))
    .orderBy(desc(elderHistory.at), desc(elderHistory.id))
    .limit(500)
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      source: r.source,
      actorName: r.actorName,
      at: r.at.toISOString(),
      changes: r.changes as { field: string; label: string; before: unknown; after: unknown }[],
    })),
  }
}

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
