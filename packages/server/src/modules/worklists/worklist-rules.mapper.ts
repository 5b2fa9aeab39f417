import { describeRule, validateRule, type TRule } from '@yiyang/core'
import { AppError } from '../../platform/errors.js'
import { worklistRules } from './worklists.tables.js'

export type TRuleRow = typeof worklistRules.$inferSelect

export function checkRule(rule: unknown): TRule {
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

export const toRule = (r: TRuleRow, counts: Record<string, number>) => ({
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
