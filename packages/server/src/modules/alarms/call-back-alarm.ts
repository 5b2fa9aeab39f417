import { alarmEvents, alarmFlow, callBackResultLabels, type TCallBackResult } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmStep } from './alarm-step.js'
import { getAlarm } from './get-alarm.js'

/** A call-back to the elder, family or community, with its result; only the operator who claimed the alarm records it. */
export async function callBackAlarm(ctx: Ctx, id: string, input: { result: TCallBackResult; note: string; version?: number }) {
  requirePermission(ctx.actor, 'alarm:handle')
  const actor = ctx.actor
  await alarmStep(ctx, actor, id, {
    step: alarmFlow.callBack,
    reach: 'scope',
    version: input.version,
    check: (b) => {
      if (b.claimedBy && b.claimedBy !== actor.userId) throw new AppError('FORBIDDEN', `该报警由${b.claimedByName ?? '其他坐席'}处理中`)
    },
    action: 'alarm.called_back',
    event: alarmEvents.calledBack,
    journal: { kind: 'call_back', result: input.result, note: input.note || callBackResultLabels[input.result] },
  })
  return getAlarm(ctx, id)
}
