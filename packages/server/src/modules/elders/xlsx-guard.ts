/**
 * The zip pre-check of an uploaded workbook (issue 16 item 3: a 6.5 MB file whose shared strings
 * expanded to gigabytes stopped the server). Runs before any XML is parsed: it reads the zip's
 * central directory, rejects declared sizes over the limits, proves the entries are the only data
 * in the file (the streaming reader walks local headers, so a hidden entry would be read), and
 * inflates every entry without keeping the output, to prove no entry is larger than declared.
 * Inflation runs on libuv's thread pool in chunks, so the server keeps answering meanwhile.
 */
import { createInflateRaw } from 'node:zlib'
import { AppError } from '../../platform/errors.js'

export const MB = 1024 * 1024
export const xlsxLimits = {
  entries: 500,
  /** exceljs keeps every shared string in memory: this bounds the heap a file can claim. */
  sharedStringsBytes: 64 * MB,
  /** Worksheets are streamed, so they may be larger (100,000 rows × 17 columns ≈ 80 MB). */
  worksheetBytes: 256 * MB,
  otherEntryBytes: 16 * MB,
  totalBytes: 384 * MB,
  /** Beyond the data limit of 100,000 rows: title rows, blank rows between blocks. */
  sheetRows: 110_000,
  columns: 200,
  /** Excel's own limit for one cell. */
  cellChars: 32_767,
}
export type TXlsxLimits = typeof xlsxLimits

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const DESCRIPTOR = 0x08074b50

type TEntry = { name: string; method: number; flags: number; compressed: number; size: number; localOffset: number; dataStart: number }

const tooLarge = (detail: string) =>
  new AppError('PAYLOAD_TOO_LARGE', `文件解压后过大（${detail}），可能不是正常的导入表格。请只保留“老年人信息”工作表，或拆分为多个文件后重新上传`, [
    { path: 'file', message: detail },
  ])
const damaged = (detail: string) =>
  new AppError('VALIDATION_FAILED', `文件无法按 Excel（.xlsx）读取，可能已损坏（${detail}）。请在 Excel 中打开后“另存为 .xlsx”再上传`, [
    { path: 'file', message: detail },
  ])

const mb = (n: number) => `${Math.ceil(n / MB)} MB`

function entryLimit(name: string, limits: TXlsxLimits) {
  if (/^xl\/sharedStrings\.xml$/i.test(name)) return { bytes: limits.sharedStringsBytes, label: '共享字符串' }
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return { bytes: limits.worksheetBytes, label: '工作表' }
  return { bytes: limits.otherEntryBytes, label: name.slice(0, 60) }
}

/** Reads the central directory; throws when the archive is not a plain, contiguous zip. */
function centralDirectory(buf: Buffer, limits: TXlsxLimits): TEntry[] {
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw damaged('找不到 zip 目录')
  const count = buf.readUInt16LE(eocd + 10)
  const cdSize = buf.readUInt32LE(eocd + 12)
  const cdOffset = buf.readUInt32LE(eocd + 16)
  // ZIP64 markers: a workbook that needs them is far beyond any import limit.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw tooLarge('使用了 ZIP64 格式')
  if (count > limits.entries) throw tooLarge(`包含 ${count} 个部件`)
  if (cdOffset + cdSize > eocd) throw damaged('zip 目录位置不正确')
  const entries: TEntry[] = []
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw damaged('zip 目录项不正确')
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const localOffset = buf.readUInt32LE(p + 42)
    const e: TEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset,
      dataStart: 0,
    }
    if (e.size === 0xffffffff || e.compressed === 0xffffffff || localOffset === 0xffffffff) throw tooLarge('使用了 ZIP64 格式')
    if (e.method !== 0 && e.method !== 8) throw damaged(`不支持的压缩方式 ${e.method}`)
    if (e.flags & 1) throw damaged('文件已加密，请取消密码保护后再上传')
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) throw damaged('zip 数据项不正确')
    e.dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28)
    if (e.dataStart + e.compressed > buf.length) throw damaged('文件不完整')
    entries.push(e)
    p += 46 + nameLen + extraLen + commentLen
  }
  // Every byte before the directory belongs to a listed entry: no hidden local entries that a
  // streaming reader (which walks local headers, not the directory) would inflate unchecked.
  let expected = 0
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== expected) throw damaged('zip 中有目录未列出的数据')
    let end = e.dataStart + e.compressed
    if (e.flags & 8) end += end + 4 <= buf.length && buf.readUInt32LE(end) === DESCRIPTOR ? 16 : 12
    expected = end
  }
  if (expected !== cdOffset) throw damaged('zip 中有目录未列出的数据')
  return entries
}

/** Inflates one entry, discarding the output; stops as soon as it exceeds `max` bytes. */
function inflatedSize(buf: Buffer, e: TEntry, max: number, onStart?: (head: Buffer) => void): Promise<number> {
  if (e.method === 0) {
    onStart?.(buf.subarray(e.dataStart, e.dataStart + Math.min(e.compressed, 4096)))
    return Promise.resolve(e.compressed)
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 })
    let total = 0
    let head: Buffer | null = null
    let settled = false
    const done = (err: Error | null, n?: number) => {
      if (settled) return
      settled = true
      if (err) reject(err)
      else resolve(n!)
    }
    inflate.on('data', (chunk: Buffer) => {
      if (!head) {
        head = chunk.subarray(0, 4096)
        onStart?.(head)
      }
      total += chunk.length
      if (total > max) {
        inflate.destroy()
        done(null, total)
      }
    })
    inflate.on('error', (err) => done(damaged(`解压失败：${err.message.slice(0, 40)}`)))
    inflate.on('end', () => done(null, total))
    inflate.end(buf.subarray(e.dataStart, e.dataStart + e.compressed))
  })
}

const colNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0)

/**
 * Throws a 413/400 AppError with a Chinese message when the workbook exceeds a limit. Checks the
 * declared sizes first (no inflation for an honest bomb), then the real ones, and the declared
 * sheet dimension (`<dimension ref="A1:Q100001">`) for rows and columns; the streaming reader
 * checks rows, columns and cell lengths again as it goes, since a dimension may be missing or wrong.
 */
export async function checkXlsxArchive(buf: Buffer, limits: TXlsxLimits = xlsxLimits): Promise<void> {
  const entries = centralDirectory(buf, limits)
  let declared = 0
  for (const e of entries) {
    const lim = entryLimit(e.name, limits)
    if (e.size > lim.bytes) throw tooLarge(`${lim.label}解压后 ${mb(e.size)}，上限 ${mb(lim.bytes)}`)
    declared += e.size
  }
  if (declared > limits.totalBytes) throw tooLarge(`解压后共 ${mb(declared)}，上限 ${mb(limits.totalBytes)}`)
  for (const e of entries) {
    const lim = entryLimit(e.name, limits)
    let dimension: string | null = null
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)
    const actual = await inflatedSize(
      buf,
      e,
      Math.min(e.size, lim.bytes),
      isSheet
        ? (head) => {
            dimension = /<dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/.exec(head.toString('latin1'))?.slice(1).join(',') ?? null
          }
        : undefined,
    )
    if (actual > lim.bytes) throw tooLarge(`${lim.label}解压后超过 ${mb(lim.bytes)}`)
    // An entry larger than its directory says is a forged archive, whatever the limits.
    if (actual > e.size) throw damaged('zip 目录中的大小与内容不符')
    if (dimension) {
      const [, , c2, r2] = (dimension as string).split(',')
      if (r2 && Number(r2) > limits.sheetRows)
        throw tooLarge(`工作表有 ${Number(r2).toLocaleString('en-US')} 行，上限 ${limits.sheetRows.toLocaleString('en-US')} 行`)
      if (c2 && colNumber(c2) > limits.columns) throw tooLarge(`工作表有 ${colNumber(c2)} 列，上限 ${limits.columns} 列`)
    }
  }
}
