import { alarmEvents, alarmFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { alarmStep } from './alarm-step.js'
import { getAlarm } from './get-alarm.js'
import { staffName } from './staff-name.js'

/** 认领: exactly one operator wins when several click at once (compare-and-set on 'raised'). */
export async function claimAlarm(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'alarm:handle')
  const actor = ctx.actor
  const name = await staffName(ctx, actor)
  await alarmStep(ctx, actor, id, {
    step: alarmFlow.claim,
    reach: 'scope',
    patch: (_b, now) => ({ claimedBy: actor.userId, claimedByName: name, claimedAt: now }),
    action: 'alarm.claimed',
    event: alarmEvents.claimed,
  })
  return getAlarm(ctx, id)
}
