/** Public model of the general caregiver-dispatch problem. Times and durations share one unit (minutes, say). */

/** A point: planar (x, y) or geographic (lat, lon in degrees). */
export type Point = { x: number; y: number } | { lat: number; lon: number }

export type Travel =
  /** matrices indexed by location index; distance defaults to time */
  | { kind: 'matrix'; time: number[][]; distance?: number[][] }
  /** Euclidean on (x, y); time = distance / speed (speed defaults to 1) */
  | { kind: 'euclidean'; speed?: number }
  /** great-circle on (lat, lon); distance in km × detourFactor (default 1.3), time in minutes at speedKmh (default 25) */
  | { kind: 'haversine'; detourFactor?: number; speedKmh?: number }

export type Sync = { type: 'simultaneous' } | { type: 'sequential'; minGap: number; maxGap: number }

export interface StaffNeed {
  /** skills the caregiver must all have */
  skills?: string[]
  /** service duration for this caregiver (defaults to the visit duration) */
  duration?: number
}

export interface Visit {
  id: string
  /** index into Problem.locations / the travel matrix */
  location: number
  /** service duration */
  duration: number
  /** [open, close] for the start of service; default: unbounded */
  window?: [number, number]
  /** 'hard' (default): start after close is forbidden. 'soft': allowed, lateness penalised */
  windowMode?: 'hard' | 'soft'
  /** penalty per time unit of lateness (soft windows), default 1 */
  latenessPenalty?: number
  demand?: number
  /** skills required (single-staffed visit) */
  skills?: string[]
  /** higher is more important; unassigned cost grows with it (default 0) */
  priority?: number
  /** two entries: a double-staffed visit; each entry is one caregiver's part */
  staff?: StaffNeed[]
  /** synchronisation of the two parts: same start, or part 1 starts minGap..maxGap after part 0 */
  sync?: Sync
}

export interface Break {
  /** the break must start within this window */
  window: [number, number]
  duration: number
}

export interface Caregiver {
  id: string
  skills: string[]
  /** start location index */
  start: number
  /** end location index (defaults to start) */
  end?: number
  /** [earliest departure, latest return] */
  shift: [number, number]
  capacity?: number
  break?: Break
}

export interface Objective {
  /** weight of distance (default 1) */
  distance?: number
  /** weight of total (penalty-weighted) lateness (default 1) */
  lateness?: number
  /** weight of the largest lateness (default 0) */
  maxLateness?: number
  /** fixed cost per caregiver used (default 0) */
  vehicle?: number
  /** cost of leaving a visit unassigned, times (1 + priority); default 1e6 */
  unassigned?: number
}

export interface Problem {
  locations?: Point[]
  travel: Travel
  visits: Visit[]
  caregivers: Caregiver[]
  objective?: Objective
}

export interface VisitStop {
  kind: 'visit'
  visitId: string
  /** 0, or 1 for the second caregiver of a double-staffed visit */
  part: number
  arrival: number
  start: number
  end: number
  lateness: number
}
export interface BreakStop {
  kind: 'break'
  start: number
  end: number
}
export type Stop = VisitStop | BreakStop

export interface PlanRoute {
  caregiverId: string
  stops: Stop[]
  distance: number
  /** departure from the start location and return to the end location */
  departure: number
  returnTime: number
}

export type UnassignedReason = 'no_skill' | 'capacity' | 'window_unreachable' | 'no_feasible_slot' | 'invalid'

export interface Unassigned {
  visitId: string
  reason: UnassignedReason
  detail: string
}

export interface Plan {
  routes: PlanRoute[]
  unassigned: Unassigned[]
  cost: number
  distance: number
  totalLateness: number
  maxLateness: number
  caregiversUsed: number
  /** true when every hard constraint holds for the assigned visits (always true for returned plans) */
  feasible: boolean
  iterations: number
}

export interface SolveOptions {
  timeLimitMs: number
  seed?: number
  /** stop after this many iterations (deterministic runs independent of machine speed) */
  maxIterations?: number
  /** clock in ms, default performance.now */
  now?: () => number
  /** called once when the first plan with every assignable visit placed is found (ms since start) */
  onFirstComplete?: (elapsedMs: number) => void
}
