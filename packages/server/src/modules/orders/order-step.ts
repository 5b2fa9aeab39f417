import { orderFlow, type TOrderAction } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { assertCanStep, runStep } from '../../platform/workflow.js'
import { getUsersBrief } from '../accounts/index.js'
import { orderAuditSnapshot } from './orders.mapper.js'
import { getOrderInScope, type TOrderReach, type TOrderRow } from './orders.repo.js'
import { serviceOrderEvents, serviceOrders } from './orders.tables.js'

export type TOrderStepSpec = {
  action: TOrderAction
  patch?: Partial<typeof serviceOrders.$inferInsert>
  version?: number
  note?: string | null
  idempotencyKey?: string
  event?: { type: string; payload?: (row: TOrderRow) => Record<string, unknown> }
  /** Rules on the loaded row, after scope and before the write. */
  check?: (before: TOrderRow) => Promise<void> | void
}

/** Whether this action with this key was already taken on the order (an offline resubmit). */
async function alreadyDone(t: TxCtx, orderId: string, key: string | undefined) {
  if (!key) return false
  const [e] = await t.tx
    .select({ id: serviceOrderEvents.id })
    .from(serviceOrderEvents)
    .where(and(eq(serviceOrderEvents.orderId, orderId), eq(serviceOrderEvents.idempotencyKey, key)))
  return !!e
}

/** Appends a line to the order's timeline (in the step's transaction). */
export async function addTimeline(t: TxCtx, row: { id: string }, action: string, from: string | null, to: string, note?: string | null, key?: string) {
  const me = t.actor ? (await getUsersBrief(t.tx, [t.actor.userId])).get(t.actor.userId) : undefined
  await t.tx.insert(serviceOrderEvents).values({
    orderId: row.id,
    action,
    fromStatus: from,
    toStatus: to,
    actorId: t.actor?.userId ?? null,
    actorName: t.actor ? (me?.displayName ?? t.actor.username) : '系统',
    note: note ?? null,
    idempotencyKey: key ?? null,
    at: t.clock.now(),
  })
}

/**
 * One order step: the scoped row (locked), the idempotency key (a repeat is answered with the
 * order as it is, never a second step), the caller's rules, then runStep (permission,
 * compare-and-set on status and version, audit, outbox) and the timeline line.
 */
export async function orderStep(t: TxCtx, reach: TOrderReach, id: string, spec: TOrderStepSpec): Promise<TOrderRow> {
  const before = await getOrderInScope(t.tx, reach, id, true)
  if (await alreadyDone(t, id, spec.idempotencyKey)) return before
  const step = orderFlow[spec.action]
  // A step that cannot start from here is a 409 before any rule of the step is asked.
  assertCanStep(step, before.status)
  await spec.check?.(before)
  const ev = spec.event
  const after = await runStep(t, {
    table: serviceOrders,
    step,
    before,
    version: spec.version,
    patch: spec.patch,
    audit: { action: `order.${spec.action}`, entityType: 'order', snapshot: orderAuditSnapshot, extra: spec.note ? { note: spec.note } : undefined },
    event: ev ? { type: ev.type, payload: (r) => ({ orderId: r.id, elderId: r.elderId, providerId: r.providerId, ...ev.payload?.(r) }) } : undefined,
  })
  await addTimeline(t, after, spec.action, before.status, after.status, spec.note, spec.idempotencyKey)
  return after
}

/** Steps on the visit itself are the assigned caregiver's (the bureau's administrators keep an override). */
export function requireAssignedCaregiver(reach: TOrderReach, row: TOrderRow) {
  if (reach.actor.role === 'caregiver' && reach.caregiverId !== row.caregiverId) throw new AppError('NOT_FOUND', '工单不存在或不在您的管辖范围内')
}
