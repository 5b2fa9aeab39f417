import { periodKeyOf, periodRange } from '@yiyang/core'
import type { TxCtx } from '../../platform/context.js'
import { enqueueJob } from '../../platform/jobs.js'
import type { TPlanRow } from './visits.repo.js'
import { visitPeriods } from './visits.tables.js'

export const CLOSE_PERIOD_JOB = 'visits.close_period'
export const ESCALATE_JOB = 'visits.escalate'
export type TClosePeriodInput = { planId: string; periodKey: string }
export type TEscalateInput = { periodId: string; step: 'escalateCommunity' | 'escalateStreet' }

/**
 * Timers belong to the system, not to whoever made the plan: a job runs with the role of the
 * user who enqueued it, and escalation steps are the platform's own (no actor).
 */
export const asSystem = (t: TxCtx): TxCtx => ({ ...t, actor: null })

/**
 * Opens the plan's period `key` (idempotent) and sets its closing timer: a durable job due when
 * the period ends, one per plan and period.
 */
export async function openPeriod(t: TxCtx, plan: TPlanRow, key = periodKeyOf(plan.frequency, t.clock.now())) {
  const { start, end } = periodRange(key)
  const [row] = await t.tx
    .insert(visitPeriods)
    .values({ planId: plan.id, elderId: plan.elderId, regionCode: plan.regionCode, periodKey: key, frequency: plan.frequency, startsAt: start, endsAt: end })
    .onConflictDoNothing()
    .returning()
  await enqueueJob<TClosePeriodInput>(asSystem(t), {
    kind: CLOSE_PERIOD_JOB,
    input: { planId: plan.id, periodKey: key },
    idempotencyKey: `${plan.id}:${key}`,
    runAt: end,
    regionCode: plan.regionCode,
  })
  return row ?? null
}
