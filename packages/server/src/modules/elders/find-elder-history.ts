import { desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
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
