import { and, eq, inArray } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { AppError } from './errors.js'
import type { TPermission } from './permissions.js'
import type { TxCtx } from './context.js'

export type FlowStep<S extends string> = { from: readonly S[]; to: S; permission: TPermission }
export type Flow<S extends string> = Record<string, FlowStep<S>>

type StatusTable = PgTable & { id: PgColumn; status: PgColumn }

/**
 * The one guarded update every workflow uses: UPDATE … WHERE id = $id AND status = ANY($from).
 * No row back means someone else moved it first, so two approvers clicking at once → one wins.
 */
export async function transition<T extends StatusTable>(
  t: TxCtx,
  table: T,
  id: string,
  step: { from: readonly string[]; to: string },
  patch: Record<string, unknown> = {},
): Promise<T['$inferSelect']> {
  const rows = (await t.tx
    .update(table)
    .set({ ...patch, status: step.to } as never)
    .where(and(eq(table.id, id), inArray(table.status, [...step.from])))
    .returning()) as T['$inferSelect'][]
  if (rows.length === 0) throw new AppError('INVALID_TRANSITION')
  return rows[0]!
}
