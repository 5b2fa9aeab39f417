import { and, count, desc, eq, type SQL } from 'drizzle-orm'
import type { TFundAnomalyKind, TFundAnomalyStatus } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter, type TPageQuery } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { fundAnomalies } from './disbursement.tables.js'

export type TFindAnomalies = TPageQuery & { month?: string; kind?: TFundAnomalyKind; status?: TFundAnomalyStatus; regionCode?: string }

/** Fund anomalies in the actor's scope, open ones first, with the elder masked. */
export async function findFundAnomalies(ctx: Ctx, q: TFindAnomalies) {
  requirePermission(ctx.actor, 'ledger:read')
  const filters: (SQL | undefined)[] = [
    regionFilter(fundAnomalies.regionCode, ctx.actor, q.regionCode),
    q.month ? eq(fundAnomalies.month, q.month) : undefined,
    q.kind ? eq(fundAnomalies.kind, q.kind) : undefined,
    q.status ? eq(fundAnomalies.status, q.status) : undefined,
  ]
  const where = and(...filters)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(fundAnomalies)
      .where(where)
      .orderBy(desc(fundAnomalies.status), desc(fundAnomalies.month), desc(fundAnomalies.createdAt))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(fundAnomalies).where(where),
  ])
  const elders = await elderSummariesByIds(
    ctx,
    rows.flatMap((r) => (r.elderId ? [r.elderId] : [])),
  )
  return pageResult(
    rows.map((r) => toAnomaly(r, r.elderId ? (elders.get(r.elderId)?.name ?? null) : null)),
    total!.n,
    q,
  )
}

export const toAnomaly = (r: typeof fundAnomalies.$inferSelect, elderName: string | null) => ({
  id: r.id,
  kind: r.kind,
  month: r.month,
  regionCode: r.regionCode,
  elderId: r.elderId,
  elderName,
  detail: r.detail,
  status: r.status,
  resolvedNote: r.resolvedNote,
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
})
