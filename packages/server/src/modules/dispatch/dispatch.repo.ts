import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { regionFilter } from '../../platform/list.js'
import type { TActor } from '../../platform/permissions.js'
import { dispatchPlans } from './dispatch.tables.js'

export type TPlanRow = typeof dispatchPlans.$inferSelect

/** Who sees which plans: a provider admin their provider's own plans; everyone else by the plan's region (a street, or the provider's region). */
export function planWhere(actor: TActor, regionCode?: string | null): SQL {
  if (actor.role === 'provider_admin') return actor.providerId ? eq(dispatchPlans.providerId, actor.providerId) : sql`false`
  if (actor.role === 'caregiver') return sql`false`
  return regionFilter(dispatchPlans.regionCode, actor, regionCode)
}

/** Scoped get: out of reach is NOT_FOUND, exactly like missing. */
export async function getPlanInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TPlanRow> {
  const q = db
    .select()
    .from(dispatchPlans)
    .where(and(eq(dispatchPlans.id, id), planWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '调度方案不存在或不在您的管辖范围内')
  return row
}

export const planAuditSnapshot = (r: TPlanRow) => ({
  providerId: r.providerId,
  streetCode: r.streetCode,
  serviceDate: r.serviceDate,
  status: r.status,
  version: r.version,
  visits: r.state?.plan ? r.state.plan.routes.reduce((a, x) => a + x.stops.filter((s) => s.kind === 'visit').length, 0) : 0,
})
