import { alarmEvents, hotlineFlow, hotlineSatisfactionLabels, type THotlineSatisfaction } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'

/** Closes the work order with the caller's satisfaction answer; a category is needed (taken in). */
export async function closeHotlineCall(ctx: Ctx, id: string, input: { version?: number; satisfaction: THotlineSatisfaction; note: string }) {
  requirePermission(ctx.actor, 'hotline:handle')
  await hotlineStep(ctx, ctx.actor, id, {
    step: hotlineFlow.close,
    version: input.version,
    action: 'hotline.closed',
    event: alarmEvents.hotlineClosed,
    prepare: (_t, before, now) => {
      if (before.status === 'open' && (before.category === 'booking' || before.category === 'emergency'))
        throw new AppError('NOT_ELIGIBLE', before.category === 'booking' ? '服务预约应先预约服务再关闭' : '紧急来电应先转为紧急报警')
      return { satisfaction: input.satisfaction, closeNote: input.note || null, closedAt: now }
    },
    journal: { kind: 'closed', result: input.satisfaction, note: input.note || hotlineSatisfactionLabels[input.satisfaction] },
  })
  return getHotlineCall(ctx, id)
}
