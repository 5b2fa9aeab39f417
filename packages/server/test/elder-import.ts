import { importHeaderRow } from '../src/modules/elders/import-columns.js'
/** Helpers of the elder import tests: build xlsx files, upload them, wait for the job. */
import ExcelJS from 'exceljs'
import { crc32, createDeflateRaw } from 'node:zlib'
import { expect } from 'vitest'
import type { TestApp } from './app.js'

export const IMPORT_HEAD = importHeaderRow()

export async function xlsx(rows: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void, header: string[] = IMPORT_HEAD): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('老年人信息')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  edit?.(ws)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function multipart(file: Buffer, filename: string, mode?: string) {
  const boundary = '----yy' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  if (mode) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n`))
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export const uploadImport = (t: TestApp, cookie: string, file: Buffer, mode = 'all_or_nothing', filename = 'elders.xlsx') => {
  const m = multipart(file, filename, mode)
  return t.app.inject({ method: 'POST', url: '/api/v1/elders/imports', headers: { cookie, ...m.headers }, payload: m.payload })
}

export type TImportJob = {
  id: string
  status: string
  error: string | null
  hasErrorReport: boolean
  progress: { percent: number }
  result: {
    committed: boolean
    created: number
    updated: number
    unchanged: number
    errorRows: number
    rows: number
    message: string
    conflictCount: number
    unknownColumns: string[]
    warnings: { row: number; name: string; column: string; message: string }[]
    conflicts: { row: number; elderId: string; idNumber: string; fields: { field: string; label: string; existing: string; imported: string }[] }[]
    changes: { row: number; elderId: string; name: string; changes: { field: string; label: string; before: string; after: string }[] }[]
  } | null
}

export async function waitForImport(t: TestApp, cookie: string, id: string): Promise<TImportJob> {
  for (let i = 0; i < 600; i++) {
    await t.settle()
    const job = await t.app.inject({ url: `/api/v1/elders/imports/${id}`, headers: { cookie } })
    expect(job.statusCode, job.body).toBe(200)
    const j = job.json() as TImportJob
    if (j.status === 'succeeded' || j.status === 'failed') return j
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('import did not finish')
}

export async function importXlsx(t: TestApp, cookie: string, file: Buffer, mode = 'all_or_nothing'): Promise<TImportJob> {
  const res = await uploadImport(t, cookie, file, mode)
  expect(res.statusCode, res.body).toBe(200)
  return waitForImport(t, cookie, res.json().id)
}

// ---------- a hand-made zip, for workbooks no spreadsheet program would write ----------

type TZipEntry = {
  name: string
  data: Buffer
  /** deflated data and its real size, when built elsewhere */ deflated?: { data: Buffer; size: number; crc: number }
  declaredSize?: number
}

/** A plain zip (deflate, no data descriptors); `declaredSize` lets a test lie in the directory. */
export function zip(entries: TZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const { data: body, size, crc } = e.deflated ?? { data: e.data, size: e.data.length, crc: crc32(e.data) }
    const method = e.deflated ? 8 : 0
    const declared = e.declaredSize ?? size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(declared, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(declared, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += 30 + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** Deflates `repeat` copies of `chunk` without ever holding the whole text. */
export function deflateRepeated(head: string, chunk: Buffer, repeat: number, tail: string): Promise<{ data: Buffer; size: number; crc: number }> {
  return new Promise((resolve, reject) => {
    const d = createDeflateRaw({ level: 9 })
    const out: Buffer[] = []
    let crc = 0
    let size = 0
    d.on('data', (b: Buffer) => out.push(b))
    d.on('error', reject)
    d.on('end', () => resolve({ data: Buffer.concat(out), size, crc }))
    const write = (b: Buffer) => {
      crc = crc32(b, crc)
      size += b.length
      d.write(b)
    }
    write(Buffer.from(head))
    for (let i = 0; i < repeat; i++) write(chunk)
    write(Buffer.from(tail))
    d.end()
  })
}

/**
 * A workbook whose shared strings expand to `mb` MB from a few hundred KB: the bomb of issue 16.
 * `declaredSize` forges the size in the zip directory.
 */
export async function xlsxBomb(mb: number, declaredSize?: number): Promise<Buffer> {
  const x = (s: string) => Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + s)
  const shared = await deflateRepeated(
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
    Buffer.alloc(1024 * 1024, 0x41),
    mb,
    '</t></si></sst>',
  )
  return zip([
    {
      name: '[Content_Types].xml',
      data: x(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="老年人信息" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: x(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
      ),
    },
    { name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), deflated: shared, declaredSize },
  ])
}
