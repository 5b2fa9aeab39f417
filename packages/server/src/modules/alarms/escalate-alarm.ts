import { alarmEvents, escalationLevelLabels } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { recordEvent } from '../../platform/outbox.js'
import { findActiveUsersByRole } from '../accounts/index.js'
import { hubOf } from './alarm-hub.js'
import { alarmSnapshot } from './alarms.repo.js'
import { alarmActions, alarms } from './alarms.tables.js'

export const ESCALATE_JOB = 'alarms.escalate'
type TInput = { alarmId: string; stage: 'claim' | 'close' }

/**
 * The two escalation timers of an alarm, as durable jobs (they survive a restart and run on the
 * fake clock in tests): not claimed within ALARM_CLAIM_SECONDS → level 1, every operator of the
 * street and the street's officers are told; not closed within ALARM_SLA_MINUTES → level 2,
 * the district's duty (bureau) is told. Each stage runs once per alarm (idempotency key).
 */
async function runEscalation(ctx: Ctx, input: TInput) {
  const [alarm] = await ctx.db.select().from(alarms).where(eq(alarms.id, input.alarmId))
  if (!alarm) return { skipped: 'missing' }
  const level = input.stage === 'claim' ? 1 : 2
  const due = input.stage === 'claim' ? alarm.status === 'raised' : alarm.status !== 'closed'
  if (due && alarm.escalationLevel < level) {
    const street = alarm.regionCode.slice(0, 9)
    const told =
      level === 1
        ? [...(await findActiveUsersByRole(ctx.db, 'operator', street)), ...(await findActiveUsersByRole(ctx.db, 'street_officer', street))]
        : await findActiveUsersByRole(ctx.db, 'bureau_admin', alarm.regionCode.slice(0, 6))
    const now = ctx.clock.now()
    const after = await withTx(ctx, async (t) => {
      const [row] = await t.tx.update(alarms).set({ escalationLevel: level, escalatedAt: now, updatedAt: now }).where(eq(alarms.id, alarm.id)).returning()
      const note = `${escalationLevelLabels[level]}：${told.map((u) => u.displayName).join('、') || '无在岗人员'}`
      await t.tx.insert(alarmActions).values({ alarmId: alarm.id, kind: 'escalated', result: String(level), note, at: now })
      await appendAudit(t, {
        action: 'alarm.escalated',
        entityType: 'alarm',
        entityId: alarm.id,
        regionCode: alarm.regionCode,
        before: alarmSnapshot(alarm),
        after: alarmSnapshot(row!),
      })
      await recordEvent(t, {
        type: alarmEvents.escalated,
        entityType: 'alarm',
        entityId: alarm.id,
        regionCode: alarm.regionCode,
        payload: { level, notified: told.map((u) => u.id) },
      })
      return row!
    })
    hubOf(ctx.events).publish('alarm.updated', after)
  }
  if (input.stage === 'claim' && alarm.status !== 'closed') {
    await withTx(ctx, (t) =>
      enqueueJob(t, {
        kind: ESCALATE_JOB,
        input: { alarmId: alarm.id, stage: 'close' },
        idempotencyKey: `${alarm.id}:close`,
        runAt: new Date(alarm.receivedAt.getTime() + ctx.config.alarms.closeWithinMs),
        regionCode: alarm.regionCode,
      }),
    )
  }
  return { escalated: due, level }
}

export const escalateAlarmJob = defineJob<TInput>({
  kind: ESCALATE_JOB,
  label: '报警超时升级',
  maxAttempts: 5,
  run: (ctx, job) => runEscalation(ctx, job.input),
})
