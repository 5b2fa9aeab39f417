import { ruleOpLabels, worklistFields } from '@yiyang/core'
import { asc, count, like } from 'drizzle-orm'
import { toRule } from './worklist-rules.mapper.js'
import type { Ctx } from '../../platform/context.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { worklistItems, worklistRules } from './worklists.tables.js'

/** Rules with item counts inside the actor's scope, plus the field/operator catalogue for the editor. */
export async function findWorklistRules(ctx: Ctx) {
  requirePermission(ctx.actor, 'worklist:read')
  const [rules, counts] = await Promise.all([
    ctx.db.select().from(worklistRules).orderBy(asc(worklistRules.createdAt), asc(worklistRules.id)),
    ctx.db
      .select({ ruleId: worklistItems.ruleId, status: worklistItems.status, n: count() })
      .from(worklistItems)
      .where(like(worklistItems.regionCode, scopeLike(ctx.actor.scopePrefix)))
      .groupBy(worklistItems.ruleId, worklistItems.status),
  ])
  const byRule = new Map<string, Record<string, number>>()
  for (const c of counts) byRule.set(c.ruleId, { ...(byRule.get(c.ruleId) ?? {}), [c.status]: Number(c.n) })
  return {
    items: rules.map((r) => toRule(r, byRule.get(r.id) ?? {})),
    fields: Object.entries(worklistFields).map(([name, f]) => ({ name, type: f.type, label: f.label, values: 'values' in f ? f.values : null })),
    ops: Object.entries(ruleOpLabels).map(([op, label]) => ({ op, label })),
  }
}
