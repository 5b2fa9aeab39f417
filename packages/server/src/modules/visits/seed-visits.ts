import { defaultVisitPlanRules, visitChecklistOn, todayInShanghai } from '@yiyang/core'
import { and, eq, isNull, like } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { actorForUser, findActiveUsersByRole } from '../accounts/index.js'
import { regionsOfLevel } from '../regions/index.js'
import { assignPlans } from './assign-plans.js'
import { recordVisit } from './record-visit.js'
import { syncPlansFor } from './sync-plans.js'
import { visitPlanRules, visitPlans } from './visits.tables.js'

const DISTRICT_PREFIX = '620702'

/**
 * Demo: the seeds' plan rules, a plan for every elder who meets one, the community worker (and
 * the demo volunteer) named as visitors where the demo has one, and this week's visits to about
 * two elders in three of the first community, so the rates and the ledger show something.
 */
export async function seedVisits(ctx: Ctx) {
  const now = ctx.clock.now()
  await withTx(ctx, async (t) => {
    await t.tx
      .insert(visitPlanRules)
      .values(defaultVisitPlanRules.map((r) => ({ ...r, rule: r.rule as unknown, updatedAt: now })))
      .onConflictDoNothing()
    await appendAudit(t, { action: 'visit.rules_seeded', entityType: 'visit_plan_rule', after: { rules: defaultVisitPlanRules.map((r) => r.id) } })
  })
  const synced = await syncPlansFor(ctx, DISTRICT_PREFIX)
  const villages = await regionsOfLevel(ctx.db, 'village', DISTRICT_PREFIX)
  const workers = await findActiveUsersByRole(ctx.db, 'community_worker', DISTRICT_PREFIX)
  const [volunteer] = await findActiveUsersByRole(ctx.db, 'volunteer', DISTRICT_PREFIX)
  for (const w of workers) {
    const village = villages.find((v) => v.code === w.scopePrefix.padEnd(12, '0') || v.code.startsWith(w.scopePrefix))
    if (!village) continue
    const actor = await actorForUser(ctx.db, w.id)
    if (!actor) continue
    const plans = await ctx.db
      .select({ id: visitPlans.id, regionCode: visitPlans.regionCode })
      .from(visitPlans)
      .where(and(like(visitPlans.regionCode, `${w.scopePrefix}%`), eq(visitPlans.status, 'active'), isNull(visitPlans.visitorId)))
      .orderBy(visitPlans.elderName)
    if (plans.length === 0) continue
    const asWorker: Ctx = { ...ctx, actor }
    const volunteerHere = volunteer && volunteer.scopePrefix === w.scopePrefix
    const forVolunteer = volunteerHere ? plans.slice(0, 3).map((p) => p.id) : []
    const forWorker = plans.map((p) => p.id).filter((id) => !forVolunteer.includes(id))
    if (forWorker.length) await assignPlans(asWorker, { planIds: forWorker, visitorId: w.id, backupId: volunteerHere ? volunteer.id : null })
    if (forVolunteer.length) await assignPlans(asWorker, { planIds: forVolunteer, visitorId: volunteer!.id, backupId: w.id })
    if (village.code !== villages[0]?.code) continue
    const today = todayInShanghai(now)
    const checklist = Object.fromEntries(visitChecklistOn(today).map((i) => [i, 'ok' as const]))
    for (const [i, id] of forWorker.entries()) {
      if (i % 3 === 2) continue
      await recordVisit(asWorker, {
        planId: id,
        idempotencyKey: `seed-${id}`,
        mode: 'home',
        visitedAt: new Date(now.getTime() - (i + 1) * 60_000).toISOString(),
        checklist: i === 0 ? { ...checklist, heating: checklist.heating ? 'concern' : undefined, health: 'concern' } : checklist,
        problems: i === 0 ? '老人近日腿脚不便，家中取暖不足' : undefined,
        actions: i === 0 ? '已联系家属，申请上门助洁服务' : undefined,
        noCareFound: false,
        confirmedBy: 'elder',
        tasks: i === 0 ? [{ kind: 'service_order', note: '申请每周两次上门助洁' }] : [],
      })
    }
  }
  return synced
}
