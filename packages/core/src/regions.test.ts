import { describe, expect, it } from 'vitest'
import { isInScope, isValidRegionCode, parentRegionCode, parseRegionCode, regionAncestors, regionScopePrefix } from './regions.js'

describe('parseRegionCode', () => {
  it('reads 653126100039 as a residents committee in a town', () => {
    expect(parseRegionCode('653126100039')).toMatchObject({
      ok: true,
      level: 'village',
      kind: 'residents_committee',
      prefix: '653126100039',
      parentCode: '653126100000',
      countyCode: '653126',
    })
    expect(parseRegionCode('653126100000')).toMatchObject({ level: 'township', kind: 'town', prefix: '653126100' })
  })
  it('reads 120115106201 as a villagers committee', () => {
    expect(parseRegionCode('120115106201')).toMatchObject({ level: 'village', kind: 'villagers_committee' })
  })
  it('reads the province-administered 469030202202 as a villagers committee in a 乡', () => {
    expect(parseRegionCode('469030202202')).toMatchObject({ level: 'village', kind: 'villagers_committee' })
    expect(parseRegionCode('469030202000')).toMatchObject({ level: 'township', kind: 'township' })
    expect(parseRegionCode('469000000000')).toMatchObject({ level: 'prefecture', kind: 'province_administered' })
  })
  it('pads a 9-digit street code 330213007', () => {
    expect(parseRegionCode('330213007')).toMatchObject({ ok: true, code: '330213007000', level: 'township', kind: 'street' })
  })
  it('derives county, prefecture and province kinds', () => {
    expect(parseRegionCode('620702000000')).toMatchObject({ level: 'county', kind: 'city_district' })
    expect(parseRegionCode('652200000000')).toMatchObject({ level: 'prefecture', kind: 'prefecture_area' })
    expect(parseRegionCode('652222000000')).toMatchObject({ level: 'county', kind: 'county' })
    expect(parseRegionCode('650500000000')).toMatchObject({ level: 'prefecture', kind: 'city' })
    expect(parseRegionCode('620000000000')).toMatchObject({ level: 'province', kind: 'province', parentCode: null })
    expect(parseRegionCode('210881000000')).toMatchObject({ kind: 'county_city' })
    expect(parseRegionCode('220171000000')).toMatchObject({ kind: 'development_zone' })
  })
  it('rejects malformed codes', () => {
    for (const c of ['', '65312610003', '6531261000399', '65312610003a', '000000000000', '650000001000']) {
      expect(parseRegionCode(c).ok).toBe(false)
    }
    expect(isValidRegionCode('653126100039')).toBe(true)
    expect(isValidRegionCode('653126100')).toBe(false)
  })
})

describe('regionScopePrefix', () => {
  it('takes 2/4/6/9/12 digits by level', () => {
    expect(regionScopePrefix('653126100039', 'province')).toBe('65')
    expect(regionScopePrefix('653126100039', 'prefecture')).toBe('6531')
    expect(regionScopePrefix('653126100039', 'county')).toBe('653126')
    expect(regionScopePrefix('653126100039', 'township')).toBe('653126100')
    expect(regionScopePrefix('653126100039', 'village')).toBe('653126100039')
  })
  it('never strips zeros: the town 653126100000 keeps 653126100, not 6531261', () => {
    expect(regionScopePrefix('653126100000', 'township')).toBe('653126100')
  })
  it('refuses a level deeper than the code', () => {
    expect(() => regionScopePrefix('653126100000', 'village')).toThrow()
  })
})

describe('isInScope', () => {
  it('matches descendants of a town but not a sibling town coded 101–199', () => {
    const town = regionScopePrefix('653126100000', 'township')
    expect(isInScope('653126100039', [town])).toBe(true)
    expect(isInScope('653126101039', [town])).toBe(false)
    expect(isInScope('653126199201', [town])).toBe(false)
  })
  it('treats several prefixes as a union and an empty list as no access', () => {
    expect(isInScope('120115106201', ['653126100', '1201'])).toBe(true)
    expect(isInScope('120115106201', [])).toBe(false)
  })
  it('throws for a zero-stripped prefix instead of silently widening scope', () => {
    expect(() => isInScope('653126100039', ['6531261'])).toThrow()
  })
})

describe('parentRegionCode', () => {
  it('walks village → township → county → prefecture → province → null', () => {
    expect(parentRegionCode('653126100039')).toBe('653126100000')
    expect(parentRegionCode('653126100000')).toBe('653126000000')
    expect(parentRegionCode('653126000000')).toBe('653100000000')
    expect(parentRegionCode('653100000000')).toBe('650000000000')
    expect(parentRegionCode('650000000000')).toBeNull()
    expect(regionAncestors('653126100039')).toEqual(['650000000000', '653100000000', '653126000000', '653126100000'])
  })
})
