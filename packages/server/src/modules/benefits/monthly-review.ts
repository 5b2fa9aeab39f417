import { and, asc, eq, gt, lte } from 'drizzle-orm'
import { benefitEvents, evaluateProgramme, nextMonth, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { eligibilityFactsByIds } from '../elders/index.js'
import { loadProgrammes } from './benefits.repo.js'
import { benefitAuditSnapshot } from './benefits.mapper.js'
import { benefits } from './benefits.tables.js'
import { addHistory } from './grant-benefit.js'

/** The first moment of a month in Asia/Shanghai. */
export const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`)

/**
 * The monthly dynamic review for payment month `month` (domain.md §6): a band change (turning 90,
 * a new ability level) applies from this month at the new rate with no back-difference (不补差);
 * benefits whose yearly review falls due are listed (history row + the review-due list). Elders
 * who no longer qualify go to the discovery list, not stopped by a machine. Idempotent per month.
 */
export async function runMonthlyReview(ctx: Ctx, month: string, progress?: (p: unknown) => Promise<void>) {
  const programmes = new Map((await loadProgrammes(ctx.db, { includeInactive: true })).map((p) => [p.code, p.definition]))
  let after = '00000000-0000-0000-0000-000000000000'
  const summary = { month, checked: 0, bandChanges: 0, reviewDue: 0, noLongerEligible: 0 }
  const sys: Ctx = { ...ctx, actor: null }
  for (;;) {
    const batch = await ctx.db
      .select()
      .from(benefits)
      .where(and(eq(benefits.status, 'active'), lte(benefits.fromMonth, month), gt(benefits.id, after)))
      .orderBy(asc(benefits.id))
      .limit(1000)
    if (batch.length === 0) break
    after = batch[batch.length - 1]!.id
    const facts = await eligibilityFactsByIds(
      ctx.db,
      batch.map((b) => b.elderId),
    )
    for (const b of batch) {
      summary.checked++
      const p = programmes.get(b.programmeCode)
      const f = facts.get(b.elderId)
      if (!p || !f) continue
      const r = evaluateProgramme(p, f.facts, month)
      if (!r.eligible) summary.noLongerEligible++
      const changed = r.eligible && r.amountFen !== b.amountFen
      const due = b.nextReviewMonth <= month
      if (!changed && !due) continue
      await withTx(sys, async (t) => {
        if (changed) {
          const [upd] = await t.tx
            .update(benefits)
            .set({ amountFen: r.amountFen, version: b.version + 1, updatedAt: t.clock.now() })
            .where(and(eq(benefits.id, b.id), eq(benefits.version, b.version)))
            .returning()
          if (upd) {
            const reason = `${p.name}标准由${(b.amountFen / 100).toFixed(2)}元调整为${(r.amountFen / 100).toFixed(2)}元，自${month}起执行，不补差（${r.clauses
              .filter((c) => c.met)
              .map((c) => c.text)
              .join('；')}）`
            await addHistory(t, upd, { kind: 'band_change', from: b.amountFen, to: r.amountFen, month, reason })
            await appendAudit(t, {
              action: 'benefit.band_changed',
              entityType: 'benefit',
              entityId: b.id,
              regionCode: b.regionCode,
              before: benefitAuditSnapshot(b),
              after: { ...benefitAuditSnapshot(upd), reason },
            })
            await recordEvent(t, {
              type: benefitEvents.bandChanged,
              entityType: 'benefit',
              entityId: b.id,
              regionCode: b.regionCode,
              payload: { elderId: b.elderId, programmeCode: b.programmeCode, fromAmountFen: b.amountFen, toAmountFen: r.amountFen, month },
            })
            summary.bandChanges++
          }
        }
        if (
          due &&
          (await addHistory(t, b, {
            kind: 'review_due',
            from: null,
            to: null,
            month,
            reason: `${p.name}已满复核周期（${p.reviewCycleMonths}个月），请入户复核`,
          }))
        )
          summary.reviewDue++
      })
    }
    await progress?.({ checked: summary.checked })
  }
  return summary
}

export const monthlyReviewJob = defineJob<{ month: string; recurring?: boolean }>({
  kind: 'benefits.monthly_review',
  label: '补贴月度动态调整',
  maxAttempts: 3,
  leaseMs: 300_000,
  async run(ctx, job) {
    const summary = await runMonthlyReview(ctx, job.input.month, job.progress)
    // The next run is a durable timer: the first moment of the next month.
    if (job.input.recurring !== false) await scheduleMonthlyReview({ ...ctx, actor: null }, nextMonth(job.input.month))
    return summary
  },
})

export async function scheduleMonthlyReview(ctx: Ctx, month: string) {
  await withTx(ctx, (t) =>
    enqueueJob(t, {
      kind: monthlyReviewJob.kind,
      input: { month, recurring: true },
      idempotencyKey: `scheduled:${month}`,
      runAt: monthStart(month),
      maxAttempts: 3,
    }),
  )
}

/** A bureau admin runs the review for a month now (same work, idempotent per month). */
export async function startMonthlyReview(ctx: Ctx, month: string) {
  requirePermission(ctx.actor, 'benefit:configure')
  const today = todayInShanghai(ctx.clock.now())
  const { id } = await withTx(ctx, (t) =>
    enqueueJob(t, { kind: monthlyReviewJob.kind, input: { month, recurring: false }, idempotencyKey: `manual:${month}:${today}`, maxAttempts: 3 }),
  )
  return { id }
}
