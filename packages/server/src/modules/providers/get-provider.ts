import { and, count, eq, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toProviderDetail } from './providers.mapper.js'
import { getProviderForRead } from './providers.repo.js'
import { caregivers, creditRecords } from './providers.tables.js'

export async function getProvider(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'provider:read')
  const row = await getProviderForRead(ctx.db, ctx.actor, id)
  const [[cg], [credit], names] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(caregivers)
      .where(and(eq(caregivers.providerId, id), eq(caregivers.status, 'active'))),
    ctx.db
      .select({ s: sql<string>`coalesce(sum(${creditRecords.points}), 0)` })
      .from(creditRecords)
      .where(eq(creditRecords.providerId, id)),
    regionNames(ctx.db, [row.regionCode, ...row.serviceArea]),
  ])
  return toProviderDetail(row, ctx.actor, names, Number(cg?.n ?? 0), Number(credit?.s ?? 0))
}
