import { updateVersioned } from '../../platform/workflow.js'
import { defaultWorklistRules, describeRule, ruleOpLabels, validateRule, worklistFields, type TRule } from '@yiyang/core'
import { asc, count, eq, like } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import type { z } from 'zod'
import type { ZCreateRule, ZUpdateRule } from './worklists.schemas.js'
import { worklistItems, worklistRules } from './worklists.tables.js'

type TRuleRow = typeof worklistRules.$inferSelect

function checkRule(rule: unknown): TRule {
  const v = validateRule(rule)
  if (!v.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      `规则无效：${v.errors[0]!.path}：${v.errors[0]!.message}`,
      v.errors.map((e) => ({ path: `rule.${e.path}`, message: e.message })),
    )
  }
  return v.rule
}

const toRule = (r: TRuleRow, counts: Record<string, number>) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  rule: r.rule,
  ruleText: describeRule(r.rule as TRule),
  reappearAfterDays: r.reappearAfterDays,
  isActive: r.isActive,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
  counts: { open: counts.open ?? 0, assigned: counts.assigned ?? 0, handled: counts.handled ?? 0, resolved: counts.resolved ?? 0 },
})

/** Rules with item counts inside the actor's scope, plus the field/operator catalogue for the editor. */
export async function findWorklistRules(ctx: Ctx) {
  requirePermission(ctx.actor, 'worklist:read')
  const [rules, counts] = await Promise.all([
    ctx.db.select().from(worklistRules).orderBy(asc(worklistRules.createdAt), asc(worklistRules.id)),
    ctx.db
      .select({ ruleId: worklistItems.ruleId, status: worklistItems.status, n: count() })
      .from(worklistItems)
      .where(like(worklistItems.regionCode, scopeLike(ctx.actor.scopePrefix)))
      .groupBy(worklistItems.ruleId, worklistItems.status),
  ])
  const byRule = new Map<string, Record<string, number>>()
  for (const c of counts) byRule.set(c.ruleId, { ...(byRule.get(c.ruleId) ?? {}), [c.status]: Number(c.n) })
  return {
    items: rules.map((r) => toRule(r, byRule.get(r.id) ?? {})),
    fields: Object.entries(worklistFields).map(([name, f]) => ({ name, type: f.type, label: f.label, values: 'values' in f ? f.values : null })),
    ops: Object.entries(ruleOpLabels).map(([op, label]) => ({ op, label })),
  }
}

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

/** Default rules for a fresh database (core's defaultWorklistRules). */
export async function seedWorklistRules(ctx: Ctx) {
  await ctx.db
    .insert(worklistRules)
    .values(
      defaultWorklistRules.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        rule: r.rule,
        reappearAfterDays: r.reappearAfterDays,
      })),
    )
    .onConflictDoNothing()
}
