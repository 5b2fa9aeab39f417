import { benefitEvents, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { requirePermission } from '../../platform/permissions.js'
import { applicationStep, getApplicationInScope, getProgramme } from './benefits.repo.js'
import { getApplication } from './get-application.js'

/** draft/returned → submitted: the acceptance deadline starts (programme `accept` working days). */
export async function submitApplication(ctx: Ctx, id: string, version: number) {
  requirePermission(ctx.actor, 'benefit:apply')
  const actor = ctx.actor
  await getApplicationInScope(ctx.db, actor, id)
  await withTx(ctx, async (t) => {
    const before = await getApplicationInScope(t.tx, actor, id, true)
    const programme = await getProgramme(t.tx, before.programmeCode)
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    await applicationStep(t, {
      programme,
      action: 'submit',
      before,
      version,
      isWorkingDay: cal.isWorkingDay,
      patch: { submittedAt: ctx.clock.now(), returnReason: null },
      event: { type: benefitEvents.applicationSubmitted, payload: (r) => ({ elderId: r.elderId, programmeCode: r.programmeCode }) },
    })
  })
  return getApplication(ctx, id)
}
