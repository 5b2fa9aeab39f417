/**
 * General caregiver-dispatch engine: skills, shifts, capacities, breaks, hard or soft
 * windows, priorities, double-staffed visits (simultaneous or sequential with a gap).
 *
 * A solution is one ordered list of tasks per caregiver (a task is one caregiver's part of a
 * visit, or a caregiver's break). Start times are the least fixed point of the difference
 * constraints (travel, opening times, synchronisation), which minimises every start time and
 * therefore lateness; it is computed exactly after each move (`fullEval`) and incrementally
 * (push-forward with an undo log) while evaluating insertions. Search: SISR-style
 * ruin-and-recreate with simulated annealing. Pure computation: no I/O.
 */
import { Rng } from './rng.js'
import type { Plan, PlanRoute, Problem, SolveOptions, Stop, Unassigned, UnassignedReason } from './model.js'

const EPS = 1e-7
const NEG = -Infinity

export interface TaskRef {
  /** a visit part, or the caregiver's break when `break` is true */
  visitId?: string
  part?: number
  break?: boolean
}
export interface LockedTask extends TaskRef {
  start: number
}
export interface EngineExtras {
  /** per caregiver id: tasks already started, in order; they keep their place and start time */
  locked?: Record<string, LockedTask[]>
  /** per caregiver id: an initial order of (visitId, part) after the locked tasks */
  initial?: Record<string, TaskRef[]>
  /** nothing that is not locked may start before this time */
  notBefore?: number
  /** annealing temperatures relative to the cost per visit (defaults 1, or 2 above 150 visits, and 0.003) */
  t0?: number
  tf?: number
  /** go back to the best plan after this share of the budget without improvement (0 = never) */
  restart?: number
  /**
   * this many annealing runs from new constructions first, over `startShare` of the budget,
   * then one from the best of them (default 8 over 0.5 up to 150 visits, else none; never
   * with `initial`)
   */
  starts?: number
  startShare?: number
  /** find the candidate positions of an insertion by scanning every position of every route (the method before issue 23's third step; for A/B runs) */
  fullScan?: boolean
  /** granular neighbourhood: insertion positions are tried next to this many nearest tasks (skillNear) or visit locations (default 30) */
  granular?: number
  /**
   * candidate positions of an insertion lie next to the `granular` nearest tasks that share a
   * qualified caregiver with the task (default true; false: next to the nearest locations
   * whatever their skills, the method before issue 23's seventeenth step)
   */
  skillNear?: boolean
}

function haversineKm(la1: number, lo1: number, la2: number, lo2: number): number {
  const r = Math.PI / 180
  const dLa = (la2 - la1) * r
  const dLo = (lo2 - lo1) * r
  const a = Math.sin(dLa / 2) ** 2 + Math.cos(la1 * r) * Math.cos(la2 * r) * Math.sin(dLo / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}

export class ProblemError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProblemError'
  }
}

/** Build travel time and distance matrices (flat, L×L). */
export function buildMatrices(p: Problem): { L: number; tt: Float64Array; dd: Float64Array } {
  const tr = p.travel
  if (tr.kind === 'matrix') {
    const L = tr.time.length
    const tt = new Float64Array(L * L)
    const dd = new Float64Array(L * L)
    for (let i = 0; i < L; i++) {
      const row = tr.time[i]
      if (!Array.isArray(row) || row.length !== L) throw new ProblemError(`travel.time row ${i} must have ${L} numbers`)
      const drow = tr.distance ? tr.distance[i] : row
      if (!Array.isArray(drow) || drow.length !== L) throw new ProblemError(`travel.distance row ${i} must have ${L} numbers`)
      for (let j = 0; j < L; j++) {
        const t = row[j]
        const d = drow[j]
        if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) throw new ProblemError(`travel.time[${i}][${j}] is not a non-negative number`)
        if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) throw new ProblemError(`travel.distance[${i}][${j}] is not a non-negative number`)
        tt[i * L + j] = t
        dd[i * L + j] = d
      }
    }
    return { L, tt, dd }
  }
  const locs = p.locations ?? []
  const L = locs.length
  const tt = new Float64Array(L * L)
  const dd = new Float64Array(L * L)
  for (let i = 0; i < L; i++)
    for (let j = 0; j < L; j++) {
      const a = locs[i] as Record<string, number>
      const b = locs[j] as Record<string, number>
      let d: number
      let t: number
      if (tr.kind === 'euclidean') {
        if (!Number.isFinite(a.x) || !Number.isFinite(a.y) || !Number.isFinite(b.x) || !Number.isFinite(b.y))
          throw new ProblemError(`location ${Number.isFinite(a.x) ? j : i} needs numeric x and y`)
        d = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2)
        t = d / (tr.speed ?? 1)
      } else {
        if (!Number.isFinite(a.lat) || !Number.isFinite(a.lon) || !Number.isFinite(b.lat) || !Number.isFinite(b.lon))
          throw new ProblemError(`location ${Number.isFinite(a.lat) ? j : i} needs numeric lat and lon`)
        d = haversineKm(a.lat, a.lon, b.lat, b.lon) * (tr.detourFactor ?? 1.3)
        t = (d / (tr.speedKmh ?? 25)) * 60
      }
      tt[i * L + j] = t
      dd[i * L + j] = d
    }
  return { L, tt, dd }
}

class GSol {
  readonly seq: Int32Array[]
  readonly len: Int32Array
  readonly load: Float64Array
  readonly endT: Float64Array
  readonly rof: Int32Array
  readonly pof: Int32Array
  readonly start: Float64Array
  readonly un: Int32Array
  nun = 0
  dist = 0
  tard = 0
  tmax = 0
  pen = 0
  used = 0
  cost = 0
  feas = true
  constructor(NT: number, nV: number, nVis: number) {
    this.seq = []
    for (let v = 0; v < nV; v++) this.seq.push(new Int32Array(NT + 1))
    this.len = new Int32Array(nV)
    this.load = new Float64Array(nV)
    this.endT = new Float64Array(nV)
    this.rof = new Int32Array(NT).fill(-1)
    this.pof = new Int32Array(NT)
    this.start = new Float64Array(NT)
    this.un = new Int32Array(nVis)
  }
  copyFrom(o: GSol): void {
    for (let v = 0; v < this.seq.length; v++) {
      const L = o.len[v]
      if (L > 0 || this.len[v] > 0) this.seq[v].set(o.seq[v].subarray(0, L))
    }
    this.len.set(o.len)
    this.load.set(o.load)
    this.endT.set(o.endT)
    this.rof.set(o.rof)
    this.pof.set(o.pof)
    this.start.set(o.start)
    this.un.set(o.un.subarray(0, o.nun))
    this.nun = o.nun
    this.dist = o.dist
    this.tard = o.tard
    this.tmax = o.tmax
    this.pen = o.pen
    this.used = o.used
    this.cost = o.cost
    this.feas = o.feas
  }
}

/** Compiled problem plus search. */
export function solveProblem(p: Problem, opts: SolveOptions, extras: EngineExtras = {}): Plan {
  const now = opts.now ?? (() => performance.now())
  const tStart = now()
  const deadline = tStart + Math.max(0, opts.timeLimitMs)
  const maxIter = opts.maxIterations ?? Infinity
  const rng = new Rng(opts.seed ?? 1)
  if (!p || !Array.isArray(p.visits) || !Array.isArray(p.caregivers) || !p.travel) throw new ProblemError('problem needs visits, caregivers and travel')
  const { L, tt, dd } = buildMatrices(p)
  const obj = p.objective ?? {}
  const wD = obj.distance ?? 1
  const wT = obj.lateness ?? 1
  const wM = obj.maxLateness ?? 0
  const wV = obj.vehicle ?? 0
  const wU = obj.unassigned ?? 1e6
  const notBefore = extras.notBefore ?? NEG

  const cgs = p.caregivers
  const nV = cgs.length
  const realVisits = p.visits
  const nRV = realVisits.length
  // --- skills as indices
  const skillIdx = new Map<string, number>()
  const sk = (s: string): number => {
    let i = skillIdx.get(s)
    if (i === undefined) {
      i = skillIdx.size
      skillIdx.set(s, i)
    }
    return i
  }
  const cgSkills: Set<number>[] = cgs.map((c, i) => {
    if (!c || typeof c.id !== 'string') throw new ProblemError(`caregiver ${i} needs an id`)
    if (!Array.isArray(c.shift) || c.shift.length !== 2 || !(c.shift[0] <= c.shift[1]))
      throw new ProblemError(`caregiver ${c.id}: shift must be [start, end] with start <= end`)
    for (const loc of [c.start, c.end ?? c.start])
      if (!Number.isInteger(loc) || loc < 0 || loc >= L) throw new ProblemError(`caregiver ${c.id}: location ${loc} out of range`)
    return new Set((c.skills ?? []).map(sk))
  })
  const cgIndex = new Map<string, number>()
  cgs.forEach((c, i) => {
    if (cgIndex.has(c.id)) throw new ProblemError(`duplicate caregiver id ${c.id}`)
    cgIndex.set(c.id, i)
  })
  // --- tasks
  const nBreaks = cgs.filter((c) => c.break).length
  let nTasks = 0
  const visIndex = new Map<string, number>()
  for (let i = 0; i < nRV; i++) {
    const v = realVisits[i]
    if (!v || typeof v.id !== 'string') throw new ProblemError(`visit ${i} needs an id`)
    if (visIndex.has(v.id)) throw new ProblemError(`duplicate visit id ${v.id}`)
    visIndex.set(v.id, i)
    if (!Number.isInteger(v.location) || v.location < 0 || v.location >= L) throw new ProblemError(`visit ${v.id}: location ${v.location} out of range`)
    if (!(typeof v.duration === 'number' && v.duration >= 0)) throw new ProblemError(`visit ${v.id}: duration must be a non-negative number`)
    if (v.window && !(v.window.length === 2 && v.window[0] <= v.window[1]))
      throw new ProblemError(`visit ${v.id}: window must be [open, close] with open <= close`)
    const parts = v.staff && v.staff.length > 0 ? v.staff.length : 1
    if (parts > 2) throw new ProblemError(`visit ${v.id}: at most two caregivers per visit`)
    nTasks += parts
  }
  const NT = nTasks + nBreaks
  const nVis = nRV + nBreaks
  const tVisit = new Int32Array(NT)
  const tPart = new Int32Array(NT)
  const tLoc = new Int32Array(NT)
  const tDur = new Float64Array(NT)
  const tOpen = new Float64Array(NT)
  const tClose = new Float64Array(NT)
  const tHard = new Uint8Array(NT)
  const tLatW = new Float64Array(NT)
  const tDem = new Float64Array(NT)
  const tPartner = new Int32Array(NT).fill(-1)
  const tSync = new Int8Array(NT) // 0 none, 1 simultaneous, 2 first of sequential, 3 second
  const tGapMin = new Float64Array(NT)
  const tGapMax = new Float64Array(NT)
  const tFixed = new Float64Array(NT).fill(NaN)
  const compat = new Uint8Array(NT * nV)
  const visFirst = new Int32Array(nVis)
  const visCount = new Int32Array(nVis)
  const visPen = new Float64Array(nVis)
  const visLoc = new Int32Array(nVis)
  const visReason: (UnassignedReason | null)[] = new Array(nVis).fill(null)
  const visDetail: string[] = new Array(nVis).fill('')
  let ti = 0
  for (let i = 0; i < nRV; i++) {
    const v = realVisits[i]
    const parts = v.staff && v.staff.length > 0 ? v.staff : [{ skills: v.skills, duration: v.duration }]
    visFirst[i] = ti
    visCount[i] = parts.length
    visPen[i] = wU * (1 + Math.max(0, v.priority ?? 0))
    visLoc[i] = v.location
    const soft = v.windowMode === 'soft'
    for (let k = 0; k < parts.length; k++) {
      const t = ti + k
      tVisit[t] = i
      tPart[t] = k
      tLoc[t] = v.location
      const dur = parts[k].duration ?? v.duration
      if (!(dur >= 0)) throw new ProblemError(`visit ${v.id}: negative duration`)
      tDur[t] = dur
      tOpen[t] = Math.max(v.window ? v.window[0] : NEG, notBefore)
      tClose[t] = v.window ? v.window[1] : Infinity
      tHard[t] = soft ? 0 : 1
      tLatW[t] = soft ? (v.latenessPenalty ?? 1) : 0
      tDem[t] = k === 0 ? (v.demand ?? 0) : 0
      const need = (parts[k].skills ?? (k === 0 && !v.staff ? v.skills : undefined) ?? []).map(sk)
      for (let c = 0; c < nV; c++) {
        let ok = true
        for (const s of need) if (!cgSkills[c].has(s)) ok = false
        compat[t * nV + c] = ok ? 1 : 0
      }
    }
    if (parts.length === 2) {
      const a = ti
      const b = ti + 1
      tPartner[a] = b
      tPartner[b] = a
      const sy = v.sync ?? { type: 'simultaneous' }
      if (sy.type === 'sequential') {
        if (!(sy.minGap <= sy.maxGap)) throw new ProblemError(`visit ${v.id}: sequential sync needs minGap <= maxGap`)
        tSync[a] = 2
        tSync[b] = 3
        tGapMin[a] = tGapMin[b] = sy.minGap
        tGapMax[a] = tGapMax[b] = sy.maxGap
      } else {
        tSync[a] = 1
        tSync[b] = 1
      }
    }
    ti += parts.length
  }
  const breakOf = new Int32Array(nV).fill(-1)
  for (let c = 0; c < nV; c++) {
    const b = cgs[c].break
    if (!b) continue
    const cg = cgs[c]
    if (!Array.isArray(b.window) || b.window.length !== 2 || !(b.window[0] <= b.window[1]) || !(b.duration >= 0))
      throw new ProblemError(`caregiver ${cg.id}: break needs window [earliest, latest] and a non-negative duration`)
    const bs = Math.max(cg.shift[0], b.window[0])
    if (bs > b.window[1] || bs + b.duration + tt[cg.start * L + (cg.end ?? cg.start)] > cg.shift[1])
      throw new ProblemError(`caregiver ${cg.id}: the break cannot be taken within the shift`)
    const t = ti++
    const vi = nRV + (t - nTasks)
    visFirst[vi] = t
    visCount[vi] = 1
    visPen[vi] = wU * 1e9
    visLoc[vi] = cgs[c].start
    tVisit[t] = vi
    tLoc[t] = -1
    tDur[t] = b.duration
    tOpen[t] = b.window[0]
    tClose[t] = b.window[1]
    tHard[t] = 1
    compat[t * nV + c] = 1
    breakOf[c] = t
  }
  const vhStart = new Int32Array(nV)
  const vhEnd = new Int32Array(nV)
  const vhS = new Float64Array(nV)
  const vhE = new Float64Array(nV)
  const vhCap = new Float64Array(nV)
  const vhLocked = new Int32Array(nV)
  for (let c = 0; c < nV; c++) {
    vhStart[c] = cgs[c].start
    vhEnd[c] = cgs[c].end ?? cgs[c].start
    vhS[c] = cgs[c].shift[0]
    vhE[c] = cgs[c].shift[1]
    vhCap[c] = cgs[c].capacity ?? Infinity
  }
  const syncTasks: number[] = []
  for (let t = 0; t < NT; t++) if (tSync[t] !== 0) syncTasks.push(t)
  const maxRounds = syncTasks.length + 4

  // --- a priori reasons
  for (let i = 0; i < nRV; i++) {
    const f = visFirst[i]
    const cnt = visCount[i]
    let reason: UnassignedReason | null = null
    let detail = ''
    for (let k = 0; k < cnt && !reason; k++) {
      const t = f + k
      let anySkill = false
      let anyCap = false
      let anyTime = false
      for (let c = 0; c < nV; c++) {
        if (!compat[t * nV + c]) continue
        anySkill = true
        if (tDem[t] > vhCap[c] + EPS) continue
        anyCap = true
        const arr = vhS[c] + tt[vhStart[c] * L + tLoc[t]]
        const st = Math.max(arr, tOpen[t])
        const back = st + tDur[t] + tt[tLoc[t] * L + vhEnd[c]]
        if ((!tHard[t] || st <= tClose[t] + EPS) && back <= vhE[c] + EPS) anyTime = true
        else compat[t * nV + c] = 0
      }
      const label = cnt === 2 ? ` (caregiver ${k + 1} of 2)` : ''
      if (!anySkill) {
        reason = 'no_skill'
        detail = `no caregiver has the required skill${label}`
      } else if (!anyCap) {
        reason = 'capacity'
        detail = `demand exceeds every qualified caregiver's capacity${label}`
      } else if (!anyTime) {
        reason = 'window_unreachable'
        detail = `no qualified caregiver can reach the window within the shift${label}`
      }
    }
    if (!reason && cnt === 2) {
      // two distinct caregivers needed when simultaneous
      const a = f
      const b = f + 1
      let ok = false
      for (let c1 = 0; c1 < nV && !ok; c1++) {
        if (!compat[a * nV + c1]) continue
        for (let c2 = 0; c2 < nV && !ok; c2++) if (compat[b * nV + c2] && (c1 !== c2 || tSync[a] !== 1)) ok = true
      }
      if (!ok) {
        reason = 'no_skill'
        detail = 'needs two different qualified caregivers'
      }
    }
    visReason[i] = reason
    visDetail[i] = detail
  }

  // --- neighbours between visits (by location)
  const KN = Math.min(nRV, 60)
  const adj = new Int32Array(Math.max(1, nRV * KN))
  {
    const idx: number[] = []
    for (let i = 0; i < nRV; i++) {
      idx.length = 0
      for (let j = 0; j < nRV; j++) if (j !== i) idx.push(j)
      const li = visLoc[i] * L
      if (idx.length > KN * 4) {
        // partial selection for large instances
        idx.sort((a, b) => dd[li + visLoc[a]] - dd[li + visLoc[b]])
      } else idx.sort((a, b) => dd[li + visLoc[a]] - dd[li + visLoc[b]])
      adj[i * KN] = i
      for (let k = 1; k < KN; k++) adj[i * KN + k] = idx[k - 1]
    }
  }

  /**
   * Numeric sort keys for "nearest first" lists: floor(min(d, dmax) · sc) · B + index, with B a
   * power of two above every index, so a plain typed-array sort orders by distance, then index
   * (no comparator calls), and `key % B` gives the index back; exact below 2^53.
   */
  let dmax = 1
  for (let i = 0; i < L * L; i++) if (dd[i] > dmax && Number.isFinite(dd[i])) dmax = dd[i]
  function keyScale(count: number): { B: number; sc: number } {
    let B = 2
    while (B <= count) B *= 2
    return { B, sc: Math.min(1e4, 2 ** 52 / B / dmax) }
  }
  // granular neighbourhood: a position is tried only next to one of the G nearest visit locations
  // (or a start/end location, or in an empty route)
  // a malformed count (extras come from code, not users) falls back instead of breaking the lists
  const G = Number.isFinite(extras.granular) ? Math.max(1, Math.floor(extras.granular as number)) : 30
  const nearLoc = new Uint8Array(L * L)
  {
    const seen = new Uint8Array(L)
    const locs: number[] = []
    for (let i = 0; i < nRV; i++)
      if (!seen[visLoc[i]]) {
        seen[visLoc[i]] = 1
        locs.push(visLoc[i])
      }
    const keys = new Float64Array(locs.length)
    const { B, sc } = keyScale(L)
    for (const a of locs) {
      for (let k = 0; k < locs.length; k++) keys[k] = Math.floor(Math.min(dmax, dd[a * L + locs[k]]) * sc) * B + locs[k]
      keys.sort()
      for (let k = 0; k < Math.min(G + 1, locs.length); k++) nearLoc[a * L + (keys[k] % B)] = 1
      for (let c = 0; c < nV; c++) {
        nearLoc[a * L + vhStart[c]] = 1
        nearLoc[a * L + vhEnd[c]] = 1
      }
    }
  }

  let cur = new GSol(NT, nV, nVis)
  let work = new GSol(NT, nV, nVis)
  const best = new GSol(NT, nV, nVis)

  // --- locked / initial routes (re-planning)
  const taskOf = (c: number, ref: TaskRef): number => {
    if (ref.break) {
      if (breakOf[c] < 0) throw new ProblemError(`caregiver ${cgs[c].id} has no break`)
      return breakOf[c]
    }
    const visitId = String(ref.visitId)
    const part = ref.part ?? 0
    const vi = visIndex.get(visitId)
    if (vi === undefined) throw new ProblemError(`unknown visit ${visitId}`)
    if (part < 0 || part >= visCount[vi]) throw new ProblemError(`visit ${visitId} has no part ${part}`)
    return visFirst[vi] + part
  }
  const placed = new Uint8Array(NT)
  const place = (S: GSol, c: number, t: number): void => {
    if (placed[t]) throw new ProblemError(`${tLoc[t] < 0 ? 'break' : `visit ${realVisits[tVisit[t]].id}`} placed twice`)
    placed[t] = 1
    const sq = S.seq[c]
    sq[S.len[c]] = t
    S.rof[t] = c
    S.pof[t] = S.len[c]
    S.len[c]++
    S.load[c] += tDem[t]
  }
  if (extras.locked) {
    for (const [cid, list] of Object.entries(extras.locked)) {
      const c = cgIndex.get(cid)
      if (c === undefined) throw new ProblemError(`unknown caregiver ${cid}`)
      for (const lt of list) {
        const t = taskOf(c, lt)
        tFixed[t] = lt.start
        tOpen[t] = lt.start
        tClose[t] = lt.start
        tHard[t] = 1
        place(cur, c, t)
      }
      vhLocked[c] = cur.len[c]
    }
  }
  if (extras.initial) {
    for (const [cid, list] of Object.entries(extras.initial)) {
      const c = cgIndex.get(cid)
      if (c === undefined) throw new ProblemError(`unknown caregiver ${cid}`)
      for (const it of list) place(cur, c, taskOf(c, it))
    }
  }
  // visits with only part of their tasks placed: remove the unlocked parts (reinserted by search)
  for (let i = 0; i < nVis; i++) {
    const f = visFirst[i]
    let np = 0
    for (let k = 0; k < visCount[i]; k++) np += placed[f + k]
    if (np > 0 && np < visCount[i]) {
      for (let k = 0; k < visCount[i]; k++) {
        const t = f + k
        if (!placed[t] || !Number.isNaN(tFixed[t])) continue
        const c = cur.rof[t]
        const sq = cur.seq[c]
        const pos = cur.pof[t]
        sq.copyWithin(pos, pos + 1, cur.len[c])
        cur.len[c]--
        for (let q = pos; q < cur.len[c]; q++) cur.pof[sq[q]] = q
        cur.rof[t] = -1
        cur.load[c] -= tDem[t]
        placed[t] = 0
      }
    }
  }
  for (let i = 0; i < nVis; i++) {
    const f = visFirst[i]
    let np = 0
    for (let k = 0; k < visCount[i]; k++) np += placed[f + k]
    if (np === 0) cur.un[cur.nun++] = i
  }

  // ---------------- schedule ----------------
  const lb = new Float64Array(NT)
  function syncNeed(S: GSol, x: number): number {
    const pa = tPartner[x]
    if (pa < 0 || S.rof[pa] < 0) return NEG
    const sy = tSync[x]
    const sp = S.start[pa]
    if (sy === 1) return sp
    if (sy === 2) return sp - tGapMax[x]
    return sp + tGapMin[x]
  }
  function forwardRoute(S: GSol, c: number): void {
    const sq = S.seq[c]
    const n = S.len[c]
    let t = vhS[c]
    let loc = vhStart[c]
    for (let k = 0; k < n; k++) {
      const x = sq[k]
      const lx = tLoc[x]
      let st = lx < 0 ? t : t + tt[loc * L + lx]
      if (st < tOpen[x]) st = tOpen[x]
      if (st < lb[x]) st = lb[x]
      S.start[x] = st
      t = st + tDur[x]
      if (lx >= 0) loc = lx
    }
    S.endT[c] = t + tt[loc * L + vhEnd[c]]
  }
  /** exact least schedule and cost; sets S.feas */
  function fullEval(S: GSol): void {
    for (let i = 0; i < syncTasks.length; i++) lb[syncTasks[i]] = NEG
    let ok = false
    for (let round = 0; round <= maxRounds; round++) {
      for (let c = 0; c < nV; c++) if (S.len[c] > 0) forwardRoute(S, c)
      let changed = false
      for (let i = 0; i < syncTasks.length; i++) {
        const x = syncTasks[i]
        if (S.rof[x] < 0) continue
        const need = syncNeed(S, x)
        if (need > S.start[x] + 1e-9) {
          lb[x] = need
          changed = true
        }
      }
      if (!changed) {
        ok = true
        break
      }
    }
    let dist = 0
    let tard = 0
    let tmax = 0
    let used = 0
    let feas = ok
    for (let c = 0; c < nV; c++) {
      const n = S.len[c]
      if (n === 0) continue
      const sq = S.seq[c]
      let loc = vhStart[c]
      let real = 0
      for (let k = 0; k < n; k++) {
        const x = sq[k]
        const lx = tLoc[x]
        if (lx >= 0) {
          dist += dd[loc * L + lx]
          loc = lx
          real++
        }
        const st = S.start[x]
        const late = st - tClose[x]
        if (late > EPS) {
          if (tHard[x]) feas = false
          else {
            tard += tLatW[x] * late
            if (late > tmax) tmax = late
          }
        }
        if (!Number.isNaN(tFixed[x]) && Math.abs(st - tFixed[x]) > 1e-6) feas = false
      }
      if (real > 0) {
        dist += dd[loc * L + vhEnd[c]]
        used++
      }
      if (S.endT[c] > vhE[c] + EPS) feas = false
      if (S.load[c] > vhCap[c] + EPS) feas = false
    }
    let pen = 0
    for (let i = 0; i < S.nun; i++) pen += visPen[S.un[i]]
    S.dist = dist
    S.tard = tard
    S.tmax = tmax
    S.used = used
    S.pen = pen
    S.feas = feas
    S.cost = wD * dist + wT * tard + wM * tmax + wV * used + pen
  }

  // ---------------- incremental insertion ----------------
  const stamp = new Int32Array(NT)
  const vstamp = new Int32Array(nV)
  let curStamp = 0
  const logT = new Int32Array(NT + 8)
  const logS = new Float64Array(NT + 8)
  let nlog = 0
  const logV = new Int32Array(nV + 1)
  const logE = new Float64Array(nV + 1)
  let nlogV = 0
  const qV = new Int32Array(4 * NT + 16)
  const qP = new Int32Array(4 * NT + 16)
  const PUSH_LIMIT = 3 * NT + 64
  let insTask = -1

  function logTask(S: GSol, x: number): void {
    if (stamp[x] !== curStamp) {
      stamp[x] = curStamp
      logT[nlog] = x
      logS[nlog] = S.start[x]
      nlog++
    }
  }
  function logRoute(S: GSol, c: number): void {
    if (vstamp[c] !== curStamp) {
      vstamp[c] = curStamp
      logV[nlogV] = c
      logE[nlogV] = S.endT[c]
      nlogV++
    }
  }
  /** push start times forward from (c, pos); returns false if a hard constraint breaks */
  function propagate(S: GSol, c0: number, pos0: number): boolean {
    let qh = 0
    let qt = 0
    qV[qt] = c0
    qP[qt] = pos0
    qt++
    let steps = 0
    while (qh < qt) {
      const c = qV[qh]
      const pos = qP[qh]
      qh++
      const sq = S.seq[c]
      const n = S.len[c]
      let t: number
      let loc: number
      if (pos === 0) {
        t = vhS[c]
        loc = vhStart[c]
      } else {
        const pr = sq[pos - 1]
        t = S.start[pr] + tDur[pr]
        loc = vhStart[c]
        for (let k = pos - 1; k >= 0; k--)
          if (tLoc[sq[k]] >= 0) {
            loc = tLoc[sq[k]]
            break
          }
      }
      let k = pos
      for (; k < n; k++) {
        if (++steps > PUSH_LIMIT) return false
        const x = sq[k]
        const lx = tLoc[x]
        let st = lx < 0 ? t : t + tt[loc * L + lx]
        if (st < tOpen[x]) st = tOpen[x]
        const need = syncNeed(S, x)
        if (st < need) st = need
        const old = S.start[x]
        if (k > pos && st <= old + 1e-9) break
        if (tHard[x] && st > tClose[x] + EPS) return false
        // every change flows from the inserted task: pushing it again means a positive cycle
        if (x === insTask && old !== NEG && st > old + 1e-9) return false
        if (st !== old) {
          logTask(S, x)
          S.start[x] = st
          const pa = tPartner[x]
          if (pa >= 0 && S.rof[pa] >= 0) {
            const sy = tSync[pa]
            const np = sy === 1 ? st : sy === 2 ? st - tGapMax[pa] : st + tGapMin[pa]
            if (S.start[pa] < np - 1e-9) {
              if (qt >= qV.length) return false
              qV[qt] = S.rof[pa]
              qP[qt] = S.pof[pa]
              qt++
            }
          }
        }
        t = st + tDur[x]
        if (lx >= 0) loc = lx
      }
      if (k === n) {
        const end = t + tt[loc * L + vhEnd[c]]
        if (end > vhE[c] + EPS) return false
        logRoute(S, c)
        S.endT[c] = end
      }
    }
    return true
  }
  function undo(S: GSol): void {
    for (let i = nlog - 1; i >= 0; i--) S.start[logT[i]] = logS[i]
    for (let i = nlogV - 1; i >= 0; i--) S.endT[logV[i]] = logE[i]
    nlog = 0
    nlogV = 0
  }
  function insertAt(S: GSol, x: number, c: number, p: number): void {
    const sq = S.seq[c]
    const n = S.len[c]
    sq.copyWithin(p + 1, p, n)
    sq[p] = x
    S.len[c] = n + 1
    for (let k = p; k <= n; k++) S.pof[sq[k]] = k
    S.rof[x] = c
    S.load[c] += tDem[x]
  }
  function removeAt(S: GSol, c: number, p: number): void {
    const sq = S.seq[c]
    const x = sq[p]
    const n = S.len[c]
    sq.copyWithin(p, p + 1, n)
    S.len[c] = n - 1
    for (let k = p; k < n - 1; k++) S.pof[sq[k]] = k
    S.rof[x] = -1
    S.load[c] -= tDem[x]
  }
  function realLocBefore(S: GSol, c: number, p: number): number {
    const sq = S.seq[c]
    for (let k = p - 1; k >= 0; k--) if (tLoc[sq[k]] >= 0) return tLoc[sq[k]]
    return vhStart[c]
  }
  function realLocFrom(S: GSol, c: number, p: number): number {
    const sq = S.seq[c]
    const n = S.len[c]
    for (let k = p; k < n; k++) if (tLoc[sq[k]] >= 0) return tLoc[sq[k]]
    return vhEnd[c]
  }
  function nextLocOf(S: GSol, c: number, p: number): number {
    return realLocFrom(S, c, p)
  }
  function routeHasReal(S: GSol, c: number): boolean {
    const sq = S.seq[c]
    for (let k = 0; k < S.len[c]; k++) if (tLoc[sq[k]] >= 0) return true
    return false
  }
  /**
   * Insert x at (c, p) and propagate; returns the cost delta (Infinity if infeasible).
   * Leaves the insertion applied (call undoInsert to revert) when keep is true.
   */
  function tryInsert(S: GSol, x: number, c: number, p: number, distDelta: number, keep: boolean): number {
    curStamp++
    nlog = 0
    nlogV = 0
    const wasUsed = tLoc[x] >= 0 && !routeHasReal(S, c)
    insertAt(S, x, c, p)
    logTask(S, x)
    S.start[x] = NEG
    insTask = x
    const ok = propagate(S, c, p)
    let delta = Infinity
    if (ok) {
      let dT = 0
      let mx = S.tmax
      for (let i = 0; i < nlog; i++) {
        const y = logT[i]
        if (tHard[y]) continue
        const cl = tClose[y]
        const o = logS[i] - cl
        const nw = S.start[y] - cl
        const lo = o > 0 ? o : 0
        const ln = nw > 0 ? nw : 0
        dT += tLatW[y] * (ln - lo)
        if (ln > mx) mx = ln
      }
      delta = wD * distDelta + wT * dT + wM * (mx - S.tmax) + (wasUsed ? wV : 0)
      if (keep) {
        S.tmax = mx
        S.tard += dT
      }
    }
    if (!keep || !ok) {
      undo(S)
      removeAt(S, c, p)
    }
    return delta
  }

  /** O(1) lower bound of the insertion cost of x at (c, p) (every start can only move later) */
  function lowerBound(S: GSol, x: number, c: number, p: number, prevLoc: number, dDelta: number): number {
    const sq = S.seq[c]
    const n = S.len[c]
    const lx = tLoc[x]
    const tp = p > 0 ? S.start[sq[p - 1]] + tDur[sq[p - 1]] : vhS[c]
    let st = lx >= 0 ? tp + tt[prevLoc * L + lx] : tp
    if (st < tOpen[x]) st = tOpen[x]
    const need = syncNeed(S, x)
    if (st < need) st = need
    let lbv = wD * dDelta
    let mx = S.tmax
    const lateX = st - tClose[x]
    if (lateX > EPS) {
      if (tHard[x]) return Infinity
      lbv += wT * tLatW[x] * lateX
      if (lateX > mx) mx = lateX
    }
    const fin = st + tDur[x]
    const locX = lx >= 0 ? lx : prevLoc
    if (p < n) {
      const y = sq[p]
      const ly = tLoc[y]
      let sy = ly >= 0 ? fin + tt[locX * L + ly] : fin
      if (sy < tOpen[y]) sy = tOpen[y]
      const oy = S.start[y]
      if (sy > oy + 1e-9) {
        const ly2 = sy - tClose[y]
        if (ly2 > EPS) {
          if (tHard[y]) return Infinity
          const lo = oy - tClose[y]
          lbv += wT * tLatW[y] * (ly2 - (lo > 0 ? lo : 0))
          if (ly2 > mx) mx = ly2
        }
      }
    } else if (fin + tt[locX * L + vhEnd[c]] > vhE[c] + EPS) return Infinity
    return lbv + wM * (mx - S.tmax)
  }

  // ---------------- best insertion of one visit ----------------
  let bC = -1
  let bP = -1
  let bCost = Infinity
  let blink = 0.01
  // candidate positions of one bestFor call, evaluated exactly in order of their lower bound
  const lbV = new Float64Array(NT + nV + 1)
  const lbC = new Int32Array(NT + nV + 1)
  const lbP = new Int32Array(NT + nV + 1)
  const lbD = new Float64Array(NT + nV + 1)
  // Candidate positions from the granular neighbourhood directly (issue 23, home care at 200–300
  // patients): a position qualifies when the real location before or after it is one of the
  // near locations of x, so instead of scanning every position of every route (O(all tasks) per
  // insertion, the largest self time in the profile of InstanzVNS_HCSRP_300_1) the positions are
  // generated from the routed tasks at x's near locations (next to them, and across breaks next
  // to them) and from the route ends when a start or end location is near. Same candidate set.
  const locTaskStart = new Int32Array(L + 1)
  const locTaskList = new Int32Array(NT)
  {
    for (let t = 0; t < NT; t++) if (tLoc[t] >= 0) locTaskStart[tLoc[t] + 1]++
    for (let y = 0; y < L; y++) locTaskStart[y + 1] += locTaskStart[y]
    const fill = locTaskStart.slice(0, L)
    for (let t = 0; t < NT; t++) if (tLoc[t] >= 0) locTaskList[fill[tLoc[t]]++] = t
  }
  // the lists by location serve only the location neighbourhood (skillNear false; see below)
  const skillNear = extras.skillNear ?? true
  const nearStart = new Int32Array(L + 1)
  let nearList = new Int32Array(0)
  if (!skillNear) {
    let cnt = 0
    for (let a = 0; a < L; a++) for (let y = 0; y < L; y++) if (nearLoc[a * L + y] && locTaskStart[y + 1] > locTaskStart[y]) cnt++
    nearList = new Int32Array(cnt)
    let w = 0
    for (let a = 0; a < L; a++) {
      nearStart[a] = w
      for (let y = 0; y < L; y++) if (nearLoc[a * L + y] && locTaskStart[y + 1] > locTaskStart[y]) nearList[w++] = y
    }
    nearStart[L] = w
  }
  // Skill-aware neighbourhood (issue 23, home care at 200 patients): per task, the G nearest
  // tasks with a location that some caregiver qualified for the task is also qualified for.
  // With skills split over the caregivers (Mankowska: 4–6 of 30 caregivers for services s1–s3)
  // most of the 30 nearest locations lie on routes that cannot take the task, and the plain
  // neighbourhood left a handful of candidates. InstanzVNS_HCSRP_200_1 at 9.3 s of CPU, 16 seeds:
  // mean gap 2.12 % → 0.83 %, runs above 2 % 6 → 3 (100_2 and 300_1 unchanged within noise).
  const tnStart = new Int32Array(NT + 1)
  let tnList = new Int32Array(0)
  if (skillNear) {
    const W = (nV + 31) >>> 5
    const bits = new Uint32Array(NT * W)
    for (let t = 0; t < NT; t++) for (let c = 0; c < nV; c++) if (compat[t * nV + c]) bits[t * W + (c >>> 5)] |= 1 << (c & 31)
    const real: number[] = []
    for (let t = 0; t < NT; t++) if (tLoc[t] >= 0) real.push(t)
    const { B, sc } = keyScale(NT)
    const keys = new Float64Array(real.length)
    const lists = new Int32Array(NT * (G + 1))
    let total = 0
    for (let x = 0; x < NT; x++) {
      tnStart[x] = total
      const lx = tLoc[x]
      if (lx < 0) continue
      let m = 0
      for (const t of real) {
        let ov = false
        for (let w = 0; w < W && !ov; w++) if (bits[x * W + w] & bits[t * W + w]) ov = true
        if (ov) keys[m++] = Math.floor(Math.min(dmax, dd[lx * L + tLoc[t]]) * sc) * B + t
      }
      const ks = keys.subarray(0, m).sort()
      for (let k = 0; k < Math.min(G + 1, m); k++) lists[total++] = ks[k] % B
    }
    tnStart[NT] = total
    tnList = lists.subarray(0, total)
  }
  const PW = NT + 2
  const posMark = new Int32Array(nV * PW)
  let posStamp = 0
  const useNearScan = !extras.fullScan
  /**
   * Collect the candidate positions of x (x has a location) into lbV/lbC/lbP/lbD, as the full
   * scan would: dDelta below bound, the blink, lower bound below bound. Returns their number.
   */
  // the candidate count of gatherNear and of bestFor's full scan, kept here for gTake and
  // addCand (plain functions, not closures made per call: they run for every candidate position
  // of every insertion)
  let gM = 0
  /** candidate position p of route c for task x at location lx, unless already seen */
  function gTake(S: GSol, x: number, lx: number, c: number, p: number, bound: number, blinkAlways: boolean): void {
    const k = c * PW + p
    if (posMark[k] === posStamp) return
    posMark[k] = posStamp
    const prevLoc = realLocBefore(S, c, p)
    const nextLoc = realLocFrom(S, c, p)
    const dDelta = dd[prevLoc * L + lx] + dd[lx * L + nextLoc] - dd[prevLoc * L + nextLoc]
    if (!(wD * dDelta < bound)) return
    if ((blinkAlways || blink !== 0) && rng.next() < blink) return
    addCand(lowerBound(S, x, c, p, prevLoc, dDelta), bound, c, p, dDelta)
  }
  /** position p of route c becomes candidate gM if its lower bound is below the bound */
  function addCand(lbv: number, bound: number, c: number, p: number, dDelta: number): void {
    if (lbv < bound) {
      lbV[gM] = lbv
      lbC[gM] = c
      lbP[gM] = p
      lbD[gM] = dDelta
      gM++
    }
  }
  function gOk(S: GSol, x: number, c: number, avoidC: number): boolean {
    return compat[x * nV + c] === 1 && c !== avoidC && S.load[c] + tDem[x] <= vhCap[c] + EPS
  }
  /** candidate positions next to routed task t (before and after it, across adjacent breaks) */
  function gNextTo(S: GSol, x: number, lx: number, t: number, avoidC: number, bound: number, blinkAlways: boolean): void {
    const c = S.rof[t]
    if (c < 0 || !gOk(S, x, c, avoidC)) return
    const sq = S.seq[c]
    const n = S.len[c]
    const lo = vhLocked[c]
    const pt = S.pof[t]
    for (let p = pt; p >= lo; p--) {
      gTake(S, x, lx, c, p, bound, blinkAlways)
      if (p === 0 || tLoc[sq[p - 1]] >= 0) break
    }
    for (let p = pt + 1; p <= n; p++) {
      if (p >= lo) gTake(S, x, lx, c, p, bound, blinkAlways)
      if (p === n || tLoc[sq[p]] >= 0) break
    }
  }
  function gatherNear(S: GSol, x: number, avoidC: number, bound: number, blinkAlways: boolean, m0: number): number {
    gM = m0
    const lx = tLoc[x]
    if (++posStamp === 0x7fffffff) {
      posMark.fill(0)
      posStamp = 1
    }
    // route ends: positions whose previous real location is the start, or next is the end
    for (let c = 0; c < nV; c++) {
      if (!gOk(S, x, c, avoidC)) continue
      const n = S.len[c]
      const sq = S.seq[c]
      const lo = vhLocked[c]
      let first = lo
      while (first < n && tLoc[sq[first]] < 0) first++
      let last = n - 1
      while (last >= lo && tLoc[sq[last]] < 0) last--
      if (first >= n) {
        // no real task after the locked ones: every position has the same neighbours
        const pl = realLocBefore(S, c, lo)
        if (n === 0 || nearLoc[lx * L + pl] || nearLoc[lx * L + vhEnd[c]]) for (let p = lo; p <= n; p++) gTake(S, x, lx, c, p, bound, blinkAlways)
        continue
      }
      if (nearLoc[lx * L + realLocBefore(S, c, lo)]) for (let p = lo; p <= first; p++) gTake(S, x, lx, c, p, bound, blinkAlways)
      if (nearLoc[lx * L + vhEnd[c]]) for (let p = last + 1; p <= n; p++) gTake(S, x, lx, c, p, bound, blinkAlways)
    }
    if (skillNear) {
      for (let i = tnStart[x]; i < tnStart[x + 1]; i++) gNextTo(S, x, lx, tnList[i], avoidC, bound, blinkAlways)
      return gM
    }
    // next to the routed tasks at the near locations
    for (let i = nearStart[lx]; i < nearStart[lx + 1]; i++) {
      const y = nearList[i]
      for (let j = locTaskStart[y]; j < locTaskStart[y + 1]; j++) gNextTo(S, x, lx, locTaskList[j], avoidC, bound, blinkAlways)
    }
    return gM
  }
  /**
   * Best position for task x in S (others fixed); sets bC/bP/bCost. The O(1) lower bound of
   * every position is computed first and the exact evaluation (push-forward propagation, the
   * dominant cost on 200–300 patients) runs best-bound-first, stopping at the first bound that
   * cannot beat the best exact cost: usually one or two propagations instead of dozens.
   */
  function bestFor(S: GSol, x: number, avoidC: number, bound: number): void {
    bC = -1
    bP = -1
    bCost = bound
    const lx = tLoc[x]
    let m: number
    if (useNearScan && lx >= 0) m = gatherNear(S, x, avoidC, bound, false, 0)
    else {
      gM = 0
      for (let c = 0; c < nV; c++) {
        if (!gOk(S, x, c, avoidC)) continue
        const n = S.len[c]
        const sq = S.seq[c]
        let prevLoc = realLocBefore(S, c, vhLocked[c])
        for (let p = vhLocked[c]; p <= n; p++) {
          let dDelta = 0
          if (lx >= 0) {
            const nextLoc = realLocFrom(S, c, p)
            dDelta = dd[prevLoc * L + lx] + dd[lx * L + nextLoc] - dd[prevLoc * L + nextLoc]
          }
          if (
            wD * dDelta < bound &&
            (lx < 0 || nearLoc[lx * L + prevLoc] || nearLoc[lx * L + nextLocOf(S, c, p)] || n === 0) &&
            (blink === 0 || rng.next() >= blink)
          )
            addCand(lowerBound(S, x, c, p, prevLoc, dDelta), bound, c, p, dDelta)
          if (p < n && tLoc[sq[p]] >= 0) prevLoc = tLoc[sq[p]]
        }
      }
      m = gM
    }
    for (;;) {
      // next candidate: the smallest bound left (ties: first collected), selection by scan
      let bi = -1
      let bv = bCost
      for (let i = 0; i < m; i++)
        if (lbV[i] < bv) {
          bv = lbV[i]
          bi = i
        }
      if (bi < 0) break
      lbV[bi] = Infinity
      const del = tryInsert(S, x, lbC[bi], lbP[bi], lbD[bi], false)
      if (del < bCost || (del === bCost && bC >= 0 && (lbC[bi] < bC || (lbC[bi] === bC && lbP[bi] < bP)))) {
        bCost = del
        bC = lbC[bi]
        bP = lbP[bi]
      }
    }
  }
  const candC = new Int32Array(6)
  const candP = new Int32Array(6)
  const candD = new Float64Array(6)
  /** insert visit vi into S; returns true if inserted */
  function insertVisit(S: GSol, vi: number): boolean {
    const f = visFirst[vi]
    if (visCount[vi] === 1) {
      bestFor(S, f, -1, Infinity)
      if (bC < 0) return false
      const c = bC
      const p = bP
      const lx = tLoc[f]
      const dDelta =
        lx >= 0 ? dd[realLocBefore(S, c, p) * L + lx] + dd[lx * L + realLocFrom(S, c, p)] - dd[realLocBefore(S, c, p) * L + realLocFrom(S, c, p)] : 0
      const del = tryInsert(S, f, c, p, dDelta, true)
      if (del === Infinity) return false
      S.dist += dDelta
      return true
    }
    // double-staffed: top candidates for part a, then best b for each
    const a = f
    const b = f + 1
    let nc = 0
    {
      // collect the best few positions for a: bounds first, exact evaluation best-bound-first
      // (as in bestFor), until a bound cannot beat the worst of the kept candidates
      let m = 0
      const lx = tLoc[a]
      if (useNearScan && lx >= 0) m = gatherNear(S, a, -1, Infinity, true, 0)
      else
        for (let c = 0; c < nV; c++) {
          if (!compat[a * nV + c]) continue
          if (S.load[c] + tDem[a] > vhCap[c] + EPS) continue
          const n = S.len[c]
          const sq = S.seq[c]
          let prevLoc = realLocBefore(S, c, vhLocked[c])
          for (let p = vhLocked[c]; p <= n; p++) {
            const nextLoc = realLocFrom(S, c, p)
            const dDelta = dd[prevLoc * L + lx] + dd[lx * L + nextLoc] - dd[prevLoc * L + nextLoc]
            if ((nearLoc[lx * L + prevLoc] || nearLoc[lx * L + nextLoc] || n === 0) && rng.next() >= blink) {
              const lbv = lowerBound(S, a, c, p, prevLoc, dDelta)
              if (lbv < Infinity) {
                lbV[m] = lbv
                lbC[m] = c
                lbP[m] = p
                lbD[m] = dDelta
                m++
              }
            }
            if (p < n && tLoc[sq[p]] >= 0) prevLoc = tLoc[sq[p]]
          }
        }
      for (;;) {
        const worst = nc < candC.length ? Infinity : candD[nc - 1]
        let bi = -1
        let bv = worst
        for (let i = 0; i < m; i++)
          if (lbV[i] < bv) {
            bv = lbV[i]
            bi = i
          }
        if (bi < 0) break
        lbV[bi] = Infinity
        const c = lbC[bi]
        const p = lbP[bi]
        const del = tryInsert(S, a, c, p, lbD[bi], false)
        if (del < worst) {
          let j = nc < candC.length ? nc++ : nc - 1
          while (j > 0 && (candD[j - 1] > del || (candD[j - 1] === del && (candC[j - 1] > c || (candC[j - 1] === c && candP[j - 1] > p))))) {
            candD[j] = candD[j - 1]
            candC[j] = candC[j - 1]
            candP[j] = candP[j - 1]
            j--
          }
          candD[j] = del
          candC[j] = c
          candP[j] = p
        }
      }
    }
    let bestTot = Infinity
    let ba = -1
    for (let i = 0; i < nc; i++) {
      const c = candC[i]
      const p = candP[i]
      const lx = tLoc[a]
      const pl = realLocBefore(S, c, p)
      const nl = realLocFrom(S, c, p)
      const dDelta = dd[pl * L + lx] + dd[lx * L + nl] - dd[pl * L + nl]
      // apply a (keep), evaluate b, then revert a via a full copy of the affected state
      const saveN = nlog
      void saveN
      const snapT = snapshot(S)
      const da = tryInsert(S, a, c, p, dDelta, true)
      if (da === Infinity) {
        restore(S, snapT)
        continue
      }
      bestFor(S, b, tSync[a] === 1 ? c : -1, bestTot - da)
      const tot = bC >= 0 ? da + bCost : Infinity
      // revert a
      restore(S, snapT)
      removeAt(S, c, p)
      if (tot < bestTot) {
        bestTot = tot
        ba = i
        pairBC = bC
        pairBP = bP
      }
    }
    if (ba < 0) return false
    {
      const c = candC[ba]
      const p = candP[ba]
      const lx = tLoc[a]
      const pl = realLocBefore(S, c, p)
      const nl = realLocFrom(S, c, p)
      const dA = dd[pl * L + lx] + dd[lx * L + nl] - dd[pl * L + nl]
      const snapT = snapshot(S)
      const r1 = tryInsert(S, a, c, p, dA, true)
      if (r1 === Infinity) {
        restore(S, snapT)
        return false
      }
      S.dist += dA
      const c2 = pairBC
      const p2 = pairBP
      const lb2 = tLoc[b]
      const pl2 = realLocBefore(S, c2, p2)
      const nl2 = realLocFrom(S, c2, p2)
      const dB = dd[pl2 * L + lb2] + dd[lb2 * L + nl2] - dd[pl2 * L + nl2]
      const r2 = tryInsert(S, b, c2, p2, dB, true)
      if (r2 === Infinity) {
        restore(S, snapT)
        removeAt(S, c, p)
        S.dist -= dA
        return false
      }
      S.dist += dB
      return true
    }
  }
  let pairBC = -1
  let pairBP = -1
  // snapshots of start/end times for reverting a kept insertion (small: copy whole arrays)
  const snapStart = new Float64Array(NT)
  const snapEnd = new Float64Array(nV)
  let snapTard = 0
  let snapTmax = 0
  function snapshot(S: GSol): number {
    snapStart.set(S.start)
    snapEnd.set(S.endT)
    snapTard = S.tard
    snapTmax = S.tmax
    return 0
  }
  function restore(S: GSol, _s: number): void {
    S.start.set(snapStart)
    S.endT.set(snapEnd)
    S.tard = snapTard
    S.tmax = snapTmax
  }

  // ---------------- ruin ----------------
  const removed = new Uint8Array(nVis)
  const ruined = new Uint8Array(nV)
  const touchedV = new Int32Array(nV)
  const CBAR = 10
  const LMAX = 10
  function removeVisitTasks(S: GSol, vi: number): void {
    if (removed[vi]) return
    const f = visFirst[vi]
    for (let k = 0; k < visCount[vi]; k++) {
      const t = f + k
      if (!Number.isNaN(tFixed[t])) return
    }
    removed[vi] = 1
    for (let k = 0; k < visCount[vi]; k++) {
      const t = f + k
      const c = S.rof[t]
      if (c >= 0) removeAt(S, c, S.pof[t])
    }
    S.un[S.nun++] = vi
  }
  function ruin(S: GSol, cbar: number): void {
    let assignedTasks = 0
    let routes = 0
    for (let c = 0; c < nV; c++)
      if (S.len[c] > vhLocked[c]) {
        assignedTasks += S.len[c] - vhLocked[c]
        routes++
      }
    if (routes === 0 || nRV === 0) return
    const avg = assignedTasks / routes
    const lsMax = Math.min(LMAX, avg)
    const ksMax = (4 * cbar) / (1 + lsMax) - 1
    const ks = Math.floor(rng.next() * ksMax) + 1
    let seed = rng.int(nRV)
    for (let g = 0; g < 3 * nRV && S.rof[visFirst[seed]] < 0; g++) seed = rng.int(nRV)
    let nt = 0
    for (let k = 0; k < KN && nt < ks; k++) {
      const vi = adj[seed * KN + k]
      const t0 = visFirst[vi] + (visCount[vi] === 2 && rng.next() < 0.5 ? 1 : 0)
      const c = S.rof[t0]
      if (c < 0 || removed[vi] || ruined[c]) continue
      const n = S.len[c]
      const lo0 = vhLocked[c]
      const avail = n - lo0
      if (avail <= 0) continue
      const lMax = Math.min(avail, lsMax)
      const len = Math.floor(rng.next() * lMax) + 1
      const pc = S.pof[t0]
      const lo = Math.max(lo0, pc - len + 1)
      const hi = Math.min(pc, n - len)
      const st = lo + rng.int(Math.max(1, hi - lo + 1))
      // collect visits of the string (positions shift while removing, so collect first)
      const sq = S.seq[c]
      const m0 = S.nun
      for (let pp = st; pp < st + len && pp < n; pp++) {
        const vv = tVisit[sq[pp]]
        if (!removed[vv]) {
          removed[vv] = 2 // pending
          S.un[S.nun++] = vv
        }
      }
      const m1 = S.nun
      S.nun = m0
      for (let i = m0; i < m1; i++) {
        const vv = S.un[i]
        removed[vv] = 0
        removeVisitTasks(S, vv)
      }
      ruined[c] = 1
      touchedV[nt++] = c
    }
    for (let i = 0; i < nt; i++) ruined[touchedV[i]] = 0
    for (let i = 0; i < S.nun; i++) removed[S.un[i]] = 0
  }

  // ---------------- recreate ----------------
  const key = new Float64Array(nVis)
  const ord = new Int32Array(nVis)
  function recreate(S: GSol): void {
    const m = S.nun
    const mode = rng.int(10)
    for (let i = 0; i < m; i++) ord[i] = S.un[i]
    rng.shuffle(ord, m)
    if (mode >= 4) {
      for (let i = 0; i < m; i++) {
        const vi = ord[i]
        const f = visFirst[vi]
        key[vi] = mode < 6 ? tClose[f] - tOpen[f] : mode < 7 ? tClose[f] : mode < 8 ? -dd[vhStart[0] * L + visLoc[vi]] : mode < 9 ? -visCount[vi] : -tDem[f]
      }
      for (let i = 1; i < m; i++) {
        const v = ord[i]
        const kv = key[v]
        let j = i - 1
        while (j >= 0 && key[ord[j]] > kv) {
          ord[j + 1] = ord[j]
          j--
        }
        ord[j + 1] = v
      }
    }
    // breaks and higher priorities first
    let w = 0
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < m; i++) {
        const vi = ord[i]
        const isBreak = vi >= nRV
        if ((pass === 0) === isBreak) S.un[w++] = vi
      }
    for (let i = 0; i < m; i++) ord[i] = S.un[i]
    S.nun = 0
    for (let i = 0; i < m; i++) {
      const vi = ord[i]
      if (visReason[vi] || !insertVisit(S, vi)) S.un[S.nun++] = vi
    }
  }

  // ---------------- search ----------------
  /** every task after the locked ones leaves its route (S.un holds their visits) */
  function clearUnlocked(S: GSol): void {
    for (let c = 0; c < nV; c++) while (S.len[c] > vhLocked[c]) removeVisitTasks(S, tVisit[S.seq[c][S.len[c] - 1]])
    for (let i = 0; i < S.nun; i++) removed[S.un[i]] = 0
    fullEval(S)
  }
  fullEval(cur)
  // initial (re-plan) routes infeasible as given: drop unlocked tasks and rebuild
  if (!cur.feas) clearUnlocked(cur)
  blink = 0
  recreate(cur)
  fullEval(cur)
  // should not happen: rebuild one visit at a time with exact checks
  if (!cur.feas) clearUnlocked(cur)
  best.copyFrom(cur)
  let iterations = 0
  const assignable = (S: GSol): boolean => {
    for (let i = 0; i < S.nun; i++) if (!visReason[S.un[i]]) return false
    return true
  }
  let firstDone = false
  if (assignable(best)) {
    firstDone = true
    opts.onFirstComplete?.(now() - tStart)
  }
  blink = 0.01
  let scale = best.feas ? (wD * best.dist + wT * best.tard + wM * best.tmax) / Math.max(1, nRV) : 1
  if (!(scale > 0)) scale = 1
  // start temperature 1 × the cost per visit (was 0.3): at equal CPU (9 s) it beat 0.3 on all
  // eight paired runs of the 75–300-patient home-care instances (mean gap 2.47 % → 1.55 %).
  // Above 150 visits (one walk, no independent starts) 2 ×: 200_1 at 9.3 s 1.52 % against
  // 2.60 % over 15 and 16 seeds, 300_1 0.84 % against 0.95 % (16 and 24); on 100_2 it was worse
  const T0 = (extras.t0 ?? (nRV > 150 ? 2 : 1)) * scale
  const Tf = (extras.tf ?? 0.003) * scale
  const tPhase = now()
  const span = Math.max(1, deadline - tPhase)
  let T = T0
  let lastBest = now()
  const restartShare = extras.restart ?? 0
  let runSeg = 0
  // Independent starts: on the 75–100-patient home-care instances a run's basin is set early
  // (the same seeds ended in the same poor basins, 3–5 % above the best-known, whatever the
  // later search did), and eight short runs from new constructions, then one from the best of
  // them, cut that tail. On 200 patients and more a start is too short a walk at 10 s.
  const STARTS = extras.initial ? 0 : Math.max(0, Math.floor(extras.starts ?? (nRV <= 150 ? 8 : 0))) || 0
  const START_SHARE = Number.isFinite(extras.startShare) ? Math.min(0.9, Math.max(0.05, extras.startShare as number)) : 0.5
  /** S becomes a new greedy construction (the best plan if that is not feasible) */
  function freshStart(S: GSol): void {
    clearUnlocked(S)
    const b = blink
    blink = 0
    recreate(S)
    blink = b
    fullEval(S)
    if (!S.feas) S.copyFrom(best)
  }
  let anyAssignable = false
  for (let i = 0; i < nRV; i++) if (!visReason[i]) anyAssignable = true
  if (anyAssignable) {
    while (iterations < maxIter) {
      if ((iterations & 3) === 0) {
        const tn = now()
        if (tn >= deadline) break
        const frac = Math.min(1, Math.max((tn - tPhase) / span, maxIter < Infinity ? iterations / maxIter : 0))
        if (STARTS > 0) {
          // independent starts, then one run from the best plan
          const w = START_SHARE / STARTS
          const seg = frac < START_SHARE ? Math.floor(frac / w) : STARTS
          if (seg !== runSeg) {
            runSeg = seg
            if (seg < STARTS) freshStart(cur)
            else cur.copyFrom(best)
          }
          T = T0 * Math.pow(Tf / T0, seg < STARTS ? frac / w - seg : (frac - START_SHARE) / (1 - START_SHARE))
        } else T = T0 * Math.pow(Tf / T0, frac)
      }
      iterations++
      work.copyFrom(cur)
      ruin(work, CBAR)
      fullEval(work)
      recreate(work)
      fullEval(work)
      if (!work.feas) continue
      if (restartShare > 0 && (iterations & 63) === 0 && now() - lastBest > restartShare * span) {
        // stagnation: continue from the best plan
        cur.copyFrom(best)
        lastBest = now()
      }
      if (work.cost < cur.cost - T * Math.log(rng.next() + 1e-300)) {
        const t = cur
        cur = work
        work = t
        if (cur.cost < best.cost - 1e-9) {
          lastBest = now()
          best.copyFrom(cur)
          if (!firstDone && assignable(best)) {
            firstDone = true
            opts.onFirstComplete?.(now() - tStart)
          }
        }
      }
    }
  }

  // ---------------- output ----------------
  fullEval(best)
  const routes: PlanRoute[] = []
  for (let c = 0; c < nV; c++) {
    const stops: Stop[] = []
    const sq = best.seq[c]
    let loc = vhStart[c]
    let t = vhS[c]
    let dist = 0
    let real = 0
    for (let k = 0; k < best.len[c]; k++) {
      const x = sq[k]
      const lx = tLoc[x]
      const st = best.start[x]
      if (lx < 0) {
        stops.push({ kind: 'break', start: st, end: st + tDur[x] })
      } else {
        const arrival = t + tt[loc * L + lx]
        dist += dd[loc * L + lx]
        loc = lx
        real++
        stops.push({
          kind: 'visit',
          visitId: realVisits[tVisit[x]].id,
          part: tPart[x],
          arrival,
          start: st,
          end: st + tDur[x],
          lateness: Math.max(0, st - tClose[x]),
        })
      }
      t = st + tDur[x]
    }
    if (real > 0) dist += dd[loc * L + vhEnd[c]]
    // leave as late as possible without delaying the first start
    let departure = vhS[c]
    const first = stops.find((s) => s.kind === 'visit') as { start: number } | undefined
    if (first && stops[0].kind === 'visit') departure = Math.max(vhS[c], first.start - tt[vhStart[c] * L + tLoc[sq[0]]])
    routes.push({ caregiverId: cgs[c].id, stops: real > 0 ? stops : [], distance: dist, departure, returnTime: real > 0 ? best.endT[c] : vhS[c] })
  }
  const unassigned: Unassigned[] = []
  for (let i = 0; i < best.nun; i++) {
    const vi = best.un[i]
    if (vi >= nRV) continue
    unassigned.push({
      visitId: realVisits[vi].id,
      reason: visReason[vi] ?? 'no_feasible_slot',
      detail: visReason[vi] ? visDetail[vi] : "no place in any qualified caregiver's plan (time windows, shifts or capacity already used)",
    })
  }
  unassigned.sort((a, b) => (visIndex.get(a.visitId) ?? 0) - (visIndex.get(b.visitId) ?? 0))
  return {
    routes,
    unassigned,
    cost: wD * best.dist + wT * best.tard + wM * best.tmax + wV * best.used,
    distance: best.dist,
    totalLateness: best.tard,
    maxLateness: best.tmax,
    caregiversUsed: best.used,
    feasible: best.feas,
    iterations,
  }
}
