import { disbursementBatchFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { batchAuditSnapshot, batchInScope, toBatch } from './batches.repo.js'
import { disbursementBatches } from './disbursement.tables.js'

/** First of the two people: checks the computed batch (复核). */
export async function checkBatch(ctx: Ctx, id: string, input: { version: number; note?: string }) {
  requirePermission(ctx.actor, 'disbursement:check')
  await batchInScope(ctx.db, ctx.actor, id)
  return withTx(ctx, async (t) => {
    const before = await batchInScope(t.tx, ctx.actor!, id, true)
    const after = await runStep(t, {
      table: disbursementBatches,
      step: disbursementBatchFlow.check,
      before,
      version: input.version,
      patch: { checkedBy: ctx.actor!.userId, note: input.note ?? before.note },
      audit: { action: 'disbursement.checked', entityType: 'disbursement_batch', snapshot: batchAuditSnapshot, extra: { note: input.note ?? null } },
    })
    return toBatch(after)
  })
}
