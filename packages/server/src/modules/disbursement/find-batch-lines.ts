import { and, asc, count, eq, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter, type TPageQuery } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { batchInScope } from './batches.repo.js'
import { disbursementLines } from './disbursement.tables.js'

/** A batch's lines (one per elder and programme) with their explanation, elders masked. */
export async function findBatchLines(ctx: Ctx, batchId: string, q: TPageQuery & { programCode?: string; status?: string }) {
  requirePermission(ctx.actor, 'ledger:read')
  await batchInScope(ctx.db, ctx.actor, batchId)
  const filters: (SQL | undefined)[] = [
    eq(disbursementLines.batchId, batchId),
    regionFilter(disbursementLines.regionCode, ctx.actor),
    q.programCode ? eq(disbursementLines.programCode, q.programCode) : undefined,
    q.status ? eq(disbursementLines.status, q.status as 'pending') : undefined,
  ]
  const where = and(...filters)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(disbursementLines)
      .where(where)
      .orderBy(asc(disbursementLines.regionCode), asc(disbursementLines.elderId), asc(disbursementLines.programCode))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(disbursementLines).where(where),
  ])
  const elders = await elderSummariesByIds(
    ctx,
    rows.map((r) => r.elderId),
  )
  return pageResult(
    rows.map((r) => ({
      id: r.id,
      month: r.month,
      elderId: r.elderId,
      elderName: elders.get(r.elderId)?.name ?? '（已合并或删除）',
      regionCode: r.regionCode,
      programCode: r.programCode,
      programName: r.programName,
      delivery: r.delivery,
      fundSource: r.fundSource,
      amountFen: r.amountFen,
      explanation: r.explanation,
      status: r.status,
      failReason: r.failReason,
      kind: r.kind,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      benefitId: r.benefitId,
      applicationId: r.applicationId,
    })),
    total!.n,
    q,
  )
}
