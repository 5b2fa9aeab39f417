import { nextPeriodKey, periodRange, VISIT_ESCALATION_HOURS, VISIT_RED_LIST_AFTER, visitEvents, visitPeriodFlow } from '@yiyang/core'
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { FlowAction } from '@yiyang/core'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudits, type TAuditEntry } from '../../platform/audit.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { recordEvents } from '../../platform/outbox.js'
import { periodAuditSnapshot } from './visits.mapper.js'
import { visitPeriods, visitPlans } from './visits.tables.js'
import { asSystem, CLOSE_PERIOD_JOB, ESCALATE_JOB, openPeriodForAll, type TClosePeriodInput, type TEscalateInput } from './visit-periods.js'

const BATCH = 1000
const HOUR = 3600_000
const EVENT_CHUNK = 1000

type TPeriodRow = typeof visitPeriods.$inferSelect
type TPlanRow = typeof visitPlans.$inferSelect
type TDomainEventIn = Parameters<typeof recordEvents>[1][number]

/**
 * One flow step over every period of a key in the step's `from` statuses, set-based: per batch
 * of 1000 periods (ordered by id, one transaction each) a locking read of the periods and their
 * plans, ONE compare-and-set UPDATE … RETURNING, then `after` for the plan side, the audit rows
 * (one per period, chained in bulk) and the outbox events in bulk — the same rows the step helper
 * writes one by one, in a handful of statements. A rerun finds nothing left in `from`.
 */
async function stepPeriods(
  ctx: Ctx,
  periodKey: string,
  step: FlowAction,
  progress: (done: number) => Promise<void>,
  /** Which periods of the batch move (the others stay as they are). */
  moves: (period: TPeriodRow, plan: TPlanRow | undefined) => boolean,
  each: (
    t: TxCtx,
    moved: { before: TPeriodRow; after: TPeriodRow; plan: TPlanRow | undefined }[],
  ) => Promise<{ audits: TAuditEntry[]; events: TDomainEventIn[] }>,
) {
  let after = '00000000-0000-0000-0000-000000000000'
  let done = 0
  for (;;) {
    const [seen, n] = await withTx({ ...ctx, actor: null }, async (t): Promise<[number, number]> => {
      const before = await t.tx
        .select()
        .from(visitPeriods)
        .where(and(eq(visitPeriods.periodKey, periodKey), inArray(visitPeriods.status, [...step.from] as never), gt(visitPeriods.id, after)))
        .orderBy(asc(visitPeriods.id))
        .limit(BATCH)
        .for('update')
      if (before.length === 0) return [0, 0]
      after = before[before.length - 1]!.id
      const planIds = [...new Set(before.map((p) => p.planId))]
      const plans = new Map((await t.tx.select().from(visitPlans).where(inArray(visitPlans.id, planIds)).for('update')).map((p) => [p.id, p]))
      const ids = before.filter((p) => moves(p, plans.get(p.planId))).map((p) => p.id)
      if (ids.length === 0) return [before.length, 0]
      const moved = await t.tx
        .update(visitPeriods)
        .set({ status: step.to as never, version: sql`${visitPeriods.version} + 1`, updatedAt: t.clock.now() })
        .where(and(inArray(visitPeriods.id, ids), inArray(visitPeriods.status, [...step.from] as never)))
        .returning()
      const byId = new Map(before.map((p) => [p.id, p]))
      const rows = moved.sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => ({ before: byId.get(a.id)!, after: a, plan: plans.get(a.planId) }))
      const { audits, events } = await each(t, rows)
      await appendAudits(t, audits)
      for (let i = 0; i < events.length; i += EVENT_CHUNK) await recordEvents(t, events.slice(i, i + EVENT_CHUNK))
      return [before.length, rows.length]
    })
    if (seen === 0) return done
    done += n
    await progress(done)
  }
}

/**
 * A week or month ends. Every period of it still open is missed: the visitor is told (step
 * `miss`, outbox event), two misses in a row put the elder on the street's red list, and the
 * community worker's escalation is timed for a day later. Then the next period opens for every
 * active plan with its own timer. Each link is a row in the jobs table, so a restart loses
 * nothing; each period moves by a compare-and-set step, so a rerun after a crash repeats nothing.
 */
export const closePeriodJob = defineJob<TClosePeriodInput>({
  kind: CLOSE_PERIOD_JOB,
  label: '探访周期结束检查',
  maxAttempts: 5,
  leaseMs: 5 * 60_000,
  async run(ctx, job) {
    const key = job.input.periodKey
    let redListed = 0
    const missed = await stepPeriods(
      ctx,
      key,
      visitPeriodFlow.miss,
      (done) => job.progress({ missed: done }),
      () => true,
      async (t, rows) => {
        // A plan that ended, or changed frequency, closes the period without blame.
        const inForce = (r: (typeof rows)[number]) => !!r.plan && r.plan.status === 'active' && r.plan.frequency === r.before.frequency
        const counted = rows.filter(inForce)
        const listedIds = new Set(counted.filter((r) => r.plan!.missedInRow + 1 >= VISIT_RED_LIST_AFTER && !r.plan!.redListed).map((r) => r.plan!.id))
        if (counted.length)
          // The plan's counters move with this step and are audited in the period's row (one row per period, not two).
          await t.tx
            .update(visitPlans)
            .set({
              missedInRow: sql`${visitPlans.missedInRow} + 1`,
              redListed: sql`${visitPlans.redListed} or ${visitPlans.missedInRow} + 1 >= ${VISIT_RED_LIST_AFTER}`,
              version: sql`${visitPlans.version} + 1`,
              updatedAt: t.clock.now(),
            })
            .where(
              inArray(
                visitPlans.id,
                counted.map((r) => r.plan!.id),
              ),
            )
        redListed += listedIds.size
        const audits: TAuditEntry[] = rows.map((r) => ({
          action: 'visit.period_missed',
          entityType: 'visit_period',
          entityId: r.after.id,
          regionCode: r.after.regionCode,
          before: periodAuditSnapshot(r.before),
          after: {
            ...periodAuditSnapshot(r.after),
            ...(inForce(r)
              ? { notify: 'visitor', missedInRow: r.plan!.missedInRow + 1, redListed: r.plan!.redListed || listedIds.has(r.plan!.id) }
              : { notify: null }),
          },
        }))
        const events: TDomainEventIn[] = []
        for (const r of counted) {
          const plan = r.plan!
          events.push({
            type: visitEvents.periodMissed,
            entityType: 'visit_period',
            entityId: r.after.id,
            regionCode: r.after.regionCode,
            payload: {
              planId: plan.id,
              elderId: plan.elderId,
              periodKey: r.after.periodKey,
              notify: 'visitor',
              visitorId: plan.visitorId,
              backupId: plan.backupId,
            },
          })
          if (listedIds.has(plan.id))
            events.push({
              type: visitEvents.redListed,
              entityType: 'visit_plan',
              entityId: plan.id,
              regionCode: plan.regionCode,
              payload: { planId: plan.id, elderId: plan.elderId, missedInRow: plan.missedInRow + 1 },
            })
        }
        return { audits, events }
      },
    )
    await job.progress({ missed, redListed })
    await withTx({ ...ctx, actor: null }, async (t) => {
      if (missed > 0)
        await enqueueJob<TEscalateInput>(asSystem(t), {
          kind: ESCALATE_JOB,
          input: { periodKey: key, step: 'escalateCommunity' },
          idempotencyKey: `${key}:escalateCommunity`,
          runAt: new Date(periodRange(key).end.getTime() + VISIT_ESCALATION_HOURS * HOUR),
        })
      await openPeriodForAll(t, nextPeriodKey(key))
    })
    return { missed, redListed }
  },
})

/** One escalation step for a period key: the community worker a day after, the street officer a day later. */
export const escalateJob = defineJob<TEscalateInput>({
  kind: ESCALATE_JOB,
  label: '探访逾期逐级上报',
  maxAttempts: 5,
  leaseMs: 5 * 60_000,
  async run(ctx, job) {
    const { periodKey, step: stepName } = job.input
    const step = visitPeriodFlow[stepName]
    const notify = stepName === 'escalateCommunity' ? 'community_worker' : 'street_officer'
    const action = `visit.${stepName === 'escalateCommunity' ? 'escalated_community' : 'escalated_street'}`
    const type = stepName === 'escalateCommunity' ? visitEvents.escalatedCommunity : visitEvents.escalatedStreet
    const escalated = await stepPeriods(
      ctx,
      periodKey,
      step,
      (done) => job.progress({ escalated: done }),
      // Only periods of plans still in force go up; an ended plan's period stays where it is.
      (_p, plan) => !!plan && plan.status === 'active',
      async (_t, live) => {
        return {
          audits: live.map((r) => ({
            action,
            entityType: 'visit_period',
            entityId: r.after.id,
            regionCode: r.after.regionCode,
            before: periodAuditSnapshot(r.before),
            after: { ...periodAuditSnapshot(r.after), notify },
          })),
          events: live.map((r) => ({
            type,
            entityType: 'visit_period',
            entityId: r.after.id,
            regionCode: r.after.regionCode,
            payload: { planId: r.plan!.id, elderId: r.plan!.elderId, periodKey: r.after.periodKey, notify, regionCode: r.plan!.regionCode },
          })),
        }
      },
    )
    if (stepName === 'escalateCommunity' && escalated > 0)
      await withTx({ ...ctx, actor: null }, (t) =>
        enqueueJob<TEscalateInput>(asSystem(t), {
          kind: ESCALATE_JOB,
          input: { periodKey, step: 'escalateStreet' },
          idempotencyKey: `${periodKey}:escalateStreet`,
          runAt: new Date(periodRange(periodKey).end.getTime() + 2 * VISIT_ESCALATION_HOURS * HOUR),
        }),
      )
    return { escalated, notify }
  },
})
