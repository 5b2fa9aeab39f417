import { alarmEvents, assessmentEvents, benefitEvents, orderEvents, visitEvents, visitTaskFlow, type TVisitTaskLinkType } from '@yiyang/core'
import { and, eq, lte } from 'drizzle-orm'
import type { TDomainEvent } from '../../platform/events.js'
import type { TModuleDeps } from '../../platform/module.js'
import { withTx } from '../../platform/context.js'
import { runStep } from '../../platform/workflow.js'
import { taskAuditSnapshot } from './visits.mapper.js'
import { visitTasks } from './visits.tables.js'
import { systemCtx } from './on-elder-events.js'

type TOutcome = { action: 'complete' | 'cancel'; note: string }

/** Open tasks that a finished piece of work in another module settles. */
async function settle(deps: TModuleDeps, e: TDomainEvent, where: ReturnType<typeof and>, outcome: TOutcome) {
  await withTx(systemCtx(deps, e), async (t) => {
    const rows = await t.tx
      .select()
      .from(visitTasks)
      .where(and(where, eq(visitTasks.status, 'open')))
      .for('update')
    for (const before of rows)
      await runStep(t, {
        table: visitTasks,
        step: visitTaskFlow[outcome.action],
        before,
        patch: { resultNote: outcome.note },
        audit: {
          action: outcome.action === 'complete' ? 'visit.task_done' : 'visit.task_cancelled',
          entityType: 'visit_task',
          snapshot: taskAuditSnapshot,
          extra: { by: e.type },
        },
        event: outcome.action === 'complete' ? { type: visitEvents.taskDone, payload: (r) => ({ taskId: r.id, elderId: r.elderId, kind: r.kind }) } : undefined,
      })
  })
}

const linked = (type: TVisitTaskLinkType, id: string) => and(eq(visitTasks.linkType, type), eq(visitTasks.linkId, id))

/**
 * A task's status follows what it became (issue 22 item 4): the service order confirmed or
 * cancelled, the benefit application approved or rejected, the alarm closed, the reassessment
 * in force. Handlers are idempotent (only open tasks move, each by a compare-and-set step).
 */
export function subscribeLinkedEvents(deps: TModuleDeps) {
  const on = (type: string, fn: (e: TDomainEvent) => Promise<void>) => deps.events.on(type, fn)
  on(orderEvents.confirmed, (e) => settle(deps, e, linked('order', e.entityId), { action: 'complete', note: '服务工单已完成并经确认' }))
  on(orderEvents.cancelled, (e) => settle(deps, e, linked('order', e.entityId), { action: 'cancel', note: '服务工单已取消' }))
  on(benefitEvents.applicationApproved, (e) => settle(deps, e, linked('benefit_application', e.entityId), { action: 'complete', note: '补贴申请已批准' }))
  on(benefitEvents.applicationRejected, (e) =>
    settle(deps, e, linked('benefit_application', e.entityId), { action: 'complete', note: '补贴申请已办理，未获批准' }),
  )
  on(alarmEvents.closed, (e) => settle(deps, e, linked('alarm', e.entityId), { action: 'complete', note: '报警已处置并关闭' }))
  // A reassessment in force settles every reassessment task of the elder raised before it.
  on(assessmentEvents.effective, async (e) => {
    const elderId = typeof e.payload.elderId === 'string' ? e.payload.elderId : null
    if (!elderId) return
    await settle(deps, e, and(eq(visitTasks.elderId, elderId), eq(visitTasks.kind, 'reassessment'), lte(visitTasks.createdAt, deps.clock.now())), {
      action: 'complete',
      note: '已完成重新评估',
    })
  })
}
