import { fenToYuanString, splitPrice, type TPriceSplit } from '@yiyang/core'
import { and, eq, ne, notInArray, sql } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { creditHeldFen } from '../disbursement/index.js'
import { serviceOrders } from './orders.tables.js'

/**
 * The one seam between orders and the service-credit ledger of the disbursement module
 * (issue 18). At pricing: the elder's credits held in the ledger, less what the elder's other
 * live orders (priced, not yet settled, cancelled or no-show) have already reserved, is the
 * remaining entitlement; `subsidy = min(price, remaining)`, the rest self-pay. The credits are
 * spent at settlement (`spendServiceCredit`), which may find less than was reserved (credits
 * lapsed meanwhile): the order is then re-split there.
 */
export async function drawServiceCredit(
  t: TxCtx,
  input: { elderId: string; amountFen: number; orderId: string | null },
): Promise<TPriceSplit & { basis: string }> {
  // One elder's draws are serialised, so two orders requested at once cannot both reserve the last yuan.
  await t.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'credit:' + input.elderId}))`)
  const heldFen = await creditHeldFen(t, input.elderId)
  const [reserved] = await t.tx
    .select({ s: sql<string>`coalesce(sum(${serviceOrders.subsidyFen}), 0)` })
    .from(serviceOrders)
    .where(
      and(
        eq(serviceOrders.elderId, input.elderId),
        notInArray(serviceOrders.status, ['settled', 'cancelled', 'no_show']),
        input.orderId ? ne(serviceOrders.id, input.orderId) : undefined,
      ),
    )
  const reservedFen = Number(reserved?.s ?? 0)
  const split = splitPrice(input.amountFen, heldFen - reservedFen)
  const basis =
    heldFen === 0
      ? '老人没有服务补贴额度，全部自付'
      : `服务补贴额度余额 ${fenToYuanString(heldFen)} 元，其他未结算工单已占用 ${fenToYuanString(reservedFen)} 元，本单补贴 ${fenToYuanString(split.subsidyFen)} 元`
  return { ...split, basis }
}
