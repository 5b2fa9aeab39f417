import { alarmEvents, hotlineCategoryLabels, hotlineDeadline, hotlineFlow, toShanghaiDate } from '@yiyang/core'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { fieldError } from '../../platform/errors.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { inScope, requirePermission, type TActor } from '../../platform/permissions.js'
import { elderPlace } from '../elders/index.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'
import type { THotlineRow } from './hotline.repo.js'
import type { TIntake } from './hotline.schemas.js'

/** The elder the operator picked (in scope and active), or the one the phone found. */
export async function checkedElder(ctx: Ctx, actor: TActor, elderId: string | null | undefined) {
  if (!elderId) return null
  const e = await elderPlace(ctx, elderId)
  if (!e || !inScope(actor, e.regionCode)) throw fieldError('elderId', '老人不存在或不在您的管辖范围内', 'NOT_FOUND')
  return e
}

/** The patch of an intake: category, summary, elder (and its region), the deadline by category on the platform calendar. */
export async function intakePatch(
  t: TxCtx,
  actor: TActor,
  before: THotlineRow,
  input: TIntake,
  elder: { id: string; regionCode: string } | null,
  now: Date,
  actorName: string,
) {
  const cal = await loadWorkCalendar(t.tx, toShanghaiDate(now))
  const deadlineAt = hotlineDeadline(input.category, before.receivedAt, cal.isWorkingDay)
  return {
    category: input.category,
    summary: input.summary,
    callerName: input.callerName ?? before.callerName,
    elderId: elder?.id ?? before.elderId,
    regionCode: elder?.regionCode ?? before.regionCode,
    deadlineAt,
    deadline: toShanghaiDate(new Date(deadlineAt.getTime() - 1)),
    takenBy: actor.userId,
    takenByName: actorName,
  }
}

/** The operator takes a ringing call in: category (咨询, 求助, 投诉, 服务预约, 紧急), what the caller says, the elder. */
export async function takeHotlineCall(ctx: Ctx, id: string, input: TIntake) {
  requirePermission(ctx.actor, 'hotline:handle')
  const actor = ctx.actor
  const elder = await checkedElder(ctx, actor, input.elderId)
  await hotlineStep(ctx, actor, id, {
    step: hotlineFlow.intake,
    version: input.version,
    action: 'hotline.taken',
    event: alarmEvents.hotlineTaken,
    prepare: (t, before, now, name) => intakePatch(t, actor, before, input, elder, now, name),
    journal: { kind: 'intake', result: input.category, note: `${hotlineCategoryLabels[input.category]}：${input.summary}` },
  })
  return getHotlineCall(ctx, id)
}
