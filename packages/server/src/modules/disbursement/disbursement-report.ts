import { fundSourceLabels, isPaymentMonth, type TFundSource } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { rowsOf } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { fieldError } from '../../platform/errors.js'
import { regionLike } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'

/** S000 asks ≥ 60 %, S003 ≥ 55 % of 福彩公益金 to go to elder care; the report shows the share paid from it. */
export const WELFARE_LOTTERY_TARGET_PERCENT = { low: 55, high: 60 }

export type TReportQuery = { from: string; to: string; regionCode?: string }

/**
 * Paid amounts by month × programme × street × fund source (issue 18 item 6), from the lines of
 * computed batches (failed and re-issued lines count once, where they were finally paid).
 */
export async function disbursementReport(ctx: Ctx, q: TReportQuery) {
  requirePermission(ctx.actor, 'ledger:read')
  if (!isPaymentMonth(q.from)) throw fieldError('from', '起始月份应为 YYYY-MM')
  if (!isPaymentMonth(q.to) || q.to < q.from) throw fieldError('to', '截止月份应为 YYYY-MM，且不早于起始月份')
  const rows = rowsOf<{ month: string; program_code: string; program_name: string; street: string; fund_source: string; lines: number; amount_fen: string }>(
    await ctx.db.execute(sql`
      select month, program_code, min(program_name) as program_name, left(region_code, 9) as street, fund_source,
             count(*)::int as lines, sum(amount_fen)::bigint as amount_fen
        from disbursement_lines
       where month between ${q.from} and ${q.to} and status <> 'reissued' and region_code like ${regionLike(ctx.actor, q.regionCode)}
       group by month, program_code, left(region_code, 9), fund_source
       order by month, program_code, street, fund_source`),
  )
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.street.padEnd(12, '0')),
  )
  const items = rows.map((r) => ({
    month: r.month,
    programCode: r.program_code,
    programName: r.program_name,
    streetCode: r.street.padEnd(12, '0'),
    streetName: names.get(r.street.padEnd(12, '0')) ?? r.street,
    fundSource: r.fund_source,
    lines: Number(r.lines),
    amountFen: Number(r.amount_fen),
  }))
  const totalFen = items.reduce((s, r) => s + r.amountFen, 0)
  const lotteryFen = items.filter((r) => r.fundSource === 'welfare_lottery').reduce((s, r) => s + r.amountFen, 0)
  return {
    items,
    totalFen,
    welfareLotteryFen: lotteryFen,
    // Basis points, integer: the screen shows it as a percentage with two decimals.
    welfareLotteryShareBp: totalFen ? Math.round((lotteryFen * 10000) / totalFen) : 0,
    targetPercent: WELFARE_LOTTERY_TARGET_PERCENT,
  }
}

/** The same report as an Excel file; an export of figures by region, audited. */
export async function exportDisbursementReport(ctx: Ctx, q: TReportQuery): Promise<Buffer> {
  const r = await disbursementReport(ctx, q)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('发放统计')
  ws.addRow([`发放统计 ${q.from} 至 ${q.to}`]).font = { bold: true, size: 14 }
  ws.addRow(['月份', '项目', '街道（乡镇）', '资金来源', '人次', '金额（元）']).font = { bold: true }
  for (const i of r.items)
    ws.addRow([i.month, i.programName, i.streetName, fundSourceLabels[i.fundSource as TFundSource] ?? i.fundSource, i.lines, i.amountFen / 100])
  ws.addRow([])
  ws.addRow(['合计', '', '', '', r.items.reduce((s, i) => s + i.lines, 0), r.totalFen / 100]).font = { bold: true }
  ws.addRow(['其中福彩公益金', '', '', '', '', r.welfareLotteryFen / 100])
  ws.addRow(['福彩公益金占比', `${(r.welfareLotteryShareBp / 100).toFixed(2)}%`, `目标 ≥ ${r.targetPercent.low}%–${r.targetPercent.high}%`])
  ws.getColumn(6).numFmt = '#,##0.00'
  ws.columns.forEach((c) => (c.width = 18))
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'disbursement.report_exported',
      entityType: 'disbursement_report',
      regionCode: ctx.actor!.scopePrefix,
      after: { ...q, rows: r.items.length },
    }),
  )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
