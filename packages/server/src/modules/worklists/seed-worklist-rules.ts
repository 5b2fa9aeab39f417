import { defaultWorklistRules } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { worklistRules } from './worklists.tables.js'

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
