import { todayInShanghai } from '@yiyang/core'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { itemsInForce } from '../catalog/index.js'
import { canteenFacts } from '../providers/index.js'

/**
 * The canteen a counter works for: the signed-in provider admin's own provider, which must be an
 * active canteen (助餐点 / 敬老餐厅). Anyone else (a home-care provider, the bureau) has no counter.
 */
export async function counterCanteen(ctx: Ctx) {
  requirePermission(ctx.actor, 'meal:serve')
  const canteen = ctx.actor.providerId ? await canteenFacts(ctx.db, ctx.actor.providerId) : null
  if (!canteen || canteen.status !== 'active') throw new AppError('FORBIDDEN', '只有在营助餐点（敬老餐厅）的工作人员可以登记用餐')
  return canteen
}

/** The canteen's meals on the list in force today where it is registered, at the list's price. */
export async function canteenMenu(
  t: Ctx | TxCtx,
  canteen: { regionCode: string; serviceItems: { itemCode: string }[] },
  date = todayInShanghai(t.clock.now()),
) {
  const codes = new Set(canteen.serviceItems.map((i) => i.itemCode))
  const items = await itemsInForce(t, { regionCode: canteen.regionCode, date })
  return items.filter((i) => i.category === 'meal' && codes.has(i.code))
}
