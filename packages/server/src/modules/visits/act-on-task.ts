import { visitEvents, visitTaskFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { taskAuditSnapshot, toTaskItem } from './visits.mapper.js'
import { getTaskInScope } from './visits.repo.js'
import type { TTaskAction } from './visits.schemas.js'
import { visitTasks } from './visits.tables.js'

/** Closes a task raised on a visit: done (with the result) or cancelled (with the reason). */
export async function actOnTask(ctx: Ctx, id: string, input: TTaskAction) {
  requirePermission(ctx.actor, 'visit:task')
  const row = await withTx(ctx, async (t) => {
    const before = await getTaskInScope(t.tx, t.actor!, id, true)
    return runStep(t, {
      table: visitTasks,
      step: visitTaskFlow[input.action],
      before,
      version: input.version,
      patch: { resultNote: input.resultNote },
      audit: { action: input.action === 'complete' ? 'visit.task_done' : 'visit.task_cancelled', entityType: 'visit_task', snapshot: taskAuditSnapshot },
      event: input.action === 'complete' ? { type: visitEvents.taskDone, payload: (r) => ({ taskId: r.id, elderId: r.elderId, kind: r.kind }) } : undefined,
    })
  })
  return toTaskItem(row, null)
}
