import { and, desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { domainEvents } from '../../platform/outbox.tables.js'
import { getElderInScope } from './elders.repo.js'
import { elderHistory } from './elders.tables.js'

export async function findElderHistory(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  await getElderInScope(ctx.db, ctx.actor, elderId)
  const rows = await ctx.db.select().from(elderHistory).where(eq(elderHistory.elderId, elderId)).orderBy(desc(elderHistory.at), desc(elderHistory.id)).limit(500)
  return {
    items: rows.map((r) => ({
      id: r.id, action: r.action, source: r.source, actorName: r.actorName, at: r.at.toISOString(),
      changes: r.changes as { field: string; label: string; before: unknown; after: unknown }[],
    })),
  }
}

export const elderEventLabels: Record<string, string> = {
  'elder.created': '建档', 'elder.deceased': '死亡', 'elder.moved_out': '迁出', 'elder.reactivated': '恢复在册',
  'elder.categories_changed': '类别变化', 'elder.region_changed': '所在社区变更', 'elder.ability_level_changed': '能力等级变化',
  'elder.merged': '合并重复档案', 'elder.imported': '导入更新',
}

/** The elder's domain events (outbox rows), newest first; other modules' events about the elder appear too. */
export async function findElderEvents(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  await getElderInScope(ctx.db, ctx.actor, elderId)
  const rows = await ctx.db.select().from(domainEvents)
    .where(and(eq(domainEvents.entityType, 'elder'), eq(domainEvents.entityId, elderId)))
    .orderBy(desc(domainEvents.id)).limit(200)
  return {
    items: rows.map((r) => ({
      id: r.id, type: r.type, label: elderEventLabels[r.type] ?? r.type, at: r.createdAt.toISOString(),
      payload: r.payload as Record<string, unknown>,
    })),
  }
}
