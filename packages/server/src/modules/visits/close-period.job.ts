import { nextPeriodKey, VISIT_ESCALATION_HOURS, VISIT_RED_LIST_AFTER, visitEvents, visitPeriodFlow, visitPlanFlow } from '@yiyang/core'
import { and, eq, sql } from 'drizzle-orm'
import { withTx } from '../../platform/context.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { runStep } from '../../platform/workflow.js'
import { periodAuditSnapshot, planAuditSnapshot } from './visits.mapper.js'
import { visitPeriods, visitPlans } from './visits.tables.js'
import { asSystem, CLOSE_PERIOD_JOB, ESCALATE_JOB, openPeriod, type TClosePeriodInput, type TEscalateInput } from './visit-periods.js'

/**
 * A period ends. Unvisited, it is missed: the visitor is told (outbox event, step `miss`),
 * an escalation timer is set for the community worker, and two missed periods in a row put
 * the elder on the street's red list. Either way the plan's next period opens with its own
 * timer, so the chain survives restarts: every link is a row in the jobs table.
 */
export const closePeriodJob = defineJob<TClosePeriodInput>({
  kind: CLOSE_PERIOD_JOB,
  label: '探访周期结束检查',
  maxAttempts: 5,
  async run(ctx, job) {
    return withTx({ ...ctx, actor: null }, async (t) => {
      const [plan] = await t.tx.select().from(visitPlans).where(eq(visitPlans.id, job.input.planId)).for('update')
      if (!plan || plan.status !== 'active') return { skipped: 'plan not active' }
      const [period] = await t.tx
        .select()
        .from(visitPeriods)
        .where(and(eq(visitPeriods.planId, plan.id), eq(visitPeriods.periodKey, job.input.periodKey)))
        .for('update')
      // The plan changed frequency since: that period's chain stops here, the new one runs on.
      if (period && period.frequency !== plan.frequency) return { skipped: 'frequency changed' }
      let outcome = 'visited'
      if (period && period.status === 'open') {
        outcome = 'missed'
        const missed = await runStep(t, {
          table: visitPeriods,
          step: visitPeriodFlow.miss,
          before: period,
          audit: { action: 'visit.period_missed', entityType: 'visit_period', snapshot: periodAuditSnapshot, extra: { notify: 'visitor' } },
          event: {
            type: visitEvents.periodMissed,
            payload: (r) => ({ planId: plan.id, elderId: plan.elderId, periodKey: r.periodKey, notify: 'visitor', visitorId: plan.visitorId, backupId: plan.backupId }),
          },
        })
        await enqueueJob<TEscalateInput>(asSystem(t), {
          kind: ESCALATE_JOB,
          input: { periodId: missed.id, step: 'escalateCommunity' },
          idempotencyKey: `${missed.id}:escalateCommunity`,
          runAt: new Date(period.endsAt.getTime() + VISIT_ESCALATION_HOURS * 3600_000),
          regionCode: plan.regionCode,
        })
        const missedInRow = plan.missedInRow + 1
        const redListed = missedInRow >= VISIT_RED_LIST_AFTER
        // The counters change with the plan's own step (assign keeps it active) so the row's version moves and it is audited.
        await runStep(t, {
          table: visitPlans,
          step: visitPlanFlow.assign,
          before: plan,
          patch: { missedInRow: sql`${visitPlans.missedInRow} + 1`, redListed: plan.redListed || redListed },
          audit: { action: redListed && !plan.redListed ? 'visit.red_listed' : 'visit.plan_missed', entityType: 'visit_plan', snapshot: planAuditSnapshot },
          event:
            redListed && !plan.redListed
              ? { type: visitEvents.redListed, payload: (r) => ({ planId: r.id, elderId: r.elderId, missedInRow: r.missedInRow }) }
              : undefined,
        })
      }
      await openPeriod(t, plan, nextPeriodKey(job.input.periodKey))
      return { outcome }
    })
  },
})

/** One escalation step of a missed period: community worker, then street officer. */
export const escalateJob = defineJob<TEscalateInput>({
  kind: ESCALATE_JOB,
  label: '探访逾期逐级上报',
  maxAttempts: 5,
  async run(ctx, job) {
    return withTx({ ...ctx, actor: null }, async (t) => {
      const [period] = await t.tx.select().from(visitPeriods).where(eq(visitPeriods.id, job.input.periodId)).for('update')
      if (!period) return { skipped: 'no period' }
      const step = visitPeriodFlow[job.input.step]
      if (!(step.from as readonly string[]).includes(period.status)) return { skipped: period.status }
      const [plan] = await t.tx.select().from(visitPlans).where(eq(visitPlans.id, period.planId))
      if (!plan || plan.status !== 'active') return { skipped: 'plan not active' }
      const notify = job.input.step === 'escalateCommunity' ? 'community_worker' : 'street_officer'
      await runStep(t, {
        table: visitPeriods,
        step,
        before: period,
        audit: { action: `visit.${job.input.step === 'escalateCommunity' ? 'escalated_community' : 'escalated_street'}`, entityType: 'visit_period', snapshot: periodAuditSnapshot, extra: { notify } },
        event: {
          type: job.input.step === 'escalateCommunity' ? visitEvents.escalatedCommunity : visitEvents.escalatedStreet,
          payload: (r) => ({ planId: plan.id, elderId: plan.elderId, periodKey: r.periodKey, notify }),
        },
      })
      if (job.input.step === 'escalateCommunity') {
        await enqueueJob<TEscalateInput>(asSystem(t), {
          kind: ESCALATE_JOB,
          input: { periodId: period.id, step: 'escalateStreet' },
          idempotencyKey: `${period.id}:escalateStreet`,
          runAt: new Date(t.clock.now().getTime() + VISIT_ESCALATION_HOURS * 3600_000),
          regionCode: plan.regionCode,
        })
      }
      return { escalated: notify }
    })
  },
})

