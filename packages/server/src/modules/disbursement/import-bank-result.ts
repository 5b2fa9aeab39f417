import { Readable } from 'node:stream'
import { disbursementBatchFlow } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { and, count, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { batchAuditSnapshot, batchInScope } from './batches.repo.js'
import { disbursementBatches, disbursementLines } from './disbursement.tables.js'
import { bankClearingAccount, elderBenefitAccount } from './ledger-accounts.js'
import { postTransaction } from './post-transaction.js'

type TResultRow = { row: number; lineId: string; ok: boolean; reason: string }
const PAID = new Set(['成功', '已发放', '已到账', 'paid', 'success', '1'])
const FAILED = new Set(['失败', '退回', '发放失败', 'failed', 'fail', '0'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Reads the bank's result file (xlsx or CSV): columns 明细编号, 结果 (成功/失败), 失败原因. */
export async function readBankResult(file: Buffer, filename: string): Promise<TResultRow[]> {
  const wb = new ExcelJS.Workbook()
  try {
    if (/\.csv$/i.test(filename)) await wb.csv.read(Readable.from(file.toString('utf8').replace(/^\uFEFF/, '')))
    else await wb.xlsx.load(file as unknown as ArrayBuffer)
  } catch {
    throw new AppError('VALIDATION_FAILED', '无法读取回盘文件：请上传银行返回的 .xlsx 或 .csv 文件', [{ path: 'file', message: '文件格式不正确' }])
  }
  const ws = wb.worksheets[0]
  if (!ws) throw new AppError('VALIDATION_FAILED', '回盘文件是空的', [{ path: 'file', message: '没有工作表' }])
  const text = (v: unknown) => String((v as { text?: string })?.text ?? v ?? '').trim()
  const header = (ws.getRow(1).values as unknown[]).map(text)
  const col = (name: string) => header.indexOf(name)
  const idCol = col('明细编号')
  const resultCol = col('结果')
  const reasonCol = col('失败原因')
  if (idCol < 0 || resultCol < 0) {
    throw new AppError('VALIDATION_FAILED', '回盘文件缺少“明细编号”或“结果”列（第一行为表头）', [{ path: 'file', message: '缺少必需的列' }])
  }
  const out: TResultRow[] = []
  ws.eachRow((r, n) => {
    if (n === 1) return
    const values = r.values as unknown[]
    const lineId = text(values[idCol])
    const result = text(values[resultCol]).toLowerCase()
    if (!lineId && !result) return
    if (!PAID.has(result) && !FAILED.has(result))
      throw new AppError('VALIDATION_FAILED', `第 ${n} 行的结果“${result}”无法识别，应为“成功”或“失败”`, [{ path: 'file', message: `第 ${n} 行` }])
    out.push({ row: n, lineId, ok: PAID.has(result), reason: reasonCol >= 0 ? text(values[reasonCol]) : '' })
  })
  return out
}

/**
 * Applies the bank's result to an exported batch (issue 18 item 3): paid lines move the money from
 * the elder's payable to bank clearing in the ledger; failed lines keep the payable for a later
 * re-issue. Unknown and repeated lines are reported, never applied. When no cash line is left
 * pending the batch is paid. One transaction: a bad file changes nothing.
 */
export async function importBankResult(ctx: Ctx, batchId: string, rows: TResultRow[]) {
  requirePermission(ctx.actor, 'disbursement:approve')
  await batchInScope(ctx.db, ctx.actor, batchId)
  return withTx(ctx, async (t) => {
    const before = await batchInScope(t.tx, ctx.actor!, batchId, true)
    if (before.status !== 'exported') throw new AppError('INVALID_TRANSITION', '只有已导出的批次才能导入回盘结果')
    const seen = new Set<string>()
    const duplicates: number[] = []
    const unique = rows.filter((r) => {
      if (seen.has(r.lineId)) {
        duplicates.push(r.row)
        return false
      }
      seen.add(r.lineId)
      return true
    })
    const ids = unique.filter((r) => UUID.test(r.lineId)).map((r) => r.lineId)
    const lines = ids.length
      ? await t.tx
          .select()
          .from(disbursementLines)
          .where(and(eq(disbursementLines.batchId, batchId), inArray(disbursementLines.id, ids)))
          .for('update')
      : []
    const byId = new Map(lines.map((l) => [l.id, l]))
    const unknown: number[] = []
    const alreadySettled: number[] = []
    let paid = 0
    let failed = 0
    for (const r of unique) {
      const line = byId.get(r.lineId)
      if (!line || line.delivery !== 'cash') {
        unknown.push(r.row)
        continue
      }
      if (line.status !== 'pending') {
        alreadySettled.push(r.row)
        continue
      }
      if (r.ok) {
        await postTransaction(t, {
          kind: 'bank_payment',
          ref: `bank:${line.id}`,
          month: line.month,
          memo: `${line.month} ${line.programName} 银行代发成功`,
          postings: [
            {
              account: elderBenefitAccount({
                elderId: line.elderId,
                programCode: line.programCode,
                programName: line.programName,
                regionCode: line.regionCode,
              }),
              amountFen: line.amountFen,
            },
            { account: bankClearingAccount(before.regionCode), amountFen: -line.amountFen },
          ],
        })
        paid++
      } else failed++
      await t.tx
        .update(disbursementLines)
        .set({ status: r.ok ? 'paid' : 'failed', failReason: r.ok ? null : r.reason || '银行未说明原因', updatedAt: t.clock.now() })
        .where(eq(disbursementLines.id, line.id))
    }
    const [pending] = await t.tx
      .select({ n: count() })
      .from(disbursementLines)
      .where(and(eq(disbursementLines.batchId, batchId), eq(disbursementLines.delivery, 'cash'), eq(disbursementLines.status, 'pending')))
    const result = {
      paid,
      failed,
      unknownRows: unknown,
      duplicateRows: duplicates,
      alreadySettledRows: alreadySettled,
      pendingLeft: pending!.n,
      status: before.status as string,
    }
    if (pending!.n === 0) {
      const after = await runStep(t, {
        table: disbursementBatches,
        step: disbursementBatchFlow.markPaid,
        before,
        audit: { action: 'disbursement.paid', entityType: 'disbursement_batch', snapshot: batchAuditSnapshot, extra: { paid, failed } },
      })
      result.status = after.status
    } else {
      await appendAudit(t, {
        action: 'disbursement.result_imported',
        entityType: 'disbursement_batch',
        entityId: batchId,
        regionCode: before.regionCode,
        after: result,
      })
    }
    return result
  })
}
