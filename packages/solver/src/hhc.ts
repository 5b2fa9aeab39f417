/** Home-health-care JSON format (Mankowska et al. instances as converted by Ceschia et al.). Pure, no I/O. */
import type { Plan, Problem } from './model.js'
import { InputError } from './solomon.js'

export interface HhcInstance {
  patients: Array<{
    id: string
    location?: [number, number]
    time_window: [number, number]
    required_caregivers: Array<{ service: string; duration?: number }>
    synchronization?: { type: 'simultaneous' } | { type: 'sequential'; distance: [number, number] }
  }>
  services: Array<{ id: string; default_duration?: number }>
  caregivers: Array<{ id: string; abilities: string[] }>
  central_offices: Array<{ id: string; location?: [number, number] }>
  distances: number[][]
}

export interface HhcSolution {
  routes: Array<{
    caregiver_id: string
    locations?: Array<{ patient: string; service: string; arrival_time: number; departure_time: number }>
  }>
  cost: number
  distance: number
  total_tardiness: number
  max_tardiness: number
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

/** Validate the JSON shape; throws InputError with a one-line message. */
export function parseHhc(json: unknown): HhcInstance {
  const o = json as Record<string, unknown>
  if (!o || typeof o !== 'object') throw new InputError('hhc instance must be a JSON object')
  for (const k of ['patients', 'caregivers', 'distances']) if (!Array.isArray(o[k])) throw new InputError(`hhc instance: "${k}" must be an array`)
  const inst = o as unknown as HhcInstance
  const n = inst.patients.length
  if (!Array.isArray(inst.services)) inst.services = []
  if (!Array.isArray(inst.central_offices) || inst.central_offices.length < 1) throw new InputError('hhc instance: "central_offices" must hold the office')
  if (inst.distances.length !== n + 1) throw new InputError(`hhc instance: distances must be ${n + 1}×${n + 1} (office + ${n} patients)`)
  inst.distances.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n + 1 || !row.every((v) => isNum(v) && v >= 0))
      throw new InputError(`hhc instance: distances row ${i} must hold ${n + 1} non-negative numbers`)
  })
  const defaults = new Map(inst.services.map((s) => [s.id, s.default_duration]))
  const ids = new Set<string>()
  inst.patients.forEach((p, i) => {
    if (!p || typeof p.id !== 'string') throw new InputError(`hhc instance: patient ${i} has no id`)
    if (ids.has(p.id)) throw new InputError(`hhc instance: duplicate patient id ${p.id}`)
    ids.add(p.id)
    if (
      !Array.isArray(p.time_window) ||
      p.time_window.length !== 2 ||
      !isNum(p.time_window[0]) ||
      !isNum(p.time_window[1]) ||
      p.time_window[0] > p.time_window[1]
    )
      throw new InputError(`hhc instance: patient ${p.id} needs time_window [open, close]`)
    const rc = p.required_caregivers
    if (!Array.isArray(rc) || rc.length < 1 || rc.length > 2) throw new InputError(`hhc instance: patient ${p.id} needs one or two required_caregivers`)
    for (const r of rc) {
      if (!r || typeof r.service !== 'string') throw new InputError(`hhc instance: patient ${p.id} has a requirement without service`)
      const dur = r.duration ?? defaults.get(r.service)
      if (!isNum(dur) || dur < 0) throw new InputError(`hhc instance: patient ${p.id} service ${r.service} has no duration`)
    }
    if (rc.length === 2) {
      const s = p.synchronization
      if (s && s.type === 'sequential') {
        if (!Array.isArray(s.distance) || !isNum(s.distance[0]) || !isNum(s.distance[1]) || s.distance[0] > s.distance[1])
          throw new InputError(`hhc instance: patient ${p.id} sequential synchronization needs distance [min, max]`)
      } else if (s && s.type !== 'simultaneous') throw new InputError(`hhc instance: patient ${p.id} has unknown synchronization type`)
    }
  })
  inst.caregivers.forEach((c, i) => {
    if (!c || typeof c.id !== 'string' || !Array.isArray(c.abilities)) throw new InputError(`hhc instance: caregiver ${i} needs id and abilities`)
  })
  return inst
}

export function durationOf(inst: HhcInstance, r: { service: string; duration?: number }): number {
  if (isNum(r.duration)) return r.duration
  const s = inst.services.find((x) => x.id === r.service)
  return s?.default_duration ?? 0
}

/** Map to the general model: office = location 0, patient i = location i+1. */
export function hhcToProblem(inst: HhcInstance): Problem {
  return {
    travel: { kind: 'matrix', time: inst.distances },
    visits: inst.patients.map((p, i) => {
      const staff = p.required_caregivers.map((r) => ({ skills: [r.service], duration: durationOf(inst, r) }))
      const sync = p.synchronization
      return {
        id: p.id,
        location: i + 1,
        duration: staff[0].duration,
        window: [p.time_window[0], p.time_window[1]] as [number, number],
        windowMode: 'soft' as const,
        latenessPenalty: 1,
        staff,
        ...(staff.length === 2
          ? {
              sync:
                sync && sync.type === 'sequential'
                  ? { type: 'sequential' as const, minGap: sync.distance[0], maxGap: sync.distance[1] }
                  : { type: 'simultaneous' as const },
            }
          : {}),
      }
    }),
    caregivers: inst.caregivers.map((c) => ({ id: c.id, skills: c.abilities, start: 0, shift: [0, Infinity] as [number, number] })),
    objective: { distance: 1 / 3, lateness: 1 / 3, maxLateness: 1 / 3, vehicle: 0, unassigned: 1e7 },
  }
}

/** Format a general plan in the hhc solution format (arrival_time = start of service). */
export function planToHhc(inst: HhcInstance, plan: Plan): HhcSolution & { unassigned?: Plan['unassigned'] } {
  const byId = new Map(inst.patients.map((p) => [p.id, p]))
  const routes = plan.routes.map((r) => {
    const locations = r.stops
      .filter((s) => s.kind === 'visit')
      .map((s) => {
        const v = s as Extract<typeof s, { kind: 'visit' }>
        const p = byId.get(v.visitId)!
        return { patient: v.visitId, service: p.required_caregivers[v.part].service, arrival_time: v.start, departure_time: v.end }
      })
    return locations.length > 0 ? { caregiver_id: r.caregiverId, locations } : { caregiver_id: r.caregiverId }
  })
  const out: HhcSolution & { unassigned?: Plan['unassigned'] } = {
    routes,
    cost: (plan.distance + plan.totalLateness + plan.maxLateness) / 3,
    distance: plan.distance,
    total_tardiness: plan.totalLateness,
    max_tardiness: plan.maxLateness,
  }
  if (plan.unassigned.length > 0) out.unassigned = plan.unassigned
  return out
}
