import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ageOn } from './dates.js'
import {
  ageBandOf,
  birthDateRangeForAgeBand,
  birthDateRangeForAges,
  deriveCategories,
  derivedElderCategories,
  elderCategories,
  elderCategoryLabels,
  livingArrangementLabels,
  livingArrangements,
  typedElderCategories,
} from './categories.js'

describe('category catalogue', () => {
  it('labels every category in Chinese, with the glossary identifiers', () => {
    expect(elderCategoryLabels.destitute).toBe('特困人员')
    expect(elderCategoryLabels.min_subsistence).toBe('低保')
    expect(elderCategoryLabels.advanced_age).toBe('高龄')
    for (const c of elderCategories) expect(elderCategoryLabels[c]).toMatch(/[\u4e00-\u9fff]/)
  })
  it('keeps typed and derived categories apart', () => {
    for (const c of derivedElderCategories) expect(typedElderCategories as readonly string[]).not.toContain(c)
    expect(derivedElderCategories).toContain('advanced_age')
    expect(derivedElderCategories).toContain('incapacitated')
  })
  it('lists the living arrangements 独居, 空巢, 与子女同住, 留守, 入住机构, 其他', () => {
    expect(livingArrangements.map((l) => livingArrangementLabels[l])).toEqual(['独居', '空巢', '与子女同住', '留守', '入住机构', '其他'])
  })
})

describe('deriveCategories', () => {
  const base = { today: '2026-11-23', typed: [] as string[] }
  it('adds 高龄 at exactly 80 and not the day before', () => {
    expect(deriveCategories({ ...base, birthDate: '1946-11-23' }).categories).toContain('advanced_age')
    expect(deriveCategories({ ...base, birthDate: '1946-11-24' }).categories).not.toContain('advanced_age')
  })
  it('derives 失能 / 半失能 from the GB/T 42195 level', () => {
    const c = (abilityLevel: number) => deriveCategories({ ...base, birthDate: '1950-01-01', abilityLevel }).categories
    expect(c(0)).toEqual([])
    expect(c(1)).toEqual(['semi_incapacitated'])
    expect(c(2)).toEqual(['semi_incapacitated'])
    expect(c(3)).toEqual(['incapacitated'])
    expect(c(4)).toEqual(['incapacitated'])
  })
  it('derives 失能 from MZ/T 039 level 3', () => {
    expect(deriveCategories({ ...base, birthDate: '1950-01-01', abilityLevel: 3, abilityScale: 'mzt039' }).categories).toEqual(['incapacitated'])
  })
  it('derives the living-arrangement tag and 失智', () => {
    const r = deriveCategories({ ...base, birthDate: '1940-03-01', livingArrangement: 'living_alone', hasDementiaDiagnosis: true })
    expect(r.categories).toEqual(['advanced_age', 'cognitively_impaired', 'living_alone'])
    expect(r.tags.find((t) => t.category === 'living_alone')).toEqual({ category: 'living_alone', source: 'living_arrangement', reason: '居住情况为独居' })
    expect(deriveCategories({ ...base, birthDate: '1950-01-01', livingArrangement: 'with_children' }).categories).toEqual([])
  })
  it('keeps typed tags with reasons, adds implied ones, and ignores typed derived ones', () => {
    const r = deriveCategories({ ...base, birthDate: '1950-01-01', typed: ['lost_only_child', 'severe_disability', 'advanced_age'] })
    expect(r.categories).toEqual(['family_planning_special', 'lost_only_child', 'disabled', 'severe_disability'])
    expect(r.tags[0]).toMatchObject({ source: 'implied' })
    expect(r.tags[1]).toEqual({ category: 'lost_only_child', source: 'typed', reason: '登记为失独' })
  })
  it('rejects an unknown category', () => {
    expect(() => deriveCategories({ ...base, birthDate: '1950-01-01', typed: ['rich'] })).toThrow()
  })
})

describe('age bands', () => {
  it('bands ages 60–69, 70–79, 80–89, 90–99 and 100+', () => {
    expect([59, 60, 69, 70, 79, 80, 89, 90, 99, 100, 112].map(ageBandOf)).toEqual([
      null,
      '60_69',
      '60_69',
      '70_79',
      '70_79',
      '80_89',
      '80_89',
      '90_99',
      '90_99',
      '100_plus',
      '100_plus',
    ])
  })
  it('turns an age band into a birth-date range', () => {
    expect(birthDateRangeForAgeBand('80_89', '2026-11-23')).toEqual({ from: '1936-11-24', to: '1946-11-23' })
    expect(birthDateRangeForAgeBand('100_plus', '2026-11-23')).toEqual({ from: null, to: '1926-11-23' })
  })
  it('property: a birth date lies in the range exactly when its age is in the band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60000 }),
        fc.integer({ min: 0, max: 50000 }),
        fc.integer({ min: 60, max: 100 }),
        fc.integer({ min: 0, max: 15 }),
        (todayOffset, birthOffset, minAge, width) => {
          const day = (n: number) => new Date(Date.UTC(1900, 0, 1) + n * 86400000).toISOString().slice(0, 10)
          const today = day(todayOffset + 40000)
          const birth = day(birthOffset)
          if (birth > today) return true
          const maxAge = minAge + width
          const { from, to } = birthDateRangeForAges(minAge, maxAge, today)
          const inRange = birth <= to && (from === null || birth >= from)
          const age = ageOn(birth, today)
          return inRange === (age >= minAge && age <= maxAge)
        },
      ),
    )
  })
})
