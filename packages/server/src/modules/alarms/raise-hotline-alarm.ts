import { alarmEvents, hotlineFlow } from '@yiyang/core'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { enqueueJob } from '../../platform/jobs.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { hubOf } from './alarm-hub.js'
import { alarmSnapshot, type TAlarmRow } from './alarms.repo.js'
import { alarms } from './alarms.tables.js'
import { ESCALATE_JOB } from './escalate-alarm.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'

/** The device serial of alarms raised by 12349 calls (the alarm's eventId is the work order's id). */
export const HOTLINE_SERIAL = '12349'

/**
 * An emergency call becomes an alarm that runs the same alarm flow as a bracelet's SOS: stored
 * raised, escalation timer armed, audited and announced, in the work order's transaction.
 */
export async function raiseHotlineAlarm(ctx: Ctx, id: string, input: { version?: number; note: string }) {
  requirePermission(ctx.actor, 'hotline:handle')
  const actor = ctx.actor
  let alarm: TAlarmRow | undefined
  await hotlineStep(ctx, actor, id, {
    step: hotlineFlow.raiseAlarm,
    version: input.version,
    action: 'hotline.alarm_raised',
    event: alarmEvents.hotlineAlarmRaised,
    prepare: async (t, before, now) => {
      const [row] = await t.tx
        .insert(alarms)
        .values({
          deviceSerial: HOTLINE_SERIAL,
          eventId: before.id,
          type: 'hotline',
          source: 'hotline',
          elderId: before.elderId,
          regionCode: before.regionCode,
          status: 'raised',
          eventTime: before.receivedAt,
          receivedAt: now,
          hotlineCallId: before.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      alarm = row!
      await appendAudit(t, {
        action: 'alarm.raised',
        entityType: 'alarm',
        entityId: alarm.id,
        regionCode: alarm.regionCode,
        after: { source: 'hotline', hotlineCallId: before.id, ...alarmSnapshot(alarm) },
      })
      await recordEvent(t, {
        type: alarmEvents.raised,
        entityType: 'alarm',
        entityId: alarm.id,
        regionCode: alarm.regionCode,
        payload: { elderId: alarm.elderId, type: alarm.type, deviceSerial: alarm.deviceSerial },
      })
      await enqueueJob(t, {
        kind: ESCALATE_JOB,
        input: { alarmId: alarm.id, stage: 'claim' },
        idempotencyKey: `${alarm.id}:claim`,
        runAt: new Date(now.getTime() + ctx.config.alarms.claimWithinMs),
        regionCode: alarm.regionCode,
      })
      return { alarmId: alarm.id, category: before.category ?? 'emergency', summary: before.summary || input.note }
    },
    journal: { kind: 'alarm', note: input.note || '紧急来电转报警' },
  })
  hubOf(ctx.events).publish('alarm.created', alarm!)
  return getHotlineCall(ctx, id)
}
