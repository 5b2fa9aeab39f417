import { todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requireInScope, requirePermission } from '../../platform/permissions.js'
import { elderPlace } from '../elders/index.js'
import { devices } from './alarms.tables.js'
import { deviceKey } from './mqtt-service.js'

export type TRegisterDevice = {
  serial: string
  kind: 'bracelet' | 'button' | 'fall_sensor' | 'smoke_sensor'
  model: string
  vendor: string
  sim?: string
  elderId: string
  boundFrom?: string
}

/** Registers a device and binds it to an elder of the actor's scope; returns the device key for the embedded broker (shown once). */
export async function registerDevice(ctx: Ctx, input: TRegisterDevice) {
  requirePermission(ctx.actor, 'device:manage')
  const elder = await elderPlace(ctx, input.elderId)
  if (!elder) throw new AppError('NOT_FOUND', '老人不存在或不在您的管辖范围内')
  requireInScope(ctx.actor, elder.regionCode)
  if (elder.status !== 'active') throw new AppError('VALIDATION_FAILED', '该老人已不在册，不能绑定设备', [{ path: 'elderId', message: '老人不在册' }])
  const [dup] = await ctx.db.select({ id: devices.id }).from(devices).where(eq(devices.serial, input.serial))
  if (dup) throw new AppError('CONFLICT', '该设备编号已登记', [{ path: 'serial', message: '设备编号已登记' }])
  const row = await withTx(ctx, async (t) => {
    const [r] = await t.tx
      .insert(devices)
      .values({
        serial: input.serial,
        kind: input.kind,
        model: input.model,
        vendor: input.vendor,
        simEnc: input.sim ? ctx.crypto.encrypt(input.sim) : null,
        simLast4: input.sim ? input.sim.slice(-4) : null,
        elderId: elder.id,
        regionCode: elder.regionCode,
        boundFrom: input.boundFrom ?? todayInShanghai(ctx.clock.now()),
      })
      .onConflictDoNothing()
      .returning()
    if (!r) throw new AppError('CONFLICT', '该设备编号已登记', [{ path: 'serial', message: '设备编号已登记' }])
    await appendAudit(t, {
      action: 'device.registered',
      entityType: 'device',
      entityId: r.id,
      regionCode: r.regionCode,
      after: { serial: r.serial, kind: r.kind, model: r.model, elderId: r.elderId, simLast4: r.simLast4 },
    })
    return r
  })
  return { id: row.id, serial: row.serial, deviceKey: deviceKey(ctx.crypto, row.serial) }
}
