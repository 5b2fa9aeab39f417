import { fenToYuanString, orderEvents, settlementPostings, splitPrice } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { spendServiceCredit } from '../disbursement/index.js'
import { providerRegionCode } from '../providers/index.js'
import { getOrder } from './get-order.js'
import { orderReach } from './orders.repo.js'
import { orderStep } from './order-step.js'

/**
 * Settlement of a confirmed order with check-in/out evidence: the subsidy part becomes payable
 * by the bureau, the self-pay part due from the elder, together the provider's receivable
 * (postings balanced to the fen). The subsidy part is spent from the elder's service credits in
 * the ledger (issue 18, once per order however often this is retried); when less is left than
 * was reserved at pricing (credits lapsed), the order is re-split on what was actually drawn.
 */
export async function settleOrder(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'order:settle')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const reach = await orderReach(t.tx, actor)
    let patch: Record<string, unknown> = {}
    await orderStep(t, reach, id, {
      action: 'settle',
      check: async (b) => {
        if (!b.checkInAt || !b.checkOutAt) throw new AppError('NOT_ELIGIBLE', '没有签到签退记录的工单不能结算')
        const { drawnFen } = await spendServiceCredit(t, {
          elderId: b.elderId,
          orderId: b.id,
          providerId: b.providerId,
          providerRegionCode: (await providerRegionCode(t.tx, b.providerId)) ?? b.regionCode,
          maxFen: b.subsidyFen,
          month: b.serviceDate.slice(0, 7),
        })
        const split = splitPrice(b.priceFen, drawnFen)
        patch = { settledAt: ctx.clock.now(), postings: settlementPostings(split), subsidyFen: split.subsidyFen, selfPayFen: split.selfPayFen }
        if (drawnFen < b.subsidyFen) patch.subsidyBasis = `${b.subsidyBasis}；结算时额度只余 ${fenToYuanString(drawnFen)} 元，按实际扣减`
      },
      get patch() {
        return patch
      },
      event: { type: orderEvents.settled, payload: (r) => ({ priceFen: r.priceFen, subsidyFen: r.subsidyFen, selfPayFen: r.selfPayFen }) },
    })
  })
  return getOrder(ctx, id)
}
