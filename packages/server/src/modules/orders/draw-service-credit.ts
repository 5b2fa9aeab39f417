import { monthlyServiceEntitlementFen, splitPrice, type TPriceSplit } from '@yiyang/core'
import { and, eq, ne, notInArray, sql } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { serviceOrders } from './orders.tables.js'

/**
 * The one seam to the service-credit ledger of the disbursement issue (issue 18), WHICH IS NOT
 * BUILT YET. Until it is, this computes the subsidy part from a documented rule (core
 * monthlyServiceEntitlementFen: a monthly entitlement by the elder's categories) minus what the
 * elder's other live orders of the month have drawn, and the caller records it on the order:
 * `subsidy = min(price, remaining)`, the rest self-pay. Cancelled and no-show orders draw nothing.
 * When issue 18 lands, this body calls its exported service function and nothing else changes.
 */
export async function drawServiceCredit(
  t: TxCtx,
  input: { elderId: string; amountFen: number; orderId: string | null; serviceDate: string; categories: readonly string[] },
): Promise<TPriceSplit & { basis: string }> {
  // One elder's draws are serialised, so two orders requested at once cannot both spend the last yuan.
  await t.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'credit:' + input.elderId}))`)
  const month = input.serviceDate.slice(0, 7)
  const entitlement = monthlyServiceEntitlementFen(input.categories)
  const [used] = await t.tx
    .select({ s: sql<string>`coalesce(sum(${serviceOrders.subsidyFen}), 0)` })
    .from(serviceOrders)
    .where(
      and(
        eq(serviceOrders.elderId, input.elderId),
        sql`to_char(${serviceOrders.serviceDate}, 'YYYY-MM') = ${month}`,
        notInArray(serviceOrders.status, ['cancelled', 'no_show']),
        input.orderId ? ne(serviceOrders.id, input.orderId) : undefined,
      ),
    )
  const remaining = entitlement - Number(used?.s ?? 0)
  const split = splitPrice(input.amountFen, remaining)
  const yuan = (f: number) => (f / 100).toFixed(2)
  const basis =
    entitlement === 0
      ? '无服务补贴额度（临时规则：按老人类别核定月度额度），全部自付'
      : `临时规则：${month} 月度服务额度 ${yuan(entitlement)} 元，本单前剩余 ${yuan(Math.max(0, remaining))} 元，补贴 ${yuan(split.subsidyFen)} 元`
  return { ...split, basis }
}
