import { alarmEvents, alarmFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmStep } from './alarm-step.js'
import { getAlarm } from './get-alarm.js'

/** 接单 (the responder's phone page): only the responder the alarm was dispatched to. */
export async function acceptAlarm(ctx: Ctx, id: string, input: { note: string; version?: number }) {
  requirePermission(ctx.actor, alarmFlow.accept.permission)
  await alarmStep(ctx, ctx.actor, id, {
    step: alarmFlow.accept,
    reach: 'responder',
    version: input.version,
    patch: (_b, now) => ({ acceptedAt: now }),
    action: 'alarm.accepted',
    event: alarmEvents.accepted,
    journal: { kind: 'responder', note: input.note || '接单' },
  })
  return getAlarm(ctx, id, 'responder')
}
