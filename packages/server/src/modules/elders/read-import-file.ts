/**
 * Import step 1: stream the first worksheet of an already pre-checked workbook (xlsx-guard.ts),
 * find the header, parse each row, find in-file duplicates. Rows, columns and cell lengths are
 * checked again as the rows arrive, since a sheet's declared dimension may be absent or wrong.
 */
import ExcelJS from 'exceljs'
import { Readable } from 'node:stream'
import {
  isEmptyRow,
  matchHeaders,
  MAX_IMPORT_ROWS,
  parseImportRow,
  type TImportError,
  type TImportKey,
  type TImportRecord,
  type TRegionResolver,
} from './import-columns.js'
import type { TImportProgress, TImportWarning } from './import-types.js'
import { xlsxLimits } from './xlsx-guard.js'

export type TReadResult =
  { rows: number; records: TImportRecord[]; errors: TImportError[]; warnings: TImportWarning[]; unknownColumns: string[] } | { fatal: string }

const headerText = (v: unknown): string | null =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && 'richText' in v
      ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
      : null

/** Progress that never goes back: a second read reports only once it is past where the first stopped. */
export function forwardOnly(onProgress: (p: TImportProgress) => Promise<void>) {
  let shown = { percent: -1, rowsRead: -1 }
  return async (p: TImportProgress) => {
    if (p.percent < shown.percent || (p.percent === shown.percent && p.rowsRead <= shown.rowsRead)) return
    shown = { percent: p.percent, rowsRead: p.rowsRead }
    await onProgress(p)
  }
}

export async function readImportFile(
  buffer: Buffer,
  opts: { today: string; resolveRegion: TRegionResolver },
  onProgress: (p: TImportProgress) => Promise<void>,
): Promise<TReadResult> {
  // exceljs's streaming reader now and then fails on a sound file under Node 26 ("Cannot read
  // properties of undefined (reading 'sheets')": the workbook part not parsed yet when the first
  // sheet arrives; about 1 read in 300 in a probe). The file is in memory: a second read tells a
  // bad file, which fails again the same way, from that hiccup.
  const forward = forwardOnly(onProgress)
  const first = await readOnce(buffer, opts, forward)
  if (!('unreadable' in first)) return first
  const second = await readOnce(buffer, opts, forward)
  return 'unreadable' in second && 'fatal' in second ? { fatal: second.fatal } : second
}

async function readOnce(
  buffer: Buffer,
  opts: { today: string; resolveRegion: TRegionResolver },
  onProgress: (p: TImportProgress) => Promise<void>,
): Promise<TReadResult & { unreadable?: true }> {
  let bytes = 0
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < buffer.length; i += 65536) {
        bytes = Math.min(buffer.length, i + 65536)
        yield buffer.subarray(i, i + 65536)
      }
    })(),
  )
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  const records: TImportRecord[] = []
  const errors: TImportError[] = []
  const warnings: TImportWarning[] = []
  const firstRowOfId = new Map<string, number>()
  let header: Map<number, TImportKey> | null = null
  let unknownColumns: string[] = []
  let dataRows = 0
  let lastReport = 0
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[]
        if (row.number > xlsxLimits.sheetRows) return { fatal: `工作表超过 ${xlsxLimits.sheetRows.toLocaleString('en-US')} 行，请拆分为多个文件分批导入` }
        if (values.length - 1 > xlsxLimits.columns) return { fatal: `第 ${row.number} 行超过 ${xlsxLimits.columns} 列，请只保留导入模板中的列` }
        if (!header) {
          if (row.number > 10) return { fatal: '前10行中找不到表头：第一行应包含“姓名”“身份证号”“所在社区（村）”等列，请使用下载的导入模板' }
          const cells = new Map<number, string>()
          values.forEach((v, i) => {
            const text = headerText(v)
            if (text !== null) cells.set(i, text)
          })
          const m = matchHeaders(cells)
          if (m.columns.size >= 2 || (m.columns.size >= 1 && m.missing.length < 3)) {
            if (m.missing.length) return { fatal: `表头缺少必需的列：${m.missing.join('、')}。请使用下载的导入模板，不要修改表头` }
            if (m.duplicate.length) return { fatal: `表头中有重复的列：${m.duplicate.join('、')}` }
            header = m.columns
            unknownColumns = m.unknown
          }
          continue
        }
        const cells = new Map<TImportKey, unknown>()
        for (const [col, key] of header) cells.set(key, values[col] ?? null)
        if (isEmptyRow(cells)) continue
        dataRows++
        if (dataRows > MAX_IMPORT_ROWS) return { fatal: `文件超过 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行数据，请拆分为多个文件分批导入` }
        const r = parseImportRow(row.number, cells, opts)
        if ('errors' in r) errors.push(...r.errors)
        else {
          const first = firstRowOfId.get(r.record.idNumber)
          if (first !== undefined) {
            // In-file duplicates keep the first row: the later rows are the errors.
            errors.push({
              row: row.number,
              name: r.record.name,
              column: '身份证号',
              value: r.record.idNumber,
              message: `与第 ${first} 行的身份证号重复（同一人只能出现一次）`,
            })
          } else {
            firstRowOfId.set(r.record.idNumber, row.number)
            records.push(r.record)
            for (const w of r.warnings) warnings.push({ row: row.number, name: r.record.name, ...w })
          }
        }
        if (dataRows - lastReport >= 2000) {
          lastReport = dataRows
          await onProgress({ phase: 'reading', percent: Math.min(69, Math.floor((70 * bytes) / buffer.length)), rowsRead: dataRows })
        }
      }
      break // only the first worksheet holds data; the template's other sheets are help and lists
    }
  } catch (err) {
    return { fatal: `文件无法按 Excel（.xlsx）读取，可能已损坏或不是 Excel 文件（${String((err as Error)?.message ?? err).slice(0, 80)}）`, unreadable: true }
  }
  if (!header) return { fatal: '找不到表头：第一行应包含“姓名”“身份证号”“所在社区（村）”等列，请使用下载的导入模板' }
  return { rows: dataRows, records, errors, warnings, unknownColumns }
}
