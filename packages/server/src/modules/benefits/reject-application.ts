import { benefitEvents, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { requirePermission } from '../../platform/permissions.js'
import { applicationStep, getApplicationInScope, getProgramme } from './benefits.repo.js'
import { getApplication } from './get-application.js'

/** County (or earlier) rejection with a reason. */
export async function rejectApplication(ctx: Ctx, id: string, input: { version: number; reason: string }) {
  requirePermission(ctx.actor, 'benefit:approve')
  const actor = ctx.actor
  await getApplicationInScope(ctx.db, actor, id)
  await withTx(ctx, async (t) => {
    const before = await getApplicationInScope(t.tx, actor, id, true)
    const programme = await getProgramme(t.tx, before.programmeCode)
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    await applicationStep(t, {
      programme,
      action: 'reject',
      before,
      version: input.version,
      isWorkingDay: cal.isWorkingDay,
      patch: { decisionNote: input.reason, decidedBy: actor.userId, decidedAt: ctx.clock.now(), stepDue: null },
      extra: { reason: input.reason },
      event: { type: benefitEvents.applicationRejected, payload: (a) => ({ elderId: a.elderId, programmeCode: a.programmeCode, reason: input.reason }) },
    })
  })
  return getApplication(ctx, id)
}
