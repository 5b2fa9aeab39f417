import { alarmEvents, hotlineFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'

/** A ringing call nobody could take in (the caller hung up, a wrong number): closed without a category. */
export async function dropHotlineCall(ctx: Ctx, id: string, input: { version?: number; note: string }) {
  requirePermission(ctx.actor, 'hotline:handle')
  await hotlineStep(ctx, ctx.actor, id, {
    step: hotlineFlow.drop,
    version: input.version,
    action: 'hotline.closed',
    event: alarmEvents.hotlineClosed,
    prepare: (_t, _before, now) => ({ closedAt: now, closeNote: input.note || null }),
    journal: { kind: 'dropped', note: input.note || '未接通' },
  })
  return getHotlineCall(ctx, id)
}
