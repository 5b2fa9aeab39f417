import { dispatchUnassignedReasonLabels, type TDispatchPlanStatus, type TDispatchUnassignedReason } from '@yiyang/core'
import { buildMatrices } from '@yiyang/solver'
import { minutesToIso, type TPlanState } from './dispatch.model.js'
import type { TPlanRow } from './dispatch.repo.js'
import type { TPlanDetail, TPlanRoute, TPlanSummary } from './dispatch.schemas.js'

export type TPlanNames = { provider: Map<string, string>; region: Map<string, string> }

export function toPlanSummary(r: TPlanRow, names: TPlanNames): TPlanSummary {
  return {
    id: r.id,
    providerId: r.providerId,
    providerName: r.providerId ? (names.provider.get(r.providerId) ?? null) : null,
    streetCode: r.streetCode,
    streetName: r.streetCode ? (names.region.get(r.streetCode) ?? null) : null,
    serviceDate: r.serviceDate,
    status: r.status as TDispatchPlanStatus,
    version: r.version,
    progress: r.progress ?? null,
    figures: r.state?.figures ?? null,
    baseline: r.state?.baselineFigures ?? null,
    createdAt: r.createdAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  }
}

const reasonText = (code: string) => dispatchUnassignedReasonLabels[code as TDispatchUnassignedReason] ?? dispatchUnassignedReasonLabels.invalid

/** The plan as the dispatcher's screen reads it: every caregiver's day with times, the visits left out and why. */
export function toPlanDetail(r: TPlanRow, names: TPlanNames, live: { started: Set<string> }, diffs: TPlanDetail['diffs']): TPlanDetail {
  const st: TPlanState | null = r.state
  const base = { ...toPlanSummary(r, names), failure: r.failure, travelSource: st?.travelSource ?? null, diffs }
  if (!st || !st.plan) return { ...base, routes: [], unassigned: [], baselineRoutes: [] }
  const day = st.day
  const { L, tt } = buildMatrices(st.problem)
  const vIndex = new Map(st.visits.map((v, i) => [v.orderId, i]))
  const pVisit = new Map(st.problem.visits.map((v) => [v.id, v]))
  const partners = new Map<string, string[]>()
  for (const rt of st.plan.routes)
    for (const s of rt.stops) if (s.kind === 'visit') partners.set(s.visitId, [...(partners.get(s.visitId) ?? []), rt.caregiverId])
  const byCg = new Map(st.plan.routes.map((x) => [x.caregiverId, x]))
  const locks = new Set(st.locks)
  const urgentIds = new Set(st.visits.filter((v) => v.urgent).map((v) => v.orderId))
  const routes: TPlanRoute[] = st.caregivers.map((c, ci) => {
    const pc = st.problem.caregivers[ci]!
    const rt = byCg.get(c.id)
    let at = pc.start
    const breakStop = rt?.stops.find((s) => s.kind === 'break')
    return {
      caregiverId: c.id,
      caregiverName: c.name,
      providerId: c.providerId,
      skills: c.skills,
      shift: { start: minutesToIso(day, pc.shift[0]), end: minutesToIso(day, pc.shift[1]) },
      home: c.home,
      breakStart: breakStop ? minutesToIso(day, breakStop.start) : null,
      stops: (rt?.stops ?? []).flatMap((s) => {
        if (s.kind !== 'visit') return []
        const v = st.visits[vIndex.get(s.visitId)!]!
        const loc = pVisit.get(s.visitId)!.location
        const travel = tt[at * L + loc]!
        at = loc
        return [
          {
            orderId: v.orderId,
            orderNo: v.orderNo,
            elderName: v.elderName,
            itemName: v.itemName,
            skill: v.skill,
            address: v.address,
            lat: v.lat,
            lng: v.lng,
            start: minutesToIso(day, s.start),
            end: minutesToIso(day, s.end),
            requestedStart: v.requested === null ? null : minutesToIso(day, v.requested),
            travelSecondsBefore: Math.round(travel * 60),
            late: s.lateness > 1e-6,
            lateMinutes: Math.ceil(s.lateness - 1e-6),
            locked: locks.has(v.orderId),
            started: live.started.has(v.orderId),
            urgent: urgentIds.has(v.orderId),
            partnerCaregiverId: (partners.get(v.orderId) ?? []).find((x) => x !== c.id) ?? null,
          },
        ]
      }),
    }
  })
  const unassigned = [
    ...st.plan.unassigned.map((u) => {
      const v = st.visits[vIndex.get(u.visitId)!]!
      return { orderId: u.visitId, orderNo: v.orderNo, elderName: v.elderName, itemName: v.itemName, reasons: [reasonText(u.reason)] }
    }),
    ...st.excluded.map((e) => ({ orderId: e.orderId, orderNo: e.orderNo, elderName: e.elderName, itemName: e.itemName, reasons: [reasonText(e.reason)] })),
  ]
  const baselineRoutes = (st.baseline?.routes ?? [])
    .filter((x) => x.stops.length > 0)
    .map((x) => ({ caregiverId: x.caregiverId, orderIds: x.stops.flatMap((s) => (s.kind === 'visit' ? [s.visitId] : [])) }))
  return { ...base, routes, unassigned, baselineRoutes }
}
