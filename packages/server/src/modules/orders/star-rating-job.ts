import { addMonths, computeStarRating, todayInShanghai } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { defineJob, enqueueJob, type TJobDefinition } from '../../platform/jobs.js'
import { caregiverCertification, providersForRating } from '../providers/index.js'
import { monthRange, orderKpiFacts } from './order-kpi-facts.js'
import { serviceOrders } from './orders.tables.js'
import { providerStarRatings } from './star-ratings.tables.js'

export const STAR_RATING_JOB = 'orders.star_rating'
export type TStarRatingInput = { month: string; /** false for a run the bureau asked for: it does not schedule the next month. */ chain?: boolean }

/** 01:00 Shanghai on the first day after `month`: when the month's rating is computed. */
export function starRatingRunAt(month: string): Date {
  const next = addMonths(`${month}-01`, 1)
  return new Date(`${next}T01:00:00+08:00`)
}

/** Schedules the month's run once (same month, same job); called at start and by each run for the next month. */
export async function scheduleStarRating(ctx: Ctx, month: string) {
  await withTx({ ...ctx, actor: null }, (t) =>
    enqueueJob<TStarRatingInput>(t, {
      kind: STAR_RATING_JOB,
      input: { month, chain: true },
      idempotencyKey: `monthly:${month}`,
      runAt: starRatingRunAt(month),
    }),
  )
}

/** The month's rating of one provider: KPI facts of its orders and caregivers, by core's formula. */
export async function rateProvider(ctx: Ctx, provider: { id: string; regionCode: string }, month: string) {
  // Certificates valid on the month's last day, or today for the month still running (as the KPI endpoint counts).
  const { to } = monthRange(month)
  const today = todayInShanghai(ctx.clock.now())
  const [facts, caregivers] = await Promise.all([
    orderKpiFacts(ctx.db, eq(serviceOrders.providerId, provider.id), month),
    caregiverCertification(ctx.db, { providerId: provider.id }, to < today ? to : today),
  ])
  return computeStarRating({ ...facts, caregivers })
}

/**
 * 等级评定, monthly: every active provider gets a proposed rating for the month with the
 * explanation of each indicator. A rating the bureau has already reviewed is left as it is; a
 * proposed one is computed again (a rerun after late confirmations or complaints). The run then
 * schedules the next month's.
 */
export const starRatingJob = defineJob<TStarRatingInput>({
  kind: STAR_RATING_JOB,
  label: '服务商月度星级评定',
  maxAttempts: 3,
  leaseMs: 5 * 60_000,
  async run(ctx, job) {
    const { month } = job.input
    const list = await providersForRating(ctx.db)
    let rated = 0
    for (const p of list) {
      const r = await rateProvider(ctx, p, month)
      await withTx({ ...ctx, actor: null }, async (t) => {
        const [existing] = await t.tx
          .select()
          .from(providerStarRatings)
          .where(and(eq(providerStarRatings.providerId, p.id), eq(providerStarRatings.month, month)))
          .for('update')
        if (existing && existing.status !== 'proposed') return
        const values = { computedStars: r.stars, total: r.total, indicators: r.indicators, cap: r.cap, updatedAt: t.clock.now() }
        const [row] = existing
          ? await t.tx
              .update(providerStarRatings)
              .set({ ...values, version: existing.version + 1 })
              .where(eq(providerStarRatings.id, existing.id))
              .returning()
          : await t.tx
              .insert(providerStarRatings)
              .values({ ...values, providerId: p.id, regionCode: p.regionCode, month, createdAt: t.clock.now() })
              .returning()
        await appendAudit(t, {
          action: 'star_rating.computed',
          entityType: 'star_rating',
          entityId: row!.id,
          regionCode: p.regionCode,
          after: { providerId: p.id, month, stars: r.stars, total: r.total, cap: r.cap },
        })
        rated++
      })
      await job.progress({ rated, of: list.length })
    }
    if (job.input.chain !== false) await scheduleStarRating(ctx, addMonths(`${month}-01`, 1).slice(0, 7))
    return { month, rated, providers: list.length }
  },
}) as TJobDefinition<never>

/** At start: the current month's run is scheduled (idempotent). */
export async function scheduleCurrentStarRating(ctx: Ctx) {
  await scheduleStarRating(ctx, todayInShanghai(ctx.clock.now()).slice(0, 7))
}
