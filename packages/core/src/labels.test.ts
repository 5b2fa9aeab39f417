import { describe, expect, it } from 'vitest'
import { elderCategories, elderCategoryLabels } from './categories.js'
import { abilityLevelLabel, abilityLevelName, abilityLevelNames, fieldLabel, fieldLabels, valueLabel } from './labels.js'
import { roleLabels, roles } from './roles.js'

const hasLatin = (s: string) => /[A-Za-z_]{2,}/.test(s.replace(/GB\/T|MZ\/T|API|IP/g, ''))

describe('label catalogue', () => {
  it("names ability levels by the standard's names, not the common ones", () => {
    expect(abilityLevelName(1)).toBe('能力轻度受损')
    expect(abilityLevelName(1, 'gbt42195_2022')).toBe('能力轻度受损')
    expect(abilityLevelName(3, 'gbt42195')).toBe('能力重度受损')
    expect(abilityLevelName(1, 'mzt039')).toBe('轻度失能')
    expect(abilityLevelName(null)).toBeNull()
    expect(abilityLevelLabel(3, 'gbt42195')).toBe('3 级 能力重度受损')
    expect(abilityLevelLabel(null)).toBe('未评估')
    expect(abilityLevelNames('gbt42195_2022')).toEqual(['能力完好', '能力轻度受损', '能力中度受损', '能力重度受损', '能力完全丧失'])
  })

  it('turns the raw values seen in history and audit into Chinese', () => {
    expect(valueLabel('status', 'active', { entity: 'elder' })).toBe('在册')
    expect(valueLabel('status', 'active', { entity: 'user' })).toBe('正常')
    expect(valueLabel('status', 'effective', { entity: 'assessment' })).toBe('已生效')
    expect(valueLabel('livingArrangement', 'with_children')).toBe('与子女同住')
    expect(valueLabel('livingArrangement', 'living_alone')).toBe('独居')
    expect(valueLabel('abilityLevel', 3, { scale: 'gbt42195' })).toBe('3 级 能力重度受损')
    expect(valueLabel('categories', ['min_subsistence', 'advanced_age'])).toBe('低保、高龄')
    expect(valueLabel('role', 'street_officer')).toBe('街道(乡镇)工作人员')
    expect(valueLabel('scale', 'mzt039_2013')).toContain('MZ/T 039')
    expect(valueLabel('hasFamilyDoctor', true)).toBe('是')
    expect(valueLabel('note', 'free text')).toBeUndefined()
  })

  it('has a Chinese name for every field and every coded value, with no English in it', () => {
    for (const [k, v] of Object.entries(fieldLabels)) expect(hasLatin(v), `${k}: ${v}`).toBe(false)
    expect(fieldLabel('livingArrangement')).toBe('居住情况')
    expect(fieldLabel('name', 'elder')).toBe('姓名')
    expect(fieldLabel('status', 'assessment')).toBe('状态')
    for (const c of elderCategories) expect(hasLatin(elderCategoryLabels[c])).toBe(false)
    for (const r of roles) expect(hasLatin(roleLabels[r])).toBe(false)
  })
})
