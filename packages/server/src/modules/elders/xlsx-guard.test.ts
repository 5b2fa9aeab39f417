import { describe, expect, it } from 'vitest'
import { deflateRawSync } from 'node:zlib'
import { crc32 } from 'node:zlib'
import { zip } from '../../../test/elder-import.js'
import { checkXlsxArchive, xlsxLimits } from './xlsx-guard.js'

const deflated = (text: string) => {
  const data = Buffer.from(text)
  return { data: deflateRawSync(data), size: data.length, crc: crc32(data) }
}
const small = { ...xlsxLimits, sharedStringsBytes: 1000, totalBytes: 5000 }
const codeOf = async (buf: Buffer, limits = small) =>
  checkXlsxArchive(buf, limits).then(
    () => 'ok',
    (e: { code: string }) => e.code,
  )

describe('xlsx zip pre-check', () => {
  it('accepts a plain archive within the limits', async () => {
    expect(await codeOf(zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), deflated: deflated('<sst/>') }]))).toBe('ok')
  })

  it('refuses by the declared size before inflating, and by the real size when the directory lies', async () => {
    const big = deflated('A'.repeat(5000))
    expect(await codeOf(zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), deflated: big }]))).toBe('PAYLOAD_TOO_LARGE')
    expect(await codeOf(zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), deflated: big, declaredSize: 10 }]))).toBe('VALIDATION_FAILED')
  })

  it('refuses data hidden outside the zip directory (a streaming reader would inflate it)', async () => {
    const good = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }])
    const hidden = Buffer.concat([zip([{ name: 'xl/sharedStrings.xml', data: Buffer.from('x'.repeat(100)) }]).subarray(0, 130), good])
    // Shift the directory offsets of `good` by the hidden prefix, as a forger would.
    const eocd = hidden.length - 22
    hidden.writeUInt32LE(hidden.readUInt32LE(eocd + 16) + 130, eocd + 16)
    const cd = hidden.readUInt32LE(eocd + 16)
    hidden.writeUInt32LE(hidden.readUInt32LE(cd + 42) + 130, cd + 42)
    await expect(checkXlsxArchive(hidden, small)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', userMessage: expect.stringContaining('目录未列出的数据') })
  })

  it('refuses ZIP64 markers, encryption and a sheet that declares too many rows', async () => {
    const z = zip([{ name: 'a.xml', data: Buffer.from('x') }])
    const z64 = Buffer.from(z)
    z64.writeUInt32LE(0xffffffff, z64.length - 22 + 16)
    expect(await codeOf(z64)).toBe('PAYLOAD_TOO_LARGE')
    const enc = Buffer.from(z)
    enc.writeUInt16LE(1, enc.readUInt32LE(enc.length - 22 + 16) + 8)
    expect(await codeOf(enc)).toBe('VALIDATION_FAILED')
    const sheet = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: deflated('<worksheet><dimension ref="A1:Q200000"/></worksheet>') }])
    expect(await codeOf(sheet, xlsxLimits)).toBe('PAYLOAD_TOO_LARGE')
  })
})
