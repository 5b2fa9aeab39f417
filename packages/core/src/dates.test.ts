import { describe, expect, it } from 'vitest'
import { addDays, addMonths, ageOn, daysBetween, isDateString, shanghaiDateTime, todayInShanghai, toShanghaiDate } from './dates.js'

describe('todayInShanghai', () => {
  it('returns the Asia/Shanghai calendar date (UTC+8)', () => {
    expect(todayInShanghai(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23')
    expect(todayInShanghai(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24')
  })
  it('defaults to now', () => {
    expect(isDateString(todayInShanghai())).toBe(true)
  })
})

describe('ageOn', () => {
  it('counts full years (周岁) by month and day', () => {
    expect(ageOn('1946-11-23', '2026-11-22')).toBe(79)
    expect(ageOn('1946-11-23', '2026-11-23')).toBe(80)
    expect(ageOn('1946-12-01', '2026-11-23')).toBe(79)
  })
  it('uses the Shanghai date of a Date argument', () => {
    expect(ageOn('1946-11-24', new Date('2026-11-23T16:00:00Z'))).toBe(80)
    expect(ageOn('1946-11-24', new Date('2026-11-23T15:00:00Z'))).toBe(79)
  })
  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('1944-02-29', '2025-02-28')).toBe(80)
    expect(ageOn('1944-02-29', '2025-03-01')).toBe(81)
    expect(ageOn('1944-02-29', '2024-02-29')).toBe(80)
  })
  it('throws for an invalid date', () => {
    expect(() => ageOn('1944-02-30', '2025-01-01')).toThrow()
  })
})

describe('date arithmetic', () => {
  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15')
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
  })
  it('adds days and counts days between dates', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2025-01-02', '2025-01-01')).toBe(-1)
  })
  it('converts date-times to their Shanghai date', () => {
    expect(toShanghaiDate('2026-11-23T17:00:00Z')).toBe('2026-11-24')
    expect(toShanghaiDate('2026-11-23')).toBe('2026-11-23')
    expect(() => toShanghaiDate('2026-02-30')).toThrow()
  })
})

describe('shanghaiDateTime', () => {
  it('shows the Shanghai wall clock, across midnight UTC', () => {
    expect(shanghaiDateTime('2026-12-01T04:29:20.192Z')).toBe('2026-12-01 12:29')
    expect(shanghaiDateTime(new Date('2026-12-31T17:05:00Z'))).toBe('2027-01-01 01:05')
  })
})
