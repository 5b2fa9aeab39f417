import { decideVisitPlan, periodKeyOf, todayInShanghai, visitEvents, visitPlanFlow, visitRuleFacts, type TVisitPlanRule } from '@yiyang/core'
import { and, eq, like, notInArray } from 'drizzle-orm'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { runStep, updateVersioned } from '../../platform/workflow.js'
import { elderRuleFactsById, eldersInScopeForRules, type TElderRuleFacts } from '../elders/index.js'
import { planAuditSnapshot } from './visits.mapper.js'
import { loadPlanRules, type TPlanRow } from './visits.repo.js'
import { visitPlans } from './visits.tables.js'
import { openPeriod } from './visit-periods.js'

export type TSyncResult = { created: number; resumed: number; updated: number; ended: number }

const endReason = (status: string | undefined) => (status === 'deceased' ? '老人已去世' : status === 'moved_out' ? '老人已迁出' : '不再符合探访规则')

/**
 * Brings one elder's plan in line with the rules (issue 22 item 1): a match and no plan → a plan
 * with its first period; a match and an ended plan → resumed; no match (or the elder died,
 * moved out or was merged away) → the plan ends. Idempotent: the registry's events may repeat.
 */
export async function syncPlanForElder(t: TxCtx, elder: TElderRuleFacts | null, elderId: string, rules: TVisitPlanRule[], result: TSyncResult) {
  const today = todayInShanghai(t.clock.now())
  const [plan] = await t.tx.select().from(visitPlans).where(eq(visitPlans.elderId, elderId)).for('update')
  const decision = elder && elder.status === 'active' ? decideVisitPlan(rules, visitRuleFacts(elder.facts, elder.regionCode), today) : null
  if (!decision) {
    if (plan?.status !== 'active') return
    const reason = endReason(elder?.status)
    await runStep(t, {
      table: visitPlans,
      step: visitPlanFlow.end,
      before: plan,
      patch: { endedReason: reason },
      audit: { action: 'visit.plan_ended', entityType: 'visit_plan', snapshot: planAuditSnapshot, extra: { endedReason: reason } },
      event: { type: visitEvents.planEnded, payload: (r) => ({ planId: r.id, elderId: r.elderId, reason }) },
    })
    result.ended++
    return
  }
  const fields = {
    regionCode: elder!.regionCode,
    elderName: elder!.name,
    ruleId: decision.ruleId,
    reason: decision.reason,
    frequency: decision.frequency,
    allowPhone: decision.allowPhone,
  }
  let after: TPlanRow
  if (!plan) {
    const now = t.clock.now()
    const [row] = await t.tx
      .insert(visitPlans)
      .values({ elderId, ...fields, createdAt: now, updatedAt: now })
      .returning()
    after = row!
    await appendAudit(t, {
      action: 'visit.plan_created',
      entityType: 'visit_plan',
      entityId: after.id,
      regionCode: after.regionCode,
      after: planAuditSnapshot(after),
    })
    await recordEvent(t, {
      type: visitEvents.planCreated,
      entityType: 'visit_plan',
      entityId: after.id,
      regionCode: after.regionCode,
      payload: { planId: after.id, elderId, frequency: after.frequency },
    })
    result.created++
  } else if (plan.status === 'ended') {
    after = await runStep(t, {
      table: visitPlans,
      step: visitPlanFlow.resume,
      before: plan,
      patch: { ...fields, endedReason: null, missedInRow: 0, redListed: false },
      audit: { action: 'visit.plan_resumed', entityType: 'visit_plan', snapshot: planAuditSnapshot },
      event: { type: visitEvents.planResumed, payload: (r) => ({ planId: r.id, elderId: r.elderId }) },
    })
    result.resumed++
  } else {
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => plan[k] !== fields[k])
    if (!changed) return
    after = (await updateVersioned(t, visitPlans, plan.id, plan.version, fields)) as TPlanRow
    await appendAudit(t, {
      action: 'visit.plan_updated',
      entityType: 'visit_plan',
      entityId: plan.id,
      regionCode: after.regionCode,
      before: planAuditSnapshot(plan),
      after: planAuditSnapshot(after),
    })
    result.updated++
    if (plan.frequency === after.frequency && plan.regionCode === after.regionCode) return
  }
  await openPeriod(t, after, periodKeyOf(after.frequency, t.clock.now()))
}

/** The plan of one elder after a registry event (the event handlers call this). */
export async function syncPlanForElderId(ctx: Ctx, elderId: string): Promise<TSyncResult> {
  const result: TSyncResult = { created: 0, resumed: 0, updated: 0, ended: 0 }
  const rules = await loadPlanRules(ctx.db)
  const elder = await elderRuleFactsById(ctx.db, elderId, todayInShanghai(ctx.clock.now()))
  await withTx(ctx, (t) => syncPlanForElder(t, elder, elderId, rules, result))
  return result
}

/** Every elder under a region prefix: plans for those who meet a rule, ended for the rest. One transaction per batch. */
export async function syncPlansFor(ctx: Ctx, prefix: string): Promise<TSyncResult> {
  const result: TSyncResult = { created: 0, resumed: 0, updated: 0, ended: 0 }
  const rules = await loadPlanRules(ctx.db)
  const seen: string[] = []
  for await (const batch of eldersInScopeForRules(ctx.db, prefix, todayInShanghai(ctx.clock.now()), 500)) {
    await withTx(ctx, async (t) => {
      for (const e of batch) {
        seen.push(e.elderId)
        await syncPlanForElder(t, e, e.elderId, rules, result)
      }
    })
  }
  // Active plans of elders no longer active in the registry (died, moved out, merged away).
  const stale = await ctx.db
    .select({ elderId: visitPlans.elderId })
    .from(visitPlans)
    .where(and(like(visitPlans.regionCode, scopeLike(prefix)), eq(visitPlans.status, 'active'), seen.length ? notInArray(visitPlans.elderId, seen) : undefined))
  for (const s of stale) {
    const elder = await elderRuleFactsById(ctx.db, s.elderId, todayInShanghai(ctx.clock.now()))
    await withTx(ctx, (t) => syncPlanForElder(t, elder, s.elderId, rules, result))
  }
  return result
}

/** 按规则生成计划: staff re-run the rules over their own scope. */
export async function syncPlans(ctx: Ctx) {
  requirePermission(ctx.actor, 'visit:plan')
  const result = await syncPlansFor(ctx, ctx.actor.scopePrefix)
  await withTx(ctx, (t) =>
    appendAudit(t, { action: 'visit.plans_synced', entityType: 'visit_plan', regionCode: ctx.actor!.scopeRegionCode, after: { ...result } }),
  )
  return result
}
