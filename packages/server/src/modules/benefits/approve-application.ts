import { benefitEvents, evaluateProgramme, nextMonth, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { eligibilityFactsByIds } from '../elders/index.js'
import { applicationStep, decisionMonth, getApplicationInScope, getProgramme } from './benefits.repo.js'
import { getApplication } from './get-application.js'
import { grantBenefit } from './grant-benefit.js'
import { failedClauses } from './street-review-application.js'

/**
 * The first month paid [DESIGN]: the month after approval; but when the approval itself was
 * overdue (its working-day deadline passed before today), the month after that deadline — the
 * elder is paid as if the case had been decided in time, and the months between are back pay
 * (补发) in the month run.
 */
export function effectiveMonth(stepDue: string | null, today: string, decision: string): string {
  if (!stepDue || stepDue >= today) return decision
  const due = nextMonth(stepDue.slice(0, 7))
  return due < decision ? due : decision
}

/**
 * County approval: compare-and-set on the version the approver saw, so two approvers at the
 * same moment cannot both succeed; the benefit is made in the same transaction and paid from
 * the month after approval, at the amount of the current facts.
 */
export async function approveApplication(ctx: Ctx, id: string, input: { version: number; note?: string | null }) {
  requirePermission(ctx.actor, 'benefit:approve')
  const actor = ctx.actor
  const row = await getApplicationInScope(ctx.db, actor, id)
  const programme = await getProgramme(ctx.db, row.programmeCode)
  const month = decisionMonth(ctx.clock.now())
  const facts = (await eligibilityFactsByIds(ctx.db, [row.elderId])).get(row.elderId)
  const r = evaluateProgramme(programme, facts!.facts, month)
  if (!r.eligible) throw new AppError('NOT_ELIGIBLE', `不符合条件：${failedClauses(r.clauses)}`, [{ path: 'clauses', message: failedClauses(r.clauses) }])
  await withTx(ctx, async (t) => {
    const before = await getApplicationInScope(t.tx, actor, id, true)
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    const approved = await applicationStep(t, {
      programme,
      action: 'approve',
      before,
      version: input.version,
      isWorkingDay: cal.isWorkingDay,
      patch: { decisionNote: input.note ?? null, decidedBy: actor.userId, decidedAt: ctx.clock.now(), amountFen: r.amountFen, clauses: r.clauses },
      extra: input.note ? { note: input.note } : undefined,
      event: { type: benefitEvents.applicationApproved, payload: (a) => ({ elderId: a.elderId, programmeCode: a.programmeCode, amountFen: r.amountFen }) },
    })
    const benefit = await grantBenefit(t, programme, approved, r.amountFen, effectiveMonth(before.stepDue, todayInShanghai(ctx.clock.now()), month), month)
    await applicationStep(t, {
      programme,
      action: 'activate',
      before: approved,
      isWorkingDay: cal.isWorkingDay,
      patch: { benefitId: benefit.id, stepDue: null },
    })
  })
  return getApplication(ctx, id)
}
