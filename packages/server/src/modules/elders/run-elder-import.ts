import { elderEvents } from '@yiyang/core'
/**
 * The import job (issue 15 item 3): a durable job whose attachment is the uploaded file. A run
 * reads, checks, plans and writes in one transaction; it can be re-run from the start: nothing
 * is written before the commit, and the commit stores the result in the job row in the same
 * transaction, so a run after a crash that follows the commit returns that result instead of
 * writing again. A run cut short before the commit is claimed again by the job runner when its
 * lease runs out, or failed with a reason after its last attempt (platform/jobs.ts).
 */
import { todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { defineJob, jobs } from '../../platform/jobs.js'
import { recordEvent } from '../../platform/outbox.js'
import { auditDuplicateHits, DUPLICATE_HITS_PER_HOUR, rateLimited, recentDuplicateHits } from './duplicate-guard.js'
import { changesForResult, planElderImport, regionResolver } from './plan-elder-import.js'
import { readImportFile } from './read-import-file.js'
import { ELDER_IMPORT_JOB, type TImportDetails, type TImportInput, type TImportProgress, type TImportResult } from './import-types.js'
import { openImportFile } from './start-elder-import.js'
import { writeElderImport } from './write-elder-import.js'

const MAX_STORED_ROWS = 50_000

/**
 * Progress while the write transaction runs: on PGlite that transaction holds the only
 * connection, so the phase is kept in memory for the status endpoint of this process.
 */
export const liveImportProgress = new Map<string, TImportProgress>()

export type TRunElderImport = { jobId: string; input: TImportInput; file: Buffer; progress: (p: TImportProgress) => Promise<void> }

/** Leaves the trace of an import that wrote nothing, in its own transaction (it must commit). */
async function auditNotImported(ctx: Ctx, jobId: string, action: 'elder.import_failed' | 'elder.import_rejected', after: Record<string, unknown>) {
  await withTx(ctx, (t) => appendAudit(t, { action, entityType: 'import_job', entityId: jobId, regionCode: ctx.actor!.scopeRegionCode, after }))
}

export async function runElderImport(ctx: Ctx, { jobId, input, file, progress }: TRunElderImport): Promise<TImportResult> {
  if (!ctx.actor) throw new AppError('FORBIDDEN', '导入任务缺少提交人，不能执行')
  const [stored] = await ctx.db.select({ result: jobs.result }).from(jobs).where(eq(jobs.id, jobId))
  const previous = stored?.result as TImportResult | null | undefined
  if (previous?.committed) return previous // written by an earlier run whose end was not recorded

  const report = async (p: TImportProgress) => {
    liveImportProgress.set(jobId, p)
    await progress(p)
  }
  try {
    await report({ phase: 'reading', percent: 0, rowsRead: 0 })
    const today = todayInShanghai(ctx.clock.now())
    const parsed = await readImportFile(file, { today, resolveRegion: await regionResolver(ctx) }, report)
    if ('fatal' in parsed) {
      await auditNotImported(ctx, jobId, 'elder.import_failed', { filename: input.filename, reason: parsed.fatal })
      throw new AppError('VALIDATION_FAILED', parsed.fatal)
    }
    if (parsed.rows === 0) {
      const reason = '文件中没有数据行：请在表头下方逐行填写老年人信息'
      await auditNotImported(ctx, jobId, 'elder.import_failed', { filename: input.filename, reason })
      throw new AppError('VALIDATION_FAILED', reason)
    }
    await report({ phase: 'checking', percent: 70, rowsRead: parsed.rows })
    const confirmed = new Map((input.confirmed ?? []).map((c) => [c.row, c.elderId]))
    const plan = await planElderImport(ctx, parsed.records, parsed.errors, today, confirmed)

    // Hits are audited whatever happens next; past the hourly budget the import stops here and
    // says nothing about which rows hit (issue 16 item 1).
    const before = await recentDuplicateHits(ctx)
    await auditDuplicateHits(ctx, {
      source: 'import',
      outOfScopeHits: plan.outOfScopeHits,
      inScopeHits: plan.inScopeHits,
      entityType: 'import_job',
      entityId: jobId,
      rejected: plan.outOfScopeHits > 0,
      rows: parsed.rows,
    })
    if (plan.outOfScopeHits > 0 && before + plan.outOfScopeHits > DUPLICATE_HITS_PER_HOUR) {
      await auditNotImported(ctx, jobId, 'elder.import_failed', {
        filename: input.filename,
        reason: 'duplicate_rate_limited',
        outOfScopeHits: plan.outOfScopeHits,
      })
      throw rateLimited()
    }

    const errors = parsed.errors.sort((a, b) => a.row - b.row)
    const errorRows = new Set(errors.map((e) => e.row)).size
    const details: TImportDetails = { conflicts: plan.conflicts, changes: [], warnings: parsed.warnings.slice(0, MAX_STORED_ROWS) }
    const base = {
      mode: input.mode,
      rows: parsed.rows,
      errorRows,
      errorCount: errors.length,
      conflictCount: plan.conflicts.length,
      warningCount: parsed.warnings.length,
      unknownColumns: parsed.unknownColumns,
      errorsEnc: errors.length ? ctx.crypto.encrypt(JSON.stringify(errors.slice(0, MAX_STORED_ROWS))) : undefined,
    }
    const conflictNote = plan.conflicts.length ? `${plan.conflicts.length} 行的身份证号与已登记老人的姓名不一致，需要逐行确认` : ''
    if (input.mode === 'all_or_nothing' && (errors.length > 0 || plan.conflicts.length > 0)) {
      const problems = [errorRows ? `发现 ${errorRows} 行有错误` : '', conflictNote].filter(Boolean).join('，')
      const result: TImportResult = {
        ...base,
        committed: false,
        created: 0,
        updated: 0,
        unchanged: 0,
        detailsEnc: ctx.crypto.encrypt(JSON.stringify(details)),
        message: `${problems}。按“全部正确才导入”的方式，本次未导入任何数据。${errorRows ? '请下载错误报告，改正后重新导入。' : '请在结果页确认后导入。'}`,
      }
      await auditNotImported(ctx, jobId, 'elder.import_rejected', {
        filename: input.filename,
        mode: input.mode,
        rows: parsed.rows,
        errorRows,
        conflicts: plan.conflicts.length,
        outOfScopeHits: plan.outOfScopeHits,
      })
      return result
    }

    await report({ phase: 'writing', percent: 80, rowsRead: parsed.rows })
    const result = await withTx(ctx, async (t) => {
      await writeElderImport(t, plan, jobId, (done, total) => {
        liveImportProgress.set(jobId, { phase: 'writing', percent: 80 + Math.floor((20 * done) / Math.max(1, total)), rowsRead: parsed.rows })
      })
      const parts = [`新增 ${plan.creates.length} 人`, `更新 ${plan.updates.length} 人`, `无变化 ${plan.unchanged} 人`]
      if (errorRows) parts.push(`${errorRows} 行有错误未导入`)
      if (conflictNote) parts.push(`${conflictNote}，这些行未导入`)
      details.changes = plan.updates.slice(0, MAX_STORED_ROWS).map((u) => changesForResult(u, u.values.id))
      const r: TImportResult = {
        ...base,
        committed: true,
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        detailsEnc: ctx.crypto.encrypt(JSON.stringify(details)),
        message: `导入完成：${parts.join('，')}。`,
      }
      const summary = {
        jobId,
        mode: input.mode,
        rows: parsed.rows,
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        errorRows,
        conflicts: plan.conflicts.length,
        confirmedRows: input.confirmed?.length ?? 0,
        confirmsJobId: input.confirmsJobId ?? null,
      }
      await appendAudit(t, { action: 'elder.imported', entityType: 'import_job', entityId: jobId, regionCode: t.actor!.scopeRegionCode, after: summary })
      await recordEvent(t, { type: elderEvents.imported, entityType: 'import_job', entityId: jobId, regionCode: t.actor!.scopeRegionCode, payload: summary })
      // The result commits with the rows: a re-run after a crash finds it and does not write twice.
      await t.tx.update(jobs).set({ result: r }).where(eq(jobs.id, jobId))
      return r
    })
    return result
  } finally {
    liveImportProgress.delete(jobId)
  }
}

export const elderImportJob = defineJob<TImportInput>({
  kind: ELDER_IMPORT_JOB,
  label: '老年人信息批量导入',
  maxAttempts: 3,
  // The write transaction of 100,000 rows reports no progress to the row (see liveImportProgress).
  leaseMs: 10 * 60_000,
  run: async (ctx, job) => {
    if (!job.attachment) throw new AppError('VALIDATION_FAILED', '导入任务缺少上传的文件，请重新上传')
    try {
      return await runElderImport(ctx, { jobId: job.id, input: job.input, file: openImportFile(ctx.crypto, job.attachment), progress: job.progress })
    } catch (err) {
      // Unexpected failures are retried by the runner; the last one is stored in Chinese, never
      // as a database message, and leaves its audit trace.
      if (err instanceof AppError || job.attempt < job.maxAttempts) throw err
      const text = String((err as Error)?.message) + String((err as { cause?: Error })?.cause?.message)
      const message = /duplicate key|elders_id_hash_uq/.test(text)
        ? '导入期间有人登记了文件中的同一身份证号，本次未导入任何数据，请重新导入'
        : '导入失败，本次未导入任何数据；如持续出现，请把任务编号告知管理员'
      if (ctx.actor) await auditNotImported(ctx, job.id, 'elder.import_failed', { filename: job.input.filename, reason: 'error', attempts: job.attempt })
      throw new AppError('INTERNAL', message)
    }
  },
})
