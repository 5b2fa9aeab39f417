import { disbursementBatchFlow, fenToYuanString } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { elderSummariesByIds } from '../elders/index.js'
import { batchAuditSnapshot, batchInScope } from './batches.repo.js'
import { disbursementBatches, disbursementLines, elderBankAccounts } from './disbursement.tables.js'

/** What a bank file may hold; the bank's layout picks and orders them (default below). */
export const bankExportColumns = {
  seq: '序号',
  holder: '户名',
  account: '银行账号',
  bank: '开户行',
  amountYuan: '金额（元）',
  memo: '摘要',
  lineId: '明细编号',
  program: '项目',
  month: '发放月份',
} as const
export type TBankExportColumn = keyof typeof bankExportColumns
export const defaultBankExportColumns: TBankExportColumn[] = ['seq', 'holder', 'account', 'bank', 'amountYuan', 'memo', 'lineId']

export type TExportInput = { version: number; format: 'xlsx' | 'csv'; columns?: TBankExportColumn[] }

/**
 * The bank file of an approved batch (issue 18 item 3): the cash lines still to pay, with the full
 * account numbers, which appear nowhere else. Lines of elders with no account on file go to a
 * second sheet (xlsx) or are counted in the answer, to be fixed before re-export. Audited without
 * the numbers; exporting again is allowed (a lost file) and audited again.
 */
export async function exportBatch(ctx: Ctx, id: string, input: TExportInput): Promise<{ file: Buffer; filename: string; contentType: string }> {
  requirePermission(ctx.actor, 'disbursement:approve')
  await batchInScope(ctx.db, ctx.actor, id)
  const columns = input.columns?.length ? input.columns : defaultBankExportColumns
  const { before, rows, header, missing } = await withTx(ctx, async (t) => {
    const before = await batchInScope(t.tx, ctx.actor!, id, true)
    const lines = await t.tx
      .select()
      .from(disbursementLines)
      .where(and(eq(disbursementLines.batchId, id), eq(disbursementLines.delivery, 'cash'), eq(disbursementLines.status, 'pending')))
      .orderBy(asc(disbursementLines.regionCode), asc(disbursementLines.elderId), asc(disbursementLines.programCode))
    const accounts = lines.length
      ? await t.tx
          .select()
          .from(elderBankAccounts)
          .where(
            inArray(
              elderBankAccounts.elderId,
              lines.map((l) => l.elderId),
            ),
          )
      : []
    const byElder = new Map(accounts.map((a) => [a.elderId, a]))
    const payable = lines.filter((l) => byElder.has(l.elderId))
    const missing = lines.filter((l) => !byElder.has(l.elderId))
    const cell = (l: (typeof lines)[number], i: number, c: TBankExportColumn): string | number => {
      const a = byElder.get(l.elderId)!
      switch (c) {
        case 'seq':
          return i + 1
        case 'holder':
          return a.accountHolder
        case 'account':
          return ctx.crypto.decrypt(a.accountNumberEnc)
        case 'bank':
          return a.bankName
        case 'amountYuan':
          return fenToYuanString(l.amountFen)
        case 'memo':
          return `${l.month}${l.programName}`
        case 'lineId':
          return l.id
        case 'program':
          return l.programName
        case 'month':
          return l.month
      }
    }
    const header = columns.map((c) => bankExportColumns[c])
    const rows = payable.map((l, i) => columns.map((c) => cell(l, i, c)))
    await runStep(t, {
      table: disbursementBatches,
      step: disbursementBatchFlow.export,
      before,
      version: input.version,
      audit: {
        action: 'disbursement.exported',
        entityType: 'disbursement_batch',
        snapshot: batchAuditSnapshot,
        extra: { format: input.format, lines: payable.length, withoutAccount: missing.length, totalFen: payable.reduce((s, l) => s + l.amountFen, 0) },
      },
    })
    return { before, rows, header, missing }
  })
  // Names for the missing-account sheet are read after the commit (PGlite has one connection).
  const names = await elderSummariesByIds(
    ctx,
    missing.map((l) => l.elderId),
  )
  {
    const base = `发放-${before.month}-${before.seq}`
    if (input.format === 'csv') {
      const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`
      // A BOM so that Excel opens the Chinese header as UTF-8.
      const text = '\uFEFF' + [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n'
      return { file: Buffer.from(text, 'utf8'), filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8' }
    }
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('代发明细')
    ws.addRow(header).font = { bold: true }
    for (const r of rows) ws.addRow(r)
    // Account numbers as text: Excel would round 19 digits as a number.
    const accountCol = columns.indexOf('account')
    if (accountCol >= 0) ws.getColumn(accountCol + 1).numFmt = '@'
    ws.columns.forEach((c) => (c.width = 20))
    if (missing.length) {
      const miss = wb.addWorksheet('缺少银行账号')
      miss.addRow(['明细编号', '老人', '项目', '金额（元）']).font = { bold: true }
      for (const l of missing) miss.addRow([l.id, names.get(l.elderId)?.name ?? '', l.programName, fenToYuanString(l.amountFen)])
    }
    return {
      file: Buffer.from(await wb.xlsx.writeBuffer()),
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }
  }
}
