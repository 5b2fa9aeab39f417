import { worklistItemFlow } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { getUsersBrief } from '../accounts/index.js'
import { itemInScope, toItems, type TItemRow } from './worklist-items.repo.js'
import { worklistItems } from './worklists.tables.js'

const assignable = ['street_officer', 'community_worker', 'bureau_admin']
const snapshot = (r: TItemRow) => ({ status: r.status, assignedTo: r.assignedToName })

/** Assigns an open item to the actor (认领) or to another staff member inside the actor's scope. */
export async function assignWorklistItem(ctx: Ctx, id: string, input: { assigneeId?: string }) {
  requirePermission(ctx.actor, 'worklist:write')
  const actor = ctx.actor
  const item = await itemInScope(ctx, id)
  let assignee = { id: actor.userId, name: actor.username }
  if (input.assigneeId && input.assigneeId !== actor.userId) {
    const u = (await getUsersBrief(ctx.db, [input.assigneeId])).get(input.assigneeId)
    if (!u || !u.isActive || !u.scopePrefix.startsWith(actor.scopePrefix) || !item.regionCode.startsWith(u.scopePrefix) || !assignable.includes(u.role)) {
      throw new AppError('VALIDATION_FAILED', '只能指派给负责该社区的街道或社区工作人员', [{ path: 'assigneeId', message: '该人员不能处理此事项' }])
    }
    assignee = { id: u.id, name: u.displayName }
  }
  await withTx(ctx, async (t) => {
    const before = await itemInScope(ctx, id, t)
    await runStep(t, {
      table: worklistItems,
      step: worklistItemFlow.assign,
      before,
      patch: { assignedTo: assignee.id, assignedToName: assignee.name },
      audit: { action: 'worklist.item_assigned', entityType: 'worklist_item', snapshot },
    }).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'INVALID_TRANSITION' ? new AppError('INVALID_TRANSITION', '该事项已处理或已消除，不能指派') : e
    })
  })
  return (await toItems(ctx, [await itemInScope(ctx, id)]))[0]!
}
