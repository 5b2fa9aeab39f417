import { and, eq, ne } from 'drizzle-orm'
import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { like } from 'drizzle-orm'
import { applicationStep, getApplicationInScope, getProgramme } from './benefits.repo.js'
import type { TDecideObjection } from './benefits.schemas.js'
import { benefitObjections } from './benefits.tables.js'
import { getApplication } from './get-application.js'
import { postNotice } from './open-notice.js'

/**
 * The outcome of checking an objection. Upheld: the application fails (rejected, with the
 * finding). Dismissed: once no objection is left open the 公示 continues — posted again for its
 * full length when asked, or closed at once if its window has already passed.
 */
export async function decideObjection(ctx: Ctx, objectionId: string, input: TDecideObjection) {
  requirePermission(ctx.actor, 'benefit:notice')
  const actor = ctx.actor
  const [o0] = await ctx.db
    .select()
    .from(benefitObjections)
    .where(and(eq(benefitObjections.id, objectionId), like(benefitObjections.regionCode, scopeLike(actor.scopePrefix))))
  if (!o0) throw new AppError('NOT_FOUND')
  const applicationId = o0.applicationId
  await withTx(ctx, async (t) => {
    const app = await getApplicationInScope(t.tx, actor, applicationId, true)
    const [o] = await t.tx.select().from(benefitObjections).where(eq(benefitObjections.id, objectionId)).for('update')
    if (!o || o.status !== 'open') throw new AppError('INVALID_TRANSITION', '该异议已处理')
    const programme = await getProgramme(t.tx, app.programmeCode)
    const today = todayInShanghai(ctx.clock.now())
    const cal = await loadWorkCalendar(t.tx, today)
    await t.tx
      .update(benefitObjections)
      .set({ status: input.decision, decisionNote: input.note, decidedBy: actor.userId, decidedAt: ctx.clock.now() })
      .where(eq(benefitObjections.id, objectionId))
    await appendAudit(t, {
      action: `benefit_objection.${input.decision}`,
      entityType: 'benefit_objection',
      entityId: objectionId,
      regionCode: o.regionCode,
      before: { status: o.status },
      after: { status: input.decision, note: input.note, applicationId },
    })
    if (input.decision === 'upheld') {
      // Other open objections to the same case are settled by this finding.
      await t.tx
        .update(benefitObjections)
        .set({ status: 'upheld', decisionNote: `同案异议已成立：${input.note}`, decidedBy: actor.userId, decidedAt: ctx.clock.now() })
        .where(and(eq(benefitObjections.applicationId, applicationId), eq(benefitObjections.status, 'open'), ne(benefitObjections.id, objectionId)))
      await applicationStep(t, {
        programme,
        action: 'upholdObjection',
        before: app,
        isWorkingDay: cal.isWorkingDay,
        patch: { decisionNote: `公示异议成立：${input.note}`, decidedBy: actor.userId, decidedAt: ctx.clock.now() },
        extra: { reason: input.note },
      })
      return
    }
    const [stillOpen] = await t.tx
      .select({ id: benefitObjections.id })
      .from(benefitObjections)
      .where(and(eq(benefitObjections.applicationId, applicationId), eq(benefitObjections.status, 'open')))
    if (stillOpen || app.status !== 'objection_review') return
    if (input.repost) {
      await postNotice(t, programme, app, cal.isWorkingDay, 'dismissObjection', { note: input.note, repost: true })
      return
    }
    const resumed = await applicationStep(t, {
      programme,
      action: 'dismissObjection',
      before: app,
      isWorkingDay: cal.isWorkingDay,
      extra: { note: input.note },
    })
    if (resumed.noticeEnd && resumed.noticeEnd < today)
      await applicationStep(t, { programme, action: 'closeNotice', before: resumed, isWorkingDay: cal.isWorkingDay })
  })
  return getApplication(ctx, applicationId)
}
