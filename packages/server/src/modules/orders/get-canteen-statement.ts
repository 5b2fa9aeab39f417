import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { canteenSuppliers, providerNames } from '../providers/index.js'
import { mealTotals, monthRange } from './meal-totals.js'
import type { TCanteenStatement, TCanteenStatementQuery } from './meals.schemas.js'
import { orderReach } from './orders.repo.js'

/** 助餐点月度结算 (on screen): per canteen, the month's meals, subsidised meals, subsidy and self-pay in fen. */
export async function getCanteenStatement(ctx: Ctx, q: TCanteenStatementQuery): Promise<TCanteenStatement> {
  requirePermission(ctx.actor, 'order:read')
  const reach = await orderReach(ctx.db, ctx.actor)
  const totals = await mealTotals(ctx.db, reach, { ...monthRange(q.month), providerId: q.providerId })
  const byProvider = new Map<string, { meals: number; subsidisedMeals: number; priceFen: number; subsidyFen: number; selfPayFen: number }>()
  for (const r of totals) {
    const s = byProvider.get(r.providerId) ?? { meals: 0, subsidisedMeals: 0, priceFen: 0, subsidyFen: 0, selfPayFen: 0 }
    s.meals += r.meals
    s.subsidisedMeals += r.subsidised
    s.priceFen += r.priceFen
    s.subsidyFen += r.subsidyFen
    s.selfPayFen += r.selfPayFen
    byProvider.set(r.providerId, s)
  }
  const ids = [...byProvider.keys()]
  const [names, suppliers] = await Promise.all([providerNames(ctx.db, ids), canteenSuppliers(ctx.db, ids)])
  const rows = ids
    .map((id) => ({ providerId: id, providerName: names.get(id) ?? '助餐点', supplierName: suppliers.get(id) ?? null, ...byProvider.get(id)! }))
    .sort((a, b) => a.providerName.localeCompare(b.providerName, 'zh'))
  return { month: q.month, rows }
}
