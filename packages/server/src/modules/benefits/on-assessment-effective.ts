import { and, eq, inArray, isNull } from 'drizzle-orm'
import { todayInShanghai } from '@yiyang/core'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import type { Ctx } from '../../platform/context.js'
import type { TDomainEvent } from '../../platform/events.js'
import type { TModuleDeps } from '../../platform/module.js'
import { getProgramme } from './benefits.repo.js'
import { benefitApplications } from './benefits.tables.js'
import { advanceIfAssessed } from './advance-assessed.js'
import { eventCtx } from './on-elder-status.js'

/**
 * The assessment a case asked for took effect (assessments module event): its level is kept on
 * the case, and the case moves on to 已完成评估 when it is at that point of its path (otherwise
 * when the home verification completes). Any result of the elder that takes effect after
 * acceptance counts. Idempotent.
 */
export async function applyAssessmentEffective(deps: TModuleDeps, e: TDomainEvent) {
  const elderId = typeof e.payload.elderId === 'string' ? e.payload.elderId : null
  const level = typeof e.payload.finalLevel === 'number' ? e.payload.finalLevel : null
  if (!elderId || level === null) return
  const ctx = eventCtx(deps, e)
  const on = typeof e.payload.effectiveDate === 'string' ? e.payload.effectiveDate : todayInShanghai(ctx.clock.now())
  await recordAssessedLevel(ctx, { elderId, level, on, assessmentId: String(e.payload.assessmentId ?? e.entityId) })
}

/**
 * The handler's work, also run by the demo seed right after the assessment it walks (the seed
 * runs before the event relay; the relayed event then finds nothing waiting).
 */
export async function recordAssessedLevel(ctx: Ctx, p: { elderId: string; level: number; on: string; assessmentId: string }) {
  const { elderId, level, on } = p
  await withTx(ctx, async (t) => {
    const waiting = await t.tx
      .select()
      .from(benefitApplications)
      .where(
        and(eq(benefitApplications.elderId, elderId), inArray(benefitApplications.status, ['accepted', 'verified']), isNull(benefitApplications.assessedOn)),
      )
      .for('update')
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    for (const app of waiting) {
      const programme = await getProgramme(t.tx, app.programmeCode)
      if (!programme.needsAssessment) continue
      const [withLevel] = await t.tx
        .update(benefitApplications)
        .set({ assessmentLevel: level, assessedOn: on, assessmentId: p.assessmentId })
        .where(eq(benefitApplications.id, app.id))
        .returning()
      await advanceIfAssessed(t, programme, withLevel!, cal.isWorkingDay)
    }
  })
}
