import { alarmEvents, alarmFlow, alarmOutcomeLabels, type TAlarmOutcome } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmStep } from './alarm-step.js'
import { getAlarm } from './get-alarm.js'

/** 关闭: with an outcome (real emergency, false alarm, device test…) and a note; by the claiming operator or a supervisor. */
export async function closeAlarm(ctx: Ctx, id: string, input: { outcome: TAlarmOutcome; note: string; version?: number }) {
  requirePermission(ctx.actor, 'alarm:handle')
  const actor = ctx.actor
  await alarmStep(ctx, actor, id, {
    step: alarmFlow.close,
    reach: 'scope',
    version: input.version,
    check: (b) => {
      if (actor.role === 'operator' && b.claimedBy && b.claimedBy !== actor.userId)
        throw new AppError('FORBIDDEN', `该报警由${b.claimedByName ?? '其他坐席'}处理中`)
    },
    patch: (_b, now) => ({ outcome: input.outcome, closeNote: input.note, closedAt: now }),
    action: 'alarm.closed',
    event: alarmEvents.closed,
    journal: { kind: 'note', result: input.outcome, note: `${alarmOutcomeLabels[input.outcome]}：${input.note}` },
  })
  return getAlarm(ctx, id)
}
