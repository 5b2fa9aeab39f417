import { describe, expect, it } from 'vitest'
import { matchHeaders, parseImportRow, type TImportKey } from './import-columns.js'

/** The optional 经度/纬度 columns of the elder import (issue 20 item 1). */
const today = '2026-11-23'
const resolveRegion = (t: string) => (/^620702001\d{3}/.test(t) ? { code: t.slice(0, 12) } : { error: '不在范围' })
const base = { name: '王秀英', idNumber: '620702195001011238', region: '620702001001' }
const row = (cells: Partial<Record<TImportKey, unknown>>) =>
  parseImportRow(7, new Map(Object.entries({ ...base, ...cells }) as [TImportKey, unknown][]), { today, resolveRegion })

describe('import: home location columns', () => {
  it('finds the 经度 and 纬度 headers', () => {
    const m = matchHeaders(
      new Map([
        [1, '姓名*'],
        [2, '身份证号*'],
        [3, '所在社区（村）*'],
        [4, '经度'],
        [5, '纬度'],
      ]),
    )
    expect(m.columns.get(4)).toBe('homeLng')
    expect(m.columns.get(5)).toBe('homeLat')
  })

  it('reads numbers and text with a degree sign or a full-width point', () => {
    expect(row({ homeLng: 100.45123, homeLat: 38.93456 })).toMatchObject({ record: { homeLng: 100.45123, homeLat: 38.93456 } })
    expect(row({ homeLng: '100．45123°', homeLat: '38.93456度' })).toMatchObject({ record: { homeLng: 100.45123, homeLat: 38.93456 } })
    const none = row({})
    expect('record' in none && none.record.homeLat).toBeUndefined()
  })

  it('one without the other, words and out-of-range values are row errors naming the column', () => {
    const onlyLng = row({ homeLng: 100.45 })
    expect(onlyLng).toEqual({ errors: [{ row: 7, name: '王秀英', column: '纬度', value: '', message: '填写经度时，纬度必填' }] })
    const words = row({ homeLng: '东经100度', homeLat: 38.9 })
    expect('errors' in words && words.errors.map((e) => e.column)).toEqual(['经度'])
    const swapped = row({ homeLng: 38.9, homeLat: 100.45 })
    expect('errors' in swapped && swapped.errors[0]!.message).toBe('纬度应为 -90 到 90 之间的数字，如 38.93456')
  })
})
