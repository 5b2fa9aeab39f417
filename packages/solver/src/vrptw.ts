/**
 * Fast VRPTW engine (single depot, identical vehicles, hard windows): Solomon and
 * Gehring–Homberger instances. SISR ruin-and-recreate (Christiaens & Vanden Berghe 2020)
 * with simulated annealing, preceded by a fleet-minimisation phase driven by absence
 * counters. O(1) insertion feasibility from forward earliest / backward latest start times.
 * Pure computation: no I/O, no timers; time is read through the `now` option.
 */
import { Rng } from './rng.js'
import type { VrptwInstance } from './solomon.js'
import { EPS, Sol } from './vrptw-sol.js'
import { createLocalSearch } from './vrptw-ls.js'
import { fleetLowerBound } from './vrptw-bound.js'

export interface VrptwOptions {
  /** wall-clock budget for the search, in ms */
  timeLimitMs: number
  seed?: number
  /** clock in ms (default: performance.now) */
  now?: () => number
  /** share of the budget given to fleet minimisation (0..1) */
  fleetShare?: number
  /** annealing temperatures of the distance phase (defaults 300 and 1, in distance units) */
  tempStart?: number
  tempEnd?: number
  /** average number of customers removed per ruin (default: 10, more on long routes) */
  ruinSize?: number
  /** longest string removed from one route (default: 10, more on long routes) */
  stringMax?: number
  /** insertion looks next to this many nearest neighbours first, the full scan as the fallback (0 = every position, the default) */
  granular?: number
  /** probability that a fleet-minimisation ruin starts next to an unassigned customer */
  rmSeedUnassigned?: number
  /** give up removing one more route after this share of the budget (0..1) */
  attemptShare?: number
  /** ... or when its fewest left-out customers has not fallen for this share of the budget (0..1) */
  stallShare?: number
  /** local search (relocate, swap, 2-opt*, SWAP* by segment concatenation): neighbours per customer (0 = off) */
  lsNeighbours?: number
  /** the local search runs on a complete candidate whose distance is within this share of the best (default 0: only on a new best) */
  lsGap?: number
  /** ... and on any other complete candidate with this probability */
  lsProb?: number
  /** the local search on candidates starts only from the customers of the routes the ruin and recreate changed (default false) */
  lsLocal?: boolean
  /** use SWAP* in the local search (default true) */
  lsSwapStar?: boolean
  /** intra-route 2-opt (a reversed segment) in the local searches, plain and relaxed windows (default true up to 100 customers) */
  lsTwoOpt?: boolean
  /** local search: string exchanges (2,1), (2,2), (3,1), (3,2), (3,3) between routes (default false) */
  lsExchange?: boolean
  /** fleet minimisation: probability that an iteration is an insertion-with-ejection step instead of a ruin and recreate */
  ejectProb?: number
  /** ... when at most this many customers are left out */
  ejectMax?: number
  /** fleet minimisation: after an abandoned route removal, try removing another route this many times */
  fleetRetries?: number
  /** ... only when the abandoned attempt got down to this many customers left out */
  fleetRetryNear?: number
  /** fleet minimisation: probability that an iteration is an ejection-search step (Nagata & Bräysy, up to `ejectionK` customers ejected) */
  ejectionProb?: number
  /** ... largest number of customers one ejection-search step may eject (1–3) */
  ejectionK?: number
  /** fleet minimisation: probability that an iteration squeezes a left-out customer in (Nagata & Bräysy's penalised local search) */
  squeezeProb?: number
  /** ... when at most this many customers are left out */
  squeezeMax?: number
  /** fleet minimisation: a recreate may open routes again up to the target fleet (routes a ruin emptied) */
  fleetReopen?: boolean
  /**
   * fleet minimisation by Nagata & Bräysy's route minimisation instead of ruin and recreate
   * while the routes average at most this many customers (0 = off): the last left-out
   * customer goes in where it fits, else squeezed in, else in with ejections followed by a
   * perturbation
   */
  nbRouteLen?: number
  /** ... which gives up removing one more route after this share of the budget (0..1; its left-out count does not fall steadily, so no stall rule) */
  nbAttemptShare?: number
  /**
   * ... or, once a ruin-and-recreate route removal has stalled, from the best plan again with
   * this loop while the routes average at most this many customers (default 20: short routes,
   * where SISR misses the last vehicle; 0 = off)
   */
  nbAfterStall?: number
  /**
   * ... which starts each route removal with every absence counter at zero, as Nagata and
   * Bräysy initialise theirs (default true; false: it inherits the counters SISR's attempts
   * ran up, which keep the customers SISR left out most often from ever being ejected)
   */
  nbResetAbs?: boolean
  /** ... random moves of its perturbation (default 2500: weaker perturbation left the plan in a basin the distance phase could not leave) */
  nbPerturb?: number
  /**
   * fleet minimisation's per-attempt caps (attemptShare, stallShare, nbAttemptShare) are
   * shares of min(T, R) · max(1, T / R)^x for a budget T and R = `fleetBudgetRefMs` (default
   * 5 000 ms): with x < 1 they grow more slowly than the budget past R. Default x = 1 (plain
   * shares): x = 0.5 gave the distance phase the time of removals that fail (Gehring–Homberger
   * 400 at 27 s of CPU: +2.69 % → +2.19 %, same fleet) but cut short the slow removals that
   * succeed (r104 and r112 at 27 s, six seeds: 116 vehicles against 113)
   */
  fleetBudgetExp?: number
  fleetBudgetRefMs?: number
  /**
   * distance phase: the annealing (T0 → Tf) runs this many times in a row (default 8 up to 100
   * customers, else 2); without saCross each run starts from the best plan so far
   */
  saRuns?: number
  /** distance phase: each annealing run after the first starts from the best plan after this many random feasible moves (0 = from the best plan itself) */
  saPerturb?: number
  /**
   * distance phase: a candidate that leaves exactly one customer out after its repairs has it
   * squeezed in (penalised local search) with this probability (0 = off)
   */
  distSqueeze?: number
  /**
   * distance phase, relaxed windows: λ of the penalised local search (`LocalSearch.relax`,
   * distance + λ × time warp, then repair), scaled per call by a random factor in [0.5, 1.5);
   * 0 = off; default 1 (with relaxProb 0.01 and relaxLocal)
   */
  relaxLambda?: number
  /** run the relaxed search on the candidates that beat the best plan (default true when relaxLambda > 0) */
  relaxBest?: boolean
  /** run it on any other complete candidate with this probability (default 0.01 when relaxLambda is left to its default and on, else 0) */
  relaxProb?: number
  /**
   * start the relaxed search (and its polish) only from the customers of the routes the
   * candidate's ruin and recreate changed, not from every customer (default: true when
   * relaxLambda is left to its default, else false)
   */
  relaxLocal?: boolean
  /** each annealing run after the first starts from the relaxed search of the best plan (default false) */
  relaxRestart?: boolean
  /**
   * distance phase, crossover of annealing runs: the second run starts from the fleet phase's
   * plan (an independent draw), each later run from a child of two earlier runs' bests (routes
   * of one around a random customer, the other's routes without those customers, the rest
   * reinserted), educated by the local and the relaxed search (default true up to 100
   * customers, else false; needs saRuns ≥ 3)
   */
  saCross?: boolean
  /**
   * distance phase, left-out customers kept in the walk: an annealing run may keep a plan that
   * leaves customers out as its current plan, at this cost per customer (0 = off), adapted as
   * it goes (× 1.02 after an iteration whose current plan is incomplete, × 0.999 after a
   * complete one, floor 10); the best plans still only take complete ones
   */
  leftOutPenalty?: number
  /** ... on every k-th annealing run only (default 2: runs 2, 4, …; 1 = every run) */
  leftOutEvery?: number
  /**
   * distance phase, independent starts (needs saCross): the first `starts` annealing runs,
   * over `startShare` of the phase, each start from a plan of their own (a new construction
   * whose fleet is brought down to the best plan's by the absence-counter removal), so the
   * crossover pool holds plans of different basins; the next run continues from the best of
   * them. Only when the fleet phase reached its fleet quickly, within `quickFleetShare` of the
   * budget (the fresh removals then cost little), or with region starts (below); default 16
   * over half of the phase, 0 = off
   */
  starts?: number
  startShare?: number
  /**
   * ... and where the fleet came slowly, starts from the fleet phase's plan with a region
   * rebuilt (15–25 % of the routes, nearest a random customer, dissolved and put back at the
   * same fleet; default: when a start lasts at least 250 ms)
   */
  regionStarts?: boolean
  /** the fleet came quickly when its last removal came within this share of the budget (default 1/40 with region starts, else 1/4) */
  quickFleetShare?: number
  /**
   * distance phase: the acceptance threshold is drawn before the ruin and recreate, and the
   * recreate gives up as soon as the candidate is sure to exceed it (default false)
   */
  earlyAbort?: boolean
  /**
   * fleet minimisation, fresh retries: when a route removal is given up having left at most
   * `fleetFreshNear` customers out (default 1), up to `fleetFresh` new constructions (default 3)
   * are each brought down to one route fewer by the absence-counter loop, each for at most
   * `fleetFreshShare` of the budget (default 0.01); 0 = off
   */
  fleetFresh?: number
  fleetFreshShare?: number
  fleetFreshNear?: number
  /**
   * ... and one of them, with this share of the budget (default 0.1; 0 = off), already when a
   * ruin-and-recreate removal stalls that close, before the ejection loop takes over
   */
  fleetFreshFirst?: number
  /** fleet minimisation gives up a removal down to the fleet's lower bound that leaves half a route's customers out or more and has not left fewer out for max(1 s, 10 % of an attempt's cap) (default true; on the clock only) */
  lbHopeless?: boolean
  /** fleet minimisation stops at the time-window lower bound too (`fleetLowerBound`; default true) */
  fleetBound?: boolean
  /** stop after this many ruin-and-recreate iterations (for deterministic tests) */
  maxIterations?: number
}

export interface VrptwResult {
  routes: number[][]
  vehicles: number
  distance: number
  /** customers that no vehicle can serve alone (window or capacity); empty on normal instances */
  unassigned: number[]
  iterations: number
  /** time spent in fleet minimisation and when its last route was removed (ms since start) */
  fleetMs?: number
  lastRemovalMs?: number
  /** moves applied by the local search: relocate, swap, 2-opt*, SWAP*, insertion with ejection, squeeze, perturbation, relaxed runs ending feasible */
  lsMoves?: number[]
  /** annealing runs that started from a crossover child (saCross) */
  crossovers?: number
  /** distance-phase iterations that ended with an incomplete current plan (leftOutPenalty) */
  leftOutSteps?: number
  /** independent starts whose new plan reached the fleet (option starts) */
  freshStarts?: number
  /** fleet-phase fresh retries that reached one route fewer (option fleetFresh) */
  freshWins?: number
  /** distance-phase candidates whose recreate gave up past the acceptance threshold (earlyAbort) */
  abandoned?: number
}

export function solveVrptw(inst: VrptwInstance, opts: VrptwOptions): VrptwResult {
  const now = opts.now ?? (() => performance.now())
  const t0 = now()
  const deadline = t0 + Math.max(0, opts.timeLimitMs)
  const maxIter = opts.maxIterations ?? Infinity
  const rng = new Rng(opts.seed ?? 1)
  const n = inst.n
  const N = n + 1
  const Q = inst.capacity
  const e = inst.ready
  const l = inst.due
  const s = inst.service
  const q = inst.demand
  const e0 = e[0]
  const l0 = l[0]
  const d = new Float64Array(N * N)
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      const dx = inst.x[i] - inst.x[j]
      const dy = inst.y[i] - inst.y[j]
      d[i * N + j] = Math.sqrt(dx * dx + dy * dy)
    }
  // customers that cannot be served at all
  const servable = new Uint8Array(N)
  const bad: number[] = []
  let nServ = 0
  for (let c = 1; c <= n; c++) {
    const st = Math.max(e0 + d[c], e[c])
    if (q[c] <= Q + EPS && st <= l[c] + EPS && st + s[c] + d[c * N] <= l0 + EPS) {
      servable[c] = 1
      nServ++
    } else bad.push(c)
  }
  // neighbour lists (by distance), customers only
  const K = Math.min(n, 100)
  const adj = new Int32Array(N * K)
  {
    // pack (distance, index) into one double and use the native numeric sort
    const keys = new Float64Array(Math.max(0, n - 1))
    let B = 2
    while (B <= n) B *= 2
    let dmax = 1
    for (let i = 0; i < N * N; i++) if (d[i] > dmax) dmax = d[i]
    const scale = Math.min(1e4, 2 ** 52 / B / dmax)
    for (let c = 1; c <= n; c++) {
      const row = c * N
      let m = 0
      for (let j = 1; j <= n; j++) if (j !== c) keys[m++] = Math.floor(d[row + j] * scale) * B + j
      keys.sort()
      adj[c * K] = c
      for (let k = 1; k < K; k++) adj[c * K + k] = keys[k - 1] % B
    }
  }
  const maxR = Math.max(1, nServ) + 1
  const A = new Sol(N, maxR)
  const B = new Sol(N, maxR)
  const best = new Sol(N, maxR)
  const rx = new Sol(N, maxR)
  let cur = A
  let work = B

  function updateRoute(S: Sol, r: number): void {
    const sq = S.seq[r]
    const L = S.len[r]
    let t = e0
    let prev = 0
    let load = 0
    let dist = 0
    for (let k = 0; k < L; k++) {
      const c = sq[k]
      S.pof[c] = k
      S.rof[c] = r
      const dd = d[prev * N + c]
      const arr = t + dd
      const st = arr > e[c] ? arr : e[c]
      S.es[c] = st
      t = st + s[c]
      load += q[c]
      dist += dd
      prev = c
    }
    dist += d[prev * N]
    S.rd[r] = dist
    S.load[r] = load
    let z = l0
    let nx = 0
    for (let k = L - 1; k >= 0; k--) {
      const c = sq[k]
      const lat = z - d[c * N + nx] - s[c]
      const v = lat < l[c] ? lat : l[c]
      S.ls[c] = v
      z = v
      nx = c
    }
  }

  /**
   * Insert c at position p of route r and update the route incrementally: earliest starts
   * only change from p on (and stop changing once a start is unchanged), latest starts only
   * up to p (and stop once unchanged). On long routes this is a fraction of a full pass.
   */
  function insertCustomer(S: Sol, r: number, p: number, c: number): void {
    const sq = S.seq[r]
    const L0 = S.len[r]
    const prev = p > 0 ? sq[p - 1] : 0
    const nx = p < L0 ? sq[p] : 0
    sq.copyWithin(p + 1, p, L0)
    sq[p] = c
    const L = L0 + 1
    S.len[r] = L
    S.rd[r] += d[prev * N + c] + d[c * N + nx] - d[prev * N + nx]
    S.load[r] += q[c]
    S.rof[c] = r
    for (let k = p; k < L; k++) S.pof[sq[k]] = k
    let t = prev === 0 ? e0 : S.es[prev] + s[prev]
    let pv = prev
    for (let k = p; k < L; k++) {
      const x = sq[k]
      const arr = t + d[pv * N + x]
      const st = arr > e[x] ? arr : e[x]
      if (k > p && st === S.es[x]) break
      S.es[x] = st
      t = st + s[x]
      pv = x
    }
    let z = nx === 0 ? l0 : S.ls[nx]
    let nn = nx
    for (let k = p; k >= 0; k--) {
      const x = sq[k]
      const lat = z - d[x * N + nn] - s[x]
      const v = lat < l[x] ? lat : l[x]
      if (k < p && v === S.ls[x]) break
      S.ls[x] = v
      z = v
      nn = x
    }
  }

  function removeRoute(S: Sol, r: number): void {
    const last = S.nr - 1
    if (r !== last) {
      const tmp = S.seq[r]
      S.seq[r] = S.seq[last]
      S.seq[last] = tmp
      S.len[r] = S.len[last]
      S.load[r] = S.load[last]
      S.rd[r] = S.rd[last]
      const sq = S.seq[r]
      for (let k = 0; k < S.len[r]; k++) S.rof[sq[k]] = r
    }
    S.len[last] = 0
    S.nr = last
  }

  /** route r of S goes: its customers are left out */
  function dissolveRoute(S: Sol, r: number): void {
    const sq = S.seq[r]
    for (let p = 0; p < S.len[r]; p++) {
      S.un[S.nun++] = sq[p]
      S.rof[sq[p]] = -1
    }
    removeRoute(S, r)
  }
  /** the route a removal attempt takes out: half of the time a random one, else the shortest */
  function routeToRemove(S: Sol): number {
    let r = 0
    if (rng.next() < 0.5) r = rng.int(S.nr)
    else for (let i = 1; i < S.nr; i++) if (S.len[i] < S.len[r]) r = i
    return r
  }

  // ---------- ruin (SISR adjacent string removal) ----------
  const removedFlag = new Uint8Array(N)
  const ruinedRoute = new Uint8Array(maxR)
  const touched = new Int32Array(maxR)
  function ruin(S: Sol, forcedSeed = -1): void {
    if (S.nr === 0) return
    let avg = 0
    for (let r = 0; r < S.nr; r++) avg += S.len[r]
    avg /= S.nr
    // SISR's c̄ = 10 and L_max = 10 suit routes of about ten customers (Solomon type 1). On
    // long routes of large instances (Gehring–Homberger 200+: 30–100 customers per route) such
    // ruins only reshuffle a small corner of one route; removing more and longer strings lets
    // the search rebuild whole route sections (homberger200 long-route instances, 3 s of CPU,
    // two seeds: mean gap 3.65 % → 3.23 %). On 100 customers the bigger ruins cost more
    // iterations than they gain (Solomon R2/RC2, two seeds: 3.4 % → 4.6 %), so c̄ and L_max
    // also stay within a tenth of the instance.
    const cap = Math.max(10, n / 10)
    const CBAR = opts.ruinSize ?? Math.min(20, cap, Math.max(10, 10 + (avg - 10) / 4))
    const LMAX = opts.stringMax ?? Math.min(20, cap, Math.max(10, avg / 3))
    const lsMax = Math.min(LMAX, avg)
    const ksMax = (4 * CBAR) / (1 + lsMax) - 1
    const ks = Math.floor(rng.next() * ksMax) + 1
    let seed = forcedSeed > 0 ? forcedSeed : 1 + rng.int(n)
    let guard = 0
    while (forcedSeed <= 0 && S.rof[seed] < 0 && guard++ < 4 * n) seed = 1 + rng.int(n)
    let nt = 0
    for (let k = 0; k < K && nt < ks; k++) {
      const c = adj[seed * K + k]
      const r = S.rof[c]
      if (r < 0 || removedFlag[c] || ruinedRoute[r]) continue
      const L = S.len[r]
      const lMax = Math.min(L, lsMax)
      const len = Math.floor(rng.next() * lMax) + 1
      const pc = S.pof[c]
      const sq = S.seq[r]
      if (len < L && rng.next() < 0.5) {
        // split string: len removed out of len+m consecutive, m preserved
        let m = 1
        while (len + m < L && rng.next() < 0.5) m++
        const tot = len + m
        const lo = Math.max(0, pc - tot + 1)
        const hi = Math.min(pc, L - tot)
        const start = lo + rng.int(hi - lo + 1)
        const keepAt = start + rng.int(tot - m + 1)
        for (let p = start; p < start + tot; p++) {
          if (p >= keepAt && p < keepAt + m) continue
          const x = sq[p]
          removedFlag[x] = 1
          S.un[S.nun++] = x
        }
      } else {
        const lo = Math.max(0, pc - len + 1)
        const hi = Math.min(pc, L - len)
        const start = lo + rng.int(hi - lo + 1)
        for (let p = start; p < start + len; p++) {
          const x = sq[p]
          removedFlag[x] = 1
          S.un[S.nun++] = x
        }
      }
      ruinedRoute[r] = 1
      touched[nt++] = r
    }
    // compact touched routes (highest index first so removals do not disturb others)
    for (let i = 0; i < nt; i++) {
      const r = touched[i]
      const sq = S.seq[r]
      let w = 0
      for (let p = 0; p < S.len[r]; p++) {
        const x = sq[p]
        if (!removedFlag[x]) sq[w++] = x
        else S.rof[x] = -1
      }
      S.len[r] = w
      ruinedRoute[r] = 0
    }
    // sort touched descending so removing empty routes is safe
    for (let i = 1; i < nt; i++) {
      const v = touched[i]
      let j = i - 1
      while (j >= 0 && touched[j] < v) {
        touched[j + 1] = touched[j]
        j--
      }
      touched[j + 1] = v
    }
    for (let i = 0; i < nt; i++) {
      const r = touched[i]
      if (S.len[r] === 0) removeRoute(S, r)
      else updateRoute(S, r)
    }
    for (let i = 0; i < S.nun; i++) removedFlag[S.un[i]] = 0
  }

  // ---------- recreate (greedy insertion with blinks) ----------
  const key = new Float64Array(N)
  const absn = new Float64Array(N)
  const order = new Int32Array(N)
  const BLINK = 0.01
  // A position blinks (is skipped) with probability BLINK. Instead of a draw per position, the
  // number of positions up to the next blink is drawn (geometric): the same distribution, at
  // one draw per hundred positions (the draws were a sizeable part of the recreate's time).
  const LOG_KEEP = Math.log(1 - BLINK)
  const blinkGap = (): number => 1 + Math.floor(Math.log(1 - rng.next()) / LOG_KEEP)
  let blinkLeft = blinkGap()
  function blinked(): boolean {
    if (--blinkLeft !== 0) return false
    blinkLeft = blinkGap()
    return true
  }
  function sortUn(S: Sol, mode: number): void {
    const m = S.nun
    const u = S.un
    if (mode === 0) {
      rng.shuffle(u, m)
      return
    }
    for (let i = 0; i < m; i++) {
      const c = u[i]
      key[c] = mode === 1 ? -q[c] : mode === 2 ? -d[c] : mode === 3 ? d[c] : mode === 4 ? l[c] - e[c] : mode === 5 ? e[c] : -absn[c]
    }
    // random tie-break: shuffle first, then stable insertion sort
    rng.shuffle(u, m)
    for (let i = 1; i < m; i++) {
      const v = u[i]
      const kv = key[v]
      let j = i - 1
      while (j >= 0 && key[u[j]] > kv) {
        u[j + 1] = u[j]
        j--
      }
      u[j + 1] = v
    }
  }
  function pickOrder(withAbs: boolean): number {
    const x = rng.next() * (withAbs ? 16 : 13)
    if (x < 4) return 0
    if (x < 8) return 1
    if (x < 10) return 2
    if (x < 11) return 3
    if (x < 12) return 4
    if (x < 13) return 5
    return 6
  }
  // Granular insertion (Toth & Vigo, option `granular`, off by default): a customer is first
  // tried only next to its KG nearest neighbours (and at the ends of each route), the full scan
  // being the fallback. It was the default from 150 customers until the full scan learnt to
  // skip the positions outside the customer's window (below); since then the full scan is the
  // faster of the two (Gehring–Homberger 200 at 9 s of CPU: 444 000 iterations against 286 000,
  // mean gap 0.82 % against 1.05 %; 400 at 27 s: 927 000 against 439 000, 1.62 % both).
  const KG = Math.min(K - 1, Math.max(0, Math.floor(opts.granular ?? 0)) || 0)
  let gCost = Infinity
  let gR = -1
  let gP = -1
  function tryPos(S: Sol, c: number, r: number, p: number): void {
    const sq = S.seq[r]
    const L = S.len[r]
    const prev = p > 0 ? sq[p - 1] : 0
    const nx = p < L ? sq[p] : 0
    const dpc = d[c * N + prev]
    const dcn = d[c * N + nx]
    const delta = dpc + dcn - d[prev * N + nx]
    if (delta >= gCost || blinked()) return
    const arr = (prev === 0 ? e0 : S.es[prev] + s[prev]) + dpc
    const st = arr > e[c] ? arr : e[c]
    if (st > l[c] + EPS) return
    const an = st + s[c] + dcn
    if (nx === 0 ? an <= l0 + EPS : (an > e[nx] ? an : e[nx]) <= S.ls[nx] + EPS) {
      gCost = delta
      gR = r
      gP = p
    }
  }
  /**
   * Puts S's unassigned customers back, each at its cheapest feasible position (opening routes up
   * to routeCap). With a finite `room`, gives up (false) as soon as the insertions have added
   * more than `room` to the distance: insertions only add distance (triangle inequality), so the
   * candidate could no longer be accepted; S is then half-built and must be dropped.
   */
  function recreate(S: Sol, routeCap: number, mode: number, firstK = 0, room = Infinity): boolean {
    let added = 0
    const m = S.nun
    if (firstK > 0) {
      // the first firstK entries (customers that failed before) go first, the rest in random order
      rng.shuffle(S.un.subarray(firstK, m), m - firstK)
    } else sortUn(S, mode)
    for (let i = 0; i < m; i++) order[i] = S.un[i]
    S.nun = 0
    for (let i = 0; i < m; i++) {
      const c = order[i]
      gCost = Infinity
      gR = -1
      gP = -1
      let bestCost = Infinity
      let bestR = -1
      let bestP = -1
      const qc = q[c]
      const ec = e[c]
      const lc = l[c]
      const sc = s[c]
      const rowc = c * N
      if (KG > 0) {
        // granular: only positions next to the KG nearest customers, and the route ends
        for (let k = 1; k <= KG; k++) {
          const j = adj[c * K + k]
          const r = S.rof[j]
          if (r < 0 || S.load[r] + qc > Q + EPS) continue
          const pj = S.pof[j]
          tryPos(S, c, r, pj)
          tryPos(S, c, r, pj + 1)
        }
        for (let r = 0; r < S.nr; r++) {
          if (S.load[r] + qc > Q + EPS) continue
          tryPos(S, c, r, 0)
          tryPos(S, c, r, S.len[r])
        }
        bestR = gR
        bestP = gP
        bestCost = gCost
      }
      if (bestR < 0) {
        // every position (also the fallback when no granular position is feasible)
        bestCost = Infinity
        // locals, not the closure's or S's fields, in the hottest loop of the solver
        let bl = blinkLeft
        const es = S.es
        const lsv = S.ls
        const lcE = lc + EPS
        const l0E = l0 + EPS
        const need = ec + sc
        for (let r = 0; r < S.nr; r++) {
          if (S.load[r] + qc > Q + EPS) continue
          const sq = S.seq[r]
          const L = S.len[r]
          // Latest starts only grow along a route, and c before nx needs nx's latest start to be
          // at least c's earliest start plus its service: the positions before the first such nx
          // are skipped by a binary search (with the break below, a customer with a narrow window
          // is only tried where the route passes its window)
          let p0 = 0
          let hi = L
          while (p0 < hi) {
            const mid = (p0 + hi) >> 1
            if (lsv[sq[mid]] + EPS < need) p0 = mid + 1
            else hi = mid
          }
          let prev = p0 > 0 ? sq[p0 - 1] : 0
          let dep = p0 > 0 ? es[prev] + s[prev] : e0
          for (let p = p0; p <= L; p++) {
            const nx = p < L ? sq[p] : 0
            // (the matrix is symmetric: both legs from c's row, which stays in cache)
            const dpc = d[rowc + prev]
            const arr = dep + dpc
            // too late for c here, and at every later position of the route (arrivals only grow
            // along a route under the triangle inequality): the rest of the route is skipped
            if (arr > lcE) break
            const dcn = d[rowc + nx]
            const delta = dpc + dcn - d[prev * N + nx]
            if (delta < bestCost) {
              if (--bl === 0) bl = blinkGap()
              else {
                // (servable: ec <= lc, so the start is within c's window)
                const an = (arr > ec ? arr : ec) + sc + dcn
                if (nx === 0 ? an <= l0E : (an > e[nx] ? an : e[nx]) <= lsv[nx] + EPS) {
                  bestCost = delta
                  bestR = r
                  bestP = p
                }
              }
            }
            if (nx !== 0) {
              dep = es[nx] + s[nx]
              prev = nx
            }
          }
        }
        blinkLeft = bl
      }
      if (bestR >= 0) {
        insertCustomer(S, bestR, bestP, c)
        if (room !== Infinity) {
          added += bestCost
          if (added > room) return false
        }
      } else if (S.nr < routeCap) {
        const r = S.nr++
        S.seq[r][0] = c
        S.len[r] = 1
        updateRoute(S, r)
      } else {
        S.un[S.nun++] = c
      }
    }
    return true
  }

  // ---------- construction ----------
  for (let c = 1; c <= n; c++) if (servable[c]) cur.un[cur.nun++] = c
  recreate(cur, maxR, 2)
  best.copyFrom(cur)
  let bestTotal = best.total()
  let iterations = 0

  let sumQ = 0
  for (let c = 1; c <= n; c++) if (servable[c]) sumQ += q[c]
  // the fleet cannot go below the capacity bound nor below a clique of customers that cannot
  // share a route (time windows): no removal attempt is spent on a fleet proven impossible
  const lbQ = Math.max(nServ > 0 ? 1 : 0, Q > 0 ? Math.ceil(sumQ / Q - 1e-9) : 1)
  const lb = opts.fleetBound === false ? lbQ : Math.max(lbQ, fleetLowerBound({ n, d, ready: e, due: l, service: s, demand: q, capacity: Q, servable }))

  // ---------- local search (segment concatenation) ----------
  const lsK = opts.lsNeighbours ?? 20
  const ls =
    lsK > 0 && n >= 2
      ? createLocalSearch({
          d,
          N,
          n,
          ready: e,
          due: l,
          service: s,
          demand: q,
          capacity: Q,
          adj,
          K,
          neighbours: lsK,
          rng,
          updateRoute,
          removeRoute,
          swapStar: opts.lsSwapStar ?? true,
          // on up to 100 customers: the eight at 27 s of CPU, seeds 1–8, 0.92 % against 1.04 %,
          // Solomon 56 at 4.5 s, seeds 1–2, 0.69 % against 0.73 %; on Gehring–Homberger 200 at
          // 9 s the O(segment) checks on routes of 50–100 visits cost more than they gain
          // (1.21 % against 1.08 %)
          twoOpt: opts.lsTwoOpt ?? n <= 100,
          exchange: opts.lsExchange ?? false,
        })
      : null
  // ---------- fleet minimisation ----------
  const fleetShare = opts.fleetShare ?? 0.5
  const fleetDeadline = t0 + (deadline - t0) * fleetShare
  function sumAbs(S: Sol): number {
    let t = 0
    for (let i = 0; i < S.nun; i++) t += absn[S.un[i]]
    return t
  }
  /**
   * one step of the absence-counter loop on S, a copy of `base` that leaves customers out:
   * ruin (around `seed` if > 0), recreate opening routes up to `routeCap`, raise the counter of
   * every customer still out; true if S is the better attempt (fewer out, or a smaller sum)
   */
  function absenceStep(S: Sol, base: Sol, seed: number, routeCap: number): boolean {
    ruin(S, seed)
    recreate(S, routeCap, pickOrder(true))
    for (let i = 0; i < S.nun; i++) absn[S.un[i]]++
    return S.nun < base.nun || sumAbs(S) < sumAbs(base)
  }
  let lastRemovalMs = 0
  let lastRemovalIt = 0
  let freshWins = 0
  if (best.nr > lb && now() < fleetDeadline && iterations < maxIter) {
    let removeNext = true
    const RM_SEED_UN = opts.rmSeedUnassigned ?? 0
    const EC_PROB = opts.ejectProb ?? 0
    const EC_MAX = opts.ejectMax ?? 3
    const EJ_PROB = opts.ejectionProb ?? 0
    const EJ_K = Math.max(1, Math.min(3, opts.ejectionK ?? 2))
    const ejOut = new Int32Array(4)
    const SQ_PROB = opts.squeezeProb ?? 0
    const SQ_MAX = opts.squeezeMax ?? 3
    const FLEET_REOPEN = opts.fleetReopen ?? false
    const NB_LEN = opts.nbRouteLen ?? 0
    let nbOn = false
    const NB_AFTER = opts.nbAfterStall ?? 20
    let nbForced = false
    const NB_PERTURB = opts.nbPerturb ?? 2500
    const NB_RESET = opts.nbResetAbs ?? true
    let attemptStart = now()
    const Tb = deadline - t0
    const bRef = opts.fleetBudgetRefMs ?? 5000
    const Tcap = Tb <= bRef ? Tb : bRef * Math.pow(Tb / bRef, opts.fleetBudgetExp ?? 1)
    const attemptMax = Tcap * (opts.attemptShare ?? 0.25)
    // Adaptive budget: an attempt that keeps leaving as many customers out as it ever did is
    // abandoned early, so the distance phase gets the time (most removals that succeed do so
    // while the left-out count is still falling; the fixed caps remain as the upper bound).
    const stallMax = Tcap * (opts.stallShare ?? 0.12)
    const nbAttemptMax = Tcap * (opts.nbAttemptShare ?? 0.3)
    // (on the clock only: at a fixed iteration count the answer must not depend on the machine)
    const LB_HOPELESS = (opts.lbHopeless ?? true) && maxIter === Infinity
    const hopelessAfter = Math.max(1000, 0.1 * attemptMax)
    let attemptMinNun = Infinity
    let attemptProgress = attemptStart
    let retries = opts.fleetRetries ?? 0
    const RETRY_NEAR = opts.fleetRetryNear ?? Infinity
    const rmMaxIter = maxIter < Infinity ? Math.floor(maxIter * fleetShare) : Infinity
    let fresh = Math.max(0, Math.floor(opts.fleetFresh ?? 3)) || 0
    const FRESH_SHARE = Math.max(0, opts.fleetFreshShare ?? 0.01) || 0
    const FRESH_NEAR = opts.fleetFreshNear ?? 1
    const FRESH_FIRST_SHARE = Math.max(0, opts.fleetFreshFirst ?? 0.1) || 0
    /** cur, complete on one route fewer, becomes the best plan */
    const takeRemoval = (): void => {
      lastRemovalMs = now() - t0
      lastRemovalIt = iterations
      best.copyFrom(cur)
      bestTotal = best.total()
    }
    /**
     * up to `count` of the fresh retries left: new constructions, each brought down to one route
     * fewer than the best plan within `share` of the budget (at a fixed iteration count: of the
     * iterations); the first that gets there becomes the best plan
     */
    const freshRetries = (count: number, share: number): boolean => {
      const fixed = maxIter < Infinity
      for (let k = 0; k < count && fresh > 0 && now() < fleetDeadline; k++) {
        fresh--
        const until = fixed ? Infinity : Math.min(fleetDeadline, now() + Tcap * share)
        if (freshPlan(best.nr - 1, until, fixed ? Math.max(16, Math.floor(rmMaxIter * share)) : Infinity, null)) {
          takeRemoval()
          freshWins++
          return true
        }
      }
      return false
    }
    while (best.nr > lb && iterations < rmMaxIter) {
      if (removeNext) {
        cur.copyFrom(best)
        dissolveRoute(cur, routeToRemove(cur))
        removeNext = false
        nbOn = ls !== null && (nbForced || nServ <= NB_LEN * (cur.nr + 1))
        // Counters SISR's attempt ran up (thousands of iterations) would dominate every ejection
        // choice and protect the customers it left out most often, which are the ones that must
        // move: with fresh counters r112 at 27 s of CPU reaches the best-known 9 vehicles on 12
        // seeds of 12 instead of 3 (*Eleventh step*)
        if (nbOn && NB_RESET) absn.fill(0)
        attemptStart = now()
        attemptProgress = attemptStart
        attemptMinNun = cur.nun
      }
      if ((iterations & 15) === 0) {
        const tn = now()
        if (tn >= fleetDeadline) break
        // give up when one route removal has been tried for too long
        let giveUp = tn - attemptStart > (nbOn ? nbAttemptMax : attemptMax)
        if (cur.nun < attemptMinNun) {
          attemptMinNun = cur.nun
          attemptProgress = tn
        } else if (!nbOn && tn - attemptProgress > stallMax) giveUp = true
        // A removal down to the fleet's lower bound that has left half a route's customers out
        // or more, without leaving fewer out for a second, is given up for good, with no retry
        // or ejection loop: r104 and r112 at eight routes (their capacity bound) leave 8–11
        // customers out from their first second to the end of the fleet phase (9–12 s of 13.5 s
        // at 27 s), while removals that succeed are at four or fewer out after a second. Only at
        // the bound, so the removals above it keep their time; and only without progress, since
        // some removals to the bound do succeed (Gehring–Homberger c1_2_x at 18 routes, 98 % full).
        if (LB_HOPELESS && best.nr - 1 === lb && tn - attemptProgress > hopelessAfter && attemptMinNun * 2 * lb >= nServ) break
        if (giveUp && !nbOn && FRESH_FIRST_SHARE > 0 && attemptMinNun <= FRESH_NEAR && freshRetries(1, FRESH_FIRST_SHARE)) {
          // ruin and recreate stalled one customer short: one new construction first, before the
          // ejection loop, which from this best plan can stay one customer short for its whole
          // cap (r104 at 27 s of CPU: ten routes on 5 seeds of 20, with the retry 1 of 12)
          removeNext = true
          continue
        }
        if (giveUp && !nbOn && ls && nServ <= NB_AFTER * best.nr) {
          // ruin and recreate is stuck: the removal starts again from the best plan with ejections
          nbForced = true
          removeNext = true
          continue
        }
        if (giveUp) {
          // a new attempt from the best plan, without another route, while retries are left
          // (only when it came close: with many customers still out another route will not go either)
          if (retries-- > 0 && attemptMinNun <= RETRY_NEAR) {
            removeNext = true
            continue
          }
          // a removal that came within one customer is retried from new constructions: the best
          // plan's neighbourhood often holds no such plan where another start does (r211 at 4.5 s
          // of CPU, seed 1: three routes after 1.5 s more from the best plan, two after one retry)
          if (!(attemptMinNun <= FRESH_NEAR && freshRetries(fresh, FRESH_SHARE))) break
          removeNext = true
          continue
        }
      }
      iterations++
      work.copyFrom(cur)
      if (ls && nbOn && cur.nun > 0) {
        // Nagata & Bräysy: the customer left out last goes in where it fits; else squeezed in;
        // else in with at most EJ_K ejections (smallest sum of absence counters), the ejected
        // ones joining the list, and a perturbation so the next ejection meets another plan
        const m = cur.nun - 1
        const c = cur.un[m]
        work.un[0] = c
        work.nun = 1
        recreate(work, 0, 0)
        let ok = work.nun === 0
        if (!ok) {
          work.copyFrom(cur)
          ok = ls.squeeze(work, c)
        }
        if (ok) {
          work.un.set(cur.un.subarray(0, m))
          work.nun = m
          const t = cur
          cur = work
          work = t
        } else {
          absn[c]++
          const k = ls.ejectInsert(cur, c, absn, EJ_K, ejOut)
          if (k >= 0) {
            cur.nun = m
            for (let i = 0; i < k; i++) cur.un[cur.nun++] = ejOut[i]
            ls.perturb(cur, NB_PERTURB)
          } else {
            cur.un.copyWithin(1, 0, m)
            cur.un[0] = c
          }
        }
      } else if (ls && cur.nun > 0 && cur.nun <= SQ_MAX && SQ_PROB > 0 && rng.next() < SQ_PROB) {
        // squeeze (Nagata & Bräysy): the left-out customer that has been out most often goes
        // in where it violates least, then a penalised local search removes the violation
        let i = 0
        for (let k = 1; k < work.nun; k++) if (absn[work.un[k]] > absn[work.un[i]]) i = k
        const c = work.un[i]
        if (ls.squeeze(work, c)) {
          work.un[i] = work.un[--work.nun]
          const t = cur
          cur = work
          work = t
        } else absn[c]++
      } else if (ls && cur.nun > 0 && cur.nun <= EC_MAX && EJ_PROB > 0 && rng.next() < EJ_PROB) {
        // ejection search (Nagata & Bräysy): the customer left out last goes in, ejecting at
        // most EJ_K customers of one route with the smallest sum of absence counters; the
        // ejected ones join the left-out list (unconditional acceptance, as in their method)
        const c = cur.un[cur.nun - 1]
        const k = ls.ejectInsert(cur, c, absn, EJ_K, ejOut)
        if (k >= 0) {
          cur.nun--
          for (let i = 0; i < k; i++) cur.un[cur.nun++] = ejOut[i]
          if (k > 0) absn[c]++
        } else {
          // nothing possible now: move it to the front of the list
          absn[c]++
          cur.un.copyWithin(1, 0, cur.nun - 1)
          cur.un[0] = c
        }
      } else if (ls && cur.nun > 0 && cur.nun <= EC_MAX && rng.next() < EC_PROB) {
        // insertion with ejection (Nagata & Bräysy): each customer still out goes in where it
        // fits, or takes the place of a customer that has been out less often
        let changed = false
        for (let i = 0; i < work.nun; i++) {
          const c = work.un[i]
          const w = ls.insertOrEject(work, c, absn)
          absn[c]++
          if (w === 0) {
            work.un[i--] = work.un[--work.nun]
            changed = true
          } else if (w > 0) {
            work.un[i] = w
            changed = true
          }
        }
        if (changed) {
          const t = cur
          cur = work
          work = t
        }
      } else {
        // optionally make room next to a customer that is still out; the attempt's target fleet
        // is one route fewer than the best plan (best changes only when an attempt succeeds)
        const seed = cur.nun > 0 && cur.nun <= 5 && rng.next() < RM_SEED_UN ? cur.un[rng.int(cur.nun)] : -1
        if (absenceStep(work, cur, seed, FLEET_REOPEN ? best.nr - 1 : 0)) {
          const t = cur
          cur = work
          work = t
        }
      }
      if (cur.nun === 0) {
        takeRemoval()
        removeNext = true
      }
    }
  }

  const fleetMs = now() - t0
  const lsGap = opts.lsGap ?? 0
  const lsProb = opts.lsProb ?? 0
  if (ls && best.nun === 0) {
    ls.run(best)
    bestTotal = best.total()
  }
  // ---------- distance minimisation (SA over SISR) ----------
  cur.copyFrom(best)
  let curTotal = bestTotal
  let fracT: number
  const REPAIRS = 2
  // SISR's T0 = 100 assumes millions of iterations; with the 30–300 thousand that fit in a
  // few seconds here, a hotter start (300) measured better on both short- and long-route
  // instances (two seeds at 2 s of CPU, mean gap at the best-known fleet: eight long-route
  // instances 3.37 % → 2.88 %, eight short-route ones 3.90 % → 3.44 %; T0 = 1000 and a warmer
  // end, T_f = 3, were worse).
  const T0 = opts.tempStart ?? 300
  const Tf = opts.tempEnd ?? 1
  const phaseStart = now()
  const span = Math.max(1, deadline - phaseStart)
  let T = T0
  // Several annealing runs instead of one long walk, which ends in a poor basin on some
  // instances (the heavy tail of the gaps). Restarting from the best plan only lands in the same
  // basins (two runs measured best; eight from the best plan: the eight at 27 s, seeds 1–4,
  // 1.08 % against 1.11 %). Eight runs whose starts are crossovers of earlier runs' bests
  // (saCross) do leave them: the eight at 27 s 0.72 % against 1.05 %, Solomon 56 at 4.5 s,
  // seeds 1–2, 0.73 % against 0.86 % (runs both end at the best-known fleet). On larger
  // instances at their budgets an eighth of the phase is too short a walk (Gehring–Homberger
  // 400 at 27 s 3.39 % against 2.29 %, 200 at 9 s 1.50 % against 1.09 %), so two runs there.
  const SA_SMALL = n <= 100
  const DIST_SQ = opts.distSqueeze ?? 0
  const SA_PERTURB = opts.saPerturb ?? 0
  const SA_RUNS = Math.max(1, Math.floor(opts.saRuns ?? (SA_SMALL ? 8 : 2)))
  // Relaxed windows started from the changed routes only, on new bests and 1 % of the other
  // candidates: on by default (Solomon 56 at 4.5 s of CPU, seeds 1–4, mean gap over the runs
  // both end at the best-known fleet: 0.68 % against 0.94 %, better on every seed; the eight
  // at 27 s level within noise; Gehring–Homberger 200 at 9 s, seeds 1–2, 1.17 % against
  // 1.37 %, 400 at 27 s 2.09 % against 2.35 %). The whole-plan variant cost too many iterations on
  // the larger sets; started from the changed routes it does not.
  const RELAX_AUTO = opts.relaxLambda === undefined
  const RELAX_L = opts.relaxLambda ?? (RELAX_AUTO ? 1 : 0)
  const RELAX_BEST = RELAX_L > 0 && (opts.relaxBest ?? true)
  const RELAX_P = RELAX_L > 0 ? (opts.relaxProb ?? (RELAX_AUTO ? 0.01 : 0)) : 0
  const RELAX_RESTART = RELAX_L > 0 && (opts.relaxRestart ?? false)
  const RELAX_LOCAL = opts.relaxLocal ?? RELAX_AUTO
  const LS_LOCAL = opts.lsLocal ?? false
  const changed = new Uint8Array(N)
  /** marks in `changed` the customers of the routes of S that are not routes of C */
  function markChanged(S: Sol, C: Sol): Uint8Array {
    changed.fill(0)
    for (let r = 0; r < S.nr; r++) {
      const L = S.len[r]
      const sq = S.seq[r]
      const rc = C.rof[sq[0]]
      let same = rc >= 0 && C.pof[sq[0]] === 0 && C.len[rc] === L
      for (let k = 1; same && k < L; k++) same = C.seq[rc][k] === sq[k]
      if (!same) for (let k = 0; k < L; k++) changed[sq[k]] = 1
    }
    return changed
  }
  // crossover of annealing runs (option saCross): the best plan of each run joins a pool
  const SA_CROSS = ls !== null && (opts.saCross ?? SA_SMALL) && SA_RUNS >= 3
  const pool: Sol[] = []
  const fleetPlan = SA_CROSS ? new Sol(N, maxR) : best
  const segBest = SA_CROSS ? new Sol(N, maxR) : best
  let segBestTotal = bestTotal
  if (SA_CROSS) {
    fleetPlan.copyFrom(best)
    segBest.copyFrom(best)
  }
  const inA = new Uint8Array(N)
  const takeR = new Uint8Array(maxR)
  const pieceR = new Int32Array(maxR)
  const pieceN = new Int32Array(maxR)
  /**
   * child C of Pa and Pb: 30–70 % of Pa's routes, taken in the order their customers appear
   * among a random customer's neighbours (a region of the map), then Pb's routes without
   * those customers, largest first, up to Pa's fleet; what is left goes back in by the
   * recreate and its repairs. Removing customers keeps a route feasible (travel times obey
   * the triangle inequality), so only the reinsertion can fail; false then.
   */
  function crossover(Pa: Sol, Pb: Sol, C: Sol): boolean {
    if (Pa.nr === 0) return false
    C.nr = 0
    C.nun = 0
    C.rof.fill(-1)
    inA.fill(0)
    takeR.fill(0)
    const want = Math.max(1, Math.min(Pa.nr - 1, Math.round(Pa.nr * (0.3 + 0.4 * rng.next()))))
    const r0 = rng.int(Pa.nr)
    const c0 = Pa.seq[r0][rng.int(Pa.len[r0])]
    let taken = 0
    for (let k = 0; k < K && taken < want; k++) {
      const r = Pa.rof[adj[c0 * K + k]]
      if (r < 0 || takeR[r]) continue
      takeR[r] = 1
      taken++
      const L = Pa.len[r]
      const rc = C.nr++
      C.seq[rc].set(Pa.seq[r].subarray(0, L))
      C.len[rc] = L
      for (let i = 0; i < L; i++) inA[Pa.seq[r][i]] = 1
      updateRoute(C, rc)
    }
    let np = 0
    for (let r = 0; r < Pb.nr; r++) {
      let m = 0
      for (let i = 0; i < Pb.len[r]; i++) if (!inA[Pb.seq[r][i]]) m++
      if (m > 0) {
        pieceR[np] = r
        pieceN[np++] = m
      }
    }
    // largest pieces first (insertion sort: a few dozen routes at most)
    for (let i = 1; i < np; i++)
      for (let j = i; j > 0 && pieceN[j] > pieceN[j - 1]; j--) {
        const tr = pieceR[j]
        const tn = pieceN[j]
        pieceR[j] = pieceR[j - 1]
        pieceN[j] = pieceN[j - 1]
        pieceR[j - 1] = tr
        pieceN[j - 1] = tn
      }
    for (let i = 0; i < np; i++) {
      const sq = Pb.seq[pieceR[i]]
      const L = Pb.len[pieceR[i]]
      if (C.nr < Pa.nr) {
        const rc = C.nr++
        let m = 0
        for (let k = 0; k < L; k++) if (!inA[sq[k]]) C.seq[rc][m++] = sq[k]
        C.len[rc] = m
        updateRoute(C, rc)
      } else for (let k = 0; k < L; k++) if (!inA[sq[k]]) C.un[C.nun++] = sq[k]
    }
    for (let i = 0; i < Pb.nun; i++) if (!inA[Pb.un[i]]) C.un[C.nun++] = Pb.un[i]
    recreate(C, 0, pickOrder(false))
    for (let rep = 0; rep < 4 && C.nun > 0; rep++) {
      const k = C.nun
      ruin(C, C.un[rng.int(k)])
      recreate(C, 0, 0, k)
    }
    return C.nun === 0
  }
  // independent starts (option starts): only where a fresh construction can be brought down to
  // the fleet quickly, as the fleet phase did, and the runs are long enough to tell basins apart
  // (at a fixed iteration count by iterations, so that the answer stays deterministic)
  const nStarts = Math.min(64, Math.floor(opts.starts ?? 16))
  const V_SHARE = Number.isFinite(opts.startShare) ? Math.min(0.9, Math.max(0.1, opts.startShare ?? 0.5)) : 0.5
  // where the fleet came slowly: starts from the fleet phase's plan with a region rebuilt, when a
  // start is long enough for the rebuild and a walk (not at 5 s on 100 customers, where they
  // measured level: Solomon 56, seeds 1–2, 0.64 % against 0.60 %)
  const REGION = opts.regionStarts ?? (maxIter === Infinity && (span * V_SHARE) / Math.max(1, nStarts) >= 250)
  // Without region starts to fall back on (short budgets), fresh starts pay off even where the
  // fleet came after a quarter of the budget: most of them still reach the fleet in their share,
  // and a failed one only costs its own run (Solomon 56 at 4.5 s of CPU, seeds 5–8, mean gap
  // 0.72 % at 1/40, 0.57 % at 1/20, 0.50 % at 1/10, 0.42 % at 1/4; r207 4.67 % → 0.74 %). With
  // region starts (long budgets) the fresh ones stay for fleets that came within 1/40.
  const QS = opts.quickFleetShare ?? (REGION ? 1 / 40 : 1 / 4)
  const quickFleet = maxIter < Infinity ? lastRemovalIt <= maxIter * QS : lastRemovalMs <= (deadline - t0) * QS
  const V_STARTS = SA_CROSS && (quickFleet || REGION) && nStarts > 0 ? nStarts : 0
  const N_SEG = V_STARTS + SA_RUNS
  /** the annealing run at share f of the phase, and how far into it (0..1) */
  function segAt(f: number): [number, number] {
    if (V_STARTS === 0) {
      const sg = Math.min(SA_RUNS - 1, Math.floor(f * SA_RUNS))
      return [sg, f * SA_RUNS - sg]
    }
    if (f < V_SHARE) {
      const x = (f / V_SHARE) * V_STARTS
      const sg = Math.min(V_STARTS - 1, Math.floor(x))
      return [sg, x - sg]
    }
    const x = ((f - V_SHARE) / (1 - V_SHARE)) * SA_RUNS
    const sg = Math.min(SA_RUNS - 1, Math.floor(x))
    return [V_STARTS + sg, x - sg]
  }
  /**
   * a plan of its own in cur: a construction in a random order (or, with `from`, that plan with
   * a region rebuilt), then the absence-counter loop (ruin and recreate, no route opened beyond
   * `target`) until every customer is served on at most `target` routes; false if that does not
   * happen by `until` or within `itCap` iterations
   */
  function freshPlan(target: number, until: number, itCap: number, from: Sol | null): boolean {
    const F = cur
    let att = rx
    let cand = work
    let open = false
    if (from) {
      if (from.nr === 0) return false
      // a region of `from` rebuilt: the routes nearest a random customer (15–25 % of them)
      // dissolved and their customers put back, opening routes up to the target
      F.copyFrom(from)
      takeR.fill(0)
      const want = Math.max(1, Math.min(F.nr - 1, Math.round(F.nr * (0.15 + 0.1 * rng.next()))))
      const r0 = rng.int(F.nr)
      const c0 = F.seq[r0][rng.int(F.len[r0])]
      for (let k = 0, taken = 0; k < K && taken < want; k++) {
        const r = F.rof[adj[c0 * K + k]]
        if (r >= 0 && !takeR[r]) {
          takeR[r] = 1
          taken++
        }
      }
      // highest index first: removeRoute moves the last route into the freed place
      for (let r = F.nr - 1; r >= 0; r--) if (takeR[r]) dissolveRoute(F, r)
      recreate(F, target, pickOrder(false))
      if (F.nun > 0) {
        att.copyFrom(F)
        open = true
      }
    } else {
      F.nr = 0
      F.nun = 0
      F.rof.fill(-1)
      for (let c = 1; c <= n; c++) if (servable[c]) F.un[F.nun++] = c
      recreate(F, maxR, pickOrder(false))
    }
    absn.fill(0)
    for (let it = 0; open || F.nr > target; it++) {
      if (it >= itCap || ((it & 15) === 0 && now() >= until)) return false
      if (!open) {
        att.copyFrom(F)
        dissolveRoute(att, routeToRemove(att))
        open = true
      }
      cand.copyFrom(att)
      if (absenceStep(cand, att, -1, target)) {
        const t = att
        att = cand
        cand = t
      }
      if (att.nun === 0) {
        F.copyFrom(att)
        open = false
      }
    }
    return true
  }
  let freshStarts = 0
  // a candidate's recreate gives up once it is sure to be rejected (option earlyAbort); not with
  // the local search on random candidates (lsProb), which may shorten them after the recreate
  const ABORT = (opts.earlyAbort ?? false) && lsProb === 0
  let abandoned = 0
  let crossovers = 0
  let saSeg = 0
  const LO0 = opts.leftOutPenalty ?? 0
  const LO_EVERY = Math.max(1, Math.floor(opts.leftOutEvery ?? 2))
  /** annealing run seg keeps plans with left-out customers (every LO_EVERY-th run) */
  const leftOutRun = (seg: number): boolean => LO0 > 0 && seg % LO_EVERY === LO_EVERY - 1
  let loPen = LO0
  let loOn = leftOutRun(0)
  let leftOutSteps = 0
  while (iterations < maxIter) {
    if ((iterations & 7) === 0) {
      const tn = now()
      if (tn >= deadline) break
      fracT = Math.min(1, Math.max((tn - phaseStart) / span, maxIter < Infinity ? iterations / maxIter : 0))
      // restarts: the annealing runs SA_RUNS times from the best plan, each over its share of the phase
      const [seg, segFrac] = segAt(fracT)
      if (seg !== saSeg) {
        saSeg = seg
        if (SA_CROSS && ls) {
          if (pool.length < N_SEG) pool.push(new Sol(N, maxR))
          pool[pool.length - 1].copyFrom(segBest)
          let started = false
          if (seg < V_STARTS) {
            // an independent start: its own plan, else the fleet phase's plan again
            const segEnd = phaseStart + span * V_SHARE * ((seg + 1) / V_STARTS)
            const fixed = maxIter < Infinity
            const until = fixed ? Infinity : Math.min(segEnd, tn + (quickFleet ? Math.max(50, 4 * lastRemovalMs) : segEnd - tn))
            const itCap = fixed ? Math.floor(maxIter / N_SEG) : Infinity
            if (freshPlan(best.nr, until, itCap, quickFleet ? null : fleetPlan)) {
              freshStarts++
              ls.run(cur)
            } else cur.copyFrom(fleetPlan)
            started = true
          } else if (V_STARTS > 0 && seg === V_STARTS) {
            cur.copyFrom(best)
            started = true
          } else if (pool.length === 1) {
            cur.copyFrom(fleetPlan)
            started = true
          } else {
            const a = rng.int(pool.length)
            let b = rng.int(pool.length - 1)
            if (b >= a) b++
            if (crossover(pool[a], pool[b], cur)) {
              crossovers++
              ls.run(cur)
              rx.copyFrom(cur)
              if (ls.relax(rx, (RELAX_L || 1) * (0.5 + rng.next())) && rx.total() < cur.total() - 1e-9) cur.copyFrom(rx)
              started = true
            }
          }
          if (!started) cur.copyFrom(best)
          segBest.copyFrom(cur)
          segBestTotal = cur.total()
          if (cur.nr < best.nr || (cur.nr === best.nr && segBestTotal < bestTotal - 1e-9)) {
            best.copyFrom(cur)
            bestTotal = segBestTotal
          }
        } else cur.copyFrom(best)
        loOn = leftOutRun(seg)
        loPen = LO0
        if (ls && SA_PERTURB > 0) ls.perturb(cur, SA_PERTURB)
        if (ls && RELAX_RESTART) {
          rx.copyFrom(cur)
          if (ls.relax(rx, RELAX_L * (0.5 + rng.next()))) cur.copyFrom(rx)
        }
        curTotal = cur.total()
      }
      T = T0 * Math.pow(Tf / T0, segFrac)
    }
    iterations++
    work.copyFrom(cur)
    ruin(work)
    // the acceptance threshold drawn before the recreate (and the relaxed search's draw, which
    // may shorten a candidate after it): a recreate that passes it gives up (option earlyAbort)
    const early = ABORT && !loOn
    let thr = Infinity
    let limit = Infinity
    let relaxDraw = false
    if (early) {
      relaxDraw = RELAX_P > 0 && rng.next() < RELAX_P
      thr = curTotal - T * Math.log(rng.next() + 1e-300)
      // not when the relaxed search may still shorten the candidate, nor with a route fewer
      // (always accepted)
      if (!relaxDraw && work.nr >= cur.nr) limit = thr
    }
    let built = recreate(work, 0, pickOrder(false), 0, limit - work.total())
    for (let rep = 0; built && rep < REPAIRS && work.nun > 0; rep++) {
      // repair: ruin around a customer that did not fit, then insert the failed ones first
      const k = work.nun
      const failed = work.un[rng.int(k)]
      ruin(work, failed)
      built = recreate(work, 0, 0, k, limit - work.total())
    }
    if (!built) {
      abandoned++
      continue
    }
    if (work.nun === 1 && ls && DIST_SQ > 0 && rng.next() < DIST_SQ && ls.squeeze(work, work.un[0])) work.nun = 0
    const complete = work.nun === 0
    if (!complete && !loOn) continue
    if (loOn) {
      // the penalty follows the current plan: dearer while it is incomplete, cheaper while not
      if (cur.nun > 0) leftOutSteps++
      loPen = cur.nun > 0 ? loPen * 1.02 : Math.max(10, loPen * 0.999)
      curTotal = cur.total() + loPen * cur.nun
      // a route fewer only with every customer served: no recreate of this phase reopens one
      if (!complete && work.nr < cur.nr) continue
    }
    let tot = complete ? work.total() : work.total() + loPen * work.nun
    const beats = complete && tot < bestTotal * (1 + lsGap) - 1e-7
    if (ls && complete && (beats || (lsProb > 0 && rng.next() < lsProb))) {
      ls.run(work, LS_LOCAL ? markChanged(work, cur) : undefined)
      tot = work.total()
    }
    if (ls && complete && (beats ? RELAX_BEST : early ? relaxDraw : RELAX_P > 0 && rng.next() < RELAX_P)) {
      // relaxed windows: the penalised search may cross plans that break windows into a
      // better basin; the result counts only if it ends feasible and shorter
      rx.copyFrom(work)
      if (ls.relax(rx, RELAX_L * (0.5 + rng.next()), RELAX_LOCAL ? markChanged(work, cur) : undefined)) {
        const t2 = rx.total()
        if (t2 < tot - 1e-9) {
          work.copyFrom(rx)
          tot = t2
        }
      }
    }
    if (work.nr < cur.nr || tot < (early ? thr : curTotal - T * Math.log(rng.next() + 1e-300))) {
      const t = cur
      cur = work
      work = t
      curTotal = tot
      if (!complete) continue
      if (cur.nr < best.nr || (cur.nr === best.nr && curTotal < bestTotal - 1e-9)) {
        best.copyFrom(cur)
        bestTotal = curTotal
      }
      if (SA_CROSS && (cur.nr < segBest.nr || (cur.nr === segBest.nr && curTotal < segBestTotal - 1e-9))) {
        segBest.copyFrom(cur)
        segBestTotal = curTotal
      }
    }
  }

  const routes: number[][] = []
  for (let r = 0; r < best.nr; r++) routes.push(Array.from(best.seq[r].subarray(0, best.len[r])))
  // exact re-evaluation of the distance, in route order
  let distance = 0
  for (const rt of routes) {
    let prev = 0
    for (const c of rt) {
      distance += d[prev * N + c]
      prev = c
    }
    distance += d[prev * N]
  }
  const unassigned = bad.concat(Array.from(best.un.subarray(0, best.nun)))
  return {
    routes,
    vehicles: routes.length,
    distance,
    unassigned,
    iterations,
    fleetMs,
    lastRemovalMs,
    lsMoves: ls ? Array.from(ls.applied) : [],
    crossovers,
    leftOutSteps,
    freshStarts,
    freshWins,
    abandoned,
  }
}
