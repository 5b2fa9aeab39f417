import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { TActor } from '../../platform/permissions.js'
import { scopeFilter } from '../../platform/list.js'
import { notFound } from '../../platform/errors.js'
import { disbursementBatches } from './disbursement.tables.js'

export type TBatchRow = typeof disbursementBatches.$inferSelect

/** A batch inside the actor's scope, or NOT_FOUND exactly like a missing one. */
export async function batchInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TBatchRow> {
  const q = db
    .select()
    .from(disbursementBatches)
    .where(and(eq(disbursementBatches.id, id), scopeFilter(disbursementBatches.regionCode, actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw notFound()
  return row
}

export const toBatch = (b: TBatchRow) => ({
  id: b.id,
  month: b.month,
  regionCode: b.regionCode,
  seq: b.seq,
  status: b.status,
  version: b.version,
  linesTotal: b.linesTotal,
  linesDone: b.linesDone,
  totalFen: b.totalFen,
  checkedBy: b.checkedBy,
  approvedBy: b.approvedBy,
  note: b.note,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
})

export const batchAuditSnapshot = (b: TBatchRow) => ({ month: b.month, regionCode: b.regionCode, status: b.status, lines: b.linesDone, totalFen: b.totalFen })
