import {
  catalogEditionStatusLabels,
  describeCatalogTarget,
  fenToYuanString,
  serviceCategoryLabels,
  servicePayerLabels,
  serviceUnitLabels,
  catalogChangeKindLabels,
} from '@yiyang/core'
import ExcelJS from 'exceljs'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { targetOf } from './catalog.mapper.js'
import { activeItemsOf, loadVisibleEdition } from './catalog.repo.js'
import { regionNames } from '../regions/index.js'

/** One edition as an .xlsx workbook (every item with its standard, price, payer and basis); audited. */
export async function exportEdition(ctx: Ctx, id: string): Promise<{ buffer: Buffer; filename: string }> {
  requirePermission(ctx.actor, 'catalog:read')
  const actor = ctx.actor
  const edition = await loadVisibleEdition(ctx.db, actor, id)
  const items = await activeItemsOf(ctx.db, edition.id)
  const names = await regionNames(ctx.db, [edition.regionCode])
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const ws = wb.addWorksheet('服务清单')
  ws.addRow([edition.title]).font = { bold: true, size: 14 }
  ws.addRow([
    `发布区划：${names.get(edition.regionCode) ?? edition.regionCode}；版本：${edition.versionLabel}；状态：${catalogEditionStatusLabels[edition.status]}；生效日期：${edition.effectiveDate ?? '未发布'}；项目数：${items.length}`,
  ])
  const header = [
    '序号',
    '项目编码',
    '项目名称',
    '服务类别',
    '服务内容',
    '服务标准',
    '计价单位',
    '价格（元）',
    '服务对象',
    '支付责任',
    '政策依据',
    '本版变更',
    '变更原因',
  ]
  ws.addRow(header).font = { bold: true }
  items.forEach((i, n) =>
    ws.addRow([
      n + 1,
      i.code,
      i.name,
      serviceCategoryLabels[i.category],
      i.content,
      i.standard,
      serviceUnitLabels[i.unit],
      fenToYuanString(i.priceFen),
      describeCatalogTarget(targetOf(i)),
      servicePayerLabels[i.payer],
      i.legalBasis,
      catalogChangeKindLabels[i.change],
      i.reason,
    ]),
  )
  const widths = [6, 12, 20, 12, 40, 40, 8, 10, 24, 14, 30, 8, 24]
  ws.columns.forEach((c, i) => {
    c.width = widths[i] ?? 12
  })
  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'catalog.edition_exported',
      entityType: 'catalog_edition',
      entityId: edition.id,
      regionCode: edition.regionCode,
      after: { title: edition.title, itemCount: items.length },
    }),
  )
  return { buffer, filename: `${edition.title}.xlsx` }
}
