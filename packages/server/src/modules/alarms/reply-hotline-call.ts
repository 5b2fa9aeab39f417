import { alarmEvents, hotlineFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'

/** The routed party's answer (street, provider or department), recorded by the operator. */
export async function replyHotlineCall(ctx: Ctx, id: string, input: { version?: number; note: string }) {
  requirePermission(ctx.actor, 'hotline:handle')
  await hotlineStep(ctx, ctx.actor, id, {
    step: hotlineFlow.reply,
    version: input.version,
    action: 'hotline.replied',
    event: alarmEvents.hotlineReplied,
    journal: { kind: 'replied', note: input.note },
  })
  return getHotlineCall(ctx, id)
}
