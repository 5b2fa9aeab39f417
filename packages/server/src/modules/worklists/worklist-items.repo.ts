import { and, eq, like } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { scopeLike } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { worklistItems, worklistRules } from './worklists.tables.js'

export type TItemRow = typeof worklistItems.$inferSelect

/** Scoped get: another street's item is NOT_FOUND, exactly like a missing one. */
export async function itemInScope(ctx: Ctx, id: string, t?: { tx: Ctx['db'] }) {
  const db = t?.tx ?? ctx.db
  const [row] = await db
    .select()
    .from(worklistItems)
    .where(and(eq(worklistItems.id, id), like(worklistItems.regionCode, scopeLike(ctx.actor!.scopePrefix))))
  if (!row) throw new AppError('NOT_FOUND', '筛查事项不存在或不在您的管辖范围内')
  return row
}

/** Items as the API shows them, with the elder's summary when the elder is still in the actor's scope. */
export async function toItems(ctx: Ctx, rows: TItemRow[]) {
  const [elders, rules] = await Promise.all([
    elderSummariesByIds(
      ctx,
      rows.map((r) => r.elderId),
    ),
    ctx.db.select({ id: worklistRules.id, name: worklistRules.name }).from(worklistRules),
  ])
  const ruleNames = new Map(rules.map((r) => [r.id, r.name]))
  return rows.map((r) => {
    // Second line behind the move subscription: an elder now outside the actor's scope shows
    // no name or community, even in the moment before the item has followed them.
    const found = elders.get(r.elderId)
    const e = found && ctx.actor && found.regionCode.startsWith(ctx.actor.scopePrefix) ? found : undefined
    return {
      id: r.id,
      ruleId: r.ruleId,
      ruleName: ruleNames.get(r.ruleId) ?? r.ruleId,
      elderId: r.elderId,
      status: r.status,
      explanation: r.explanation,
      regionCode: r.regionCode,
      assignedTo: r.assignedTo,
      assignedToName: r.assignedToName,
      handledNote: r.handledNote,
      handledAt: r.handledAt ? r.handledAt.toISOString() : null,
      reappearOn: r.reappearOn,
      timesReopened: r.timesReopened,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      elder: e
        ? {
            name: e.name,
            idNumber: e.idNumber,
            age: e.age,
            sex: e.sex,
            regionName: e.regionName,
            categories: e.categories,
            livingArrangement: e.livingArrangement,
          }
        : null,
    }
  })
}
