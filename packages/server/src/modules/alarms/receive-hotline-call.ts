import { alarmEvents, ingestRejectionLabels, shanghaiDateTime } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { DEMO_HOTLINE_SECRET } from '../../platform/config.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { recordRejection } from './ingest-device-event.js'
import { announceCall } from './hotline-step.js'
import { findCaller } from './hotline-caller.js'
import { addHotlineAction, hotlineSnapshot } from './hotline.repo.js'
import { ZHotlineWebhook } from './hotline.schemas.js'
import { hotlineCalls } from './alarms.tables.js'
import { verifyWebhook } from './webhook-signature.js'

const statusOf = { bad_signature: 'UNAUTHENTICATED', stale_timestamp: 'UNAUTHENTICATED', replayed: 'CONFLICT' } as const

/**
 * The switchboard (Asterisk / FreeSWITCH) posts an incoming 12349 call, signed exactly like the
 * device webhook (HMAC-SHA256 of `timestamp.body`, 5 minutes, replay refused). The caller's phone
 * finds the elder; the work order is stored ringing and popped on the consoles of the operators
 * whose scope holds it. The same call id posted again answers the stored order.
 */
export async function receiveHotlineCall(ctx: Ctx, switchboard: string, headers: { timestamp: unknown; signature: unknown }, rawBody: string) {
  const secret = ctx.config.alarms.hotlineSecret
  if (ctx.config.isProduction && secret === DEMO_HOTLINE_SECRET) {
    await recordRejection(ctx, 'hotline', 'unknown_vendor', null, `switchboard:${switchboard} demo secret in production`)
    throw new AppError('UNAUTHENTICATED', '生产环境未配置交换机密钥（HOTLINE_SECRET）')
  }
  const refused = await verifyWebhook(ctx, `switchboard:${switchboard}`, secret, headers, rawBody)
  if (refused) {
    await recordRejection(ctx, 'hotline', refused, null, `switchboard:${switchboard}`)
    throw new AppError(statusOf[refused as keyof typeof statusOf] ?? 'UNAUTHENTICATED', ingestRejectionLabels[refused])
  }
  let body: unknown = null
  try {
    body = JSON.parse(rawBody)
  } catch {
    /* counted below as a bad payload */
  }
  const parsed = ZHotlineWebhook.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = issue.path.join('.') || 'body'
    await recordRejection(ctx, 'hotline', 'bad_payload', null, `${path}：${issue.message}`)
    throw new AppError('VALIDATION_FAILED', `${ingestRejectionLabels.bad_payload}：${issue.message}`, [{ path, message: issue.message }])
  }
  const call = parsed.data
  const [existing] = await ctx.db
    .select({ id: hotlineCalls.id })
    .from(hotlineCalls)
    .where(and(eq(hotlineCalls.switchboard, switchboard), eq(hotlineCalls.callId, call.callId)))
  if (existing) return { outcome: 'duplicate' as const, id: existing.id }

  const caller = await findCaller(ctx, null, call.caller)
  const receivedAt = ctx.clock.now()
  const row = await withTx(ctx, async (t) => {
    const [r] = await t.tx
      .insert(hotlineCalls)
      .values({
        callId: call.callId,
        switchboard,
        callerPhoneEnc: caller.phoneEnc,
        callerPhoneHash: caller.phoneHash,
        callerPhoneMasked: caller.phoneMasked,
        elderId: caller.elderId,
        regionCode: caller.regionCode,
        status: 'ringing',
        receivedAt,
        createdAt: receivedAt,
        updatedAt: receivedAt,
      })
      .onConflictDoNothing()
      .returning()
    if (!r) return null
    await addHotlineAction(t.tx, { hotlineCallId: r.id, kind: 'received', note: `来电时间 ${shanghaiDateTime(call.time)}`, at: receivedAt })
    await appendAudit(t, { action: 'hotline.call_received', entityType: 'hotline_call', entityId: r.id, regionCode: r.regionCode, after: hotlineSnapshot(r) })
    await recordEvent(t, {
      type: alarmEvents.hotlineCallReceived,
      entityType: 'hotline_call',
      entityId: r.id,
      regionCode: r.regionCode,
      payload: { elderId: r.elderId },
    })
    return r
  })
  if (!row) {
    // Two posts of the same call at once: the other one stored it.
    const [again] = await ctx.db
      .select({ id: hotlineCalls.id })
      .from(hotlineCalls)
      .where(and(eq(hotlineCalls.switchboard, switchboard), eq(hotlineCalls.callId, call.callId)))
    return { outcome: 'duplicate' as const, id: again!.id }
  }
  await announceCall(ctx, row)
  return { outcome: 'created' as const, id: row.id }
}
