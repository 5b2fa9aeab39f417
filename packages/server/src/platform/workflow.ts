import { and, eq, inArray, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { FlowAction } from '@yiyang/core'
import { appendAudit } from './audit.js'
import type { TxCtx } from './context.js'
import { AppError } from './errors.js'
import { recordEvent } from './outbox.js'
import { requirePermission } from './permissions.js'

export type { Flow, FlowAction } from '@yiyang/core'

/** A table a workflow runs on: every such table has these columns. */
export type TWorkflowTable = PgTable & { id: PgColumn; status: PgColumn; version: PgColumn; updatedAt: PgColumn; regionCode: PgColumn }
type Row<T extends TWorkflowTable> = T['$inferSelect'] & { id: string; status: string; version: number; regionCode: string | null }

export type TStepSpec<T extends TWorkflowTable> = {
  table: T
  /** A transition of the module's flow table (core): from, to and the permission it needs. */
  step: FlowAction
  /** The row as the caller loaded it, inside the actor's scope (FOR UPDATE where it matters). */
  before: Row<T>
  /** Other columns the step sets. */
  patch?: Partial<T['$inferInsert']> | Record<string, unknown>
  /** The version the client saw: a stale one is a CONFLICT, not a silent overwrite. */
  version?: number
  audit: {
    action: string
    entityType: string
    /** Row → what the audit log keeps (the module's masked snapshot). */
    snapshot: (row: Row<T>) => unknown
    /** Facts of the step beside the row (a reason, an id it created). */
    extra?: Record<string, unknown>
  }
  event?: { type: string; payload: (row: Row<T>) => Record<string, unknown> }
}

/**
 * One workflow step, the same everywhere: the step's permission (steps the system takes, with
 * no actor, are trusted), a compare-and-set UPDATE … WHERE status = ANY(from) that bumps version
 * and updatedAt, the audit row and the outbox event, all in the caller's transaction. Two
 * reviewers clicking at once: one wins, the other gets INVALID_TRANSITION (409).
 */
export async function runStep<T extends TWorkflowTable>(t: TxCtx, spec: TStepSpec<T>): Promise<Row<T>> {
  const { table, step, before } = spec
  if (t.actor) requirePermission(t.actor, step.permission)
  const now = t.clock.now()
  const rows = (await t.tx
    .update(table)
    .set({ ...spec.patch, status: step.to, version: sql`${table.version} + 1`, updatedAt: now } as never)
    .where(and(eq(table.id, before.id), inArray(table.status, [...step.from]), spec.version === undefined ? undefined : eq(table.version, spec.version)))
    .returning()) as Row<T>[]
  const after = rows[0]
  if (!after) {
    if (spec.version !== undefined && spec.version !== before.version) throw new AppError('CONFLICT', '该记录已被他人修改，请刷新后重试')
    throw new AppError('INVALID_TRANSITION')
  }
  await appendAudit(t, {
    action: spec.audit.action,
    entityType: spec.audit.entityType,
    entityId: after.id,
    regionCode: after.regionCode,
    before: spec.audit.snapshot(before),
    after: { ...(spec.audit.snapshot(after) as object), ...spec.audit.extra },
  })
  if (spec.event) {
    await recordEvent(t, {
      type: spec.event.type,
      entityType: spec.audit.entityType,
      entityId: after.id,
      regionCode: after.regionCode,
      payload: spec.event.payload(after),
    })
  }
  return after
}

/** Throws INVALID_TRANSITION unless the step may start from the row's status (checks that must come before other work). */
export function assertCanStep(step: FlowAction, status: string) {
  if (!(step.from as readonly string[]).includes(status)) throw new AppError('INVALID_TRANSITION')
}

/** A table with optimistic versions (every workflow table, and records edited in forms). */
export type TVersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn }

/**
 * A write that is not a status step (an edit, an autosave): the same compare-and-set on the
 * version the caller read, version + 1 and updatedAt. Someone else's write in between → CONFLICT,
 * never a silent overwrite. The caller audits it (its audit snapshot differs per entity).
 */
export async function updateVersioned<T extends TVersionedTable>(
  t: TxCtx,
  table: T,
  id: string,
  version: number,
  patch: Partial<T['$inferInsert']> | Record<string, unknown>,
): Promise<T['$inferSelect']> {
  const rows = (await t.tx
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: t.clock.now() } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as T['$inferSelect'][]
  if (!rows[0]) throw new AppError('CONFLICT', '该记录已被他人修改，请刷新后重试')
  return rows[0]
}
