import { serviceSiteKindLabels } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { findServiceCircle } from './find-service-circle.js'
import type { TServiceCircleQuery } from './service-circle.schemas.js'

/**
 * The service circle as an Excel workbook (issue 20 item 5): one row per community with its
 * coverage, the uncovered ones first, and the sites. Counts only, no person; audited like every
 * export (POST).
 */
export async function exportServiceCircle(ctx: Ctx, q: TServiceCircleQuery): Promise<Buffer> {
  const circle = await findServiceCircle(ctx, q)
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const ws = wb.addWorksheet(`${circle.minutes}分钟服务圈`)
  ws.addRow([`${circle.minutes}分钟养老服务圈覆盖情况`]).font = { bold: true, size: 14 }
  ws.addRow([
    `步行可达 ${circle.totals.walk} 人（${circle.totals.walkPct}%），电动自行车可达 ${circle.totals.ebike} 人（${circle.totals.ebikePct}%），已标注位置 ${circle.totals.located} / ${circle.totals.elders} 人`,
  ])
  ws.addRow([])
  ws.addRow([
    '街道（乡镇）',
    '社区（村）',
    '区划代码',
    '老年人数',
    '已标注位置',
    '步行可达',
    '步行覆盖率（%）',
    '电动自行车可达',
    '电动自行车覆盖率（%）',
    '是否未覆盖',
  ]).font = { bold: true }
  const rows = [...circle.communities].sort((a, b) => Number(b.uncovered) - Number(a.uncovered) || a.walkPct - b.walkPct || a.code.localeCompare(b.code))
  for (const c of rows)
    ws.addRow([c.streetName ?? '', c.name, c.code, c.elders, c.located, c.walk, c.walkPct, c.ebike, c.ebikePct, c.uncovered ? '未覆盖' : ''])
  ws.columns.forEach((col, i) => (col.width = [14, 16, 16, 10, 12, 10, 16, 14, 20, 12][i] ?? 12))
  const sites = wb.addWorksheet('服务站点')
  sites.addRow(['名称', '类型', '纬度', '经度']).font = { bold: true }
  for (const s of circle.sites) sites.addRow([s.name, serviceSiteKindLabels[s.kind], s.lat, s.lng])
  sites.columns.forEach((col, i) => (col.width = [26, 20, 12, 12][i] ?? 12))
  const buf = Buffer.from(await wb.xlsx.writeBuffer())
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'service_circle.exported',
      entityType: 'service_circle',
      regionCode: q.regionCode ?? ctx.actor!.scopeRegionCode,
      after: { minutes: circle.minutes, regionCode: q.regionCode ?? null, communities: circle.communities.length },
    }),
  )
  return buf
}
