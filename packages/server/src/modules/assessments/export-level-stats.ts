import { abilityLevelLabel, assessmentScaleLabels, todayInShanghai } from '@yiyang/core'
import ExcelJS from 'exceljs'
import type { Ctx } from '../../platform/context.js'
import type { TStatsQuery } from './assessments.schemas.js'
import { getLevelStats } from './get-level-stats.js'

/** The level distribution as an .xlsx workbook (same scope and filters as the table). */
export async function exportLevelStats(ctx: Ctx, q: TStatsQuery): Promise<Buffer> {
  const stats = await getLevelStats(ctx, q)
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const ws = wb.addWorksheet('能力等级分布')
  const header = ['区划代码', '区划名称', ...stats.levels.map((l) => abilityLevelLabel(l.level, stats.scale)), '合计', '中度及以上']
  ws.addRow([`老年人能力等级分布（${assessmentScaleLabels[stats.scale]}）`])
  ws.addRow([`统计日期：${todayInShanghai(ctx.clock.now())}；口径：现行有效的评估结果`])
  ws.addRow(header).font = { bold: true }
  for (const r of stats.rows) ws.addRow([r.regionCode, r.regionName, ...r.counts, r.total, r.moderateOrWorse])
  ws.addRow(['', '合计', ...stats.totals.counts, stats.totals.total, stats.totals.moderateOrWorse]).font = { bold: true }
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 24 : 16
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
