import { describe, expect, it } from 'vitest'
import { effectiveMonth } from './approve-application.js'

describe('the first month paid when a case is approved', () => {
  it('is the month after approval when the approval is on time', () => {
    expect(effectiveMonth('2026-10-14', '2026-10-14', '2026-11')).toBe('2026-11')
    expect(effectiveMonth(null, '2026-10-14', '2026-11')).toBe('2026-11')
  })
  it('is the month after the deadline when the approval was overdue (the months between are back pay)', () => {
    expect(effectiveMonth('2026-05-27', '2026-10-10', '2026-11')).toBe('2026-06')
    // Overdue by days within the same month: no earlier month.
    expect(effectiveMonth('2026-10-08', '2026-10-10', '2026-11')).toBe('2026-11')
    // A deadline in December: January across the year.
    expect(effectiveMonth('2025-12-30', '2026-02-03', '2026-03')).toBe('2026-01')
  })
})
