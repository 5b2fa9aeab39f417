import { alarmEvents, alarmFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmStep } from './alarm-step.js'
import { getAlarm } from './get-alarm.js'

/** 现场处置完成 (the responder's phone page): only the responder the alarm was dispatched to. */
export async function finishAlarm(ctx: Ctx, id: string, input: { note: string; version?: number }) {
  requirePermission(ctx.actor, alarmFlow.finish.permission)
  await alarmStep(ctx, ctx.actor, id, {
    step: alarmFlow.finish,
    reach: 'responder',
    version: input.version,
    patch: (_b, now) => ({ resolvedAt: now }),
    action: 'alarm.finished',
    event: alarmEvents.finished,
    journal: { kind: 'responder', note: input.note || '现场处置完成' },
  })
  return getAlarm(ctx, id, 'responder')
}
