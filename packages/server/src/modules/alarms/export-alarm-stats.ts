import { alarmTypeLabels, hotlineCategoryLabels, hotlineSatisfactionLabels } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { getAlarmStats } from './get-alarm-stats.js'

const label = (m: Record<string, string>, k: string) => m[k] ?? (k === 'none' ? '未受理' : '其他')
const seconds = (v: number | null) => (v === null ? '—' : Math.round(v))

/** The statistics tab as a workbook (概况, by type and street, calls by category and street); audited like every export. */
export async function exportAlarmStats(ctx: Ctx, q: { from?: string; to?: string; regionCode?: string }): Promise<Buffer> {
  requirePermission(ctx.actor, 'alarm:read')
  const s = await getAlarmStats(ctx, q)
  const names = await regionNames(ctx.db, [...s.byStreet.map((r) => r.key), ...s.calls.byStreet.map((r) => r.key)])
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const sheet = (name: string, head: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name)
    ws.addRow(head).font = { bold: true }
    for (const r of rows) ws.addRow(r)
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 16
    })
  }
  sheet(
    '概况',
    ['指标', '数值'],
    [
      ['统计范围', `${q.from ?? '不限'} 至 ${q.to ?? '不限'}`],
      ['报警总数', s.total],
      ['认领用时中位数（秒）', seconds(s.claimSeconds.median)],
      ['认领用时P90（秒）', seconds(s.claimSeconds.p90)],
      ['关闭用时中位数（秒）', seconds(s.closeSeconds.median)],
      ['关闭用时P90（秒）', seconds(s.closeSeconds.p90)],
      ['误报率', s.falseAlarmRate === null ? '—' : `${(s.falseAlarmRate * 100).toFixed(1)}%`],
      ['在册设备', s.devices.total],
      ['离线设备', s.devices.offline],
      ['热线来电总数', s.calls.total],
      ['来电满意率', s.calls.satisfiedRate === null ? '—' : `${(s.calls.satisfiedRate * 100).toFixed(1)}%`],
    ],
  )
  sheet(
    '报警按类型',
    ['类型', '起数'],
    s.byType.map((r) => [label(alarmTypeLabels, r.key), r.count]),
  )
  sheet(
    '报警按街道',
    ['街道', '起数'],
    s.byStreet.map((r) => [names.get(r.key) ?? r.key, r.count]),
  )
  sheet(
    '来电按类别',
    ['类别', '件数'],
    s.calls.byCategory.map((r) => [label(hotlineCategoryLabels, r.key), r.count]),
  )
  sheet(
    '来电按街道',
    ['街道', '件数'],
    s.calls.byStreet.map((r) => [names.get(r.key) ?? r.key, r.count]),
  )
  sheet(
    '回访满意度',
    ['满意度', '件数'],
    s.calls.bySatisfaction.map((r) => [label(hotlineSatisfactionLabels, r.key), r.count]),
  )
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'alarm.stats_exported',
      entityType: 'alarm',
      regionCode: q.regionCode ?? ctx.actor!.scopeRegionCode,
      after: { from: q.from ?? null, to: q.to ?? null, regionCode: q.regionCode ?? null, alarms: s.total, calls: s.calls.total },
    }),
  )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
