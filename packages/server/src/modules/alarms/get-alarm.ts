import { and, asc, desc, eq, ne } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { isoDate } from '../../platform/http.js'
import { can, requirePermission } from '../../platform/permissions.js'
import { elderSummariesByIds, getElderDetailForActor } from '../elders/index.js'
import { alarmInScope, alarmOfResponder, toAlarmItems } from './alarms.repo.js'
import { alarmActions, alarms, devices } from './alarms.tables.js'

/** The elder card of the console (alarms and 12349 calls). */
export async function elderCard(ctx: Ctx, row: { elderId: string | null }) {
  if (!row.elderId) return null
  if (ctx.actor && can(ctx.actor, 'elder:read')) {
    const d = await getElderDetailForActor(ctx, row.elderId).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null
      throw e
    })
    if (!d) return null
    return {
      id: d.id,
      name: d.name,
      age: d.age,
      sex: d.sex,
      idNumber: d.idNumber,
      phone: d.phone,
      address: d.address,
      regionName: d.regionName,
      livingArrangement: d.livingArrangement,
      categories: d.categories,
      chronicConditions: d.chronicConditions,
      contacts: d.contacts,
      familyDoctorName: d.familyDoctorName,
      abilityLevel: d.abilityLevel,
    }
  }
  // A caregiver sent to the alarm has no registry rights: the masked summary only.
  const s = (await elderSummariesByIds(ctx, [row.elderId])).get(row.elderId)
  if (!s) return null
  return {
    id: s.id,
    name: s.name,
    age: s.age,
    sex: s.sex,
    idNumber: s.idNumber,
    phone: s.phone,
    address: null,
    regionName: s.regionName,
    livingArrangement: s.livingArrangement,
    categories: s.categories,
    chronicConditions: [],
    contacts: [],
    familyDoctorName: null,
    abilityLevel: s.abilityLevel,
  }
}

/** The alarm with the elder card (masked; clear values through the audited reveal of the elder registry), the device and the journal. */
export async function getAlarm(ctx: Ctx, id: string, reach: 'scope' | 'responder' = 'scope') {
  requirePermission(ctx.actor, reach === 'scope' ? 'alarm:read' : 'alarm:respond')
  const row = reach === 'scope' ? await alarmInScope(ctx, ctx.actor, id) : await alarmOfResponder(ctx, ctx.actor, id)
  const [item] = await toAlarmItems(ctx, [row])
  const [device] = row.deviceId ? await ctx.db.select().from(devices).where(eq(devices.id, row.deviceId)) : []
  const actions = await ctx.db.select().from(alarmActions).where(eq(alarmActions.alarmId, id)).orderBy(asc(alarmActions.at), asc(alarmActions.id))
  const recent = row.elderId
    ? await ctx.db
        .select({ id: alarms.id, type: alarms.type, receivedAt: alarms.receivedAt, outcome: alarms.outcome })
        .from(alarms)
        .where(and(eq(alarms.elderId, row.elderId), ne(alarms.id, id)))
        .orderBy(desc(alarms.receivedAt))
        .limit(5)
    : []
  return {
    ...item!,
    device: device
      ? { kind: device.kind, model: device.model, simLast4: device.simLast4, battery: device.battery, lastHeartbeatAt: isoDate(device.lastHeartbeatAt) }
      : null,
    elder: await elderCard(ctx, row),
    actions: actions.map((a) => ({ kind: a.kind, result: a.result, note: a.note, actorName: a.actorName, at: a.at.toISOString() })),
    recentAlarms: recent.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
    acceptedAt: isoDate(row.acceptedAt),
    arrivedAt: isoDate(row.arrivedAt),
    resolvedAt: isoDate(row.resolvedAt),
    closeNote: row.closeNote,
    responderId: row.responderId,
  }
}
