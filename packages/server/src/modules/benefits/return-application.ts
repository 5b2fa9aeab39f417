import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { requirePermission } from '../../platform/permissions.js'
import { applicationStep, getApplicationInScope, getProgramme } from './benefits.repo.js'
import { getApplication } from './get-application.js'

/** Back to the community worker with a reason (papers missing, facts to correct). */
export async function returnApplication(ctx: Ctx, id: string, input: { version: number; reason: string }) {
  requirePermission(ctx.actor, 'benefit:accept')
  const actor = ctx.actor
  await getApplicationInScope(ctx.db, actor, id)
  await withTx(ctx, async (t) => {
    const before = await getApplicationInScope(t.tx, actor, id, true)
    const programme = await getProgramme(t.tx, before.programmeCode)
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    await applicationStep(t, {
      programme,
      action: 'return',
      before,
      version: input.version,
      isWorkingDay: cal.isWorkingDay,
      // Verifications start over: the facts they saw may change.
      patch: { returnReason: input.reason, verifications: [] },
      extra: { reason: input.reason },
    })
  })
  return getApplication(ctx, id)
}
