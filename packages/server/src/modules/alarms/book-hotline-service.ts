import { alarmEvents, hotlineFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { providerNames } from '../providers/index.js'
import { requestOrder } from '../orders/index.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'
import { hotlineInScope } from './hotline.repo.js'
import type { TBook } from './hotline.schemas.js'

/**
 * A 服务预约 call becomes a service order request through the orders module (priced, subsidy
 * drawn, its own audit), and the work order is routed to the provider with the order's id.
 * The order is requested first: should the work order have changed meanwhile, the step refuses
 * and the operator cancels the order from its page (the order answers for itself).
 */
export async function bookHotlineService(ctx: Ctx, id: string, input: TBook) {
  requirePermission(ctx.actor, 'hotline:handle')
  requirePermission(ctx.actor, 'order:request')
  const actor = ctx.actor
  const before = await hotlineInScope(ctx, actor, id)
  if (before.status !== 'open') throw new AppError('INVALID_TRANSITION', '只有已受理的工单可以预约服务')
  if (before.category !== 'booking') throw new AppError('NOT_ELIGIBLE', '只有“服务预约”类工单可以预约服务')
  if (!before.elderId) throw fieldError('elderId', '请先确定来电对应的老人')
  const order = await requestOrder(ctx, {
    elderId: before.elderId,
    providerId: input.providerId,
    itemCode: input.itemCode,
    serviceDate: input.serviceDate,
    quantity: input.quantity,
    plannedMinutes: 60,
    requesterKind: 'hotline',
    note: input.note ?? before.summary.slice(0, 500),
  })
  const providerName = (await providerNames(ctx.db, [input.providerId])).get(input.providerId) ?? null
  await hotlineStep(ctx, actor, id, {
    step: hotlineFlow.book,
    version: input.version,
    action: 'hotline.booked',
    event: alarmEvents.hotlineBooked,
    prepare: () => ({ routeKind: 'provider', routedTo: input.providerId, routeTargetName: providerName, orderId: order.id }),
    journal: { kind: 'booked', result: order.id, note: `预约服务：${providerName ?? ''} ${input.serviceDate}，服务工单 ${order.orderNo}` },
  })
  return getHotlineCall(ctx, id)
}
