import { addDays, evaluateRule, todayInShanghai, type TRule } from '@yiyang/core'
import { and, eq, inArray, like, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { eldersInScopeForRules } from '../elders/index.js'
import { visitFactsByElder } from '../visits/index.js'
import { worklistItems, worklistRules } from './worklists.tables.js'

export type TRefreshResult = { elders: number; matched: number; opened: number; reopened: number; resolved: number }

/**
 * Evaluates every active rule against every active elder under `scopePrefix` and brings the
 * items up to date: a new match opens an item; a handled item reopens once its reappear date
 * has come and the condition still holds; an open item whose condition is gone is resolved.
 */
export async function refreshWorklistsFor(ctx: Ctx, scopePrefix: string): Promise<TRefreshResult> {
  const today = todayInShanghai(ctx.clock.now())
  const now = ctx.clock.now()
  const rules = await ctx.db.select().from(worklistRules).where(eq(worklistRules.isActive, true))
  const items = await ctx.db
    .select({
      id: worklistItems.id,
      ruleId: worklistItems.ruleId,
      elderId: worklistItems.elderId,
      status: worklistItems.status,
      reappearOn: worklistItems.reappearOn,
      explanation: worklistItems.explanation,
      regionCode: worklistItems.regionCode,
    })
    .from(worklistItems)
    .where(like(worklistItems.regionCode, scopeLike(scopePrefix)))
  const byKey = new Map(items.map((i) => [`${i.ruleId}|${i.elderId}`, i]))
  const seen = new Set<string>()
  const inserts: (typeof worklistItems.$inferInsert)[] = []
  const reopen: { id: string; explanation: string; regionCode: string }[] = []
  const touch: { id: string; explanation: string; regionCode: string }[] = []
  const result: TRefreshResult = { elders: 0, matched: 0, opened: 0, reopened: 0, resolved: 0 }
  for await (const batch of eldersInScopeForRules(ctx.db, scopePrefix, today)) {
    result.elders += batch.length
    // hasVisitPlan and lastVisitDate come from the visits module: an active plan there, or the
    // registry's own flag for a plan kept outside the platform.
    const visitFacts = await visitFactsByElder(
      ctx.db,
      batch.map((e) => e.elderId),
    )
    for (const e of batch) {
      const v = visitFacts.get(e.elderId)
      const facts = { ...e.facts, hasVisitPlan: e.facts.hasVisitPlan === true || (v?.hasVisitPlan ?? false), lastVisitDate: v?.lastVisitDate ?? null }
      for (const r of rules) {
        const ev = evaluateRule(r.rule as TRule, facts, today)
        if (!ev.matched) continue
        result.matched++
        const key = `${r.id}|${e.elderId}`
        seen.add(key)
        const item = byKey.get(key)
        if (!item)
          inserts.push({
            ruleId: r.id,
            elderId: e.elderId,
            regionCode: e.regionCode,
            explanation: ev.explanation,
            lastMatchedAt: now,
            createdAt: now,
            updatedAt: now,
          })
        else if (item.status === 'resolved' || (item.status === 'handled' && item.reappearOn !== null && item.reappearOn <= today))
          reopen.push({ id: item.id, explanation: ev.explanation, regionCode: e.regionCode })
        else if (item.explanation !== ev.explanation || item.regionCode !== e.regionCode)
          touch.push({ id: item.id, explanation: ev.explanation, regionCode: e.regionCode })
      }
    }
  }
  const gone = items.filter((i) => (i.status === 'open' || i.status === 'assigned') && !seen.has(`${i.ruleId}|${i.elderId}`)).map((i) => i.id)
  result.opened = inserts.length
  result.reopened = reopen.length
  result.resolved = gone.length
  await withTx(ctx, async (t) => {
    for (let i = 0; i < inserts.length; i += 1000)
      await t.tx
        .insert(worklistItems)
        .values(inserts.slice(i, i + 1000))
        .onConflictDoNothing()
    const bulk = async (list: { id: string; explanation: string; regionCode: string }[], reopenIt: boolean) => {
      for (let i = 0; i < list.length; i += 1000) {
        await t.tx.execute(sql`
          update ${worklistItems} as w set explanation = v.explanation, region_code = v.region_code, last_matched_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
            ${reopenIt ? sql`, status = 'open', times_reopened = w.times_reopened + 1, assigned_to = null, assigned_to_name = null, reappear_on = null` : sql``}
          from jsonb_to_recordset(${JSON.stringify(list.slice(i, i + 1000).map((x) => ({ id: x.id, explanation: x.explanation, region_code: x.regionCode })))}::jsonb)
            as v(id uuid, explanation text, region_code varchar)
          where w.id = v.id`)
      }
    }
    await bulk(reopen, true)
    await bulk(touch, false)
    for (let i = 0; i < gone.length; i += 1000) {
      await t.tx
        .update(worklistItems)
        .set({ status: 'resolved', updatedAt: now })
        .where(and(inArray(worklistItems.id, gone.slice(i, i + 1000)), inArray(worklistItems.status, ['open', 'assigned'])))
    }
    await appendAudit(t, { action: 'worklist.refreshed', entityType: 'worklist', regionCode: scopePrefix.padEnd(12, '0'), after: { ...result, today } })
  })
  return result
}

/** Re-runs the screening for the actor's scope. */
export async function refreshWorklists(ctx: Ctx) {
  requirePermission(ctx.actor, 'worklist:write')
  return refreshWorklistsFor(ctx, ctx.actor.scopePrefix)
}

export const reappearDate = (today: string, days: number) => addDays(today, days)
