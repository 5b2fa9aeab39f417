import { defineJob } from '../../platform/jobs.js'
import { benefitsDueSource } from './benefits-due-source.js'
import { runMonth } from './run-month.js'
import { creditCarryOver } from './programmes-for-checks.js'

/** The month run started from the UI: a durable job, so a restart resumes it from its cursor. */
export const runMonthJob = defineJob<{ month: string; regionCode: string }>({
  kind: 'disbursement.run-month',
  label: '月度发放计算',
  maxAttempts: 5,
  leaseMs: 120_000,
  run: async (ctx, job) =>
    runMonth(ctx, {
      month: job.input.month,
      regionCode: job.input.regionCode,
      source: benefitsDueSource,
      carriesOver: await creditCarryOver(ctx.db),
      owner: `job:${job.id}`,
      onProgress: (done, total) => void job.progress({ done, total }),
    }),
})
