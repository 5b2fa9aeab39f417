import { frequencyOfPeriod, periodKeyOf, periodRange } from '@yiyang/core'
import { sql } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { enqueueJob } from '../../platform/jobs.js'
import type { TPlanRow } from './visits.repo.js'
import { visitPeriods } from './visits.tables.js'

export const CLOSE_PERIOD_JOB = 'visits.close_period'
export const ESCALATE_JOB = 'visits.escalate'
export type TClosePeriodInput = { periodKey: string }
export type TEscalateInput = { periodKey: string; step: 'escalateCommunity' | 'escalateStreet' }

/**
 * Timers belong to the system, not to whoever made the plan: a job runs with the role of the
 * user who enqueued it, and escalation steps are the platform's own (no actor).
 */
export const asSystem = (t: TxCtx): TxCtx => ({ ...t, actor: null })

/**
 * The closing timer of a period: one durable job per week or month for every plan at once (a
 * district's 100k plans do not make 100k timers), idempotent by the period key.
 */
export async function scheduleClose(t: TxCtx, periodKey: string) {
  await enqueueJob<TClosePeriodInput>(asSystem(t), {
    kind: CLOSE_PERIOD_JOB,
    input: { periodKey },
    idempotencyKey: periodKey,
    runAt: periodRange(periodKey).end,
  })
}

/** Opens the plan's period `key` (idempotent) and makes sure the period's closing timer exists. */
export async function openPeriod(t: TxCtx, plan: TPlanRow, key = periodKeyOf(plan.frequency, t.clock.now())) {
  const { start, end } = periodRange(key)
  await t.tx
    .insert(visitPeriods)
    .values({ planId: plan.id, elderId: plan.elderId, regionCode: plan.regionCode, periodKey: key, frequency: plan.frequency, startsAt: start, endsAt: end })
    .onConflictDoNothing()
  await scheduleClose(t, key)
}

/** Opens period `key` for every active plan of its frequency in one statement (the rollover). */
export async function openPeriodForAll(t: TxCtx, key: string) {
  const frequency = frequencyOfPeriod(key)
  const { start, end } = periodRange(key)
  await t.tx.execute(sql`
    insert into ${visitPeriods} (plan_id, elder_id, region_code, period_key, frequency, starts_at, ends_at)
    select id, elder_id, region_code, ${key}, frequency, ${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz
      from visit_plans where status = 'active' and frequency = ${frequency}
    on conflict do nothing`)
  await scheduleClose(t, key)
}
