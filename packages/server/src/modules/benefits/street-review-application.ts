import { evaluateProgramme, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { eligibilityFactsByIds } from '../elders/index.js'
import { applicationStep, decisionMonth, getApplicationInScope, getProgramme } from './benefits.repo.js'
import { getApplication } from './get-application.js'
import { postNotice } from './open-notice.js'

/** Reasons a case fails, from its clauses, for a Chinese error message. */
export const failedClauses = (clauses: { text: string; met: boolean }[]) =>
  clauses
    .filter((c) => !c.met)
    .map((c) => c.text)
    .join('；')

/**
 * 街道审核: the clauses are checked again on the current facts; a case that no longer
 * qualifies cannot pass (the reviewer returns or the county rejects it). With 公示 on, the
 * notice is posted at once for the programme's days.
 */
export async function streetReviewApplication(ctx: Ctx, id: string, input: { version: number; note?: string | null }) {
  requirePermission(ctx.actor, 'benefit:street_review')
  const actor = ctx.actor
  const row = await getApplicationInScope(ctx.db, actor, id)
  const programme = await getProgramme(ctx.db, row.programmeCode)
  const facts = (await eligibilityFactsByIds(ctx.db, [row.elderId])).get(row.elderId)
  const r = evaluateProgramme(programme, facts!.facts, decisionMonth(ctx.clock.now()))
  if (!r.eligible) throw new AppError('NOT_ELIGIBLE', `不符合条件：${failedClauses(r.clauses)}`, [{ path: 'clauses', message: failedClauses(r.clauses) }])
  await withTx(ctx, async (t) => {
    const before = await getApplicationInScope(t.tx, actor, id, true)
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    const after = await applicationStep(t, {
      programme,
      action: 'streetReview',
      before,
      version: input.version,
      isWorkingDay: cal.isWorkingDay,
      patch: { streetReviewNote: input.note ?? null, streetReviewedBy: actor.userId, amountFen: r.amountFen, clauses: r.clauses },
      extra: input.note ? { note: input.note } : undefined,
    })
    if (programme.notice.enabled) await postNotice(t, programme, after, cal.isWorkingDay)
  })
  return getApplication(ctx, id)
}
