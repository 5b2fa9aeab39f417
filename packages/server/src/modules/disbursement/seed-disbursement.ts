import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import type { TSeedTools } from '../../platform/module.js'
import { approveBatch } from './approve-batch.js'
import { batchInScope } from './batches.repo.js'
import { benefitsDueSource } from './benefits-due-source.js'
import { checkBatch } from './check-batch.js'
import { creditCarryOver } from './programmes-for-checks.js'
import { runMonth } from './run-month.js'

const HOUR = 3600_000
/** 东街街道: the benefits seed grants its service credits there. */
const DEMO_CREDIT_STREET = '620702001'

/**
 * This month's disbursement of the demo street 东街街道, as the bureau and a second person do it: the
 * bureau computes the month (the lines post the benefits and the service credits to the
 * ledger), checks it, and the system administrator approves. So the demo elders granted service
 * credits (benefits seed) hold them today. Only when something is due this month.
 */
export async function seedDisbursement(ctx: Ctx, tools: TSeedTools) {
  const bureau = await tools.actorFor('bureau_admin', '62')
  const admin = await tools.actorFor('sys_admin', '62')
  if (!bureau || !admin) return
  const month = todayInShanghai(ctx.clock.now()).slice(0, 7)
  // The batch of the credits' street (a run covers any region prefix): the district's batch of
  // the month stays free for the bureau to compute in the demo (and in the e2e and tests); its
  // run skips what this one paid (a month is never paid twice).
  const regionCode = DEMO_CREDIT_STREET
  if ((await benefitsDueSource.count(ctx.db, { month, regionPrefix: regionCode })) === 0) return
  const at = (hoursAgo: number) => ({ now: () => new Date(ctx.clock.now().getTime() - hoursAgo * HOUR) })
  const run = await runMonth(
    { ...ctx, actor: bureau, clock: at(3) },
    { month, regionCode, source: benefitsDueSource, carriesOver: await creditCarryOver(ctx.db), owner: 'seed' },
  )
  const computed = await batchInScope(ctx.db, bureau, run.batchId)
  const checked = await checkBatch({ ...ctx, actor: bureau, clock: at(2) }, run.batchId, { version: computed.version, note: '演示数据：明细已逐项核对' })
  await approveBatch({ ...ctx, actor: admin, clock: at(1) }, run.batchId, { version: checked.version })
}
