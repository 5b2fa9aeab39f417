import { addMonths, fenToYuanString, maskName, orderStatusLabels, type TOrderStatus } from '@yiyang/core'
import { and, asc, eq, gte, lt } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { providerNames } from '../providers/index.js'
import { orderReach, orderWhere } from './orders.repo.js'
import type { TStatementQuery } from './orders.schemas.js'
import { serviceOrders } from './orders.tables.js'

/**
 * 服务商月度结算单 (issue 19 item 7): a provider's settled orders of a month with the subsidy and
 * self-pay parts, one sheet per provider, totals in fen-exact yuan. Same reach as the order list
 * (a provider admin gets his own provider only). Names are masked; the export is audited.
 */
export async function exportProviderStatement(ctx: Ctx, q: TStatementQuery): Promise<Buffer> {
  requirePermission(ctx.actor, 'order:read')
  const actor = ctx.actor
  const reach = await orderReach(ctx.db, actor)
  const where = and(
    orderWhere(reach),
    eq(serviceOrders.status, 'settled'),
    gte(serviceOrders.serviceDate, `${q.month}-01`),
    lt(serviceOrders.serviceDate, addMonths(`${q.month}-01`, 1)),
    q.providerId ? eq(serviceOrders.providerId, q.providerId) : undefined,
  )
  const rows = await ctx.db
    .select()
    .from(serviceOrders)
    .where(where)
    .orderBy(asc(serviceOrders.providerId), asc(serviceOrders.serviceDate), asc(serviceOrders.orderNo))
  const names = await providerNames(
    ctx.db,
    rows.map((r) => r.providerId),
  )
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const byProvider = new Map<string, typeof rows>()
  for (const r of rows) byProvider.set(r.providerId, [...(byProvider.get(r.providerId) ?? []), r])
  if (byProvider.size === 0) wb.addWorksheet('结算单').addRow([`${q.month} 没有已结算的工单`])
  for (const [providerId, list] of byProvider) {
    const ws = wb.addWorksheet((names.get(providerId) ?? '服务商').slice(0, 31))
    ws.addRow([`${names.get(providerId) ?? '服务商'} ${q.month} 服务结算单`]).font = { bold: true, size: 14 }
    ws.addRow(['工单号', '服务日期', '老年人', '服务项目', '数量', '金额（元）', '政府补贴（元）', '个人自付（元）', '评分', '状态']).font = { bold: true }
    for (const r of list) {
      ws.addRow([
        r.orderNo,
        r.serviceDate,
        maskName(r.elderName),
        r.itemName,
        r.quantityTenths / 10,
        fenToYuanString(r.priceFen),
        fenToYuanString(r.subsidyFen),
        fenToYuanString(r.selfPayFen),
        r.rating ?? '',
        orderStatusLabels[r.status as TOrderStatus],
      ])
    }
    const sum = (k: 'priceFen' | 'subsidyFen' | 'selfPayFen') => list.reduce((s, r) => s + r[k], 0)
    ws.addRow([
      '合计',
      `${list.length} 单`,
      '',
      '',
      '',
      fenToYuanString(sum('priceFen')),
      fenToYuanString(sum('subsidyFen')),
      fenToYuanString(sum('selfPayFen')),
    ]).font = {
      bold: true,
    }
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 20 : 14
    })
  }
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'order.statement_exported',
      entityType: 'order',
      regionCode: actor.scopeRegionCode,
      after: { month: q.month, providerId: q.providerId ?? null, orders: rows.length, providers: [...byProvider.keys()] },
    }),
  )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
