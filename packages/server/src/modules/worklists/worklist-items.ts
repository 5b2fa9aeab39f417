import { addDays, todayInShanghai } from '@yiyang/core'
import { and, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { rowsOf } from '../../db/client.js'
import { appendAudit } from '../../platform/audit.js'
import { elderSummariesByIds } from '../elders/index.js'
import type { TFindItems } from './worklists.schemas.js'
import { worklistItems, worklistRules } from './worklists.tables.js'

type TItemRow = typeof worklistItems.$inferSelect

async function itemInScope(ctx: Ctx, id: string, t?: { tx: Ctx['db'] }) {
  const db = t?.tx ?? ctx.db
  const [row] = await db.select().from(worklistItems).where(and(eq(worklistItems.id, id), like(worklistItems.regionCode, scopeLike(ctx.actor!.scopePrefix))))
  if (!row) throw new AppError('NOT_FOUND', '筛查事项不存在或不在您的管辖范围内')
  return row
}

async function toItems(ctx: Ctx, rows: TItemRow[]) {
  const [elders, rules] = await Promise.all([
    elderSummariesByIds(ctx, rows.map((r) => r.elderId)),
    ctx.db.select({ id: worklistRules.id, name: worklistRules.name }).from(worklistRules),
  ])
  const ruleNames = new Map(rules.map((r) => [r.id, r.name]))
  return rows.map((r) => {
    // Second line behind the move subscription: an elder now outside the actor's scope shows
    // no name or community, even in the moment before the item has followed them.
    const found = elders.get(r.elderId)
    const e = found && ctx.actor && found.regionCode.startsWith(ctx.actor.scopePrefix) ? found : undefined
    return {
      id: r.id, ruleId: r.ruleId, ruleName: ruleNames.get(r.ruleId) ?? r.ruleId, elderId: r.elderId, status: r.status, explanation: r.explanation,
      regionCode: r.regionCode, assignedTo: r.assignedTo, assignedToName: r.assignedToName, handledNote: r.handledNote,
      handledAt: r.handledAt ? r.handledAt.toISOString() : null, reappearOn: r.reappearOn, timesReopened: r.timesReopened,
      createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
      elder: e ? { name: e.name, idNumber: e.idNumber, age: e.age, sex: e.sex, regionName: e.regionName, categories: e.categories, livingArrangement: e.livingArrangement } : null,
    }
  })
}

export async function findWorklistItems(ctx: Ctx, q: TFindItems) {
  requirePermission(ctx.actor, 'worklist:read')
  const where: (SQL | undefined)[] = [regionFilter(worklistItems.regionCode, ctx.actor, q.regionCode)]
  if (q.ruleId) where.push(eq(worklistItems.ruleId, q.ruleId))
  where.push(inArray(worklistItems.status, q.status?.length ? q.status : ['open', 'assigned']))
  if (q.mine === 'true') where.push(eq(worklistItems.assignedTo, ctx.actor.userId))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(worklistItems).where(cond).orderBy(desc(worklistItems.updatedAt), desc(worklistItems.id)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(worklistItems).where(cond),
  ])
  return pageResult(await toItems(ctx, rows), Number(total?.n ?? 0), q)
}

/** Assigns an open item to the actor (认领) or to another staff member inside the actor's scope. */
export async function assignWorklistItem(ctx: Ctx, id: string, input: { assigneeId?: string }) {
  requirePermission(ctx.actor, 'worklist:write')
  const actor = ctx.actor
  const item = await itemInScope(ctx, id)
  let assignee = { id: actor.userId, name: actor.username }
  if (input.assigneeId && input.assigneeId !== actor.userId) {
    // The users table belongs to accounts; only id, name, role and scope are read here.
    const [u] = rowsOf<{ id: string; display_name: string; role: string; scope_prefix: string; is_active: boolean }>(
      await ctx.db.execute(sql`select id, display_name, role, scope_prefix, is_active from users where id = ${input.assigneeId}`))
    if (!u || !u.is_active || !u.scope_prefix.startsWith(actor.scopePrefix) || !item.regionCode.startsWith(u.scope_prefix) || !['street_officer', 'community_worker', 'bureau_admin'].includes(u.role)) {
      throw new AppError('VALIDATION_FAILED', '只能指派给负责该社区的街道或社区工作人员', [{ path: 'assigneeId', message: '该人员不能处理此事项' }])
    }
    assignee = { id: u.id, name: u.display_name }
  }
  await withTx(ctx, async (t) => {
    const [updated] = await t.tx.update(worklistItems).set({ status: 'assigned', assignedTo: assignee.id, assignedToName: assignee.name, updatedAt: ctx.clock.now() })
      .where(and(eq(worklistItems.id, id), inArray(worklistItems.status, ['open', 'assigned']))).returning()
    if (!updated) throw new AppError('INVALID_TRANSITION', '该事项已处理或已消除，不能指派')
    await appendAudit(t, { action: 'worklist.item_assigned', entityType: 'worklist_item', entityId: id, regionCode: item.regionCode, before: { status: item.status, assignedTo: item.assignedToName }, after: { status: 'assigned', assignedTo: assignee.name } })
  })
  return (await toItems(ctx, [await itemInScope(ctx, id)]))[0]!
}

/** Marks an item handled with a note; it reappears after the rule's delay if the condition still holds. */
export async function handleWorklistItem(ctx: Ctx, id: string, input: { note: string }) {
  requirePermission(ctx.actor, 'worklist:write')
  const item = await itemInScope(ctx, id)
  const [rule] = await ctx.db.select().from(worklistRules).where(eq(worklistRules.id, item.ruleId))
  const today = todayInShanghai(ctx.clock.now())
  const reappearOn = addDays(today, rule?.reappearAfterDays ?? 30)
  await withTx(ctx, async (t) => {
    const [updated] = await t.tx.update(worklistItems).set({
      status: 'handled', handledNote: input.note, handledBy: ctx.actor!.userId, handledAt: ctx.clock.now(), reappearOn, updatedAt: ctx.clock.now(),
    }).where(and(eq(worklistItems.id, id), inArray(worklistItems.status, ['open', 'assigned']))).returning()
    if (!updated) throw new AppError('INVALID_TRANSITION', '该事项已处理或已消除')
    await appendAudit(t, { action: 'worklist.item_handled', entityType: 'worklist_item', entityId: id, regionCode: item.regionCode, before: { status: item.status }, after: { status: 'handled', note: input.note, reappearOn } })
  })
  return (await toItems(ctx, [await itemInScope(ctx, id)]))[0]!
}
