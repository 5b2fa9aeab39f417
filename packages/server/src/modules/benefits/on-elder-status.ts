import { and, eq, inArray } from 'drizzle-orm'
import { applicationFlow, nextMonth, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import type { TDomainEvent } from '../../platform/events.js'
import type { TModuleDeps } from '../../platform/module.js'
import { elderStatusEvents } from '../elders/index.js'
import { applicationStep, getProgramme } from './benefits.repo.js'
import { benefitApplications, benefits } from './benefits.tables.js'
import { stopBenefit } from './grant-benefit.js'

export const eventCtx = (deps: TModuleDeps, e: TDomainEvent): Ctx => ({
  db: deps.database.db,
  actor: null,
  requestId: `event:${e.type}:${e.id ?? ''}`,
  ip: 'local',
  clock: deps.clock,
  config: deps.config,
  crypto: deps.crypto,
  events: deps.events,
})

/**
 * Death or moving out stops every benefit from the month after the event's date (domain.md §6:
 * 不补差, overpayments are the disbursement's business) and ends the cases still under way.
 * Idempotent: a redelivered event finds nothing active.
 */
export async function applyElderLeft(deps: TModuleDeps, e: TDomainEvent) {
  const ctx = eventCtx(deps, e)
  const date = typeof e.payload.date === 'string' ? e.payload.date : todayInShanghai(ctx.clock.now())
  const reason = e.type === elderStatusEvents.deceased ? `老人于${date}去世` : `老人于${date}迁出`
  const stopFrom = nextMonth(date.slice(0, 7))
  await withTx(ctx, async (t) => {
    const active = await t.tx
      .select()
      .from(benefits)
      .where(and(eq(benefits.elderId, e.entityId), eq(benefits.status, 'active')))
      .for('update')
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    for (const b of active) {
      await stopBenefit(t, b, stopFrom, reason)
      const [app] = await t.tx.select().from(benefitApplications).where(eq(benefitApplications.id, b.applicationId)).for('update')
      if (app?.status === 'active') {
        await applicationStep(t, {
          programme: await getProgramme(t.tx, app.programmeCode),
          action: 'stop',
          before: app,
          isWorkingDay: cal.isWorkingDay,
          extra: { reason },
        })
      }
    }
    const open = await t.tx
      .select()
      .from(benefitApplications)
      .where(and(eq(benefitApplications.elderId, e.entityId), inArray(benefitApplications.status, [...applicationFlow.reject.from])))
      .for('update')
    for (const app of open) {
      await applicationStep(t, {
        programme: await getProgramme(t.tx, app.programmeCode),
        action: 'reject',
        before: app,
        isWorkingDay: cal.isWorkingDay,
        patch: { decisionNote: reason, decidedAt: ctx.clock.now() },
        extra: { reason },
      })
    }
  })
}
