import { and, count, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toProviderSummary } from './providers.mapper.js'
import { providerReadWhere } from './providers.repo.js'
import type { TFindProviders } from './providers.schemas.js'
import { caregivers, providers } from './providers.tables.js'

export async function findProviders(ctx: Ctx, q: TFindProviders) {
  requirePermission(ctx.actor, 'provider:read')
  const where: (SQL | undefined)[] = [providerReadWhere(ctx.actor, q.regionCode)]
  if (q.status) where.push(eq(providers.status, q.status))
  if (q.kind) where.push(eq(providers.kind, q.kind))
  if (q.q) where.push(or(like(providers.name, containsPattern(q.q)), like(providers.uscc, containsPattern(q.q.toUpperCase()))))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(providers).where(cond).orderBy(desc(providers.updatedAt), providers.id).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(providers).where(cond),
  ])
  const ids = rows.map((r) => r.id)
  const counts = ids.length
    ? await ctx.db
        .select({ providerId: caregivers.providerId, n: count() })
        .from(caregivers)
        .where(and(inArray(caregivers.providerId, ids), eq(caregivers.status, 'active')))
        .groupBy(caregivers.providerId)
    : []
  const byProvider = new Map(counts.map((c) => [c.providerId, Number(c.n)]))
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  return pageResult(
    rows.map((r) => toProviderSummary(r, names.get(r.regionCode) ?? null, byProvider.get(r.id) ?? 0)),
    Number(total?.n ?? 0),
    q,
  )
}
