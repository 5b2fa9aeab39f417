import { createHmac, timingSafeEqual } from 'node:crypto'
import type { TIngestRejection } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { webhookNonces } from './alarms.tables.js'

export const WEBHOOK_MAX_AGE_S = 300

/** hex HMAC-SHA256 of `timestamp + "." + raw body` with the sender's secret (fixed interface, issue 21). */
export const signWebhook = (secret: string, timestamp: string, rawBody: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')

/**
 * Checks a signed webhook call: signature, age (±5 minutes) and replay (a signature accepted
 * once is refused after). Returns the reason of a refusal, or null when the call may proceed.
 */
export async function verifyWebhook(
  ctx: Ctx,
  source: string,
  secret: string,
  headers: { timestamp: unknown; signature: unknown },
  rawBody: string,
): Promise<TIngestRejection | null> {
  const ts = typeof headers.timestamp === 'string' ? headers.timestamp : ''
  const sig = typeof headers.signature === 'string' ? headers.signature.toLowerCase() : ''
  if (!/^\d{1,12}$/.test(ts) || !/^[0-9a-f]{64}$/.test(sig)) return 'bad_signature'
  const expected = Buffer.from(signWebhook(secret, ts, rawBody), 'hex')
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return 'bad_signature'
  const age = ctx.clock.now().getTime() / 1000 - Number(ts)
  if (Math.abs(age) > WEBHOOK_MAX_AGE_S) return 'stale_timestamp'
  const inserted = await ctx.db
    .insert(webhookNonces)
    .values({ source, signature: sig, receivedAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning({ id: webhookNonces.id })
  return inserted.length ? null : 'replayed'
}
