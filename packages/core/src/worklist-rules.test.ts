import { describe, expect, it } from 'vitest'
import { defaultWorklistRules, describeRule, evaluateRule, parseRule, ruleFieldsUsed, RuleValidationError, validateRule, type TRule } from './worklist-rules.js'

const TODAY = '2026-11-23'
const [aloneRule, poorRule, changeRule] = defaultWorklistRules.map((r) => r.rule as TRule)

describe('validateRule', () => {
  it('accepts the three default rules', () => {
    for (const r of defaultWorklistRules) expect(validateRule(r.rule)).toEqual({ ok: true, rule: r.rule })
  })
  it('reports an unknown field with its path in Chinese', () => {
    const r = validateRule({
      all: [
        { field: 'age', op: 'gte', value: 80 },
        { field: 'income', op: 'lt', value: 100 },
      ],
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'all[1].field', message: expect.stringContaining('未知字段：income') })
  })
  it('reports an unknown operator and an operator the field does not support', () => {
    const r1 = validateRule({ field: 'age', op: 'between', value: 80 })
    expect(!r1.ok && r1.errors[0].message).toContain('未知运算')
    const r2 = validateRule({ field: 'hasVisitPlan', op: 'gt', value: 1 })
    expect(!r2.ok && r2.errors[0].message).toContain('不支持运算')
  })
  it('reports a value of the wrong type or outside the field enum', () => {
    expect(validateRule({ field: 'age', op: 'gte', value: '80' }).ok).toBe(false)
    expect(validateRule({ field: 'livingArrangement', op: 'in', value: ['alone'] }).ok).toBe(false)
    expect(validateRule({ field: 'livingArrangement', op: 'in', value: [] }).ok).toBe(false)
    expect(validateRule({ field: 'categories', op: 'contains', value: 'rich' }).ok).toBe(false)
    expect(validateRule({ field: 'lastVisitDate', op: 'withinDays', value: -1 }).ok).toBe(false)
    expect(validateRule({ field: 'lastVisitDate', op: 'gte', value: '2026-02-30' }).ok).toBe(false)
  })
  it('reports structural problems: empty groups, two kinds in one node, extra keys, non-objects', () => {
    expect(validateRule({ all: [] }).ok).toBe(false)
    expect(validateRule({ all: [{ field: 'age', op: 'gte', value: 80 }], any: [] }).ok).toBe(false)
    expect(validateRule({ field: 'age', op: 'gte', value: 80, note: 'x' }).ok).toBe(false)
    expect(validateRule(null).ok).toBe(false)
    expect(validateRule('age >= 80').ok).toBe(false)
  })
  it('limits nesting depth', () => {
    let r: unknown = { field: 'age', op: 'gte', value: 80 }
    for (let i = 0; i < 12; i++) r = { not: r }
    const v = validateRule(r)
    expect(!v.ok && v.errors[0].message).toContain('嵌套过深')
  })
  it('collects every error and parseRule throws them together', () => {
    const bad = {
      all: [
        { field: 'x', op: 'eq', value: 1 },
        { field: 'age', op: 'gte' },
      ],
    }
    const v = validateRule(bad)
    expect(!v.ok && v.errors).toHaveLength(2)
    expect(() => parseRule(bad)).toThrow(RuleValidationError)
  })
})

describe('evaluateRule: age ≥ 80 living alone without a visit plan', () => {
  const facts = { age: 86, livingArrangement: 'living_alone', hasVisitPlan: false }
  it('matches an 86-year-old living alone with no visit plan and explains why', () => {
    const r = evaluateRule(aloneRule, facts, TODAY)
    expect(r.matched).toBe(true)
    expect(r.explanation).toBe('符合：年龄 ≥ 80（当前：86）；居住情况为独居（当前：独居）；有探访计划：否')
  })
  it('does not match once a visit plan exists, naming the failed condition', () => {
    const r = evaluateRule(aloneRule, { ...facts, hasVisitPlan: true }, TODAY)
    expect(r).toEqual({ matched: false, explanation: '不符合：有探访计划：否（当前：是）' })
  })
  it('does not match at 79 or when living with children', () => {
    expect(evaluateRule(aloneRule, { ...facts, age: 79 }, TODAY).matched).toBe(false)
    expect(evaluateRule(aloneRule, { ...facts, livingArrangement: 'with_children' }, TODAY).matched).toBe(false)
  })
  it('does not match when a fact is missing', () => {
    expect(evaluateRule(aloneRule, { age: 86, livingArrangement: 'living_alone' }, TODAY).matched).toBe(false)
  })
})

describe('evaluateRule: 特困/低保 without an assessment in 12 months', () => {
  it('matches a 低保 elder never assessed', () => {
    expect(evaluateRule(poorRule, { categories: ['min_subsistence'], lastAssessmentDate: null }, TODAY)).toEqual({
      matched: true,
      explanation: '符合：老年人类别包含特困人员或低保（当前：低保）；无最近能力评估日期',
    })
  })
  it('matches a 特困 elder assessed more than 365 days ago but not one assessed within the year', () => {
    expect(evaluateRule(poorRule, { categories: ['destitute'], lastAssessmentDate: '2025-11-22' }, TODAY).matched).toBe(true)
    expect(evaluateRule(poorRule, { categories: ['destitute'], lastAssessmentDate: '2025-11-23' }, TODAY).matched).toBe(false)
  })
  it('does not match elders in neither category', () => {
    expect(evaluateRule(poorRule, { categories: ['advanced_age'], lastAssessmentDate: null }, TODAY).matched).toBe(false)
    expect(evaluateRule(poorRule, { lastAssessmentDate: null }, TODAY).matched).toBe(false)
  })
})

describe('evaluateRule: category change in the last 30 days', () => {
  it('matches a change 30 days ago and not 31 days ago', () => {
    expect(evaluateRule(changeRule, { lastCategoryChangeAt: '2026-10-24' }, TODAY).matched).toBe(true)
    expect(evaluateRule(changeRule, { lastCategoryChangeAt: '2026-10-23' }, TODAY).matched).toBe(false)
  })
  it('reads ISO date-times as Shanghai dates', () => {
    // 2026-10-23T16:30Z is 00:30 on 24 October in Shanghai: 30 days ago.
    expect(evaluateRule(changeRule, { lastCategoryChangeAt: '2026-10-23T16:30:00Z' }, TODAY).matched).toBe(true)
    expect(evaluateRule(changeRule, { lastCategoryChangeAt: '2026-10-23T15:30:00Z' }, TODAY).matched).toBe(false)
  })
  it('does not match without any change', () => {
    expect(evaluateRule(changeRule, {}, TODAY).matched).toBe(false)
  })
})

describe('evaluateRule operators', () => {
  const ev = (rule: TRule, facts: Record<string, unknown>) => evaluateRule(rule, facts, TODAY).matched
  it('supports eq, ne, gt, gte, lt, lte on numbers', () => {
    expect(ev({ field: 'abilityLevel', op: 'eq', value: 2 }, { abilityLevel: 2 })).toBe(true)
    expect(ev({ field: 'abilityLevel', op: 'ne', value: 2 }, { abilityLevel: 3 })).toBe(true)
    expect(ev({ field: 'abilityLevel', op: 'gt', value: 2 }, { abilityLevel: 2 })).toBe(false)
    expect(ev({ field: 'abilityLevel', op: 'gte', value: 2 }, { abilityLevel: 2 })).toBe(true)
    expect(ev({ field: 'abilityLevel', op: 'lt', value: 2 }, { abilityLevel: 1 })).toBe(true)
    expect(ev({ field: 'abilityLevel', op: 'lte', value: 2 }, { abilityLevel: 3 })).toBe(false)
  })
  it('compares dates', () => {
    expect(ev({ field: 'lastVisitDate', op: 'lt', value: '2026-01-01' }, { lastVisitDate: '2025-12-31' })).toBe(true)
  })
  it('supports any, not and isNull false', () => {
    expect(
      ev(
        {
          any: [
            { field: 'age', op: 'gte', value: 90 },
            { field: 'hukou', op: 'eq', value: 'non_local' },
          ],
        },
        { age: 70, hukou: 'non_local' },
      ),
    ).toBe(true)
    expect(ev({ not: { field: 'status', op: 'eq', value: 'active' } }, { status: 'deceased' })).toBe(true)
    expect(ev({ field: 'lastVisitDate', op: 'isNull', value: false }, { lastVisitDate: '2026-01-01' })).toBe(true)
    expect(ev({ field: 'categories', op: 'isNull' }, { categories: [] })).toBe(true)
  })
  it('treats a missing fact as unequal but not as less or greater', () => {
    expect(ev({ field: 'age', op: 'ne', value: 80 }, {})).toBe(true)
    expect(ev({ field: 'age', op: 'lt', value: 80 }, {})).toBe(false)
    expect(ev({ field: 'age', op: 'eq', value: null }, {})).toBe(true)
  })
})

describe('rule descriptions', () => {
  it('describes a rule in Chinese and lists the facts it reads', () => {
    expect(describeRule(aloneRule)).toBe('年龄 ≥ 80，且居住情况为独居，且有探访计划：否')
    expect(describeRule(poorRule)).toBe('老年人类别包含特困人员或低保，且（无最近能力评估日期，或最近能力评估日期早于365天前）')
    expect(ruleFieldsUsed(poorRule)).toEqual(['categories', 'lastAssessmentDate'])
  })
})
