import { describe, expect, it } from 'vitest'
import { elderInputWarnings, isValidPhoneText, normalizeIdNumberText, normalizePhoneText, parseIdNumber } from './index.js'

describe('normalizeIdNumberText', () => {
  it('removes spaces and dashes between digit groups and converts full-width characters', () => {
    expect(normalizeIdNumberText('620702 19521001 0338')).toBe('620702195210010338')
    expect(normalizeIdNumberText('620702-19521001-0338')).toBe('620702195210010338')
    expect(normalizeIdNumberText('６２０７０２１９５２１００１０３３ｘ')).toBe('62070219521001033X')
    expect(normalizeIdNumberText('\u3000620702195210010338 ')).toBe('620702195210010338')
  })
  it('lets parseIdNumber accept an 18-digit number typed in groups', () => {
    const p = parseIdNumber('620702 19521001 0338', '2026-11-30')
    expect(p.ok ? p.birthDate : p.message).toBe('1952-10-01')
  })
  it('keeps other characters so that validation still reports them', () => {
    expect(normalizeIdNumberText('62070219521001033?')).toBe('62070219521001033?')
  })
})

describe('normalizePhoneText', () => {
  it.each([
    ['139-1234-5670', '13912345670'],
    ['１３９１２３４５６７０', '13912345670'],
    ['139 1234 5671', '13912345671'],
    ['+86 139 1234 5670', '13912345670'],
    ['8613912345670', '13912345670'],
    ['(0936) 821-2345', '09368212345'],
    ['0936－8212345', '09368212345'],
  ])('%s → %s', (input, out) => {
    expect(normalizePhoneText(input)).toBe(out)
    expect(isValidPhoneText(input)).toBe(true)
  })
  it('rejects what is not a phone number after cleaning', () => {
    expect(isValidPhoneText('12345')).toBe(false)
    expect(isValidPhoneText('139-1234-567')).toBe(false)
  })
})

describe('elderInputWarnings', () => {
  it('warns about formula-like names, digits in names and elders under 60', () => {
    expect(elderInputWarnings({ name: '=张三', age: 70 }).map((w) => w.code)).toEqual(['name_formula'])
    expect(elderInputWarnings({ name: '张三2', age: 59 }).map((w) => w.code)).toEqual(['name_digits', 'under_min_age'])
    expect(elderInputWarnings({ name: '李秀英', age: 60 })).toEqual([])
  })
})
