import { starRatingFlow } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { providerNames, setProviderStarRating } from '../providers/index.js'
import { getStarRatingInScope, starRatingAuditSnapshot, toStarRating } from './star-ratings.repo.js'
import { providerStarRatings } from './star-ratings.tables.js'
import type { TAdjustStarRating } from './supervision.schemas.js'

/** The bureau sets other stars than computed, with its reason (kept beside the explanation); they become the provider's. */
export async function adjustStarRating(ctx: Ctx, id: string, input: TAdjustStarRating) {
  requirePermission(ctx.actor, 'provider:review')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getStarRatingInScope(t.tx, actor, id, true)
    if (!before.regionCode.startsWith(actor.scopePrefix)) throw new AppError('NOT_FOUND', '星级评定不存在或不在您的管辖范围内')
    if (input.stars === before.computedStars)
      throw new AppError('VALIDATION_FAILED', '调整后的星级与计算结果相同，请直接确认', [{ path: 'stars', message: '与计算结果相同' }])
    const after = await runStep(t, {
      table: providerStarRatings,
      step: starRatingFlow.adjust,
      before,
      version: input.version,
      patch: { finalStars: input.stars, reviewReason: input.reason, reviewedBy: actor.userId, reviewedAt: t.clock.now() },
      audit: { action: 'star_rating.adjusted', entityType: 'star_rating', snapshot: starRatingAuditSnapshot, extra: { reason: input.reason } },
    })
    await setProviderStarRating(t, after.providerId, input.stars, after.month)
    return after
  })
  return toStarRating(row, (await providerNames(ctx.db, [row.providerId])).get(row.providerId) ?? null)
}
