import { orderEvents, settlementPostings } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'

/**
 * Settlement of a confirmed order with check-in/out evidence: the subsidy part becomes payable
 * by the bureau, the self-pay part due from the elder, together the provider's receivable
 * (postings balanced to the fen). The service-credit ledger (issue 18) is not built yet: the
 * subsidy drawn at pricing is final here and nothing else is debited.
 */
export async function settleOrder(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'order:settle')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const reach = await orderReach(t.tx, actor)
    let postings: ReturnType<typeof settlementPostings> = []
    await orderStep(t, reach, id, {
      action: 'settle',
      check: (b) => {
        if (!b.checkInAt || !b.checkOutAt) throw new AppError('NOT_ELIGIBLE', '没有签到签退记录的工单不能结算')
        postings = settlementPostings({ priceFen: b.priceFen, subsidyFen: b.subsidyFen, selfPayFen: b.selfPayFen })
      },
      get patch() {
        return { settledAt: ctx.clock.now(), postings }
      },
      event: { type: orderEvents.settled, payload: (r) => ({ priceFen: r.priceFen, subsidyFen: r.subsidyFen, selfPayFen: r.selfPayFen }) },
    })
  })
  return getOrder(ctx, id)
}
