import { orderFlagFlow, orderFlagLabels, type TOrderFlag } from '@yiyang/core'
import { and, eq, inArray } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { TxCtx } from '../../platform/context.js'
import { runStep } from '../../platform/workflow.js'
import type { TOrderRow } from './orders.repo.js'
import { orderFlagRecords } from './orders.tables.js'

export type TOrderFlagRow = typeof orderFlagRecords.$inferSelect

export const orderFlagAuditSnapshot = (r: TOrderFlagRow) => ({ orderId: r.orderId, flag: r.flag, status: r.status, resolveNote: r.resolveNote })

/**
 * Every flag on the order is also a flag record a supervisor resolves (issue 19 item 7). Called
 * in the transaction of the step that raised the flags; a flag already recorded is left as it is.
 */
export async function recordOrderFlags(
  t: TxCtx,
  row: Pick<TOrderRow, 'id' | 'regionCode' | 'providerId' | 'flags'>,
  details: Partial<Record<TOrderFlag, string>> = {},
) {
  if (!row.flags.length) return
  const inserted = await t.tx
    .insert(orderFlagRecords)
    .values(
      row.flags.map((flag) => ({
        orderId: row.id,
        regionCode: row.regionCode,
        providerId: row.providerId,
        flag,
        detail: details[flag as TOrderFlag] ?? null,
        raisedAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })),
    )
    .onConflictDoNothing()
    .returning()
  for (const f of inserted)
    await appendAudit(t, {
      action: 'order.flag_raised',
      entityType: 'order_flag',
      entityId: f.id,
      regionCode: f.regionCode,
      after: { ...orderFlagAuditSnapshot(f), label: orderFlagLabels[f.flag as TOrderFlag] ?? f.flag },
    })
}

/** Resolves one open flag record with the supervisor's note (the flag flow's one step). */
export async function resolveFlagRecord(t: TxCtx, before: TOrderFlagRow, note: string, version?: number) {
  return runStep(t, {
    table: orderFlagRecords,
    step: orderFlagFlow.resolve,
    before,
    version,
    patch: { resolvedBy: t.actor?.userId ?? null, resolvedAt: t.clock.now(), resolveNote: note },
    audit: { action: 'order.flag_resolved', entityType: 'order_flag', snapshot: orderFlagAuditSnapshot, extra: { note } },
  })
}

/** The open flag records of an order (locked), for resolving them with the order's exception. */
export async function openFlagsOf(t: TxCtx, orderId: string) {
  return t.tx
    .select()
    .from(orderFlagRecords)
    .where(and(eq(orderFlagRecords.orderId, orderId), inArray(orderFlagRecords.status, [...orderFlagFlow.resolve.from])))
    .orderBy(orderFlagRecords.flag)
    .for('update')
}
