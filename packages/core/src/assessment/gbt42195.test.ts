import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { AssessmentInputError, icd10ImpliesDementiaOrMental, icd10IsDementia, riskEventTypes, sumRiskEvents } from './common.js'
import {
  gbt42195Dimensions,
  gbt42195ItemCodes,
  gbt42195Items,
  gbt42195ItemsByCode,
  gbt42195LevelInfo,
  gbt42195LevelLabel,
  type TGbt42195ItemCode,
} from './gbt42195-catalogue.js'
import { gbt42195InitialLevel, gbt42195UniformItems, scoreAbilityGbt42195 } from './gbt42195.js'

const full = () => gbt42195UniformItems(4)
const none = { coma: false, dementiaOrMentalDisorder: false, riskEvents30d: 0 }

/** Items totalling exactly `total`: start from all maximum and remove points item by item. */
function itemsWithTotal(total: number): Record<TGbt42195ItemCode, number> {
  const items = full()
  let toRemove = 90 - total
  for (const code of gbt42195ItemCodes) {
    const take = Math.min(items[code], toRemove)
    items[code] -= take
    toRemove -= take
  }
  return items
}

const score = (total: number, flags: Partial<typeof none> = {}) => scoreAbilityGbt42195({ items: itemsWithTotal(total), ...none, ...flags })

describe('GB/T 42195 catalogue', () => {
  it('has 26 items in four dimensions with maxima 32/15/28/15 (total 90)', () => {
    expect(gbt42195Items).toHaveLength(26)
    const maxima = gbt42195Dimensions.map((d) => d.itemCodes.reduce((s, c) => s + gbt42195ItemsByCode[c].maxPoints, 0))
    expect(maxima).toEqual([32, 15, 28, 15])
    expect(gbt42195Dimensions.map((d) => d.maxPoints)).toEqual([32, 15, 28, 15])
    expect(gbt42195Dimensions.map((d) => d.itemCodes.length)).toEqual([8, 4, 9, 5])
  })
  it('gives every item one option per point from its maximum down to 0, each with a Chinese description', () => {
    for (const item of gbt42195Items) {
      expect(item.options.map((o) => o.points)).toEqual(Array.from({ length: item.maxPoints + 1 }, (_, i) => item.maxPoints - i))
      for (const o of item.options) expect(o.description).toMatch(/[\u4e00-\u9fff]/)
    }
  })
  it('restricts B.2.4 to 0–3, B.3.7/B.3.8 to 0–1, B.3.9/B.4.1/B.4.2 to 0–2 and B.4.4 to 0–3', () => {
    const max = (c: TGbt42195ItemCode) => gbt42195ItemsByCode[c].maxPoints
    expect([max('B.2.4'), max('B.3.7'), max('B.3.8'), max('B.3.9'), max('B.4.1'), max('B.4.2'), max('B.4.4')]).toEqual([3, 1, 1, 2, 2, 2, 3])
  })
  it('names the levels 能力完好 … 能力完全丧失 with common names', () => {
    expect(gbt42195LevelInfo.map((l) => l.name)).toEqual(['能力完好', '能力轻度受损', '能力中度受损', '能力重度受损', '能力完全丧失'])
    expect(gbt42195LevelLabel(1)).toBe('能力轻度受损（轻度失能）')
    expect(gbt42195LevelLabel(0)).toBe('能力完好')
  })
})

describe('scoreAbilityGbt42195 worked examples (domain.md §5.1)', () => {
  it('rates all maximum (90) as level 0', () => {
    const r = scoreAbilityGbt42195({ items: full(), ...none })
    expect(r).toMatchObject({
      dimensions: { selfCare: 32, basicMobility: 15, mentalState: 28, perceptionSocial: 15 },
      total: 90,
      initialLevel: 0,
      finalLevel: 0,
    })
  })
  it('rates one point lost (89) as level 1', () => {
    expect(score(89)).toMatchObject({ total: 89, initialLevel: 1, finalLevel: 1 })
  })
  it.each([
    [66, 1],
    [65, 2],
    [46, 2],
    [45, 3],
    [30, 3],
    [29, 4],
  ])('rates the boundary total %i as level %i', (total, level) => {
    expect(score(total)).toMatchObject({ total, initialLevel: level, finalLevel: level })
  })
  it('rates all zero as level 4', () => {
    expect(scoreAbilityGbt42195({ items: gbt42195UniformItems(0), ...none })).toMatchObject({ total: 0, finalLevel: 4 })
  })
  it('raises intact with dementia (F03) to level 1', () => {
    const r = score(90, { dementiaOrMentalDisorder: true })
    expect(r).toMatchObject({ initialLevel: 0, finalLevel: 1 })
    expect(r.reasons).toContain('诊断痴呆或精神障碍，等级提高一级')
  })
  it('raises intact with one fall and one wandering (2 events) to level 1', () => {
    expect(score(90, { riskEvents30d: sumRiskEvents({ fall: 1, wandering: 1 }) })).toMatchObject({ finalLevel: 1 })
  })
  it('keeps intact with one fall at level 0', () => {
    expect(score(90, { riskEvents30d: 1 })).toMatchObject({ finalLevel: 0 })
  })
  it('raises dementia and two falls at 70 only once, to level 2', () => {
    const r = score(70, { dementiaOrMentalDisorder: true, riskEvents30d: 2 })
    expect(r).toMatchObject({ total: 70, initialLevel: 1, finalLevel: 2 })
    expect(r.reasons).toContain('总分 70 分，初步等级为能力轻度受损（1 级）')
    expect(r.reasons.some((s) => s.includes('只提高一次'))).toBe(true)
  })
  it('raises severe (35) with dementia (F00) to level 4', () => {
    expect(score(35, { dementiaOrMentalDisorder: true })).toMatchObject({ initialLevel: 3, finalLevel: 4 })
  })
  it('caps total loss (10) with F20 and 3 events at level 4', () => {
    const r = score(10, { dementiaOrMentalDisorder: true, riskEvents30d: 3 })
    expect(r).toMatchObject({ initialLevel: 4, finalLevel: 4 })
    expect(r.reasons.some((s) => s.includes('不再提高'))).toBe(true)
  })
  it('rates coma at a high score (60) as level 4', () => {
    const r = score(60, { coma: true })
    expect(r).toMatchObject({ initialLevel: 2, finalLevel: 4 })
    expect(r.reasons.some((s) => s.includes('昏迷'))).toBe(true)
  })
  it('stacks the two raises when the stacking setting is on', () => {
    expect(
      scoreAbilityGbt42195({ items: itemsWithTotal(70), coma: false, dementiaOrMentalDisorder: true, riskEvents30d: 2 }, { stackAdjustments: true }),
    ).toMatchObject({ finalLevel: 3 })
  })
  it('ends the reasons with the final level', () => {
    expect(score(50).reasons.at(-1)).toBe('最终等级为能力中度受损（2 级）')
  })
})

describe('scoreAbilityGbt42195 input validation', () => {
  const withItem = (code: string, value: unknown) => ({ ...none, items: { ...full(), [code]: value } as Record<TGbt42195ItemCode, number> })
  const thrown = (f: () => unknown): AssessmentInputError => {
    try {
      f()
    } catch (e) {
      if (e instanceof AssessmentInputError) return e
      throw e
    }
    throw new Error('did not throw')
  }

  it('rejects B.2.4 = 4 and B.3.7 = 2 naming the item', () => {
    const e1 = thrown(() => scoreAbilityGbt42195(withItem('B.2.4', 4)))
    expect(e1.item).toBe('B.2.4')
    expect(e1.message).toContain('B.2.4')
    const e2 = thrown(() => scoreAbilityGbt42195(withItem('B.3.7', 2)))
    expect(e2.item).toBe('B.3.7')
  })
  it.each(gbt42195ItemCodes.map((c) => [c, gbt42195ItemsByCode[c].maxPoints] as const))('rejects %s above its maximum %i and below 0', (code, max) => {
    expect(thrown(() => scoreAbilityGbt42195(withItem(code, max + 1))).item).toBe(code)
    expect(thrown(() => scoreAbilityGbt42195(withItem(code, -1))).item).toBe(code)
    expect(() => scoreAbilityGbt42195(withItem(code, max))).not.toThrow()
  })
  it('rejects a missing item, naming it', () => {
    const items: Partial<Record<TGbt42195ItemCode, number>> = full()
    delete items['B.3.4']
    const e = thrown(() => scoreAbilityGbt42195({ ...none, items: items as Record<TGbt42195ItemCode, number> }))
    expect(e.item).toBe('B.3.4')
    expect(e.message).toContain('B.3.4')
  })
  it('rejects an unknown item, naming it', () => {
    expect(thrown(() => scoreAbilityGbt42195(withItem('B.5.1', 1))).item).toBe('B.5.1')
  })
  it('rejects non-integer values', () => {
    expect(thrown(() => scoreAbilityGbt42195(withItem('B.1.1', 2.5))).item).toBe('B.1.1')
    expect(thrown(() => scoreAbilityGbt42195(withItem('B.1.1', '3'))).item).toBe('B.1.1')
    expect(thrown(() => scoreAbilityGbt42195(withItem('B.1.1', Number.NaN))).item).toBe('B.1.1')
  })
  it('rejects a negative or fractional risk-event count', () => {
    expect(thrown(() => scoreAbilityGbt42195({ ...none, items: full(), riskEvents30d: -1 })).item).toBe('riskEvents30d')
    expect(thrown(() => scoreAbilityGbt42195({ ...none, items: full(), riskEvents30d: 1.5 })).item).toBe('riskEvents30d')
  })
})

const itemsArb = fc.record(
  Object.fromEntries(gbt42195Items.map((i) => [i.code, fc.integer({ min: 0, max: i.maxPoints })])) as Record<TGbt42195ItemCode, fc.Arbitrary<number>>,
)

describe('scoreAbilityGbt42195 properties', () => {
  it('total equals the sum of the items and of the dimensions', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const r = scoreAbilityGbt42195({ items, ...none })
        const sum = Object.values(items).reduce((a, b) => a + b, 0)
        const d = r.dimensions
        return r.total === sum && d.selfCare + d.basicMobility + d.mentalState + d.perceptionSocial === sum
      }),
    )
  })
  it('dimension subtotals never exceed 32/15/28/15', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const d = scoreAbilityGbt42195({ items, ...none }).dimensions
        return d.selfCare <= 32 && d.basicMobility <= 15 && d.mentalState <= 28 && d.perceptionSocial <= 15
      }),
    )
  })
  it('the initial level never improves when any item decreases', () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom(...gbt42195ItemCodes), fc.integer({ min: 1, max: 4 }), (items, code, by) => {
        const before = scoreAbilityGbt42195({ items, ...none }).initialLevel
        const lowered = { ...items, [code]: Math.max(0, items[code] - by) }
        return scoreAbilityGbt42195({ items: lowered, ...none }).initialLevel >= before
      }),
    )
  })
  it('the final level is never better than the initial level and never above 4', () => {
    fc.assert(
      fc.property(itemsArb, fc.boolean(), fc.boolean(), fc.nat(15), (items, coma, dementiaOrMentalDisorder, riskEvents30d) => {
        const r = scoreAbilityGbt42195({ items, coma, dementiaOrMentalDisorder, riskEvents30d })
        return r.finalLevel >= r.initialLevel && r.finalLevel <= 4 && (!coma || r.finalLevel === 4)
      }),
    )
  })
  it('the initial level matches the documented total bands', () => {
    for (let t = 0; t <= 90; t++) {
      const info = gbt42195LevelInfo.find((l) => t >= l.minTotal && t <= l.maxTotal)!
      expect(gbt42195InitialLevel(t)).toBe(info.level)
    }
  })
})

describe('risk events and ICD-10', () => {
  it('lists the five A.2.14 risk event types', () => {
    expect(riskEventTypes).toEqual(['fall', 'wandering', 'choking', 'suicide_self_harm', 'other'])
  })
  it('sums counts across types with 3 meaning 3 or more', () => {
    expect(sumRiskEvents({ fall: 1, wandering: 1 })).toBe(2)
    expect(sumRiskEvents({ fall: 3, choking: 3, other: 0 })).toBe(6)
    expect(sumRiskEvents({})).toBe(0)
  })
  it('rejects counts outside 0–3 and unknown types', () => {
    expect(() => sumRiskEvents({ fall: 4 })).toThrow(AssessmentInputError)
    expect(() => sumRiskEvents({ fall: -1 })).toThrow(AssessmentInputError)
    expect(() => sumRiskEvents({ flood: 1 } as never)).toThrow(AssessmentInputError)
  })
  it('flags F00–F99 as dementia or mental disorder and nothing else', () => {
    for (const c of ['F00', 'F03', 'f03.9', 'F20.0', 'F99', ' F32 ']) expect(icd10ImpliesDementiaOrMental(c)).toBe(true)
    for (const c of ['I10', 'E11', 'I63', 'G30', 'F', 'F1', '']) expect(icd10ImpliesDementiaOrMental(c)).toBe(false)
    expect(icd10IsDementia('F02.8')).toBe(true)
    expect(icd10IsDementia('F04')).toBe(false)
  })
})

describe('form helpers', () => {
  it('lists unanswered or invalid items in form order', async () => {
    const { missingGbt42195Items, gbt42195DimensionScores } = await import('./gbt42195.js')
    expect(missingGbt42195Items({ ...gbt42195UniformItems(4), 'B.1.2': undefined, 'B.2.4': 4 })).toEqual(['B.1.2', 'B.2.4'])
    expect(missingGbt42195Items(gbt42195UniformItems(2))).toEqual([])
    expect(gbt42195DimensionScores({ 'B.1.1': 4, 'B.4.5': 2 })).toEqual({ selfCare: 4, basicMobility: 0, mentalState: 0, perceptionSocial: 2 })
  })
})
