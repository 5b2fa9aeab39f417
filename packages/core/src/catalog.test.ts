import { describe, expect, it } from 'vitest'
import {
  catalogItemFieldLabels,
  diffCatalogItems,
  fiveAidsOneCare,
  missingParentItems,
  missingParentItemsMessage,
  pickEditionInForce,
  serviceCategories,
  serviceCategoryLabels,
  servicePayerLabels,
  serviceUnitLabels,
  type TCatalogDiffItem,
} from './catalog.js'

const item = (code: string, over: Partial<TCatalogDiffItem> = {}): TCatalogDiffItem => ({
  code,
  name: `项目${code}`,
  category: 'meal',
  content: '上门送餐',
  standard: '按时送达',
  unit: 'meal',
  priceFen: 1200,
  target: { categories: ['advanced_age'], rule: null },
  payer: 'shared',
  legalBasis: '甘州区方案',
  ...over,
})

describe('service categories', () => {
  it('starts with 五助一护 and names every category in Chinese', () => {
    expect(fiveAidsOneCare.map((c) => serviceCategoryLabels[c])).toEqual(['助餐', '助浴', '助洁', '助急', '助医', '护理'])
    expect(serviceCategories.slice(0, 6)).toEqual([...fiveAidsOneCare])
    for (const c of serviceCategories) expect(serviceCategoryLabels[c]).toMatch(/^[\u4e00-\u9fff]+$/)
    expect(serviceCategoryLabels.device_rental).toBe('康复辅具租赁')
    expect(serviceCategoryLabels.family_bed).toBe('家庭养老床位')
    expect(Object.values(serviceUnitLabels)).toContain('次')
    expect(servicePayerLabels.shared).toBe('政府和个人分担')
  })
})

describe('diffCatalogItems', () => {
  it('reports added, removed and changed fields with old → new and the reason', () => {
    const from = [item('ZC-001'), item('ZJ-001', { category: 'cleaning', priceFen: 3000 }), item('ZY-001', { category: 'bath' })]
    const to = [
      item('ZC-001'),
      item('ZJ-001', { category: 'cleaning', priceFen: 3500, standard: '每次2小时', reason: '人工成本上涨' }),
      item('JC-001', { category: 'family_bed', name: '家庭养老床位', reason: '新增家庭养老床位' }),
    ]
    const d = diffCatalogItems(from, to, { 'ZY-001': '并入护理项目' })
    expect(d.unchanged).toBe(1)
    expect(d.added.map((a) => [a.code, a.reason])).toEqual([['JC-001', '新增家庭养老床位']])
    expect(d.removed.map((a) => [a.code, a.reason])).toEqual([['ZY-001', '并入护理项目']])
    expect(d.changed).toHaveLength(1)
    expect(d.changed[0]!.reason).toBe('人工成本上涨')
    expect(d.changed[0]!.fields).toEqual([
      { field: 'standard', label: '服务标准', old: '按时送达', new: '每次2小时' },
      { field: 'priceFen', label: '价格', old: 3000, new: 3500 },
    ])
  })

  it('compares target groups by value, not by key order, and ignores the reason itself', () => {
    const a = item('A1', { target: { categories: ['destitute'], rule: { field: 'age', op: 'gte', value: 80 } } })
    const b = item('A1', { target: { rule: { value: 80, op: 'gte', field: 'age' }, categories: ['destitute'] }, reason: '仅补充说明' })
    expect(diffCatalogItems([a], [b])).toEqual({ added: [], removed: [], changed: [], unchanged: 1 })
    const c = item('A1', { target: { categories: ['destitute', 'min_subsistence'], rule: null } })
    expect(diffCatalogItems([a], [c]).changed[0]!.fields.map((f) => f.field)).toEqual(['target'])
  })

  it('of an edition with itself is empty; of an empty edition is all added', () => {
    const list = [item('A1'), item('B2')]
    expect(diffCatalogItems(list, list)).toMatchObject({ added: [], removed: [], changed: [], unchanged: 2 })
    expect(diffCatalogItems([], list).added.map((a) => a.code)).toEqual(['A1', 'B2'])
    expect(diffCatalogItems(list, []).removed.map((a) => a.reason)).toEqual(['', ''])
  })

  it('labels every field in Chinese', () => {
    for (const v of Object.values(catalogItemFieldLabels)) expect(v).toMatch(/^[\u4e00-\u9fff]+$/)
  })
})

describe('S003 child list covers the parent list', () => {
  it('lists the parent items the child lacks, in the parent order', () => {
    const parent = [
      { code: 'ZC-001', name: '老年助餐' },
      { code: 'ZJ-001', name: '居家助洁' },
      { code: 'ZY-001', name: '上门助浴' },
    ]
    expect(missingParentItems(parent, ['ZJ-001', 'EXTRA-1'])).toEqual([parent[0], parent[2]])
    expect(
      missingParentItems(
        parent,
        parent.map((p) => p.code),
      ),
    ).toEqual([])
    const msg = missingParentItemsMessage(missingParentItems(parent, []), '甘州区基本养老服务清单（2026年版）')
    expect(msg).toContain('3 个服务项目')
    expect(msg).toContain('老年助餐（ZC-001）')
  })
})

describe('pickEditionInForce', () => {
  const district = '620702000000'
  const street = '620702001000'
  const city = '620700000000'
  const eds = [
    { id: 'd1', regionCode: district, status: 'published', effectiveDate: '2026-01-01', publishedAt: '2025-12-20T00:00:00Z' },
    { id: 'd2', regionCode: district, status: 'published', effectiveDate: '2026-07-01', publishedAt: '2026-06-01T00:00:00Z' },
    { id: 'd3', regionCode: district, status: 'draft', effectiveDate: null },
    { id: 'c1', regionCode: city, status: 'published', effectiveDate: '2025-01-01', publishedAt: '2024-12-01T00:00:00Z' },
    { id: 's1', regionCode: street, status: 'published', effectiveDate: '2026-09-01', publishedAt: '2026-08-01T00:00:00Z' },
  ]
  const chain = [street, district, city, '620000000000']
  it('takes the latest published edition effective on the date, of the region or its nearest ancestor', () => {
    expect(pickEditionInForce(eds, chain, '2026-03-15')?.id).toBe('d1')
    expect(pickEditionInForce(eds, chain, '2026-06-30')?.id).toBe('d1')
    expect(pickEditionInForce(eds, chain, '2026-07-01')?.id).toBe('d2')
    expect(pickEditionInForce(eds, chain, '2026-09-01')?.id).toBe('s1')
    expect(pickEditionInForce(eds, chain.slice(1), '2026-09-01')?.id).toBe('d2')
    expect(pickEditionInForce(eds, chain, '2025-06-01')?.id).toBe('c1')
    expect(pickEditionInForce(eds, chain, '2024-12-31')).toBeNull()
  })
  it('never picks a draft, and breaks a tie on the date by the later publication', () => {
    const tie = [...eds, { id: 'd4', regionCode: district, status: 'published', effectiveDate: '2026-07-01', publishedAt: '2026-06-15T00:00:00Z' }]
    expect(pickEditionInForce(tie, [district], '2026-08-01')?.id).toBe('d4')
    expect(pickEditionInForce([eds[2]!], [district], '2030-01-01')).toBeNull()
  })
})
