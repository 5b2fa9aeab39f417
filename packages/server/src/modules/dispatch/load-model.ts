import { defaultShift, parseShift } from '@yiyang/core'
import type { DbOrTx } from '../../db/client.js'
import type { TConfig } from '../../platform/config.js'
import { levelPrefix } from '../../platform/list.js'
import { ordersForPlanning, type TOrderForPlan } from '../orders/index.js'
import { caregiversForPlanning } from '../providers/index.js'
import { buildProblem, isoToMinutes, modelPoints, type TModelCaregiver, type TModelVisit, type TPlanState } from './dispatch.model.js'
import type { TPlanRow } from './dispatch.repo.js'
import { travelMatrix } from './travel.js'

export function toModelVisit(day: string, o: TOrderForPlan, urgent = false): TModelVisit | null {
  if (o.homeLat === null || o.homeLng === null) return null
  return {
    orderId: o.id,
    orderNo: o.orderNo,
    elderName: o.elderName,
    itemName: o.itemName,
    skill: o.skill,
    address: o.addressMasked,
    lat: o.homeLat,
    lng: o.homeLng,
    providerId: o.providerId,
    staffCount: o.staffCount >= 2 ? 2 : 1,
    minutes: o.plannedMinutes,
    requested: o.windowStart ? Math.round(isoToMinutes(day, o.windowStart)) : null,
    urgent,
  }
}

/**
 * The model of a plan row's day: the plannable orders of the provider (or of the street's
 * providers), the caregivers who may serve them (certificate valid that day, background
 * check passed), travel times from the routing engine or the haversine model.
 */
export async function loadModel(db: DbOrTx, config: TConfig, row: TPlanRow, log?: { warn(o: unknown, m: string): void }): Promise<TPlanState> {
  const day = row.serviceDate
  const orders = await ordersForPlanning(db, {
    date: day,
    providerId: row.providerId ?? undefined,
    regionPrefix: row.streetCode ? levelPrefix(row.streetCode) : undefined,
  })
  const providerIds = row.providerId ? [row.providerId] : [...new Set(orders.map((o) => o.providerId))]
  const cgRows = await caregiversForPlanning(db, providerIds, day)
  const visits: TModelVisit[] = []
  const excluded: TPlanState['excluded'] = []
  for (const o of orders) {
    const v = toModelVisit(day, o)
    if (v) visits.push(v)
    else excluded.push({ orderId: o.id, orderNo: o.orderNo, elderName: o.elderName, itemName: o.itemName, reason: 'no_location' })
  }
  const caregivers: TModelCaregiver[] = cgRows.map((c) => ({
    id: c.id,
    name: c.name,
    providerId: c.providerId,
    skills: c.skills,
    shift: parseShift(c.shiftText) ?? defaultShift,
    home: c.home,
  }))
  return withTravel(config, { day, travelSource: 'haversine', visits, caregivers, excluded, locks: [], sick: [] }, log)
}

/** Fills in the problem (and its travel matrix when a routing engine answers) for a model. */
export async function withTravel(
  config: TConfig,
  m: Pick<TPlanState, 'day' | 'visits' | 'caregivers' | 'excluded' | 'locks' | 'sick'> & Partial<TPlanState>,
  log?: { warn(o: unknown, m: string): void },
): Promise<TPlanState> {
  const { points } = modelPoints(m.visits, m.caregivers)
  const travel = await travelMatrix(config.routing, points, undefined, log)
  return {
    plan: null,
    baseline: null,
    figures: null,
    baselineFigures: null,
    ...m,
    travelSource: travel.source,
    problem: buildProblem(m.visits, m.caregivers, travel.matrix, m.sick),
  }
}
