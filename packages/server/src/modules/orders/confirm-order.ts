import { orderEvents } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'
import type { TConfirmOrder } from './orders.schemas.js'

/** The elder or family confirms the visit and rates it 1–5 (taken down by the community worker or the hotline). */
export async function confirmOrder(ctx: Ctx, id: string, input: TConfirmOrder) {
  requirePermission(ctx.actor, 'order:confirm')
  const actor = ctx.actor
  await withTx(ctx, async (t) =>
    orderStep(t, await orderReach(t.tx, actor), id, {
      action: 'confirm',
      patch: { rating: input.rating, ratingComment: input.comment ?? null, confirmedBy: input.by, confirmedAt: ctx.clock.now() },
      note: `${input.by === 'elder' ? '老人' : '家属'}评分 ${input.rating} 星${input.comment ? `：${input.comment}` : ''}`,
      event: { type: orderEvents.confirmed, payload: () => ({ rating: input.rating }) },
    }),
  )
  return getOrder(ctx, id)
}
