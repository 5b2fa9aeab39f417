import { addDays, todayInShanghai, worklistItemFlow } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { itemInScope, toItems } from './worklist-items.repo.js'
import { worklistItems, worklistRules } from './worklists.tables.js'

/** Marks an item handled with a note; it reappears after the rule's delay if the condition still holds. */
export async function handleWorklistItem(ctx: Ctx, id: string, input: { note: string }) {
  requirePermission(ctx.actor, 'worklist:write')
  const item = await itemInScope(ctx, id)
  const [rule] = await ctx.db.select().from(worklistRules).where(eq(worklistRules.id, item.ruleId))
  const reappearOn = addDays(todayInShanghai(ctx.clock.now()), rule?.reappearAfterDays ?? 30)
  await withTx(ctx, async (t) => {
    const before = await itemInScope(ctx, id, t)
    await runStep(t, {
      table: worklistItems,
      step: worklistItemFlow.handle,
      before,
      patch: { handledNote: input.note, handledBy: ctx.actor!.userId, handledAt: ctx.clock.now(), reappearOn },
      audit: { action: 'worklist.item_handled', entityType: 'worklist_item', snapshot: (r) => ({ status: r.status }), extra: { note: input.note, reappearOn } },
    }).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'INVALID_TRANSITION' ? new AppError('INVALID_TRANSITION', '该事项已处理或已消除') : e
    })
  })
  return (await toItems(ctx, [await itemInScope(ctx, id)]))[0]!
}
