import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '@yiyang/core'
import { cellText, isEmptyRow, matchHeaders, parseDateCell, parseImportRow, type TImportKey } from './import-columns.js'
import { categoryMask, categoryBitOrder } from './category-bits.js'

const today = '2026-11-23'
const resolveRegion = (t: string) => (/^620702001\d{3}/.test(t) ? { code: t.slice(0, 12) } : { error: '不在范围' })
const row = (cells: Partial<Record<TImportKey, unknown>>) =>
  parseImportRow(5, new Map(Object.entries(cells) as [TImportKey, unknown][]), { today, resolveRegion })

describe('import sheet parsing', () => {
  it('matches headers with stars, full-width brackets and aliases; reports missing and repeated columns', () => {
    const m = matchHeaders(
      new Map([
        [1, '姓名*'],
        [2, '身份证号码'],
        [3, '所在社区(村) *'],
        [4, '备注'],
        [5, '无关列'],
      ]),
    )
    expect([...m.columns.values()]).toEqual(['name', 'idNumber', 'region', 'note'])
    expect(m.missing).toEqual([])
    expect(m.unknown).toEqual(['无关列'])
    expect(
      matchHeaders(
        new Map([
          [1, '姓名'],
          [2, '身份证号'],
        ]),
      ).missing,
    ).toEqual(['所在社区（村）'])
    expect(
      matchHeaders(
        new Map([
          [1, '姓名'],
          [2, '姓名 '],
          [3, '身份证号'],
          [4, '所在社区（村）'],
        ]),
      ).duplicate,
    ).toEqual(['姓名 '])
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
    expect(
      isEmptyRow(
        new Map([
          ['name', '  '],
          ['note', null],
        ]),
      ),
    ).toBe(true)
  })

  it('parses a full row and collects every problem of a bad row', () => {
    const id = makeIdNumber('620702', '1940-03-15', 123)
    const ok = row({
      name: '王五',
      idNumber: ` ${id.toLowerCase()} `,
      region: '620702001001 县府街社区',
      categories: '低保、重残',
      hasFamilyDoctor: '是',
      familyDoctorDate: 45352,
    })
    expect(ok).toMatchObject({
      record: expect.objectContaining({
        idNumber: id,
        birthDate: '1940-03-15',
        regionCode: '620702001001',
        categories: ['min_subsistence', 'severe_disability'],
        familyDoctorDate: '2024-03-01',
        hasFamilyDoctor: true,
      }),
    })
    // eslint-disable-next-line no-loss-of-precision -- an ID typed into Excel as a number loses its last digits; that is the case under test
    const bad = row({ name: '', idNumber: 620702194003151234, region: '620702002001', categories: '高龄', phone: '123' })
    expect('errors' in bad && bad.errors.map((e) => e.column)).toEqual(['姓名', '身份证号', '所在社区（村）', '老年人类别', '联系电话'])
  })

  it("maps clerks' words to categories with a warning, cleans phones and warns about odd names", () => {
    const id = makeIdNumber('620702', '1940-03-15', 123)
    const r = row({
      name: '张三2',
      idNumber: '620702 19400315 ' + id.slice(14),
      region: '620702001001',
      categories: '五保户、低保户',
      livingArrangement: '独居老人',
      phone: '139-1234-5670',
      contactName: '张小',
      contactPhone: '１３９１２３４５６７１',
    })
    expect(r).toMatchObject({
      record: { categories: ['destitute', 'min_subsistence'], livingArrangement: 'living_alone', phone: '13912345670', contact: { phone: '13912345671' } },
    })
    const warnings = 'warnings' in r ? r.warnings.map((w) => w.message).join(' | ') : ''
    expect(warnings).toContain('“五保户”按“特困人员”导入')
    expect(warnings).toContain('“低保户”按“低保”导入')
    expect(warnings).toContain('姓名中含有数字')
  })

  it('refuses an elder under 60 unless 备注 gives the reason; errors carry the 姓名', () => {
    const young = makeIdNumber('620702', '1980-03-15', 123)
    const bad = row({ name: '年轻人', idNumber: young, region: '620702001001' })
    expect('errors' in bad && bad.errors[0]).toMatchObject({ name: '年轻人', column: '身份证号', message: expect.stringContaining('未满60周岁') })
    const kept = row({ name: '年轻人', idNumber: young, region: '620702001001', note: '重度残疾，经街道同意登记' })
    expect('warnings' in kept && kept.warnings[0]!.message).toContain('未满60周岁')
  })

  it('keeps category bits stable and within an int4', () => {
    expect(categoryBitOrder.length).toBeLessThanOrEqual(31)
    expect(categoryMask(['destitute', 'min_subsistence', 'advanced_age'])).toBe(1 | 8)
  })
})
