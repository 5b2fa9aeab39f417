import { updateVersioned } from '../../platform/workflow.js'
import { eq } from 'drizzle-orm'
import { checkRule, toRule, type TRuleRow } from './worklist-rules.mapper.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import type { z } from 'zod'
import type { ZUpdateRule } from './worklists.schemas.js'
import { worklistRules } from './worklists.tables.js'

export async function updateWorklistRule(ctx: Ctx, id: string, input: z.infer<typeof ZUpdateRule>) {
  requirePermission(ctx.actor, 'worklist:rules')
  const rule = input.rule !== undefined ? checkRule(input.rule) : undefined
  const row = await withTx(ctx, async (t) => {
    const [before] = await t.tx.select().from(worklistRules).where(eq(worklistRules.id, id)).for('update')
    if (!before) throw new AppError('NOT_FOUND', '规则不存在')
    if (before.version !== input.version) throw new AppError('CONFLICT', '规则已被他人修改，请刷新后重试')
    const after = await updateVersioned(t, worklistRules, id, input.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(rule ? { rule } : {}),
      ...(input.reappearAfterDays !== undefined ? { reappearAfterDays: input.reappearAfterDays } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      updatedBy: ctx.actor!.userId,
    })
    const snap = (r: TRuleRow) => ({ name: r.name, description: r.description, rule: r.rule, reappearAfterDays: r.reappearAfterDays, isActive: r.isActive })
    await appendAudit(t, { action: 'worklist.rule_updated', entityType: 'worklist_rule', entityId: id, before: snap(before), after: snap(after) })
    return after
  })
  return toRule(row, {})
}
