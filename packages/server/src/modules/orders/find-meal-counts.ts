import { addDays, mealTimes } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { providerNames } from '../providers/index.js'
import { mealTotals } from './meal-totals.js'
import type { TMealCounts } from './meals.schemas.js'
import { orderReach } from './orders.repo.js'

/** 每日用餐统计: meals of a day per canteen and meal time, subsidised or not, with the amounts. */
export async function findMealCounts(ctx: Ctx, q: { date: string; providerId?: string }): Promise<TMealCounts> {
  requirePermission(ctx.actor, 'order:read')
  const reach = await orderReach(ctx.db, ctx.actor)
  const totals = await mealTotals(ctx.db, reach, { from: q.date, to: addDays(q.date, 1), providerId: q.providerId })
  const names = await providerNames(
    ctx.db,
    totals.map((r) => r.providerId),
  )
  const rows = totals
    .map((r) => ({
      providerId: r.providerId,
      providerName: names.get(r.providerId) ?? '助餐点',
      mealTime: r.mealTime,
      subsidised: r.subsidised,
      unsubsidised: r.meals - r.subsidised,
      total: r.meals,
      subsidyFen: r.subsidyFen,
      selfPayFen: r.selfPayFen,
    }))
    .sort((a, b) => a.providerName.localeCompare(b.providerName, 'zh') || mealTimes.indexOf(a.mealTime) - mealTimes.indexOf(b.mealTime))
  return { date: q.date, rows }
}
