import { addMonths, mealTimes, type TMealTime } from '@yiyang/core'
import { and, asc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { orderWhere, type TOrderReach } from './orders.repo.js'
import { serviceOrders } from './orders.tables.js'

/**
 * Served canteen meals (settled meal orders) in the reach of the actor — a canteen its own, the
 * bureau and streets by the elder's region — summed by canteen, meal time and day. The one query
 * behind the daily counts, the monthly statement and its Excel file.
 */
export async function mealTotals(db: DbOrTx, reach: TOrderReach, q: { from: string; to: string; providerId?: string | null }) {
  const rows = await db
    .select({
      providerId: serviceOrders.providerId,
      serviceDate: serviceOrders.serviceDate,
      mealTime: serviceOrders.mealTime,
      meals: sql<number>`count(*)::int`,
      subsidised: sql<number>`(count(*) filter (where ${serviceOrders.subsidyFen} > 0))::int`,
      priceFen: sql<number>`coalesce(sum(${serviceOrders.priceFen}), 0)::int`,
      subsidyFen: sql<number>`coalesce(sum(${serviceOrders.subsidyFen}), 0)::int`,
      selfPayFen: sql<number>`coalesce(sum(${serviceOrders.selfPayFen}), 0)::int`,
    })
    .from(serviceOrders)
    .where(
      and(
        orderWhere(reach),
        isNotNull(serviceOrders.mealTime),
        eq(serviceOrders.status, 'settled'),
        gte(serviceOrders.serviceDate, q.from),
        lt(serviceOrders.serviceDate, q.to),
        q.providerId ? eq(serviceOrders.providerId, q.providerId) : undefined,
      ),
    )
    .groupBy(serviceOrders.providerId, serviceOrders.serviceDate, serviceOrders.mealTime)
    .orderBy(asc(serviceOrders.providerId), asc(serviceOrders.serviceDate), asc(serviceOrders.mealTime))
  // Lunch before dinner within a day (the column sorts them the other way round).
  return rows
    .map((r) => ({ ...r, mealTime: r.mealTime as TMealTime }))
    .sort(
      (a, b) =>
        a.providerId.localeCompare(b.providerId) || a.serviceDate.localeCompare(b.serviceDate) || mealTimes.indexOf(a.mealTime) - mealTimes.indexOf(b.mealTime),
    )
}

export const monthRange = (month: string) => ({ from: `${month}-01`, to: addMonths(`${month}-01`, 1) })
