/**
 * Meal aid (助餐, 敬老餐厅; issue 19 item 5): the subsidy of one canteen meal by the elder's
 * category, from a programme-like data table, and the split of the meal price into the
 * subsidy part (paid by the bureau to the canteen) and the self-pay part, in integer fen.
 *
 * Sources. S002 makes 助餐 the first of the 五助一护 home and community services on the basic
 * list, with "补助对象" named there and canteens (街道级以上日间照料中心) supplied by a food-safe
 * central kitchen (中央厨房统一配送); S004 builds 社区敬老餐厅; S000 names 特困, 失能, 独居 and
 * 留守 elders as the priority groups of the basic list. None of the seeds gives an amount per
 * meal, so every amount below is [DESIGN]: plausible demo figures, set here as data so the
 * bureau's real table replaces them without code.
 */
import { ageOn } from '../dates.js'
import { assertFen } from '../money.js'

export const mealTimes = ['lunch', 'dinner'] as const
export type TMealTime = (typeof mealTimes)[number]
export const mealTimeLabels = { lunch: '午餐', dinner: '晚餐' } as const satisfies Record<TMealTime, string>

/** The meal time a counter proposes at this Shanghai hour: dinner from 15:00, lunch before. */
export function mealTimeAt(now: Date): TMealTime {
  const hour = (now.getUTCHours() + 8) % 24
  return hour >= 15 ? 'dinner' : 'lunch'
}

/**
 * One tier of the meal subsidy table. An elder is in the first tier whose conditions all hold:
 * any of `categories` (empty: no category needed), age at least `minAge`, local hukou when `localOnly`.
 */
export type TMealSubsidyTier = {
  code: string
  label: string
  categories: readonly string[]
  minAge: number
  localOnly: boolean
  subsidyFen: number
  basis: string
}

export type TMealSubsidyTable = {
  /** Subsidised meals per elder per meal time per day (the rest of that meal time is full self-pay). */
  maxPerMealTime: number
  tiers: readonly TMealSubsidyTier[]
}

const DESIGN = '[DESIGN] 种子政策未规定每餐补贴金额，按演示标准设定（S002 五助一护“助餐”，S004 社区敬老餐厅）'

/** 助餐补贴标准 (demo district), highest tier first. */
export const mealSubsidyTable: TMealSubsidyTable = {
  maxPerMealTime: 1,
  tiers: [
    {
      code: 'destitute',
      label: '特困人员',
      categories: ['destitute', 'dispersed_support', 'centralized_support'],
      minAge: 60,
      localOnly: true,
      subsidyFen: 800,
      basis: DESIGN,
    },
    {
      code: 'min_subsistence',
      label: '低保、低保边缘',
      categories: ['min_subsistence', 'near_min_subsistence'],
      minAge: 60,
      localOnly: true,
      subsidyFen: 500,
      basis: DESIGN,
    },
    { code: 'advanced_age', label: '80周岁及以上高龄老人', categories: [], minAge: 80, localOnly: true, subsidyFen: 300, basis: DESIGN },
    { code: 'general', label: '其他60周岁及以上本地老人', categories: [], minAge: 60, localOnly: true, subsidyFen: 100, basis: DESIGN },
  ],
}

export type TMealElder = { categories: readonly string[]; birthDate: string; hukou: 'local' | 'non_local' | string }

/** The elder's tier on the service date, or null (non-local, under 60: no subsidy). */
export function mealSubsidyTier(elder: TMealElder, serviceDate: string, table: TMealSubsidyTable = mealSubsidyTable): TMealSubsidyTier | null {
  const age = ageOn(elder.birthDate, serviceDate)
  return (
    table.tiers.find(
      (t) =>
        age >= t.minAge && (!t.localOnly || elder.hukou === 'local') && (t.categories.length === 0 || t.categories.some((c) => elder.categories.includes(c))),
    ) ?? null
  )
}

export type TMealSplit = { priceFen: number; subsidyFen: number; selfPayFen: number; tierCode: string | null; basis: string }

/**
 * The split of one meal: `subsidy = min(price, tier amount)` while the elder has had fewer than
 * `maxPerMealTime` subsidised meals at this meal time today, else 0; `selfPay = price − subsidy`.
 * No rounding: every amount is whole fen.
 */
export function mealSplit(
  input: { priceFen: number; elder: TMealElder; serviceDate: string; subsidisedEarlierThisMealTime: number },
  table: TMealSubsidyTable = mealSubsidyTable,
): TMealSplit {
  const priceFen = assertFen(input.priceFen, '餐价')
  if (priceFen < 0) throw new RangeError('餐价不能为负')
  const tier = mealSubsidyTier(input.elder, input.serviceDate, table)
  if (!tier) return { priceFen, subsidyFen: 0, selfPayFen: priceFen, tierCode: null, basis: '不在助餐补贴对象范围内（非本地户籍或未满60周岁），全额自付' }
  if (input.subsidisedEarlierThisMealTime >= table.maxPerMealTime)
    return { priceFen, subsidyFen: 0, selfPayFen: priceFen, tierCode: tier.code, basis: `同一餐次每天限补贴 ${table.maxPerMealTime} 份，本份全额自付` }
  const subsidyFen = Math.min(priceFen, assertFen(tier.subsidyFen, '补贴标准'))
  return {
    priceFen,
    subsidyFen,
    selfPayFen: priceFen - subsidyFen,
    tierCode: tier.code,
    basis: `${tier.label}每餐补贴 ${(tier.subsidyFen / 100).toFixed(2)} 元`,
  }
}
