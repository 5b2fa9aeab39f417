import { alarmEvents, alarmFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmStep } from './alarm-step.js'
import { alarmInScope } from './alarms.repo.js'
import { responderFor } from './find-responders.js'
import { getAlarm } from './get-alarm.js'

/** 派单: to a community worker or caregiver whose area covers the elder; they accept, arrive and finish on the phone page. */
export async function dispatchAlarm(ctx: Ctx, id: string, input: { responderId: string; note: string; version?: number }) {
  requirePermission(ctx.actor, 'alarm:handle')
  const actor = ctx.actor
  const { regionCode } = await alarmInScope(ctx, actor, id)
  const responder = await responderFor(ctx, regionCode, input.responderId)
  if (!responder)
    throw new AppError('VALIDATION_FAILED', '只能派给负责该老人所在社区的社区工作人员或护理员', [{ path: 'responderId', message: '该人员不能响应此报警' }])
  await alarmStep(ctx, actor, id, {
    step: alarmFlow.dispatch,
    reach: 'scope',
    version: input.version,
    check: (b) => {
      if (b.claimedBy && b.claimedBy !== actor.userId) throw new AppError('FORBIDDEN', `该报警由${b.claimedByName ?? '其他坐席'}处理中`)
    },
    patch: (_b, now) => ({ responderId: responder.id, responderName: responder.displayName, dispatchedAt: now }),
    action: 'alarm.dispatched',
    event: alarmEvents.dispatched,
    journal: { kind: 'dispatched', note: input.note || '已派单' },
  })
  return getAlarm(ctx, id)
}
