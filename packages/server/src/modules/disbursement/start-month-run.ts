import { isPaymentMonth } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { fieldError } from '../../platform/errors.js'
import { enqueueJob } from '../../platform/jobs.js'
import { requirePermission } from '../../platform/permissions.js'
import { runMonthJob } from './run-month-job.js'

/** Starts (or resumes) the month run for the actor's district as a background job; the page shows its progress. */
export async function startMonthRun(ctx: Ctx, input: { month: string }) {
  requirePermission(ctx.actor, 'disbursement:run')
  if (!isPaymentMonth(input.month)) throw fieldError('month', '发放月份应为 YYYY-MM')
  const regionCode = ctx.actor.scopePrefix
  return withTx(ctx, async (t) => {
    const job = await enqueueJob(t, {
      kind: runMonthJob.kind,
      input: { month: input.month, regionCode },
      idempotencyKey: `${input.month}:${regionCode}`,
      regionCode,
    })
    await appendAudit(t, { action: 'disbursement.run_started', entityType: 'disbursement_batch', regionCode, after: { month: input.month, jobId: job.id } })
    t.afterCommit.add('wake')
    return { jobId: job.id, created: job.created }
  })
}
