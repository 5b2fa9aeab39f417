import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { requestAssessment } from '../assessments/index.js'
import { getElderForActor } from '../elders/index.js'
import { applicationStep, getApplicationInScope, getProgramme } from './benefits.repo.js'
import type { TAcceptBody } from './benefits.schemas.js'
import { advanceIfAssessed } from './advance-assessed.js'
import { getApplication } from './get-application.js'

/**
 * 受理. When the programme needs an ability assessment it is requested from the assessments
 * module now, in the same transaction (it runs beside the home verification); its result comes
 * back by the assessment.effective event.
 */
export async function acceptApplication(ctx: Ctx, id: string, input: TAcceptBody) {
  requirePermission(ctx.actor, 'benefit:accept')
  const actor = ctx.actor
  const row = await getApplicationInScope(ctx.db, actor, id)
  const programme = await getProgramme(ctx.db, row.programmeCode)
  if (programme.needsAssessment && !input.assessment) throw fieldError('assessment.assessorId', '该补贴需要能力评估，请选择评估员和评估日期')
  const elder = programme.needsAssessment ? await getElderForActor(ctx, row.elderId) : null
  await withTx(ctx, async (t) => {
    const before = await getApplicationInScope(t.tx, actor, id, true)
    const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
    let assessmentId: string | null = null
    if (elder && input.assessment) {
      const req = await requestAssessment(t, {
        elder,
        assessorId: input.assessment.assessorId,
        scheduledDate: input.assessment.scheduledDate,
        note: `${programme.name}申请`,
      })
      assessmentId = req.id
    }
    const after = await applicationStep(t, {
      programme,
      action: 'accept',
      before,
      version: input.version,
      isWorkingDay: cal.isWorkingDay,
      patch: { acceptedBy: actor.userId, assessmentId, assessmentLevel: null, assessedOn: null },
      extra: assessmentId ? { assessmentId } : undefined,
    })
    await advanceIfAssessed(t, programme, after, cal.isWorkingDay)
  })
  return getApplication(ctx, id)
}
