/** Independent checker for home-care solutions (rules of shared/bench/hhc/README.md). */
import { durationOf, type HhcInstance } from './hhc.js'

export interface HhcCheck {
  feasible: boolean
  cost: number
  distance: number
  totalTardiness: number
  maxTardiness: number
  errors: string[]
}

interface Loc {
  patient?: string
  patient_id?: string
  service?: string
  service_id?: string
  arrival_time: number
  departure_time?: number
}

export function checkHhc(inst: HhcInstance, sol: { routes?: Array<{ caregiver_id: string; locations?: Loc[] }> }, tol = 1e-6): HhcCheck {
  const errors: string[] = []
  const n = inst.patients.length
  const pIndex = new Map(inst.patients.map((p, i) => [p.id, i]))
  const cg = new Map(inst.caregivers.map((c) => [c.id, c]))
  const D = inst.distances
  // start time per (patient, service)
  const starts = new Map<string, number>()
  let distance = 0
  let total = 0
  let tmax = 0
  const seenCg = new Set<string>()
  for (const r of sol.routes ?? []) {
    const c = cg.get(r.caregiver_id)
    if (!c) {
      errors.push(`unknown caregiver ${r.caregiver_id}`)
      continue
    }
    if (seenCg.has(c.id)) errors.push(`caregiver ${c.id} has two routes`)
    seenCg.add(c.id)
    const locs = r.locations ?? []
    if (locs.length === 0) continue
    let loc = 0
    let t = 0
    for (const l of locs) {
      const pid = l.patient ?? l.patient_id
      const sid = l.service ?? l.service_id
      const pi = pid === undefined ? undefined : pIndex.get(pid)
      if (pi === undefined || sid === undefined) {
        errors.push(`caregiver ${c.id}: unknown patient ${String(pid)}`)
        continue
      }
      const p = inst.patients[pi]
      const req = p.required_caregivers.find((x) => x.service === sid)
      if (!req) {
        errors.push(`caregiver ${c.id}: patient ${pid} does not require service ${sid}`)
        continue
      }
      if (!c.abilities.includes(sid)) errors.push(`caregiver ${c.id} lacks skill ${sid} for patient ${pid}`)
      const key = `${pid}\u0000${sid}`
      if (starts.has(key)) errors.push(`patient ${pid} service ${sid} performed twice`)
      const s = l.arrival_time
      if (typeof s !== 'number' || !Number.isFinite(s)) {
        errors.push(`caregiver ${c.id}: patient ${pid} has no arrival_time`)
        continue
      }
      starts.set(key, s)
      const travel = D[loc][pi + 1]
      distance += travel
      if (s < t + travel - tol) errors.push(`caregiver ${c.id}: patient ${pid} starts at ${s} before arriving at ${(t + travel).toFixed(3)}`)
      if (s < p.time_window[0] - tol) errors.push(`caregiver ${c.id}: patient ${pid} starts at ${s} before the window opens at ${p.time_window[0]}`)
      const dur = durationOf(inst, req)
      if (l.departure_time !== undefined && Math.abs(l.departure_time - (s + dur)) > 1e-3 + tol)
        errors.push(`caregiver ${c.id}: patient ${pid} departure ${l.departure_time} is not start + duration ${s + dur}`)
      const late = Math.max(0, s - p.time_window[1])
      total += late
      if (late > tmax) tmax = late
      t = s + dur
      loc = pi + 1
    }
    distance += D[loc][0]
  }
  for (const p of inst.patients) {
    const rc = p.required_caregivers
    for (const r of rc) if (!starts.has(`${p.id}\u0000${r.service}`)) errors.push(`patient ${p.id} service ${r.service} not performed`)
    if (rc.length === 2 && starts.has(`${p.id}\u0000${rc[0].service}`) && starts.has(`${p.id}\u0000${rc[1].service}`)) {
      const s0 = starts.get(`${p.id}\u0000${rc[0].service}`)!
      const s1 = starts.get(`${p.id}\u0000${rc[1].service}`)!
      const sy = p.synchronization
      if (sy && sy.type === 'sequential') {
        const g = s1 - s0
        if (g < sy.distance[0] - tol || g > sy.distance[1] + tol)
          errors.push(`patient ${p.id}: sequential gap ${g.toFixed(3)} outside [${sy.distance[0]}, ${sy.distance[1]}]`)
      } else if (Math.abs(s0 - s1) > tol) errors.push(`patient ${p.id}: simultaneous services start at ${s0} and ${s1}`)
    }
  }
  void n
  const cost = (distance + total + tmax) / 3
  return { feasible: errors.length === 0, cost, distance, totalTardiness: total, maxTardiness: tmax, errors }
}
