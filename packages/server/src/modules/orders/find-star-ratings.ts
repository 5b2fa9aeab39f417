import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { providerNames } from '../providers/index.js'
import { starRatingWhere, toStarRating } from './star-ratings.repo.js'
import { providerStarRatings } from './star-ratings.tables.js'
import type { TFindStarRatings } from './supervision.schemas.js'

export async function findStarRatings(ctx: Ctx, q: TFindStarRatings) {
  requirePermission(ctx.actor, 'provider:read')
  const where: (SQL | undefined)[] = [starRatingWhere(ctx.actor, q.regionCode)]
  if (q.month) where.push(eq(providerStarRatings.month, q.month))
  if (q.providerId) where.push(eq(providerStarRatings.providerId, q.providerId))
  if (q.status) where.push(eq(providerStarRatings.status, q.status))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(providerStarRatings)
      .where(cond)
      .orderBy(desc(providerStarRatings.month), asc(providerStarRatings.providerId))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(providerStarRatings).where(cond),
  ])
  const names = await providerNames(
    ctx.db,
    rows.map((r) => r.providerId),
  )
  return pageResult(
    rows.map((r) => toStarRating(r, names.get(r.providerId) ?? null)),
    Number(total?.n ?? 0),
    q,
  )
}
