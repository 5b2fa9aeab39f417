import { describe, expect, it } from 'vitest'
import { mealSplit, mealSubsidyTable, mealSubsidyTier, mealTimeAt } from './meal.js'

const day = '2026-12-01'
const elder = (categories: string[], birthDate = '1950-06-01', hukou = 'local') => ({ categories, birthDate, hukou })
const split = (e: ReturnType<typeof elder>, priceFen = 1000, earlier = 0) =>
  mealSplit({ priceFen, elder: e, serviceDate: day, subsidisedEarlierThisMealTime: earlier })

describe('meal subsidy by category (助餐补贴)', () => {
  it('特困 (any of the three tags): 8.00 of a 10.00 meal, 2.00 self-pay', () => {
    for (const c of ['destitute', 'dispersed_support', 'centralized_support'])
      expect(split(elder([c]))).toMatchObject({ priceFen: 1000, subsidyFen: 800, selfPayFen: 200, tierCode: 'destitute' })
  })
  it('低保 and 低保边缘: 5.00', () => {
    expect(split(elder(['min_subsistence']))).toMatchObject({ subsidyFen: 500, selfPayFen: 500, tierCode: 'min_subsistence' })
    expect(split(elder(['near_min_subsistence']))).toMatchObject({ subsidyFen: 500, selfPayFen: 500 })
  })
  it('高龄: 80 on the birthday, 79 the day before', () => {
    expect(split(elder([], '1946-12-01'))).toMatchObject({ subsidyFen: 300, selfPayFen: 700, tierCode: 'advanced_age' })
    expect(split(elder([], '1946-12-02'))).toMatchObject({ subsidyFen: 100, selfPayFen: 900, tierCode: 'general' })
  })
  it('the highest tier wins: a 低保 elder of 85 gets the 低保 amount, a 特困 低保 elder the 特困 one', () => {
    expect(split(elder(['min_subsistence'], '1941-01-01')).subsidyFen).toBe(500)
    expect(split(elder(['min_subsistence', 'destitute'])).subsidyFen).toBe(800)
  })
  it('other local elders of 60 and over: 1.00; under 60 or non-local: nothing', () => {
    expect(split(elder(['living_alone']))).toMatchObject({ subsidyFen: 100, selfPayFen: 900 })
    expect(split(elder([], '1970-01-01'))).toMatchObject({ subsidyFen: 0, selfPayFen: 1000, tierCode: null })
    expect(split(elder(['destitute'], '1940-01-01', 'non_local'))).toMatchObject({ subsidyFen: 0, selfPayFen: 1000, tierCode: null })
  })
  it('never more than the price: a 6.00 meal for a 特困 elder is free', () => {
    expect(split(elder(['destitute']), 600)).toMatchObject({ subsidyFen: 600, selfPayFen: 0 })
    expect(split(elder(['destitute']), 0)).toMatchObject({ subsidyFen: 0, selfPayFen: 0 })
  })
  it('cap: one subsidised meal per meal time per day, a second one is full self-pay', () => {
    expect(split(elder(['min_subsistence']), 1000, 1)).toMatchObject({ subsidyFen: 0, selfPayFen: 1000, tierCode: 'min_subsistence' })
    expect(
      mealSplit(
        { priceFen: 1000, elder: elder(['min_subsistence']), serviceDate: day, subsidisedEarlierThisMealTime: 1 },
        { ...mealSubsidyTable, maxPerMealTime: 2 },
      ).subsidyFen,
    ).toBe(500)
  })
  it('subsidy + self-pay = price, to the fen, for every tier and price', () => {
    for (const e of [elder(['destitute']), elder(['min_subsistence']), elder([], '1940-01-01'), elder([]), elder([], '1990-01-01')])
      for (const p of [0, 1, 99, 100, 301, 799, 800, 1000, 1599]) {
        const s = split(e, p)
        expect(s.subsidyFen + s.selfPayFen).toBe(p)
        expect(s.subsidyFen).toBeGreaterThanOrEqual(0)
      }
  })
  it('rejects a price that is not whole fen', () => {
    expect(() => split(elder([]), 10.5)).toThrow(RangeError)
  })
  it('every tier is documented and marked [DESIGN] (the seeds give no amounts)', () => {
    for (const t of mealSubsidyTable.tiers) expect(t.basis).toContain('[DESIGN]')
    expect(mealSubsidyTier(elder(['destitute']), day)?.label).toBe('特困人员')
  })
  it('proposes lunch before 15:00 Shanghai time and dinner after', () => {
    expect(mealTimeAt(new Date('2026-12-01T03:30:00Z'))).toBe('lunch')
    expect(mealTimeAt(new Date('2026-12-01T09:30:00Z'))).toBe('dinner')
  })
})
