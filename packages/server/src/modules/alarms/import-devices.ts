/**
 * Excel import of devices (issue 21 item 1): the upload is read as a stream with a size limit by
 * the route, passes the same xlsx pre-check as the elder import (zip bomb guard), then the first
 * worksheet is streamed row by row. All or nothing: any row error and nothing is written; the
 * errors come back in Chinese with their row numbers. An elder outside the importer's scope gets
 * the same row error as an unknown ID number (never where the elder is registered).
 */
import { deviceKindLabels, deviceKinds, normalizeIdNumberText, todayInShanghai } from '@yiyang/core'
import ExcelJS from 'exceljs'
import { inArray } from 'drizzle-orm'
import { Readable } from 'node:stream'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { inScope, requirePermission } from '../../platform/permissions.js'
import { checkXlsxUpload, eldersByIdNumbers } from '../elders/index.js'
import { devices } from './alarms.tables.js'

export const DEVICE_IMPORT_MAX_BYTES = 5 * 1024 * 1024
export const DEVICE_IMPORT_MAX_ROWS = 5000
export const deviceImportColumns = ['设备序列号', '设备类型', '型号', 'SIM卡号', '绑定老人身份证号', '绑定日期'] as const
type TColumn = (typeof deviceImportColumns)[number]
const required: TColumn[] = ['设备序列号', '设备类型', '绑定老人身份证号']

export type TDeviceImportError = { row: number; column: string; message: string }
type TRow = { row: number; serial: string; kind: (typeof deviceKinds)[number]; model: string; sim: string | null; idNumber: string; boundFrom: string | null }

export const kindByLabel = new Map<string, (typeof deviceKinds)[number]>(deviceKinds.map((k) => [deviceKindLabels[k], k]))

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown }
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim()
    if ('result' in o) return cellText(o.result)
    if (typeof o.text === 'string') return o.text.trim()
  }
  return String(v).trim()
}

function validDate(s: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)
  if (!m) return null
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  const d = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso
}

/**
 * Streams the first worksheet; returns parsed rows and row errors, or throws a 4xx for a
 * file-level problem. A file exceljs could not read is read once more: its streaming reader now
 * and then fails on a sound file under Node 26 (see elders/read-import-file.ts).
 */
async function readRows(buffer: Buffer, today: string) {
  try {
    return await readRowsOnce(buffer, today)
  } catch (e) {
    if (e instanceof UnreadableFile) return readRowsOnce(buffer, today)
    throw e
  }
}

class UnreadableFile extends AppError {}

async function readRowsOnce(buffer: Buffer, today: string) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  const fileError = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }])
  const rows: TRow[] = []
  const errors: TDeviceImportError[] = []
  let header: Map<TColumn, number> | null = null
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[]
        if (!header) {
          const found = new Map<TColumn, number>()
          values.forEach((v, i) => {
            const t = cellText(v)
              .replace(/\s+/g, '')
              .replace(/[（(].*[)）]$/, '')
            if ((deviceImportColumns as readonly string[]).includes(t)) found.set(t as TColumn, i)
          })
          if (found.size >= 2) {
            const missing = required.filter((c) => !found.has(c))
            if (missing.length) throw fileError(`表头缺少必需的列：${missing.join('、')}。请使用下载的导入模板`)
            header = found
          } else if (row.number >= 5) throw fileError('前5行中找不到表头：应包含“设备序列号”“设备类型”“绑定老人身份证号”等列，请使用下载的导入模板')
          continue
        }
        const get = (c: TColumn) => (header!.has(c) ? cellText(values[header!.get(c)!]) : '')
        const cells = deviceImportColumns.map(get)
        if (cells.every((c) => c === '')) continue
        if (rows.length + errors.length >= DEVICE_IMPORT_MAX_ROWS) throw fileError(`文件超过 ${DEVICE_IMPORT_MAX_ROWS} 行数据，请拆分后分批导入`)
        const before = errors.length
        const err = (column: TColumn, message: string) => errors.push({ row: row.number, column, message })
        const serial = get('设备序列号')
        if (!serial) err('设备序列号', '请填写设备序列号')
        else if (!/^[A-Za-z0-9._-]{1,64}$/.test(serial)) err('设备序列号', '设备序列号只能包含字母、数字、点、下划线和短横线，最长64位')
        const kindText = get('设备类型')
        const kind = kindByLabel.get(kindText)
        if (!kind) err('设备类型', kindText ? `设备类型“${kindText.slice(0, 20)}”无效，应为：${[...kindByLabel.keys()].join('、')}` : '请选择设备类型')
        const model = get('型号')
        if (model.length > 60) err('型号', '型号最长60个字')
        const sim = get('SIM卡号').replace(/[\s-]/g, '')
        if (sim && !/^1\d{10}$/.test(sim)) err('SIM卡号', 'SIM卡号应为11位手机号')
        const idNumber = normalizeIdNumberText(get('绑定老人身份证号'))
        if (!idNumber) err('绑定老人身份证号', '请填写绑定老人身份证号')
        else if (!/^\d{17}[\dX]$|^\d{15}$/.test(idNumber)) err('绑定老人身份证号', '身份证号格式不正确（应为18位）')
        const dateText = get('绑定日期')
        const boundFrom = dateText ? validDate(dateText) : null
        if (dateText && !boundFrom) err('绑定日期', '绑定日期格式不正确，应为 2026-01-31 这样的日期')
        else if (boundFrom && boundFrom > today) err('绑定日期', '绑定日期不能晚于今天')
        if (errors.length === before) rows.push({ row: row.number, serial, kind: kind!, model, sim: sim || null, idNumber, boundFrom })
      }
      break // only the first worksheet holds data
    }
  } catch (e) {
    if (e instanceof AppError) throw e
    const message = `文件无法按 Excel（.xlsx）读取，可能已损坏（${String((e as Error)?.message ?? e).slice(0, 60)}）`
    throw new UnreadableFile('VALIDATION_FAILED', message, [{ path: 'file', message }])
  }
  if (!header) throw fileError('找不到表头：应包含“设备序列号”“设备类型”“绑定老人身份证号”等列，请使用下载的导入模板')
  return { rows, errors }
}

export async function importDevices(ctx: Ctx, file: { buffer: Buffer; filename: string }) {
  requirePermission(ctx.actor, 'device:manage')
  const actor = ctx.actor
  const filename = file.filename.slice(0, 200)
  await checkXlsxUpload(file.buffer)
  const today = todayInShanghai(ctx.clock.now())
  const { rows, errors } = await readRows(file.buffer, today)

  // In-file duplicates: the later rows are the errors.
  const firstRow = new Map<string, number>()
  const unique: TRow[] = []
  for (const r of rows) {
    const first = firstRow.get(r.serial)
    if (first !== undefined) errors.push({ row: r.row, column: '设备序列号', message: `与第 ${first} 行的设备序列号重复` })
    else {
      firstRow.set(r.serial, r.row)
      unique.push(r)
    }
  }
  const serials = unique.map((r) => r.serial)
  const taken = new Set(
    serials.length ? (await ctx.db.select({ serial: devices.serial }).from(devices).where(inArray(devices.serial, serials))).map((d) => d.serial) : [],
  )
  const elders = await eldersByIdNumbers(
    ctx,
    unique.map((r) => r.idNumber),
  )
  const ready: (TRow & { elderId: string; regionCode: string })[] = []
  for (const r of unique) {
    const e = elders.get(r.idNumber)
    if (taken.has(r.serial)) errors.push({ row: r.row, column: '设备序列号', message: '该设备序列号已登记' })
    // Unknown and out of scope read the same: never a hint of where the elder is registered.
    else if (!e || !inScope(actor, e.regionCode))
      errors.push({ row: r.row, column: '绑定老人身份证号', message: '在您的管辖范围内找不到该身份证号的老人（可能未登记或登记在其他地区）' })
    else if (e.status !== 'active') errors.push({ row: r.row, column: '绑定老人身份证号', message: '该老人已不在册，不能绑定设备' })
    else ready.push({ ...r, elderId: e.id, regionCode: e.regionCode })
  }
  errors.sort((a, b) => a.row - b.row || deviceImportColumns.indexOf(a.column as TColumn) - deviceImportColumns.indexOf(b.column as TColumn))

  if (errors.length || !ready.length) {
    await withTx(ctx, (t) =>
      appendAudit(t, {
        action: 'device.import_refused',
        entityType: 'device',
        regionCode: actor.scopeRegionCode,
        after: { filename, size: file.buffer.length, rows: rows.length, errors: errors.length },
      }),
    )
    if (!errors.length) throw new AppError('VALIDATION_FAILED', '文件中没有设备数据', [{ path: 'file', message: '没有数据行' }])
    return { imported: 0, errors }
  }

  // All or nothing: one transaction; a serial registered meanwhile rolls everything back.
  await withTx(ctx, async (t) => {
    const inserted = await t.tx
      .insert(devices)
      .values(
        ready.map((r) => ({
          serial: r.serial,
          kind: r.kind,
          model: r.model,
          vendor: 'demo',
          simEnc: r.sim ? ctx.crypto.encrypt(r.sim) : null,
          simLast4: r.sim ? r.sim.slice(-4) : null,
          elderId: r.elderId,
          regionCode: r.regionCode,
          boundFrom: r.boundFrom ?? today,
        })),
      )
      .onConflictDoNothing()
      .returning()
    if (inserted.length !== ready.length)
      throw new AppError('CONFLICT', '导入期间有设备序列号被登记，未导入任何设备，请重新上传', [{ path: 'file', message: '设备序列号已登记' }])
    for (const r of inserted) {
      await appendAudit(t, {
        action: 'device.registered',
        entityType: 'device',
        entityId: r.id,
        regionCode: r.regionCode,
        after: { serial: r.serial, kind: r.kind, model: r.model, elderId: r.elderId, simLast4: r.simLast4, via: 'import' },
      })
    }
    await appendAudit(t, {
      action: 'device.imported',
      entityType: 'device',
      regionCode: actor.scopeRegionCode,
      after: { filename, size: file.buffer.length, imported: inserted.length },
    })
  })
  return { imported: ready.length, errors: [] as TDeviceImportError[] }
}
