import { describe, expect, it } from 'vitest'
import {
  decideVisitPlan,
  defaultVisitPlanRules,
  formatRate,
  isoWeekKey,
  isPeriodKey,
  nextPeriodKey,
  periodKeyOf,
  periodRange,
  previousPeriodKey,
  ruralMonthlyVisitRate,
  visitChecklistOn,
  visitRuleFacts,
  weeklyVisitRate,
} from './visits.js'

const TODAY = '2026-11-30'
const TOWN = '620702001001' // 居委会 001
const VILLAGE = '620702101201' // 村委会 201
const facts = (categories: string[], regionCode = TOWN) => visitRuleFacts({ categories, age: 70, status: 'active' }, regionCode)

describe('visit plan rules (S000 weekly, S002 rural monthly)', () => {
  it('weekly for 高龄, 失能 and town 独居 elders', () => {
    expect(decideVisitPlan(defaultVisitPlanRules, facts(['advanced_age']), TODAY)?.frequency).toBe('weekly')
    expect(decideVisitPlan(defaultVisitPlanRules, facts(['incapacitated']), TODAY)?.frequency).toBe('weekly')
    expect(decideVisitPlan(defaultVisitPlanRules, facts(['living_alone']), TODAY)?.frequency).toBe('weekly')
    expect(decideVisitPlan(defaultVisitPlanRules, facts(['incapacitated'], VILLAGE), TODAY)?.frequency).toBe('weekly')
  })
  it('monthly for rural 空巢, 独居, 留守 elders', () => {
    for (const c of ['empty_nest', 'living_alone', 'left_behind']) {
      const d = decideVisitPlan(defaultVisitPlanRules, facts([c], VILLAGE), TODAY)
      expect(d?.frequency, c).toBe('monthly')
      expect(d?.ruleId).toBe('rural_monthly')
    }
  })
  it('no plan for a town empty-nest elder or an elder with no risk category', () => {
    expect(decideVisitPlan(defaultVisitPlanRules, facts(['empty_nest']), TODAY)).toBeNull()
    expect(decideVisitPlan(defaultVisitPlanRules, facts(['min_subsistence']), TODAY)).toBeNull()
    expect(decideVisitPlan(defaultVisitPlanRules, facts([]), TODAY)).toBeNull()
  })
  it('the reason names the rule and the facts that matched', () => {
    expect(decideVisitPlan(defaultVisitPlanRules, facts(['advanced_age']), TODAY)?.reason).toMatch(/^高龄、失能、城镇独居老人每周探访（符合：/)
  })
  it('a village code is rural, a residents committee is not', () => {
    expect(visitRuleFacts({}, VILLAGE).rural).toBe(true)
    expect(visitRuleFacts({}, TOWN).rural).toBe(false)
  })
})

describe('periods in Asia/Shanghai', () => {
  it('ISO weeks: the week belongs to the year of its Thursday', () => {
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01')
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01')
    expect(isoWeekKey('2025-12-28')).toBe('2025-W52')
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53')
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01')
    expect(isoWeekKey('2026-11-30')).toBe('2026-W49')
  })
  it('a week turns at Shanghai midnight Sunday→Monday, i.e. 16:00 UTC', () => {
    expect(periodKeyOf('weekly', new Date('2026-11-29T15:59:59.999Z'))).toBe('2026-W48')
    expect(periodKeyOf('weekly', new Date('2026-11-29T16:00:00Z'))).toBe('2026-W49')
    expect(periodKeyOf('monthly', new Date('2026-11-30T15:59:59Z'))).toBe('2026-11')
    expect(periodKeyOf('monthly', new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
  })
  it('ranges are [start, end) instants and inclusive Shanghai dates', () => {
    const w = periodRange('2026-W49')
    expect(w.start.toISOString()).toBe('2026-11-29T16:00:00.000Z')
    expect(w.end.toISOString()).toBe('2026-12-06T16:00:00.000Z')
    expect([w.startDate, w.endDate]).toEqual(['2026-11-30', '2026-12-06'])
    const m = periodRange('2026-12')
    expect(m.start.toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(m.end.toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(periodRange('2028-02').endDate).toBe('2028-02-29')
  })
  it('next and previous periods cross years', () => {
    expect(nextPeriodKey('2026-W53')).toBe('2027-W01')
    expect(previousPeriodKey('2027-W01')).toBe('2026-W53')
    expect(nextPeriodKey('2026-12')).toBe('2027-01')
    expect(previousPeriodKey('2026-01')).toBe('2025-12')
  })
  it('validates keys', () => {
    expect(isPeriodKey('2026-W53')).toBe(true)
    expect(isPeriodKey('2025-W53')).toBe(false)
    expect(isPeriodKey('2026-13')).toBe(false)
    expect(isPeriodKey('2026-11')).toBe(true)
  })
  it('asks about heating only in the heating season', () => {
    expect(visitChecklistOn('2026-12-01')).toContain('heating')
    expect(visitChecklistOn('2026-07-01')).not.toContain('heating')
  })
})

describe('visit rates (domain.md §13)', () => {
  // Hand-computed: 4 weekly targets; A visited twice (counts once), B by phone (not allowed), C
  // by phone (allowed), D only the week before; E is not a target. 2 of 4 = 50%.
  const targets = [
    { elderId: 'A', allowPhone: false },
    { elderId: 'B', allowPhone: false },
    { elderId: 'C', allowPhone: true },
    { elderId: 'D', allowPhone: false },
  ]
  const visits = [
    { elderId: 'A', at: new Date('2026-11-30T01:00:00Z'), mode: 'home' as const },
    { elderId: 'A', at: new Date('2026-12-02T01:00:00Z'), mode: 'home' as const },
    { elderId: 'B', at: new Date('2026-12-01T01:00:00Z'), mode: 'phone' as const },
    { elderId: 'C', at: new Date('2026-12-06T15:59:00Z'), mode: 'phone' as const },
    { elderId: 'D', at: new Date('2026-11-29T15:59:00Z'), mode: 'home' as const },
    { elderId: 'E', at: new Date('2026-12-01T01:00:00Z'), mode: 'home' as const },
  ]
  it('周探访率 = target elders visited in the week / target elders', () => {
    expect(weeklyVisitRate(targets, visits, '2026-W49')).toEqual({ numerator: 2, denominator: 4, rate: 0.5, target: 1, met: false })
    expect(weeklyVisitRate(targets, visits, '2026-W48')).toMatchObject({ numerator: 1, denominator: 4, rate: 0.25 })
  })
  it('rural monthly rate, target 100% met only when every target elder was visited', () => {
    const r = ruralMonthlyVisitRate(targets.slice(0, 1), visits, '2026-12')
    expect(r).toEqual({ numerator: 1, denominator: 1, rate: 1, target: 1, met: true })
  })
  it('no targets is no rate, not 100%', () => {
    expect(weeklyVisitRate([], visits, '2026-W49')).toMatchObject({ numerator: 0, denominator: 0, rate: null, met: false })
    expect(formatRate(null)).toBe('—')
    expect(formatRate(2 / 3)).toBe('66.7%')
  })
})
