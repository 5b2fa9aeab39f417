import { visitTaskFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { appendAudit } from '../../platform/audit.js'
import { requirePermission } from '../../platform/permissions.js'
import { requestOrder } from '../orders/index.js'
import { taskAuditSnapshot, toTaskItem } from './visits.mapper.js'
import { getTaskInScope, type TTaskRow } from './visits.repo.js'
import type { TTaskOrder } from './visits.schemas.js'
import { linkTask } from './task-links.js'

/**
 * 申请上门服务 (issue 22 item 4): the task's owner turns it into a service order request through
 * the orders module (provider, item, date chosen by the owner; priced from the service list and
 * drawn from the elder's credits there). The order and the task's link commit together; the task
 * then follows the order (confirmed → 已办结, cancelled → 已取消).
 */
export async function orderFromTask(ctx: Ctx, id: string, input: TTaskOrder) {
  requirePermission(ctx.actor, 'visit:task')
  requirePermission(ctx.actor, 'order:request')
  const actor = ctx.actor
  const task = await getTaskInScope(ctx.db, actor, id)
  if (task.kind !== 'service_order') throw new AppError('INVALID_TRANSITION', '只有“申请上门服务”任务可以转为服务工单')
  if (!(visitTaskFlow.complete.from as readonly string[]).includes(task.status)) throw new AppError('INVALID_TRANSITION', '任务已办结或已取消')
  if (task.linkId) throw new AppError('CONFLICT', '该任务已转为服务工单')
  if (task.version !== input.version) throw new AppError('CONFLICT', '任务已被他人修改，请刷新后重试')
  const { version: _v, ...order } = input
  let linked: Awaited<ReturnType<typeof linkTask>>
  let locked: TTaskRow
  const created = await requestOrder(
    ctx,
    { ...order, elderId: task.elderId, requesterKind: 'community_worker', note: order.note ?? task.note },
    {
      // The task is locked before the order writes its audit rows (the lock order of every use case).
      first: async (t) => {
        locked = await getTaskInScope(t.tx, actor, id, true)
        if (locked.linkId || locked.status !== 'open' || locked.version !== input.version) throw new AppError('CONFLICT', '任务已被他人修改，请刷新后重试')
      },
      then: async (t, orderId) => {
        linked = await linkTask(t, id, 'order', orderId)
        await appendAudit(t, {
          action: 'visit.task_ordered',
          entityType: 'visit_task',
          entityId: id,
          regionCode: locked.regionCode,
          before: taskAuditSnapshot(locked),
          after: taskAuditSnapshot(linked!),
        })
      },
    },
  )
  return { task: toTaskItem(linked!, null), orderId: created.id }
}
