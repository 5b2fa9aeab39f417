import { ageOn, elderCategoryLabels, maskName, mealSplit, mealSubsidyTier, todayInShanghai, type TElderCategory, type TMealTime } from '@yiyang/core'
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { eldersForCounter } from '../elders/index.js'
import { canteenMenu, counterCanteen } from './meal-canteen.js'
import type { TMealElderCard } from './meals.schemas.js'
import { serviceOrders } from './orders.tables.js'

/**
 * The counter finds the elder by ID number or phone (normalised by core) among the active
 * elders of the canteen's service area, and shows a card without photo: masked name and ID,
 * age, the subsidy tier, the meal times already served today and the split of each meal.
 */
export async function findMealElder(ctx: Ctx, text: string): Promise<{ items: TMealElderCard[] }> {
  const canteen = await counterCanteen(ctx)
  const today = todayInShanghai(ctx.clock.now())
  const found = await eldersForCounter(ctx, { text, prefixes: canteen.serviceAreaPrefixes })
  if (!found.length) return { items: [] }
  const menu = await canteenMenu(ctx, canteen, today)
  const served = await ctx.db
    .select({ elderId: serviceOrders.elderId, mealTime: serviceOrders.mealTime })
    .from(serviceOrders)
    .where(
      and(
        inArray(
          serviceOrders.elderId,
          found.map((e) => e.id),
        ),
        eq(serviceOrders.serviceDate, today),
        isNotNull(serviceOrders.mealTime),
        ne(serviceOrders.status, 'cancelled'),
      ),
    )
  const items = found.map((e) => {
    const facts = { categories: e.categories, birthDate: e.birthDate, hukou: e.hukou }
    const tier = mealSubsidyTier(facts, today)
    return {
      elderId: e.id,
      nameMasked: maskName(e.name),
      idMasked: e.idMasked,
      sex: e.sex,
      age: ageOn(e.birthDate, today),
      tierLabel: tier?.label ?? null,
      categoryLabels: e.categories.filter((c): c is TElderCategory => c in elderCategoryLabels).map((c) => elderCategoryLabels[c]),
      servedToday: served.filter((s) => s.elderId === e.id && s.mealTime).map((s) => s.mealTime as TMealTime),
      quotes: menu.map((i) => {
        const s = mealSplit({ priceFen: i.priceFen, elder: facts, serviceDate: today, subsidisedEarlierThisMealTime: 0 })
        return { itemCode: i.code, itemName: i.name, priceFen: s.priceFen, subsidyFen: s.subsidyFen, selfPayFen: s.selfPayFen }
      }),
    }
  })
  return { items }
}
