import { fenToYuanString, mealTimeLabels } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { canteenSuppliers, providerNames } from '../providers/index.js'
import { mealTotals, monthRange } from './meal-totals.js'
import type { TCanteenStatementQuery } from './meals.schemas.js'
import { orderReach } from './orders.repo.js'

/**
 * 助餐点月度结算单 (issue 19 item 5) as an Excel file: a summary sheet (one line per canteen:
 * meals, subsidised meals, amount, subsidy, self-pay) and one sheet per canteen by day and meal
 * time. Amounts are summed in fen and written as yuan strings, so the totals are exact. No
 * names of elders are in it; the export is audited.
 */
export async function exportCanteenStatement(ctx: Ctx, q: TCanteenStatementQuery): Promise<Buffer> {
  requirePermission(ctx.actor, 'order:read')
  const actor = ctx.actor
  const reach = await orderReach(ctx.db, actor)
  const totals = await mealTotals(ctx.db, reach, { ...monthRange(q.month), providerId: q.providerId })
  const ids = [...new Set(totals.map((r) => r.providerId))]
  const [names, suppliers] = await Promise.all([providerNames(ctx.db, ids), canteenSuppliers(ctx.db, ids)])
  ids.sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'zh'))
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const summary = wb.addWorksheet('汇总')
  summary.addRow([`${q.month} 助餐点结算汇总`]).font = { bold: true, size: 14 }
  summary.addRow(['助餐点', '配餐中央厨房', '用餐份数', '补贴份数', '餐费合计（元）', '政府补贴（元）', '个人自付（元）']).font = { bold: true }
  const sum = (rows: typeof totals, k: 'meals' | 'subsidised' | 'priceFen' | 'subsidyFen' | 'selfPayFen') => rows.reduce((s, r) => s + r[k], 0)
  for (const id of ids) {
    const own = totals.filter((r) => r.providerId === id)
    summary.addRow([
      names.get(id) ?? '助餐点',
      suppliers.get(id) ?? '自有厨房',
      sum(own, 'meals'),
      sum(own, 'subsidised'),
      fenToYuanString(sum(own, 'priceFen')),
      fenToYuanString(sum(own, 'subsidyFen')),
      fenToYuanString(sum(own, 'selfPayFen')),
    ])
  }
  summary.addRow([
    '合计',
    '',
    sum(totals, 'meals'),
    sum(totals, 'subsidised'),
    fenToYuanString(sum(totals, 'priceFen')),
    fenToYuanString(sum(totals, 'subsidyFen')),
    fenToYuanString(sum(totals, 'selfPayFen')),
  ]).font = { bold: true }
  summary.columns.forEach((c, i) => {
    c.width = i < 2 ? 22 : 14
  })
  for (const id of ids) {
    const own = totals.filter((r) => r.providerId === id)
    const ws = wb.addWorksheet((names.get(id) ?? '助餐点').slice(0, 31))
    ws.addRow([`${names.get(id) ?? '助餐点'} ${q.month} 助餐结算单`]).font = { bold: true, size: 14 }
    ws.addRow(['日期', '餐次', '用餐份数', '补贴份数', '餐费（元）', '政府补贴（元）', '个人自付（元）']).font = { bold: true }
    for (const r of own)
      ws.addRow([
        r.serviceDate,
        mealTimeLabels[r.mealTime],
        r.meals,
        r.subsidised,
        fenToYuanString(r.priceFen),
        fenToYuanString(r.subsidyFen),
        fenToYuanString(r.selfPayFen),
      ])
    ws.addRow([
      '合计',
      '',
      sum(own, 'meals'),
      sum(own, 'subsidised'),
      fenToYuanString(sum(own, 'priceFen')),
      fenToYuanString(sum(own, 'subsidyFen')),
      fenToYuanString(sum(own, 'selfPayFen')),
    ]).font = { bold: true }
    ws.columns.forEach((c) => {
      c.width = 14
    })
  }
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'order.canteen_statement_exported',
      entityType: 'order',
      regionCode: actor.scopeRegionCode,
      after: { month: q.month, providerId: q.providerId ?? null, canteens: ids, meals: sum(totals, 'meals'), subsidyFen: sum(totals, 'subsidyFen') },
    }),
  )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
