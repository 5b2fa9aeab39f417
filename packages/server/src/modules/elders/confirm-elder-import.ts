/**
 * Confirming conflict rows (issue 24 item 1): the operator has seen, for each row, the registered
 * name beside the imported one and chooses to import it. The same file runs again as a new job
 * with those rows allowed to rename; rows already imported come out unchanged, so the re-run is
 * safe in both modes.
 */
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { enqueueJob, jobs } from '../../platform/jobs.js'
import { base64Of, fromBase64 } from '../../platform/jobs.tables.js'
import { assertDuplicateBudget } from './duplicate-guard.js'
import { getImportJobInScope, importDetails } from './get-elder-import.js'
import { ELDER_IMPORT_JOB, type TImportInput, type TImportResult } from './import-types.js'

export async function confirmElderImportRows(ctx: Ctx, jobId: string, rows: number[]) {
  const job = await getImportJobInScope(ctx, jobId)
  if (job.status !== 'succeeded') throw new AppError('INVALID_TRANSITION', '该导入任务尚未完成，不能确认')
  const conflicts = importDetails(ctx, job.result as TImportResult | null).conflicts
  const byRow = new Map(conflicts.map((c) => [c.row, c]))
  const unknown = rows.filter((r) => !byRow.has(r))
  if (unknown.length) {
    const msg = `第 ${unknown.join('、')} 行不是该任务中待确认的行`
    throw new AppError('VALIDATION_FAILED', msg, [{ path: 'rows', message: msg }])
  }
  await assertDuplicateBudget(ctx, 'import')
  const [withFile] = await ctx.db
    .select({ attachment: base64Of(jobs.attachment) })
    .from(jobs)
    .where(eq(jobs.id, job.id))
  const attachment = fromBase64(withFile?.attachment ?? null)
  if (!attachment) throw new AppError('NOT_FOUND', '该导入任务的文件已不在，请重新上传')
  const prev = job.input as TImportInput
  const input: TImportInput = {
    filename: prev.filename,
    size: prev.size,
    mode: prev.mode,
    confirmsJobId: job.id,
    confirmed: rows.map((r) => ({ row: r, elderId: byRow.get(r)!.elderId })),
  }
  const { id } = await withTx(ctx, (t) =>
    enqueueJob(t, {
      kind: ELDER_IMPORT_JOB,
      input,
      regionCode: job.regionCode,
      attachment,
      maxAttempts: 3,
      // Confirming the same rows twice (a double click) returns the first job.
      idempotencyKey: `confirm:${job.id}:${[...rows].sort((a, b) => a - b).join(',')}`,
    }),
  )
  return { id }
}
