import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '@yiyang/core'
import { cellText, isEmptyRow, matchHeaders, parseDateCell, parseImportRow, type TImportKey } from './import-columns.js'
import { categoryMask, categoryBitOrder } from './category-bits.js'

const today = '2026-11-23'
const resolveRegion = (t: string) => (/^620702001\d{3}/.test(t) ? { code: t.slice(0, 12) } : { error: '不在范围' })
const row = (cells: Partial<Record<TImportKey, unknown>>) => parseImportRow(5, new Map(Object.entries(cells) as [TImportKey, unknown][]), { today, resolveRegion })

describe('import sheet parsing', () => {
  it('matches headers with stars, full-width brackets and aliases; reports missing and repeated columns', () => {
    const m = matchHeaders(new Map([[1, '姓名*'], [2, '身份证号码'], [3, '所在社区(村) *'], [4, '备注'], [5, '无关列']]))
    expect([...m.columns.values()]).toEqual(['name', 'idNumber', 'region', 'note'])
    expect(m.missing).toEqual([])
    expect(matchHeaders(new Map([[1, '姓名'], [2, '身份证号']])).missing).toEqual(['所在社区（村）'])
    expect(matchHeaders(new Map([[1, '姓名'], [2, '姓名 '], [3, '身份证号'], [4, '所在社区（村）']])).duplicate).toEqual(['姓名 '])
  })

  it('reads dates as date cells, Excel serials and common text forms, and rejects impossible ones', () => {
    expect(parseDateCell(new Date(Date.UTC(2024, 2, 1)), '')).toBe('2024-03-01')
    expect(parseDateCell(45352, '45352')).toBe('2024-03-01')
    expect(parseDateCell('2024/3/1', '2024/3/1')).toBe('2024-03-01')
    expect(parseDateCell('2024年3月1日', '2024年3月1日')).toBe('2024-03-01')
    expect(parseDateCell('20240301', '20240301')).toBe('2024-03-01')
    expect(parseDateCell('2023-02-29', '2023-02-29')).toBeNull()
    expect(parseDateCell('去年', '去年')).toBeNull()
  })

  it('turns formulas into their results, rich text into text, and flags formulas without a result', () => {
    expect(cellText({ formula: 'A1', result: '张三' })).toEqual({ text: '张三', raw: '张三' })
    expect(cellText({ richText: [{ text: '李' }, { text: '四' }] })).toMatchObject({ text: '李四' })
    expect(cellText({ formula: 'NOW()' })).toHaveProperty('problem')
    expect(cellText({ error: '#REF!' })).toHaveProperty('problem')
    expect(isEmptyRow(new Map([['name', '  '], ['note', null]]))).toBe(true)
  })

  it('parses a full row and collects every problem of a bad row', () => {
    const id = makeIdNumber('620702', '1940-03-15', 123)
    const ok = row({ name: '王五', idNumber: ` ${id.toLowerCase()} `, region: '620702001001 县府街社区', categories: '低保、重残', hasFamilyDoctor: '是', familyDoctorDate: 45352 })
    expect(ok).toEqual({ record: expect.objectContaining({ idNumber: id, birthDate: '1940-03-15', regionCode: '620702001001', categories: ['min_subsistence', 'severe_disability'], familyDoctorDate: '2024-03-01', hasFamilyDoctor: true }) })
    // eslint-disable-next-line no-loss-of-precision -- an ID typed into Excel as a number loses its last digits; that is the case under test
    const bad = row({ name: '', idNumber: 620702194003151234, region: '620702002001', categories: '高龄', phone: '123' })
    expect('errors' in bad && bad.errors.map((e) => e.column)).toEqual(['姓名', '身份证号', '所在社区（村）', '老年人类别', '联系电话'])
  })

  it('keeps category bits stable and within an int4', () => {
    expect(categoryBitOrder.length).toBeLessThanOrEqual(31)
    expect(categoryMask(['destitute', 'min_subsistence', 'advanced_age'])).toBe(1 | 8)
  })
})
