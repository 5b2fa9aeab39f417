import { and, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { orderComplaints } from './complaints.tables.js'
import { serviceOrders } from './orders.tables.js'

/** Statuses of an order whose visit is done (exceptions count once a supervisor has resolved them). */
export const completedStatuses = ['checked_out', 'confirmed', 'settled'] as const

export const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

/**
 * The order facts of the KPIs and the star rating for the orders matching `where` with a service
 * date in `month`: completed orders, ratings given, check-outs with their late flag, and
 * complaints upheld against those orders.
 */
export async function orderKpiFacts(db: DbOrTx, where: SQL | undefined, month: string) {
  const { from, to } = monthRange(month)
  const inMonth = and(where, gte(serviceOrders.serviceDate, from), lte(serviceOrders.serviceDate, to))
  const [[agg], [complaints]] = await Promise.all([
    db
      .select({
        completed: sql<number>`count(*) filter (where ${inArray(serviceOrders.status, [...completedStatuses])})`,
        checkedOut: sql<number>`count(*) filter (where ${isNotNull(serviceOrders.checkOutAt)})`,
        late: sql<number>`count(*) filter (where ${isNotNull(serviceOrders.checkOutAt)} and 'late' = any(${serviceOrders.flags}))`,
        ratings: sql<number[] | null>`array_agg(${serviceOrders.rating}) filter (where ${isNotNull(serviceOrders.rating)})`,
      })
      .from(serviceOrders)
      .where(inMonth),
    db
      .select({ n: sql<number>`count(*)` })
      .from(orderComplaints)
      .innerJoin(serviceOrders, eq(serviceOrders.id, orderComplaints.orderId))
      .where(and(inMonth, eq(orderComplaints.status, 'upheld'))),
  ])
  const checkedOut = Number(agg?.checkedOut ?? 0)
  const late = Number(agg?.late ?? 0)
  return {
    completedOrders: Number(agg?.completed ?? 0),
    ratings: (agg?.ratings ?? []).map(Number),
    checkIns: Array.from({ length: checkedOut }, (_, i) => ({ late: i < late })),
    upheldComplaints: Number(complaints?.n ?? 0),
  }
}
