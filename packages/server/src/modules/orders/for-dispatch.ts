import { orderEvents } from '@yiyang/core'
import { and, eq, inArray, like, sql } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { DbOrTx } from '../../db/client.js'
import type { TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'
import { serviceOrders } from './orders.tables.js'

/**
 * What the dispatch module reads and writes of orders. The dispatch module has checked the
 * actor's permission and the plan's scope; these answer facts, and the write goes through
 * the orders flow (step `planAssign`, audited, timeline, event).
 */

/** Statuses a daily plan takes: accepted by the provider, or assigned by hand or by an earlier plan. */
export const plannableStatuses = ['accepted', 'assigned'] as const
/** Statuses of a visit that has begun: it never moves in a re-plan. */
export const startedStatuses = ['en_route', 'checked_in', 'recorded', 'checked_out', 'exception', 'confirmed', 'settled'] as const

export type TOrderForPlan = {
  id: string
  orderNo: string
  regionCode: string
  elderName: string
  addressMasked: string | null
  homeLat: number | null
  homeLng: number | null
  providerId: string
  caregiverId: string | null
  helperCaregiverId: string | null
  itemName: string
  skill: string
  staffCount: number
  serviceDate: string
  windowStart: Date | null
  plannedMinutes: number
  status: string
  createdAt: Date
}

const cols = {
  id: serviceOrders.id,
  orderNo: serviceOrders.orderNo,
  regionCode: serviceOrders.regionCode,
  elderName: serviceOrders.elderName,
  addressMasked: serviceOrders.addressMasked,
  homeLat: serviceOrders.homeLat,
  homeLng: serviceOrders.homeLng,
  providerId: serviceOrders.providerId,
  caregiverId: serviceOrders.caregiverId,
  helperCaregiverId: serviceOrders.helperCaregiverId,
  itemName: serviceOrders.itemName,
  skill: serviceOrders.skill,
  staffCount: serviceOrders.staffCount,
  serviceDate: serviceOrders.serviceDate,
  windowStart: serviceOrders.windowStart,
  plannedMinutes: serviceOrders.plannedMinutes,
  status: serviceOrders.status,
  createdAt: serviceOrders.createdAt,
}

/** The day's plannable orders of a provider, or of every provider in a street (region prefix). */
export async function ordersForPlanning(db: DbOrTx, q: { date: string; providerId?: string; regionPrefix?: string }): Promise<TOrderForPlan[]> {
  return db
    .select(cols)
    .from(serviceOrders)
    .where(
      and(
        eq(serviceOrders.serviceDate, q.date),
        inArray(serviceOrders.status, [...plannableStatuses]),
        q.providerId ? eq(serviceOrders.providerId, q.providerId) : undefined,
        q.regionPrefix ? like(serviceOrders.regionCode, `${q.regionPrefix}%`) : undefined,
      ),
    )
    .orderBy(serviceOrders.orderNo)
}

/** Orders by id (any status), for status and urgent-insertion checks. */
export async function ordersByIds(db: DbOrTx, ids: string[]): Promise<TOrderForPlan[]> {
  if (ids.length === 0) return []
  return db.select(cols).from(serviceOrders).where(inArray(serviceOrders.id, ids))
}

/**
 * The published plan assigns the order (or re-assigns it to another caregiver) through the
 * orders flow, and stores the planned start, the place in the caregiver's day and the second
 * caregiver of a double-staffed visit. An order already started, cancelled or out of the
 * actor's reach is refused (INVALID_TRANSITION / NOT_FOUND), never silently changed.
 */
export async function assignFromPlan(
  t: TxCtx,
  orderId: string,
  p: { caregiverId: string; helperCaregiverId: string | null; plannedStart: Date; planSeq: number; note: string },
): Promise<void> {
  if (!t.actor) throw new AppError('FORBIDDEN')
  await orderStep(t, await orderReach(t.tx, t.actor), orderId, {
    action: 'planAssign',
    note: p.note,
    patch: { caregiverId: p.caregiverId, helperCaregiverId: p.helperCaregiverId, plannedStart: p.plannedStart, planSeq: p.planSeq },
    event: { type: orderEvents.assigned, payload: (r) => ({ caregiverId: r.caregiverId }) },
  })
}

/**
 * The published plan takes a visit back from its caregiver (a sick caregiver's visit nobody
 * else can take): the order waits, accepted and unassigned, for the dispatcher. Only an
 * assigned order (the caregiver has not set out) is released.
 */
export async function releaseFromPlan(t: TxCtx, orderId: string, note: string): Promise<void> {
  if (!t.actor) throw new AppError('FORBIDDEN')
  await orderStep(t, await orderReach(t.tx, t.actor), orderId, {
    action: 'planRelease',
    note,
    patch: { caregiverId: null, helperCaregiverId: null, plannedStart: null, planSeq: null },
  })
}

/** Orders per UPDATE of planned times (3 parameters each, far below PostgreSQL's 65,535). */
const PLAN_TIMES_CHUNK = 1000

/**
 * A re-planned day moves planned starts (and places in the day) of orders that keep their
 * caregivers: those are facts of the plan, not a step of the order, so they are written
 * directly (no version bump: a dispatcher's open order form stays valid), for assigned orders
 * only, with one audit row for the batch.
 */
export async function updatePlannedTimes(t: TxCtx, regionCode: string, list: { id: string; plannedStart: Date; planSeq: number }[]): Promise<void> {
  if (list.length === 0) return
  // One statement per chunk, not one per order: a re-planned day shifts dozens of starts at once.
  for (let i = 0; i < list.length; i += PLAN_TIMES_CHUNK) {
    const rows = list.slice(i, i + PLAN_TIMES_CHUNK).map((x) => sql`(${x.id}::uuid, ${x.plannedStart.toISOString()}::timestamptz, ${x.planSeq}::int)`)
    await t.tx.execute(sql`
      update ${serviceOrders} set planned_start = v.ps, plan_seq = v.seq
      from (values ${sql.join(rows, sql`, `)}) as v(id, ps, seq)
      where ${serviceOrders}.id = v.id and ${serviceOrders}.status = 'assigned'`)
  }
  await appendAudit(t, {
    action: 'order.plan_times_updated',
    entityType: 'order',
    entityId: null,
    regionCode,
    after: { orders: list.map((x) => ({ id: x.id, plannedStart: x.plannedStart.toISOString(), planSeq: x.planSeq })) },
  })
}
