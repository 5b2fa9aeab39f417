import { checkRule, toRule } from './worklist-rules.mapper.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import type { z } from 'zod'
import type { ZCreateRule } from './worklists.schemas.js'
import { worklistRules } from './worklists.tables.js'

export async function createWorklistRule(ctx: Ctx, input: z.infer<typeof ZCreateRule>) {
  requirePermission(ctx.actor, 'worklist:rules')
  const rule = checkRule(input.rule)
  const row = await withTx(ctx, async (t) => {
    const [created] = await t.tx
      .insert(worklistRules)
      .values({
        id: input.id,
        name: input.name,
        description: input.description,
        rule,
        reappearAfterDays: input.reappearAfterDays,
        isActive: input.isActive,
        updatedBy: ctx.actor!.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning()
    if (!created) throw new AppError('CONFLICT', '该编号的规则已存在', [{ path: 'id', message: '该编号已存在' }])
    await appendAudit(t, {
      action: 'worklist.rule_created',
      entityType: 'worklist_rule',
      entityId: created.id,
      after: { name: created.name, rule: created.rule, reappearAfterDays: created.reappearAfterDays },
    })
    return created
  })
  return toRule(row, {})
}
