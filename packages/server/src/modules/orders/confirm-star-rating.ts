import { starRatingFlow } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { providerNames, setProviderStarRating } from '../providers/index.js'
import { getStarRatingInScope, starRatingAuditSnapshot, toStarRating } from './star-ratings.repo.js'
import { providerStarRatings } from './star-ratings.tables.js'

/** The bureau confirms the computed rating; it becomes the provider's star rating. */
export async function confirmStarRating(ctx: Ctx, id: string, input: { version?: number }) {
  requirePermission(ctx.actor, 'provider:review')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getStarRatingInScope(t.tx, actor, id, true)
    if (!before.regionCode.startsWith(actor.scopePrefix)) throw new AppError('NOT_FOUND', '星级评定不存在或不在您的管辖范围内')
    const after = await runStep(t, {
      table: providerStarRatings,
      step: starRatingFlow.confirm,
      before,
      version: input.version,
      patch: { finalStars: before.computedStars, reviewedBy: actor.userId, reviewedAt: t.clock.now() },
      audit: { action: 'star_rating.confirmed', entityType: 'star_rating', snapshot: starRatingAuditSnapshot },
    })
    await setProviderStarRating(t, after.providerId, after.computedStars, after.month)
    return after
  })
  return toStarRating(row, (await providerNames(ctx.db, [row.providerId])).get(row.providerId) ?? null)
}
