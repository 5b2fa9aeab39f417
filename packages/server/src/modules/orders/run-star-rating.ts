import { todayInShanghai } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { enqueueJob } from '../../platform/jobs.js'
import { requirePermission } from '../../platform/permissions.js'
import { STAR_RATING_JOB, type TStarRatingInput } from './star-rating-job.js'

/** The bureau asks for a month's rating now (a past or the current month), as a background job. */
export async function runStarRating(ctx: Ctx, input: { month: string }) {
  requirePermission(ctx.actor, 'provider:review')
  const now = ctx.clock.now()
  if (input.month > todayInShanghai(now).slice(0, 7))
    throw new AppError('VALIDATION_FAILED', '不能评定尚未到来的月份', [{ path: 'month', message: '请选择本月或以前的月份' }])
  return withTx(ctx, async (t) => {
    const job = await enqueueJob<TStarRatingInput>(t, {
      kind: STAR_RATING_JOB,
      input: { month: input.month, chain: false },
      idempotencyKey: `manual:${input.month}:${now.getTime()}`,
    })
    return { jobId: job.id }
  })
}
