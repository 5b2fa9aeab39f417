import { and, eq, max } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { batchInScope, toBatch } from './batches.repo.js'
import { disbursementBatches, disbursementLines } from './disbursement.tables.js'

/**
 * Lines the bank returned failed go into a new batch of the same month (补发批次), after the
 * account was corrected. The old line is marked re-issued, so the unique (month, elder, programme)
 * index still allows one live line; the ledger keeps the original accrual, which the new line pays.
 */
export async function reissueFailedLines(ctx: Ctx, batchId: string) {
  requirePermission(ctx.actor, 'disbursement:run')
  await batchInScope(ctx.db, ctx.actor, batchId)
  return withTx(ctx, async (t) => {
    const source = await batchInScope(t.tx, ctx.actor!, batchId, true)
    const failed = await t.tx
      .select()
      .from(disbursementLines)
      .where(and(eq(disbursementLines.batchId, batchId), eq(disbursementLines.status, 'failed')))
      .for('update')
    if (failed.length === 0) throw new AppError('INVALID_TRANSITION', '该批次没有发放失败的明细，无需补发')
    const [{ seq }] = (await t.tx
      .select({ seq: max(disbursementBatches.seq) })
      .from(disbursementBatches)
      .where(and(eq(disbursementBatches.month, source.month), eq(disbursementBatches.regionCode, source.regionCode)))) as [{ seq: number | null }]
    const totalFen = failed.reduce((s, l) => s + l.amountFen, 0)
    const [batch] = await t.tx
      .insert(disbursementBatches)
      .values({
        month: source.month,
        regionCode: source.regionCode,
        seq: (seq ?? 1) + 1,
        status: 'draft',
        linesTotal: failed.length,
        linesDone: failed.length,
        totalFen,
      })
      .returning()
    for (const l of failed) {
      await t.tx.update(disbursementLines).set({ status: 'reissued', updatedAt: t.clock.now() }).where(eq(disbursementLines.id, l.id))
    }
    await t.tx.insert(disbursementLines).values(
      failed.map((l) => ({
        batchId: batch!.id,
        month: l.month,
        elderId: l.elderId,
        regionCode: l.regionCode,
        programCode: l.programCode,
        programName: l.programName,
        delivery: l.delivery,
        fundSource: l.fundSource,
        amountFen: l.amountFen,
        explanation: `补发（原批次发放失败：${l.failReason ?? '未说明'}）；${l.explanation}`,
        ledgerTxId: l.ledgerTxId,
        kind: l.kind,
        periodFrom: l.periodFrom,
        periodTo: l.periodTo,
        benefitId: l.benefitId,
        applicationId: l.applicationId,
      })),
    )
    await appendAudit(t, {
      action: 'disbursement.reissued',
      entityType: 'disbursement_batch',
      entityId: batch!.id,
      regionCode: source.regionCode,
      after: { fromBatch: batchId, month: source.month, lines: failed.length, totalFen },
    })
    return toBatch(batch!)
  })
}
