import { defaultVisitPlanRules, type TRule, type TVisitPlanRule } from '@yiyang/core'
import { and, eq, like, or, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { regionFilter } from '../../platform/list.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'
import { visitPlanRules, visitPlans, visits, visitTasks } from './visits.tables.js'

export type TPlanRow = typeof visitPlans.$inferSelect
export type TVisitRow = typeof visits.$inferSelect
export type TTaskRow = typeof visitTasks.$inferSelect

/** A volunteer reaches only the elders whose plan names them as visitor or backup (issue 22 item 2). */
export const isVolunteer = (actor: TActor) => actor.role === 'volunteer'

/** The plans an actor may see: their region scope; a volunteer, only their own elders within it. */
export function planScope(actor: TActor, regionCode?: string | null): SQL {
  const region = regionFilter(visitPlans.regionCode, actor, regionCode)
  if (!isVolunteer(actor)) return region
  return and(region, or(eq(visitPlans.visitorId, actor.userId), eq(visitPlans.backupId, actor.userId)))!
}

/** Scoped get: another street's plan (or, for a volunteer, someone else's elder) is NOT_FOUND like a missing one. */
export async function getPlanInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TPlanRow> {
  const q = db
    .select()
    .from(visitPlans)
    .where(and(eq(visitPlans.id, id), planScope(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '探访计划不存在或不在您的管辖范围内')
  return row
}

export async function getVisitInScope(db: DbOrTx, actor: TActor, id: string): Promise<TVisitRow> {
  const where = [eq(visits.id, id), like(visits.regionCode, scopeLike(actor.scopePrefix))]
  if (isVolunteer(actor)) where.push(eq(visits.visitorId, actor.userId))
  const [row] = await db
    .select()
    .from(visits)
    .where(and(...where))
  if (!row) throw new AppError('NOT_FOUND', '探访记录不存在或不在您的管辖范围内')
  return row
}

export async function getTaskInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TTaskRow> {
  const q = db
    .select()
    .from(visitTasks)
    .where(and(eq(visitTasks.id, id), like(visitTasks.regionCode, scopeLike(actor.scopePrefix))))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '任务不存在或不在您的管辖范围内')
  return row
}

/** The active plan rules; the seeds' defaults until the table holds any. */
export async function loadPlanRules(db: DbOrTx): Promise<TVisitPlanRule[]> {
  const rows = await db.select().from(visitPlanRules).where(eq(visitPlanRules.isActive, true))
  if (rows.length === 0) return [...defaultVisitPlanRules]
  return rows.map((r) => ({ id: r.id, name: r.name, rule: r.rule as TRule, frequency: r.frequency, allowPhone: r.allowPhone, priority: r.priority }))
}
