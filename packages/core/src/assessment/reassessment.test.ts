import { describe, expect, it } from 'vitest'
import { reassessmentDueDate, reassessmentState } from './reassessment.js'

describe('reassessmentDueDate', () => {
  it('defaults to 12 months after the effective date', () => {
    expect(reassessmentDueDate('2025-03-15')).toBe('2026-03-15')
  })
  it('takes a configurable interval and clamps to the month end', () => {
    expect(reassessmentDueDate('2025-08-31', 6)).toBe('2026-02-28')
    expect(reassessmentDueDate('2024-02-29')).toBe('2025-02-28')
  })
  it('rejects a non-positive interval', () => {
    expect(() => reassessmentDueDate('2025-01-01', 0)).toThrow()
  })
})

describe('reassessmentState', () => {
  it('is ok more than 30 days before the due date', () => {
    expect(reassessmentState('2026-03-15', '2026-02-12')).toBe('ok')
  })
  it('is due_soon within 30 days up to the due date itself', () => {
    expect(reassessmentState('2026-03-15', '2026-02-13')).toBe('due_soon')
    expect(reassessmentState('2026-03-15', '2026-03-15')).toBe('due_soon')
  })
  it('is overdue the day after the due date', () => {
    expect(reassessmentState('2026-03-15', '2026-03-16')).toBe('overdue')
  })
  it('takes a configurable due-soon window', () => {
    expect(reassessmentState('2026-03-15', '2026-03-01', 7)).toBe('ok')
    expect(reassessmentState('2026-03-15', '2026-03-08', 7)).toBe('due_soon')
  })
})
