import { formatRate, visitChecklistLabels, visitConfirmerLabels, visitFrequencyLabels, visitModeLabels } from '@yiyang/core'
import ExcelJS from 'exceljs'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { requirePermission } from '../../platform/permissions.js'
import { getLedger } from './get-ledger.js'
import type { TLedgerQuery } from './visits.schemas.js'

const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

/**
 * 台账 as .xlsx: who visited whom and when, the unvisited, and the rates. It names elders, so it
 * is a POST and audited like every export of personal data.
 */
export async function exportLedger(ctx: Ctx, q: TLedgerQuery): Promise<Buffer> {
  requirePermission(ctx.actor, 'visit:export')
  const l = await getLedger(ctx, q)
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const ws = wb.addWorksheet('探访台账')
  ws.addRow([`${l.regionName ?? l.regionCode} 探访关爱台账（${l.month}）`]).font = { bold: true, size: 14 }
  ws.addRow([
    `农村月巡访率：${formatRate(l.monthlyRate.rate)}（${l.monthlyRate.numerator}/${l.monthlyRate.denominator}）；` +
      l.weeklyRates
        .map((w) => `${w.week.slice(0, 4)}年第${Number(w.week.slice(6))}周 周探访率 ${formatRate(w.rate)}（${w.numerator}/${w.denominator}）`)
        .join('；'),
  ])
  ws.addRow(['序号', '老人', '所在社区(村)', '探访频次', '探访人', '方式', '探访时间', '计入探访率', '发现的问题', '失能无人照料', '确认'])
  ws.getRow(3).font = { bold: true }
  l.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.elderName,
      r.regionName ?? r.regionCode,
      visitFrequencyLabels[r.frequency],
      r.visitorName,
      visitModeLabels[r.mode],
      shanghai(r.visitedAt),
      r.counted ? '是' : '否',
      r.concerns.map((c) => visitChecklistLabels[c as keyof typeof visitChecklistLabels] ?? c).join('、') || '无',
      r.noCareFound ? '是' : '否',
      visitConfirmerLabels[r.confirmedBy],
    ]),
  )
  const missed = wb.addWorksheet('本月未探访')
  missed.addRow(['老人', '所在社区(村)', '探访频次', '探访人']).font = { bold: true }
  for (const u of l.unvisited) missed.addRow([u.elderName, u.regionName ?? '', visitFrequencyLabels[u.frequency], u.visitorName ?? '未指定'])
  ws.columns.forEach((c, i) => {
    c.width = [6, 10, 18, 10, 16, 10, 18, 10, 24, 12, 12][i] ?? 12
  })
  missed.columns.forEach((c) => {
    c.width = 18
  })
  const buf = Buffer.from(await wb.xlsx.writeBuffer())
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'visit.ledger_exported',
      entityType: 'visit_ledger',
      regionCode: l.regionCode,
      after: { month: l.month, regionCode: l.regionCode, rows: l.rows.length, unvisited: l.unvisited.length },
    }),
  )
  return buf
}
