import { alarmEvents } from '@yiyang/core'
import { appendAudit } from '../../platform/audit.js'
import type { TxCtx } from '../../platform/context.js'
import { enqueueJob } from '../../platform/jobs.js'
import { recordEvent } from '../../platform/outbox.js'
import { alarmSnapshot } from './alarms.repo.js'
import { alarms } from './alarms.tables.js'
import { ESCALATE_JOB } from './escalate-alarm.js'

export type TRaiseStaffAlarm = {
  elderId: string
  regionCode: string
  /** What raised it, e.g. 'visit'; with `ref` it is the alarm's unique key (a retry finds the same alarm). */
  source: 'visit'
  ref: string
  lat?: number | null
  lng?: number | null
}

/**
 * Service for other modules (visits): a member of staff raises an alarm for an elder (an urgent
 * problem found on a care visit). It joins the alarm queue exactly like a device alarm — same
 * flow, claim timer and escalation — in the caller's transaction, audited, with the
 * `alarm.raised` event. The same source and ref give the same alarm.
 */
export async function raiseStaffAlarm(t: TxCtx, input: TRaiseStaffAlarm) {
  const now = t.clock.now()
  const [row] = await t.tx
    .insert(alarms)
    .values({
      deviceSerial: input.source,
      eventId: input.ref,
      type: input.source,
      source: 'staff',
      elderId: input.elderId,
      regionCode: input.regionCode,
      status: 'raised',
      eventTime: now,
      receivedAt: now,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [alarms.deviceSerial, alarms.eventId] })
    .returning()
  if (!row) return null
  await appendAudit(t, {
    action: 'alarm.raised',
    entityType: 'alarm',
    entityId: row.id,
    regionCode: row.regionCode,
    after: { source: row.source, raisedBy: t.actor?.userId ?? null, ...alarmSnapshot(row) },
  })
  await recordEvent(t, {
    type: alarmEvents.raised,
    entityType: 'alarm',
    entityId: row.id,
    regionCode: row.regionCode,
    payload: { elderId: row.elderId, type: row.type, deviceSerial: row.deviceSerial },
  })
  await enqueueJob(t, {
    kind: ESCALATE_JOB,
    input: { alarmId: row.id, stage: 'claim' },
    idempotencyKey: `${row.id}:claim`,
    runAt: new Date(now.getTime() + t.config.alarms.claimWithinMs),
    regionCode: row.regionCode,
  })
  return row
}
