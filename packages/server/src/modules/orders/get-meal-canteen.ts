import { mealTimeAt, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { canteenMenu, counterCanteen } from './meal-canteen.js'
import type { TCanteen } from './meals.schemas.js'

/** The counter's header: which canteen, its central kitchen, today's menu and the meal time now. */
export async function getMealCanteen(ctx: Ctx): Promise<TCanteen> {
  const canteen = await counterCanteen(ctx)
  const now = ctx.clock.now()
  const menu = await canteenMenu(ctx, canteen)
  return {
    id: canteen.id,
    name: canteen.name,
    address: canteen.address,
    supplierName: canteen.supplier?.name ?? null,
    serviceDate: todayInShanghai(now),
    mealTime: mealTimeAt(now),
    menu: menu.map((i) => ({ itemCode: i.code, itemName: i.name, priceFen: i.priceFen })),
  }
}
