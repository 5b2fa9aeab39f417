import { alarmEvents, hotlineCallBackResultLabels, hotlineFlow, type THotlineCallBackResult } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'

/** A call-back to the caller (回访) with its result; may repeat. */
export async function callBackHotlineCaller(ctx: Ctx, id: string, input: { version?: number; result: THotlineCallBackResult; note: string }) {
  requirePermission(ctx.actor, 'hotline:handle')
  await hotlineStep(ctx, ctx.actor, id, {
    step: hotlineFlow.callBack,
    version: input.version,
    action: 'hotline.called_back',
    event: alarmEvents.hotlineCalledBack,
    journal: { kind: 'call_back', result: input.result, note: input.note || hotlineCallBackResultLabels[input.result] },
  })
  return getHotlineCall(ctx, id)
}
