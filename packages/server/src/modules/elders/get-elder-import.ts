/** Import status, the result's details (conflicts, changes, warnings) and the error report. */
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { jobs } from '../../platform/jobs.js'
import { requirePermission } from '../../platform/permissions.js'
import type { TImportError } from './import-columns.js'
import { ELDER_IMPORT_JOB, type TImportDetails, type TImportInput, type TImportProgress, type TImportResult } from './import-types.js'
import { liveImportProgress } from './run-elder-import.js'

const LIST_LIMIT = 200

export async function getImportJobInScope(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'elder:import')
  // Every column but the attachment: the status is polled every second and the file may be 25 MB.
  const [job] = await ctx.db
    .select({
      id: jobs.id,
      status: jobs.status,
      regionCode: jobs.regionCode,
      input: jobs.input,
      progress: jobs.progress,
      result: jobs.result,
      error: jobs.error,
      createdAt: jobs.createdAt,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.kind, ELDER_IMPORT_JOB)))
  // Jobs of other streets look absent; a street officer sees the imports of their street.
  if (!job || !(job.regionCode ?? '').startsWith(ctx.actor.scopePrefix)) throw new AppError('NOT_FOUND', '导入任务不存在')
  return job
}

export function importDetails(ctx: Ctx, result: TImportResult | null): TImportDetails {
  if (!result?.detailsEnc) return { conflicts: [], changes: [], warnings: [] }
  return JSON.parse(ctx.crypto.decrypt(result.detailsEnc)) as TImportDetails
}

export async function getElderImport(ctx: Ctx, id: string) {
  const job = await getImportJobInScope(ctx, id)
  const result = job.result as TImportResult | null
  const input = job.input as TImportInput
  const live = liveImportProgress.get(id)
  const { errorsEnc: _e, detailsEnc: _d, ...summary } = result ?? ({} as TImportResult)
  const details = importDetails(ctx, result)
  // A job between two attempts is queued again with the last error kept: not a failure yet.
  const status = job.status === 'cancelled' ? 'failed' : job.status
  return {
    id: job.id,
    status,
    filename: input.filename,
    mode: input.mode,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    progress: (live ?? job.progress ?? { phase: 'queued', percent: 0, rowsRead: 0 }) as TImportProgress,
    error: job.status === 'failed' || job.status === 'cancelled' ? job.error : null,
    confirmsJobId: input.confirmsJobId ?? null,
    result: result
      ? {
          // Results stored before conflicts and warnings existed lack these counts.
          ...summary,
          conflictCount: summary.conflictCount ?? 0,
          warningCount: summary.warningCount ?? 0,
          unknownColumns: summary.unknownColumns ?? [],
          conflicts: details.conflicts.slice(0, LIST_LIMIT),
          changes: details.changes.slice(0, LIST_LIMIT),
          warnings: details.warnings.slice(0, LIST_LIMIT),
        }
      : null,
    hasErrorReport: !!result?.errorsEnc,
  }
}

async function jobErrors(ctx: Ctx, id: string) {
  const job = await getImportJobInScope(ctx, id)
  const result = job.result as TImportResult | null
  if (!result?.errorsEnc) throw new AppError('NOT_FOUND', '该导入任务没有错误报告')
  return { job, result, errors: JSON.parse(ctx.crypto.decrypt(result.errorsEnc)) as TImportError[] }
}

/** The first errors for the result page (values as typed, so the officer can find the row). */
export async function elderImportErrorList(ctx: Ctx, id: string, limit = LIST_LIMIT) {
  const { errors, result } = await jobErrors(ctx, id)
  return { items: errors.slice(0, limit).map((e) => ({ ...e, name: e.name ?? '' })), total: result.errorCount }
}

/** The row-level error report as xlsx: 行号, 姓名, 列, 填写的内容, 问题. */
export async function elderImportErrorReport(ctx: Ctx, id: string): Promise<Buffer> {
  const { job, result, errors } = await jobErrors(ctx, id)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('错误报告')
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '列', key: 'column', width: 16 },
    { header: '填写的内容', key: 'value', width: 28 },
    { header: '问题', key: 'message', width: 70 },
  ]
  ws.getRow(1).font = { bold: true }
  ws.getColumn('value').numFmt = '@'
  ws.getColumn('name').numFmt = '@'
  for (const e of errors) ws.addRow({ ...e, name: e.name ?? '' })
  if (result.errorCount > errors.length) ws.addRow({ message: `共 ${result.errorCount} 个错误，此处列出前 ${errors.length} 个` })
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'elder.import_report_downloaded',
      entityType: 'import_job',
      entityId: id,
      regionCode: job.regionCode,
      after: { errors: errors.length },
    }),
  )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
