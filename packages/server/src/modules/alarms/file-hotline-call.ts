import { alarmEvents, hotlineCategoryLabels, hotlineFlow } from '@yiyang/core'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { recordEvent } from '../../platform/outbox.js'
import { getHotlineCall } from './get-hotline-call.js'
import { findCaller } from './hotline-caller.js'
import { hotlineStep } from './hotline-step.js'
import { addHotlineAction, hotlineSnapshot } from './hotline.repo.js'
import type { TFileHotline } from './hotline.schemas.js'
import { hotlineCalls } from './alarms.tables.js'
import { checkedElder, intakePatch } from './take-hotline-call.js'

/**
 * A work order the operator types in (a call the switchboard did not post, a walk-in): stored
 * as a received call inside the operator's scope, then taken in through the same intake step.
 */
export async function fileHotlineCall(ctx: Ctx, input: TFileHotline) {
  requirePermission(ctx.actor, 'hotline:handle')
  const actor = ctx.actor
  const elder = await checkedElder(ctx, actor, input.elderId)
  const caller = await findCaller(ctx, actor, input.caller)
  const now = ctx.clock.now()
  const regionCode = elder?.regionCode ?? (caller.elderId ? caller.regionCode : actor.scopeRegionCode)
  const id = await withTx(ctx, async (t) => {
    const [r] = await t.tx
      .insert(hotlineCalls)
      .values({
        callerPhoneEnc: caller.phoneEnc,
        callerPhoneHash: caller.phoneHash,
        callerPhoneMasked: caller.phoneMasked,
        elderId: elder?.id ?? caller.elderId,
        regionCode: regionCode.startsWith(actor.scopePrefix) ? regionCode : actor.scopeRegionCode,
        status: 'ringing',
        receivedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    await addHotlineAction(t.tx, { hotlineCallId: r!.id, kind: 'received', note: '坐席登记', actorId: actor.userId, at: now })
    await appendAudit(t, {
      action: 'hotline.call_received',
      entityType: 'hotline_call',
      entityId: r!.id,
      regionCode: r!.regionCode,
      after: hotlineSnapshot(r!),
    })
    await recordEvent(t, {
      type: alarmEvents.hotlineCallReceived,
      entityType: 'hotline_call',
      entityId: r!.id,
      regionCode: r!.regionCode,
      payload: { elderId: r!.elderId },
    })
    return r!.id
  })
  await hotlineStep(ctx, actor, id, {
    step: hotlineFlow.intake,
    action: 'hotline.taken',
    event: alarmEvents.hotlineTaken,
    prepare: (t, before, at, name) => intakePatch(t, actor, before, input, elder, at, name),
    journal: { kind: 'intake', result: input.category, note: `${hotlineCategoryLabels[input.category]}：${input.summary}` },
  })
  return getHotlineCall(ctx, id)
}
