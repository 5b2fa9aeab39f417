import { alarmEvents } from '@yiyang/core'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderContactPhones } from '../elders/index.js'
import { alarmInScope } from './alarms.repo.js'
import { alarmActions } from './alarms.tables.js'
import { notifierFor, type TNotifier } from '../../platform/notifier.js'
import { staffName } from './staff-name.js'

/** Tells the elder's contacts through the notifier (log-only by default, or the SMS gateway); the notice is journaled and audited, phones masked. */
export async function notifyFamily(ctx: Ctx, id: string, input: { message: string }, notifier: TNotifier = notifierFor(ctx.config)) {
  requirePermission(ctx.actor, 'alarm:handle')
  const actor = ctx.actor
  const alarm = await alarmInScope(ctx, actor, id)
  if (alarm.status === 'raised' || alarm.status === 'closed') throw new AppError('INVALID_TRANSITION', '请先认领报警；已关闭的报警不能再通知')
  const contacts = alarm.elderId ? await elderContactPhones(ctx, alarm.elderId) : []
  if (contacts.length === 0) throw new AppError('NOT_ELIGIBLE', '该老人没有登记联系人，无法通知家属')
  const failed: string[] = []
  for (const c of contacts) {
    await notifier.send({ to: c.phone, text: input.message, kind: 'family' }).catch(() => failed.push(c.name))
  }
  const sent = contacts.filter((c) => !failed.includes(c.name)).map((c) => c.name)
  const name = await staffName(ctx, actor)
  await withTx(ctx, async (t) => {
    const now = t.clock.now()
    const note = `通知家属（${notifier.name === 'sms' ? '短信' : '仅记录'}）：${sent.join('、') || '无'}${failed.length ? `；未送达：${failed.join('、')}` : ''}。内容：${input.message}`
    await t.tx.insert(alarmActions).values({ alarmId: id, kind: 'family_notified', note, actorId: actor.userId, actorName: name, at: now })
    await appendAudit(t, {
      action: 'alarm.family_notified',
      entityType: 'alarm',
      entityId: id,
      regionCode: alarm.regionCode,
      after: { sent, failed, channel: notifier.name },
    })
    await recordEvent(t, { type: alarmEvents.familyNotified, entityType: 'alarm', entityId: id, regionCode: alarm.regionCode, payload: { sent: sent.length } })
  })
  return { sent: sent.length, failed: failed.length }
}
