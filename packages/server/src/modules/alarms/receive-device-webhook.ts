import { ingestRejectionLabels } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { ingestDeviceEvent, recordRejection } from './ingest-device-event.js'
import { ZSerial } from './alarms.schemas.js'
import { deviceVendors } from './alarms.tables.js'
import { verifyWebhook } from './webhook-signature.js'

const statusOf = { bad_signature: 'UNAUTHENTICATED', stale_timestamp: 'UNAUTHENTICATED', replayed: 'CONFLICT' } as const

/**
 * A vendor platform posts one device event, signed with the vendor's secret. Refusals answer
 * 4xx with the reason and are counted; an accepted event answers after the alarm is stored.
 */
export async function receiveDeviceWebhook(ctx: Ctx, vendor: string, headers: { timestamp: unknown; signature: unknown }, rawBody: string) {
  const [v] = await ctx.db.select().from(deviceVendors).where(eq(deviceVendors.code, vendor))
  if (!v || (v.isDemo && ctx.config.isProduction)) {
    await recordRejection(ctx, 'webhook', 'unknown_vendor', null, vendor)
    throw new AppError('UNAUTHENTICATED', ingestRejectionLabels.unknown_vendor)
  }
  const refused = await verifyWebhook(ctx, `vendor:${vendor}`, ctx.crypto.decrypt(v.secretEnc), headers, rawBody)
  if (refused) {
    await recordRejection(ctx, 'webhook', refused, null, vendor)
    throw new AppError(statusOf[refused as keyof typeof statusOf] ?? 'UNAUTHENTICATED', ingestRejectionLabels[refused])
  }
  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch {
    body = null
  }
  const serialParsed = ZSerial.safeParse((body as { serial?: unknown } | null)?.serial)
  if (!serialParsed.success) {
    await recordRejection(ctx, 'webhook', 'bad_payload', null, 'serial')
    throw new AppError('VALIDATION_FAILED', ingestRejectionLabels.bad_payload, [{ path: 'serial', message: '缺少或错误的设备编号' }])
  }
  const { serial: _serial, ...payload } = body as Record<string, unknown>
  const r = await ingestDeviceEvent(ctx, { source: 'webhook', serial: serialParsed.data, payload, vendor })
  if (r.outcome === 'rejected') {
    if (r.reason === 'bad_payload') throw new AppError('VALIDATION_FAILED', `${ingestRejectionLabels.bad_payload}：${r.message}`)
    throw new AppError('NOT_ELIGIBLE', ingestRejectionLabels[r.reason])
  }
  return { outcome: r.outcome, alarmId: 'alarmId' in r ? r.alarmId : null }
}
