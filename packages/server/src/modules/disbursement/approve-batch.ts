import { disbursementBatchFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { batchAuditSnapshot, batchInScope, toBatch } from './batches.repo.js'
import { disbursementBatches } from './disbursement.tables.js'

/** Second of the two people: approves a checked batch; the checker may not approve their own check. */
export async function approveBatch(ctx: Ctx, id: string, input: { version: number }) {
  requirePermission(ctx.actor, 'disbursement:approve')
  await batchInScope(ctx.db, ctx.actor, id)
  return withTx(ctx, async (t) => {
    const before = await batchInScope(t.tx, ctx.actor!, id, true)
    if (before.checkedBy === ctx.actor!.userId) throw new AppError('FORBIDDEN', '复核人与审批人不能是同一人，请由另一位工作人员审批')
    const after = await runStep(t, {
      table: disbursementBatches,
      step: disbursementBatchFlow.approve,
      before,
      version: input.version,
      patch: { approvedBy: ctx.actor!.userId },
      audit: { action: 'disbursement.approved', entityType: 'disbursement_batch', snapshot: batchAuditSnapshot },
    })
    return toBatch(after)
  })
}
