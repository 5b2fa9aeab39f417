import { describe, expect, it } from 'vitest'
import { addWorkingDays, isWeekday, workingDaysLate } from './working-days.js'

// 2026 Spring Festival (国办发明电〔2025〕7号): 2-15 … 2-23 off, Saturday 2-14 and 2-28 worked (调休).
const off = new Set(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'])
const swapped = new Set(['2026-02-14', '2026-02-28'])
const cal = (d: string) => swapped.has(d) || (!off.has(d) && isWeekday(d))

describe('working days', () => {
  it('a 调休 Saturday counts and the holiday week does not', () => {
    // Friday 2-13 + 1 working day = Saturday 2-14 (调休), + 2 = Tuesday 2-24 after the holiday.
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14')
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24')
    // Friday 2-27 + 1 = Saturday 2-28 (调休), + 2 = Monday 3-2.
    expect(addWorkingDays(cal, '2026-02-27', 1)).toBe('2026-02-28')
    expect(addWorkingDays(cal, '2026-02-27', 2)).toBe('2026-03-02')
  })

  it('an ordinary weekend does not count', () => {
    expect(addWorkingDays(isWeekday, '2026-03-06', 1)).toBe('2026-03-09')
    expect(addWorkingDays(isWeekday, '2026-03-06', 0)).toBe('2026-03-06')
  })

  it('lateness counts working days after the deadline only', () => {
    expect(workingDaysLate(cal, '2026-02-13', '2026-02-13')).toBe(0)
    expect(workingDaysLate(cal, '2026-02-13', '2026-02-23')).toBe(1)
    expect(workingDaysLate(cal, '2026-02-13', '2026-02-24')).toBe(2)
  })
})
