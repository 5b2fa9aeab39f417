import { nextPeriodKey, periodRange, VISIT_ESCALATION_HOURS, VISIT_RED_LIST_AFTER, visitEvents, visitPeriodFlow } from '@yiyang/core'
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { runStep } from '../../platform/workflow.js'
import { recordEvent } from '../../platform/outbox.js'
import { periodAuditSnapshot } from './visits.mapper.js'
import { visitPeriods, visitPlans } from './visits.tables.js'
import { asSystem, CLOSE_PERIOD_JOB, ESCALATE_JOB, openPeriodForAll, type TClosePeriodInput, type TEscalateInput } from './visit-periods.js'

const BATCH = 200
const HOUR = 3600_000

/** Periods of a key in given statuses, in id batches, each batch in its own transaction. */
async function forEachPeriod(
  ctx: Ctx,
  periodKey: string,
  statuses: string[],
  fn: (t: Parameters<Parameters<typeof withTx>[1]>[0], id: string) => Promise<void>,
) {
  let after = '00000000-0000-0000-0000-000000000000'
  let done = 0
  for (;;) {
    const ids = await ctx.db
      .select({ id: visitPeriods.id })
      .from(visitPeriods)
      .where(and(eq(visitPeriods.periodKey, periodKey), inArray(visitPeriods.status, statuses as never), gt(visitPeriods.id, after)))
      .orderBy(asc(visitPeriods.id))
      .limit(BATCH)
    if (ids.length === 0) return done
    await withTx({ ...ctx, actor: null }, async (t) => {
      for (const { id } of ids) await fn(t, id)
    })
    done += ids.length
    after = ids[ids.length - 1]!.id
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
    const missed = await forEachPeriod(ctx, key, ['open'], async (t, id) => {
      const [period] = await t.tx.select().from(visitPeriods).where(eq(visitPeriods.id, id)).for('update')
      const [plan] = await t.tx.select().from(visitPlans).where(eq(visitPlans.id, period!.planId)).for('update')
      if (!period || period.status !== 'open') return
      // A plan that ended, or changed frequency, closes the period without blame.
      const inForce = !!plan && plan.status === 'active' && plan.frequency === period.frequency
      const listed = inForce && plan.missedInRow + 1 >= VISIT_RED_LIST_AFTER && !plan.redListed
      await runStep(t, {
        table: visitPeriods,
        step: visitPeriodFlow.miss,
        before: period,
        // The plan's counters move with this step and are audited in its row (one row per period, not two).
        audit: {
          action: 'visit.period_missed',
          entityType: 'visit_period',
          snapshot: periodAuditSnapshot,
          extra: inForce ? { notify: 'visitor', missedInRow: plan.missedInRow + 1, redListed: plan.redListed || listed } : { notify: null },
        },
        event: inForce
          ? {
              type: visitEvents.periodMissed,
              payload: (r) => ({
                planId: plan.id,
                elderId: plan.elderId,
                periodKey: r.periodKey,
                notify: 'visitor',
                visitorId: plan.visitorId,
                backupId: plan.backupId,
              }),
            }
          : undefined,
      })
      if (!inForce) return
      await t.tx
        .update(visitPlans)
        .set({
          missedInRow: sql`${visitPlans.missedInRow} + 1`,
          redListed: plan.redListed || listed,
          version: sql`${visitPlans.version} + 1`,
          updatedAt: t.clock.now(),
        })
        .where(eq(visitPlans.id, plan.id))
      if (listed) {
        redListed++
        await recordEvent(t, {
          type: visitEvents.redListed,
          entityType: 'visit_plan',
          entityId: plan.id,
          regionCode: plan.regionCode,
          payload: { planId: plan.id, elderId: plan.elderId, missedInRow: plan.missedInRow + 1 },
        })
      }
    })
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
    const escalated = await forEachPeriod(ctx, periodKey, [...step.from], async (t, id) => {
      const [period] = await t.tx.select().from(visitPeriods).where(eq(visitPeriods.id, id)).for('update')
      if (!period || !(step.from as readonly string[]).includes(period.status)) return
      const [plan] = await t.tx.select().from(visitPlans).where(eq(visitPlans.id, period.planId))
      if (!plan || plan.status !== 'active') return
      await runStep(t, {
        table: visitPeriods,
        step,
        before: period,
        audit: {
          action: `visit.${stepName === 'escalateCommunity' ? 'escalated_community' : 'escalated_street'}`,
          entityType: 'visit_period',
          snapshot: periodAuditSnapshot,
          extra: { notify },
        },
        event: {
          type: stepName === 'escalateCommunity' ? visitEvents.escalatedCommunity : visitEvents.escalatedStreet,
          payload: (r) => ({ planId: plan.id, elderId: plan.elderId, periodKey: r.periodKey, notify, regionCode: plan.regionCode }),
        },
      })
    })
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
