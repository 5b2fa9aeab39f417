import { and, eq, inArray } from 'drizzle-orm'
import { applicationFlow, benefitEvents, nextMonth, todayInShanghai } from '@yiyang/core'
import { appendAudit } from '../../platform/audit.js'
import { recordEvent } from '../../platform/outbox.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import type { TDomainEvent } from '../../platform/events.js'
import type { TModuleDeps } from '../../platform/module.js'
import { elderStatusEvents } from '../elders/index.js'
import { applicationStep, getProgramme } from './benefits.repo.js'
import { benefitApplications, benefits } from './benefits.tables.js'
import { benefitAuditSnapshot } from './benefits.mapper.js'
import { addHistory, stopBenefit } from './grant-benefit.js'

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
      await stopBenefit(t, b, stopFrom, reason, 'elder_left')
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

/**
 * The elder is back in the register (a death or moving out recorded by mistake, corrected to
 * active): every benefit that leaving stopped comes back — active again from the month it was
 * stopped, so no month is lost, with a 恢复发放 line in the 待遇 history, the audit row, the
 * `benefit.resumed` event, and its application back from 已停发 to 享受中. A benefit stopped for
 * another reason (the yearly review, 择高申领) stays stopped. The discovery list is recomputed by
 * the same event (refreshOn). Idempotent: a redelivered event finds nothing stopped by leaving.
 */
export async function applyElderBack(deps: TModuleDeps, e: TDomainEvent) {
  const ctx = eventCtx(deps, e)
  const note = typeof e.payload.reason === 'string' && e.payload.reason.trim() ? `（${e.payload.reason.trim()}）` : ''
  await withTx(ctx, async (t) => {
    const stopped = await t.tx
      .select()
      .from(benefits)
      .where(and(eq(benefits.elderId, e.entityId), eq(benefits.status, 'stopped'), eq(benefits.stopCause, 'elder_left')))
      .for('update')
    if (stopped.length === 0) return
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    for (const b of stopped) {
      const month = b.stopMonth ?? b.fromMonth
      const reason = `老人恢复在册${note}，自${month}起恢复发放`
      // A programme granted again in the meantime keeps that grant; this one stays stopped.
      const [held] = await t.tx
        .select({ id: benefits.id })
        .from(benefits)
        .where(and(eq(benefits.elderId, b.elderId), eq(benefits.programmeCode, b.programmeCode), eq(benefits.status, 'active')))
      if (held) continue
      const [after] = await t.tx
        .update(benefits)
        .set({ status: 'active', stopMonth: null, stopReason: null, stopCause: null, version: b.version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(benefits.id, b.id), eq(benefits.status, 'stopped')))
        .returning()
      if (!after) continue
      await appendAudit(t, {
        action: 'benefit.resumed',
        entityType: 'benefit',
        entityId: b.id,
        regionCode: b.regionCode,
        before: benefitAuditSnapshot(b),
        after: { ...benefitAuditSnapshot(after), reason },
      })
      await addHistory(t, after, { kind: 'resumed', from: 0, to: after.amountFen, month, reason })
      await recordEvent(t, {
        type: benefitEvents.resumed,
        entityType: 'benefit',
        entityId: b.id,
        regionCode: b.regionCode,
        payload: { elderId: b.elderId, programmeCode: b.programmeCode, fromMonth: month, amountFen: after.amountFen, reason },
      })
      const [app] = await t.tx.select().from(benefitApplications).where(eq(benefitApplications.id, b.applicationId)).for('update')
      if (app?.status === 'stopped')
        await applicationStep(t, {
          programme: await getProgramme(t.tx, app.programmeCode),
          action: 'resume',
          before: app,
          isWorkingDay: cal.isWorkingDay,
          extra: { reason },
        })
    }
  })
}
