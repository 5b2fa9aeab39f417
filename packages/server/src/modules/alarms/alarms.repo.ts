import { and, eq, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { isoDate } from '../../platform/http.js'
import type { TActor } from '../../platform/permissions.js'
import { scopeFilter } from '../../platform/list.js'
import { like } from 'drizzle-orm'
import { scopeLike } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { regionNames } from '../regions/index.js'
import type { TAlarmItem } from './alarms.schemas.js'
import { alarms, devices } from './alarms.tables.js'

export type TAlarmRow = typeof alarms.$inferSelect
export type TDeviceRow = typeof devices.$inferSelect

/** The alarm if it lies in the actor's scope; otherwise NOT_FOUND, exactly like a missing one. FOR UPDATE inside a transaction. */
export async function alarmInScope(ctx: Ctx | TxCtx, actor: TActor, id: string): Promise<TAlarmRow> {
  const db: DbOrTx = 'tx' in ctx ? ctx.tx : ctx.db
  const q = db
    .select()
    .from(alarms)
    .where(and(eq(alarms.id, id), like(alarms.regionCode, scopeLike(actor.scopePrefix))))
  const [row] = 'tx' in ctx ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '报警不存在或不在您的管辖范围内')
  return row
}

/** Responders see the alarms dispatched to them (and only those) inside their scope. */
export async function alarmOfResponder(ctx: Ctx | TxCtx, actor: TActor, id: string): Promise<TAlarmRow> {
  const row = await alarmInScope(ctx, actor, id)
  if (row.responderId !== actor.userId) throw new AppError('NOT_FOUND', '报警不存在或不在您的管辖范围内')
  return row
}

export const alarmScope = (actor: TActor): SQL => scopeFilter(alarms.regionCode, actor)

/** What the audit log keeps of an alarm: no coordinates, no names beyond the staff's. */
export const alarmSnapshot = (r: TAlarmRow) => ({
  status: r.status,
  deviceSerial: r.deviceSerial,
  eventId: r.eventId,
  type: r.type,
  claimedByName: r.claimedByName,
  responderName: r.responderName,
  outcome: r.outcome,
  escalationLevel: r.escalationLevel,
})

/** The stream's fixed message body (issue 21). */
export const streamFields = (r: TAlarmRow) => ({
  id: r.id,
  deviceSerial: r.deviceSerial,
  eventId: r.eventId,
  type: r.type,
  elderId: r.elderId,
  regionCode: r.regionCode,
  status: r.status,
  receivedAt: r.receivedAt.toISOString(),
})

export async function toAlarmItems(ctx: Ctx, rows: TAlarmRow[]): Promise<TAlarmItem[]> {
  const elders = await elderSummariesByIds(
    ctx,
    rows.map((r) => r.elderId).filter((x): x is string => !!x),
  )
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  return rows.map((r) => ({
    ...streamFields(r),
    source: r.source,
    eventTime: r.eventTime.toISOString(),
    version: r.version,
    elderName: r.elderId ? (elders.get(r.elderId)?.name ?? null) : null,
    regionName: names.get(r.regionCode) ?? null,
    claimedBy: r.claimedBy,
    claimedByName: r.claimedByName,
    claimedAt: isoDate(r.claimedAt),
    responderName: r.responderName,
    dispatchedAt: isoDate(r.dispatchedAt),
    closedAt: isoDate(r.closedAt),
    outcome: r.outcome,
    escalationLevel: r.escalationLevel,
    lat: r.lat,
    lng: r.lng,
    battery: r.battery,
  }))
}
