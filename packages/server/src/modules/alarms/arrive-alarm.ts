import { alarmEvents, alarmFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmStep } from './alarm-step.js'
import { getAlarm } from './get-alarm.js'

/** 到场 (the responder's phone page): only the responder the alarm was dispatched to. */
export async function arriveAlarm(ctx: Ctx, id: string, input: { note: string; version?: number }) {
  requirePermission(ctx.actor, alarmFlow.arrive.permission)
  await alarmStep(ctx, ctx.actor, id, {
    step: alarmFlow.arrive,
    reach: 'responder',
    version: input.version,
    patch: (_b, now) => ({ arrivedAt: now }),
    action: 'alarm.arrived',
    event: alarmEvents.arrived,
    journal: { kind: 'responder', note: input.note || '到场' },
  })
  return getAlarm(ctx, id, 'responder')
}
