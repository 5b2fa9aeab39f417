/**
 * The dispatch model (issue 20 item 2): the day's orders and caregivers → the solver's problem;
 * the greedy baseline a dispatcher would make by hand; the figures both are compared by. Pure:
 * no database, no clock. Times inside are minutes from 00:00 Asia/Shanghai of the service day.
 */
import { defaultTravelModel, dispatchDefaults, shiftBreak, type TShift } from '@yiyang/core'
import { buildMatrices, type Caregiver, type Plan, type PlanRoute, type Problem, type Stop, type Unassigned, type Visit } from '@yiyang/solver'

export type TLatLng = { lat: number; lng: number }

export type TModelVisit = {
  orderId: string
  orderNo: string
  elderName: string
  itemName: string
  skill: string
  address: string | null
  lat: number
  lng: number
  providerId: string
  staffCount: 1 | 2
  minutes: number
  /** The elder's requested start (minutes), null when the request names no time. */
  requested: number | null
  urgent: boolean
}

export type TModelCaregiver = {
  id: string
  name: string
  providerId: string
  /** Skills with a certificate valid on the day (background check passed, else not listed). */
  skills: string[]
  shift: TShift
  home: TLatLng | null
}

export type TTravelSource = 'haversine' | 'osrm'

/** What a plan row keeps: the model the solver saw, its plan, the greedy baseline, the locks. */
export type TPlanState = {
  day: string
  travelSource: TTravelSource
  visits: TModelVisit[]
  caregivers: TModelCaregiver[]
  problem: Problem
  plan: Plan | null
  baseline: Plan | null
  locks: string[]
  /** Orders left out of the model (no coordinates, not placed by anyone). */
  excluded: { orderId: string; orderNo: string; elderName: string; itemName: string; reason: string }[]
  /** Caregivers reported sick from a time (minutes): nothing new is planned for them after it. */
  /** `keep`: visits the caregiver still does (started before falling sick): nothing new is added. */
  sick: { caregiverId: string; from: number; keep: number }[]
  figures: TFiguresOut | null
  baselineFigures: TFiguresOut | null
}

/** Skill tags in the solver: the provider (an order is served by its own provider's caregivers) and the certified skill. */
export const providerTag = (id: string) => `p:${id}`
export const skillTag = (s: string) => `s:${s}`

/** Locations: 0 = centre of the day's visits (start of caregivers without a home), then homes, then visits. */
export function modelPoints(visits: TModelVisit[], caregivers: TModelCaregiver[]): { points: TLatLng[]; home: number[]; at: number[] } {
  const centre =
    visits.length > 0
      ? { lat: visits.reduce((s, v) => s + v.lat, 0) / visits.length, lng: visits.reduce((s, v) => s + v.lng, 0) / visits.length }
      : (caregivers.find((c) => c.home)?.home ?? { lat: 0, lng: 0 })
  const points: TLatLng[] = [centre]
  const home = caregivers.map((c) => {
    if (!c.home) return 0
    points.push(c.home)
    return points.length - 1
  })
  const at = visits.map((v) => {
    points.push({ lat: v.lat, lng: v.lng })
    return points.length - 1
  })
  return { points, home, at }
}

export function visitWindow(v: TModelVisit): [number, number] {
  if (v.requested === null) return [dispatchDefaults.openWindow.start, dispatchDefaults.openWindow.end - v.minutes]
  return [Math.max(0, v.requested - dispatchDefaults.earlyMinutes), v.requested + dispatchDefaults.graceMinutes]
}

export function solverVisit(v: TModelVisit, location: number): Visit {
  const need = [providerTag(v.providerId), skillTag(v.skill)]
  const base: Visit = {
    id: v.orderId,
    location,
    duration: v.minutes,
    window: visitWindow(v),
    windowMode: 'soft',
    demand: 1,
    priority: v.urgent ? 10 : 0,
  }
  if (v.staffCount === 2) return { ...base, staff: [{ skills: need }, { skills: need }], sync: { type: 'simultaneous' } }
  return { ...base, skills: need }
}

export function solverCaregiver(c: TModelCaregiver, location: number, sick?: { from: number; keep: number }): Caregiver {
  const end = sick === undefined ? c.shift.end : Math.max(c.shift.start, Math.min(c.shift.end, sick.from))
  const br = shiftBreak(c.shift)
  return {
    id: c.id,
    skills: [providerTag(c.providerId), ...c.skills.map(skillTag)],
    start: location,
    end: location,
    shift: [c.shift.start, end],
    capacity: sick === undefined ? 100 : sick.keep,
    ...(br && br.window[0] + br.duration <= end ? { break: br } : {}),
  }
}

/** Travel without a routing engine: great circle × detour at e-bike speed (core geo's model). */
export const haversineTravel = { kind: 'haversine' as const, detourFactor: defaultTravelModel.detour, speedKmh: defaultTravelModel.speedsKmh.ebike }

/** The solver's problem for the model; `matrix` (minutes) replaces the haversine model when a routing engine gave one. */
export function buildProblem(visits: TModelVisit[], caregivers: TModelCaregiver[], matrix: number[][] | null, sick: TPlanState['sick'] = []): Problem {
  const { points, home, at } = modelPoints(visits, caregivers)
  const sickOf = new Map(sick.map((s) => [s.caregiverId, s]))
  return {
    locations: points.map((p) => ({ lat: p.lat, lon: p.lng })),
    travel: matrix ? { kind: 'matrix', time: matrix } : haversineTravel,
    visits: visits.map((v, i) => solverVisit(v, at[i]!)),
    caregivers: caregivers.map((c, i) => solverCaregiver(c, home[i]!, sickOf.get(c.id))),
    objective: { distance: 1, lateness: dispatchDefaults.latenessWeight, unassigned: 1e6 },
  }
}

const has = (c: Caregiver, skills: string[] | undefined) => (skills ?? []).every((s) => c.skills.includes(s))

/**
 * The greedy baseline: what a dispatcher does by hand. Visits first come first served (by
 * requested start, then order number); each goes to the nearest caregiver (from where they
 * are now) who can start it in its window; if none can, to the one who can start it earliest
 * (a late visit); breaks are taken when the next visit would run into the break window.
 * Double-staffed visits take the two nearest such caregivers and start together.
 */
export function greedyPlan(problem: Problem): Plan {
  const { L, tt, dd } = buildMatrices(problem)
  const cgs = problem.caregivers
  const st = cgs.map((c) => ({ loc: c.start, t: c.shift[0], stops: [] as Stop[], dist: 0, breakDone: !c.break, load: 0 }))
  const unassigned: Unassigned[] = []
  const order = problem.visits
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.window?.[0] ?? 0) - (b.v.window?.[0] ?? 0) || (a.v.window?.[1] ?? 0) - (b.v.window?.[1] ?? 0) || a.i - b.i)
  // Where caregiver k could start visit v: after the break if it would run into it; null if it does not fit the shift.
  const probe = (k: number, v: Visit, duration: number) => {
    const c = cgs[k]!
    const s = st[k]!
    let t = s.t
    let takeBreak: number | null = null
    const open = v.window?.[0] ?? -Infinity
    let arrive = t + tt[s.loc * L + v.location]!
    let start = Math.max(arrive, open)
    if (!s.breakDone && c.break && (start >= c.break.window[0] || start + duration > c.break.window[1])) {
      takeBreak = Math.max(t, c.break.window[0])
      if (takeBreak > c.break.window[1]) return null
      t = takeBreak + c.break.duration
      arrive = t + tt[s.loc * L + v.location]!
      start = Math.max(arrive, open)
    }
    const back = start + duration + tt[v.location * L + c.end!]!
    if (back > c.shift[1]) return null
    return { k, start, arrive, takeBreak, travel: tt[s.loc * L + v.location]! }
  }
  const commit = (k: number, v: Visit, part: number, start: number, duration: number, takeBreak: number | null) => {
    const c = cgs[k]!
    const s = st[k]!
    if (takeBreak !== null && c.break) {
      s.stops.push({ kind: 'break', start: takeBreak, end: takeBreak + c.break.duration })
      s.t = takeBreak + c.break.duration
      s.breakDone = true
    }
    const arrival = s.t + tt[s.loc * L + v.location]!
    s.dist += dd[s.loc * L + v.location]!
    const close = v.window?.[1] ?? Infinity
    s.stops.push({ kind: 'visit', visitId: v.id, part, arrival, start, end: start + duration, lateness: Math.max(0, start - close) })
    s.t = start + duration
    s.loc = v.location
    s.load += v.demand ?? 1
  }
  for (const { v } of order) {
    const parts = v.staff ?? [{ skills: v.skills, duration: v.duration }]
    const close = v.window?.[1] ?? Infinity
    const candidates = (skills: string[] | undefined, duration: number, except: number) =>
      cgs
        .map((c, k) => (k !== except && has(c, skills) && st[k]!.load < (c.capacity ?? Infinity) ? probe(k, v, duration) : null))
        .filter((x): x is NonNullable<ReturnType<typeof probe>> => x !== null)
    const pick = (list: ReturnType<typeof candidates>) => {
      const onTime = list.filter((x) => x.start <= close)
      if (onTime.length) return onTime.sort((a, b) => a.travel - b.travel || a.k - b.k)[0]!
      return list.sort((a, b) => a.start - b.start || a.k - b.k)[0] ?? null
    }
    const noSkill = parts.some((p) => !cgs.some((c) => has(c, p.skills)))
    const first = pick(candidates(parts[0]!.skills, parts[0]!.duration ?? v.duration, -1))
    if (!first) {
      unassigned.push({ visitId: v.id, reason: noSkill ? 'no_skill' : 'no_feasible_slot', detail: '' })
      continue
    }
    if (parts.length === 1) {
      commit(first.k, v, 0, first.start, v.duration, first.takeBreak)
      continue
    }
    const second = pick(candidates(parts[1]!.skills, parts[1]!.duration ?? v.duration, first.k))
    if (!second) {
      unassigned.push({ visitId: v.id, reason: noSkill ? 'no_skill' : 'no_feasible_slot', detail: '' })
      continue
    }
    const start = Math.max(first.start, second.start)
    const d0 = parts[0]!.duration ?? v.duration
    const d1 = parts[1]!.duration ?? v.duration
    const fits = (p: NonNullable<ReturnType<typeof probe>>, d: number) => start + d + tt[v.location * L + cgs[p.k]!.end!]! <= cgs[p.k]!.shift[1]
    if (!fits(first, d0) || !fits(second, d1)) {
      unassigned.push({ visitId: v.id, reason: 'no_feasible_slot', detail: '' })
      continue
    }
    commit(first.k, v, 0, start, d0, first.takeBreak)
    commit(second.k, v, 1, start, d1, second.takeBreak)
  }
  const routes: PlanRoute[] = cgs.map((c, k) => {
    const s = st[k]!
    if (!s.breakDone && c.break && s.stops.length > 0) {
      const b = Math.max(s.t, c.break.window[0])
      s.stops.push({ kind: 'break', start: b, end: b + c.break.duration })
      s.t = b + c.break.duration
    }
    const used = s.stops.some((x) => x.kind === 'visit')
    const first = s.stops.find((x) => x.kind === 'visit')
    const dist = s.dist + (used ? dd[s.loc * L + c.end!]! : 0)
    return {
      caregiverId: c.id,
      stops: used ? s.stops : [],
      distance: dist,
      departure: first && first.kind === 'visit' ? first.arrival - tt[c.start * L + problem.visits.find((x) => x.id === first.visitId)!.location]! : c.shift[0],
      returnTime: used ? s.t + tt[s.loc * L + c.end!]! : c.shift[0],
    }
  })
  const lat = routes.flatMap((r) => r.stops).reduce((a, s) => a + (s.kind === 'visit' ? s.lateness : 0), 0)
  const mx = routes.flatMap((r) => r.stops).reduce((a, s) => Math.max(a, s.kind === 'visit' ? s.lateness : 0), 0)
  const distance = routes.reduce((a, r) => a + r.distance, 0)
  return {
    routes,
    unassigned,
    cost: distance + dispatchDefaults.latenessWeight * lat + 1e6 * unassigned.length,
    distance,
    totalLateness: lat,
    maxLateness: mx,
    caregiversUsed: routes.filter((r) => r.stops.length > 0).length,
    feasible: true,
    iterations: 0,
  }
}

export type TFiguresOut = { travelSeconds: number; lateVisits: number; utilisation: number; visits: number; unassigned: number; caregiversUsed: number }

/** Figures of a plan, the same measure for the solver's plan and the baseline: travel along each route, late visits, service share of the shifts used. */
export function planFigures(problem: Problem, plan: Plan): TFiguresOut {
  const { L, tt } = buildMatrices(problem)
  const loc = new Map(problem.visits.map((v) => [v.id, v.location]))
  const cgs = new Map(problem.caregivers.map((c) => [c.id, c]))
  let travel = 0
  let service = 0
  let shifts = 0
  const late = new Set<string>()
  const placed = new Set<string>()
  for (const r of plan.routes) {
    const c = cgs.get(r.caregiverId)
    const visits = r.stops.filter((s) => s.kind === 'visit')
    if (!c || visits.length === 0) continue
    shifts += c.shift[1] - c.shift[0]
    let at = c.start
    for (const s of visits) {
      const l = loc.get(s.visitId)!
      travel += tt[at * L + l]!
      at = l
      service += s.end - s.start
      placed.add(s.visitId)
      if (s.lateness > 1e-6) late.add(s.visitId)
    }
    travel += tt[at * L + (c.end ?? c.start)]!
  }
  return {
    travelSeconds: Math.round(travel * 60),
    lateVisits: late.size,
    utilisation: shifts > 0 ? Math.round((service / shifts) * 1000) / 1000 : 0,
    visits: placed.size,
    unassigned: problem.visits.length - placed.size,
    caregiversUsed: plan.routes.filter((r) => r.stops.some((s) => s.kind === 'visit')).length,
  }
}

/** Midnight of the service day in Asia/Shanghai, as epoch ms. */
export const dayStartMs = (day: string) => Date.parse(`${day}T00:00:00+08:00`)
export const minutesToIso = (day: string, m: number) => new Date(dayStartMs(day) + Math.round(m * 60) * 1000).toISOString()
export const isoToMinutes = (day: string, iso: string | Date) => ((typeof iso === 'string' ? Date.parse(iso) : iso.getTime()) - dayStartMs(day)) / 60_000
