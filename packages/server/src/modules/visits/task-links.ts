import { type TVisitTaskLinkType } from '@yiyang/core'
import { and, eq, sql } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { enqueueJob } from '../../platform/jobs.js'
import { raiseStaffAlarm } from '../alarms/index.js'
import { recordConditionChange } from '../assessments/index.js'
import { draftApplicationFor } from '../benefits/index.js'
import type { TPlanRow, TTaskRow } from './visits.repo.js'
import { visitTasks } from './visits.tables.js'

export const NOTIFY_SUPPORTER_JOB = 'visits.notify_supporter'
export type TNotifySupporterInput = { taskId: string }

/** Records on the task what it became in the other module (kept only once: a link is never replaced). */
export async function linkTask(t: TxCtx, taskId: string, linkType: TVisitTaskLinkType, linkId: string) {
  const [row] = await t.tx
    .update(visitTasks)
    .set({ linkType, linkId, version: sql`${visitTasks.version} + 1`, updatedAt: t.clock.now() })
    .where(and(eq(visitTasks.id, taskId), eq(visitTasks.status, 'open')))
    .returning()
  return row
}

/**
 * A task raised on a visit becomes a real piece of work in the module that does it, in the
 * visit's transaction (issue 22 item 4):
 * - 重新评估: a condition change to the assessment module (the elder shows as due for reassessment);
 * - 申请补贴: a benefit application draft (the programme named, or the one discovery finds);
 * - 赡(扶)养人通知: a durable job sends the notice to the elder's guardian (the notifier);
 * - 紧急求助: an alarm in the alarm queue (claim timer and escalation like a device alarm).
 * 申请上门服务 needs a provider and an item: the owner turns it into an order (`POST /visits/tasks/:id/order`).
 */
export async function linkAtVisit(
  t: TxCtx,
  task: TTaskRow,
  plan: TPlanRow,
  extra: { programmeCode?: string | null; lat?: number | null; lng?: number | null },
) {
  switch (task.kind) {
    case 'reassessment': {
      const trigger = await recordConditionChange(t, {
        elderId: plan.elderId,
        regionCode: plan.regionCode,
        elderName: plan.elderName,
        note: task.note,
        source: 'visit',
      })
      return linkTask(t, task.id, 'assessment_trigger', trigger.id)
    }
    case 'benefit_application': {
      const app = await draftApplicationFor(t, {
        elderId: plan.elderId,
        elderName: plan.elderName,
        regionCode: plan.regionCode,
        programmeCode: extra.programmeCode ?? null,
        note: `探访发现：${task.note}`,
        createdBy: task.ownerId,
      })
      return app ? linkTask(t, task.id, 'benefit_application', app.applicationId) : task
    }
    case 'alarm': {
      const alarm = await raiseStaffAlarm(t, {
        elderId: plan.elderId,
        regionCode: plan.regionCode,
        source: 'visit',
        ref: task.id,
        lat: extra.lat,
        lng: extra.lng,
      })
      return alarm ? linkTask(t, task.id, 'alarm', alarm.id) : task
    }
    case 'supporter_notice': {
      const job = await enqueueJob<TNotifySupporterInput>(
        { ...t, actor: null },
        { kind: NOTIFY_SUPPORTER_JOB, input: { taskId: task.id }, idempotencyKey: task.id, regionCode: task.regionCode },
      )
      return linkTask(t, task.id, 'supporter_notice', job.id)
    }
    case 'service_order':
      return task
  }
}
