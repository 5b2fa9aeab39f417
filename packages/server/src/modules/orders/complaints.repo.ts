import { isComplaintOverdue, todayInShanghai } from '@yiyang/core'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { regionFilter } from '../../platform/list.js'
import type { TActor } from '../../platform/permissions.js'
import type { TComplaint } from './supervision.schemas.js'
import { orderComplaints } from './complaints.tables.js'

export type TComplaintRow = typeof orderComplaints.$inferSelect

/** Who sees which complaints: a provider admin those against their provider; staff by the order's region. */
export function complaintWhere(actor: TActor, regionCode?: string | null): SQL {
  if (actor.role === 'provider_admin') return actor.providerId ? eq(orderComplaints.providerId, actor.providerId) : sql`false`
  if (actor.role === 'caregiver') return sql`false`
  return regionFilter(orderComplaints.regionCode, actor, regionCode)
}

export async function getComplaintInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TComplaintRow> {
  const q = db
    .select()
    .from(orderComplaints)
    .where(and(eq(orderComplaints.id, id), complaintWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '投诉不存在或不在您的管辖范围内')
  return row
}

export const complaintAuditSnapshot = (r: TComplaintRow) => ({
  orderId: r.orderId,
  providerId: r.providerId,
  source: r.source,
  status: r.status,
  dueOn: r.dueOn,
  points: r.points,
  creditRecordId: r.creditRecordId,
  version: r.version,
})

export function toComplaint(r: TComplaintRow, names: { provider: Map<string, string>; region: Map<string, string> }, now: Date): TComplaint {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNo: r.orderNo,
    providerId: r.providerId,
    providerName: names.provider.get(r.providerId) ?? null,
    regionCode: r.regionCode,
    regionName: names.region.get(r.regionCode) ?? null,
    source: r.source,
    content: r.content,
    status: r.status,
    lodgedOn: r.lodgedOn,
    dueOn: r.dueOn,
    overdue: isComplaintOverdue(r, todayInShanghai(now)),
    finding: r.finding,
    points: r.points,
    creditRecordId: r.creditRecordId,
    handledAt: r.handledAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }
}
