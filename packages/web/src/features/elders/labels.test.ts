import { describe, expect, it } from 'vitest'
import { abilityLabel, historyValue } from './labels'

describe('elder history values', () => {
  it('shows statuses, levels and living arrangements in Chinese, never the code', () => {
    expect(historyValue('status', 'active')).toBe('在册')
    expect(historyValue('abilityLevel', 3, 'gbt42195')).toBe('3 级 能力重度受损')
    expect(historyValue('abilityLevel', null)).toBe('—')
    expect(historyValue('livingArrangement', 'with_children')).toBe('与子女同住')
    expect(historyValue('categories', ['living_alone', 'advanced_age'])).toBe('独居、高龄')
    expect(historyValue('note', '腿脚不便')).toBe('腿脚不便')
  })

  it("uses the standard's level names", () => {
    expect(abilityLabel(1, 'gbt42195')).toBe('能力轻度受损')
    expect(abilityLabel(1, 'mzt039')).toBe('轻度失能')
    expect(abilityLabel(null, null)).toBe('未评估')
  })
})
