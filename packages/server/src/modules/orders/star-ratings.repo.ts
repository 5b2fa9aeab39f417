import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { regionFilter } from '../../platform/list.js'
import type { TActor } from '../../platform/permissions.js'
import type { TStarRatingItem } from './supervision.schemas.js'
import { providerStarRatings } from './star-ratings.tables.js'

export type TStarRatingRow = typeof providerStarRatings.$inferSelect

/** A provider admin sees their provider's ratings; staff those of providers registered in their scope. */
export function starRatingWhere(actor: TActor, regionCode?: string | null): SQL {
  if (actor.role === 'provider_admin') return actor.providerId ? eq(providerStarRatings.providerId, actor.providerId) : sql`false`
  if (actor.role === 'caregiver') return sql`false`
  return regionFilter(providerStarRatings.regionCode, actor, regionCode)
}

export async function getStarRatingInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(providerStarRatings)
    .where(and(eq(providerStarRatings.id, id), starRatingWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '星级评定不存在或不在您的管辖范围内')
  return row
}

export const starRatingAuditSnapshot = (r: TStarRatingRow) => ({
  providerId: r.providerId,
  month: r.month,
  status: r.status,
  computedStars: r.computedStars,
  finalStars: r.finalStars,
  total: r.total,
  version: r.version,
})

export const toStarRating = (r: TStarRatingRow, providerName: string | null): TStarRatingItem => ({
  id: r.id,
  providerId: r.providerId,
  providerName,
  regionCode: r.regionCode,
  month: r.month,
  computedStars: r.computedStars,
  total: r.total,
  cap: r.cap,
  indicators: r.indicators,
  status: r.status,
  finalStars: r.finalStars,
  reviewReason: r.reviewReason,
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
  version: r.version,
})
