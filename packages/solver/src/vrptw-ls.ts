/**
 * Local search of the VRPTW engine (distance, fleet fixed or shrinking), with every move
 * evaluated in O(1) by concatenating route segments (`SegmentTable`, Vidal et al. 2013):
 *
 * * relocate: a string of 1–3 consecutive customers starting at `u` goes next to one of
 *   `u`'s granular neighbours `v` (after `v` or before it), in another route or in its own;
 * * swap: `u` and `v` exchange places (different routes);
 * * exchange (option `exchange`): strings of 2–3 customers from `u` and of 1 up to as many from
 *   `v` exchange places (different routes; HGS's (2,1) … (3,3));
 * * 2-opt*: the tails of the routes of `u` and `v` are exchanged so that `u` and `v` become
 *   consecutive (both directions);
 * * 2-opt (option `twoOpt`): a segment of one route is reversed so that `u` and `v` become
 *   consecutive; the reversed segment is checked visit by visit (O(segment length));
 * * SWAP* (Vidal 2022): `u` and `v` of two different routes leave their routes and each goes to
 *   its best position in the other route (not necessarily the place the other one left),
 *   candidates from the three best positions by distance, checked for the windows by
 *   concatenation.
 *
 * First improvement in random customer order, repeated until no move improves. A move that
 * empties a route removes it (one vehicle fewer). Every route a move produces is also checked by
 * a plain forward pass before it is written, so a rounding difference can never make a plan
 * infeasible.
 */
import type { Rng } from './rng.js'
import { SegmentTable } from './segment.js'
import { EPS, type Sol } from './vrptw-sol.js'

export interface LsContext {
  d: Float64Array
  N: number
  n: number
  ready: ArrayLike<number>
  due: ArrayLike<number>
  service: ArrayLike<number>
  demand: ArrayLike<number>
  capacity: number
  /** neighbour lists: adj[c*K + k], k = 1..K-1 by distance */
  adj: Int32Array
  K: number
  /** neighbours tried per customer */
  neighbours: number
  rng: Rng
  updateRoute: (S: Sol, r: number) => void
  removeRoute: (S: Sol, r: number) => void
  /** use SWAP* */
  swapStar?: boolean
  /** intra-route 2-opt (a segment of a route reversed) */
  twoOpt?: boolean
  /** string exchanges between two routes: strings of 2–3 and 1–3 customers (default false) */
  exchange?: boolean
}

export interface LocalSearch {
  /** improve S in place (starting from the customers marked in `only`, if given); returns the number of moves applied */
  run: (S: Sol, only?: Uint8Array) => number
  /**
   * Route minimisation step (Nagata & Bräysy's insertion with ejection, one customer): insert
   * the unassigned customer c where it fits (cheapest by distance); if it fits nowhere, eject
   * the customer w with the smallest absence counter below absn[c] (ties: cheapest) whose
   * removal lets c in. Returns 0 if c was inserted without ejection, w if w was ejected, -1 if
   * nothing was possible. S.un is not touched: the caller keeps the list of left-out customers.
   */
  insertOrEject: (S: Sol, c: number, absn: Float64Array) => number
  /**
   * Route minimisation step with up to `kmax` ejections (Nagata & Bräysy 2009, ejection search
   * without squeeze): insert c where it fits (cheapest by distance); if it fits nowhere, insert
   * it at the position, in some route, where removing at most kmax other customers of that route
   * lets it in, minimising the sum of the ejected customers' absence counters (ties: the
   * distance). Returns the number of ejected customers (written into out, their rof set to -1),
   * or -1 if nothing was possible. S.un is not touched.
   */
  ejectInsert: (S: Sol, c: number, absn: Float64Array, kmax: number, out: Int32Array) => number
  /**
   * Squeeze (Nagata & Bräysy 2009, route minimisation): insert the unassigned customer c at
   * the position that adds the least penalty (time warp + α × load above capacity), then apply
   * the best penalty-reducing relocate, swap or 2-opt* move touching a violating route until no
   * route is violated (true: S is a feasible plan with c routed) or no move reduces the penalty
   * (false: S is left in an arbitrary state and must be discarded). α follows the violations
   * left after failed squeezes. S.un is not touched.
   */
  squeeze: (S: Sol, c: number) => boolean
  /**
   * Perturbation (Nagata & Bräysy 2009, route minimisation): `moves` random relocate, swap or
   * 2-opt* moves between granular neighbours, each applied if it keeps the plan feasible,
   * whatever it does to the distance. Returns the number applied.
   */
  perturb: (S: Sol, moves: number) => number
  /**
   * Relaxed windows (the penalised local search of Vidal et al.'s HGS): relocate, swap and
   * 2-opt* moves between granular neighbours minimise distance + λ × time warp (the capacity
   * stays hard, the fleet fixed), so the search can cross plans that break windows; then the
   * same search with 10λ, 100λ and 1000λ repairs what is left, and the plain local search
   * polishes a plan that ends feasible. True if S ends feasible (it may be longer than
   * before: the caller compares); false leaves S in an arbitrary state (discard it).
   * With `only`, the descent and the polish start from the customers c with only[c] = 1
   * (the routes a ruin and recreate changed); their moves may reach any route.
   */
  relax: (S: Sol, lambda: number, only?: Uint8Array) => boolean
  /** moves applied so far, by kind: relocate, swap, 2-opt*, SWAP*, insertion with ejection, squeeze, perturbation, relaxed-window runs ending feasible, 2-opt, string exchange */
  readonly applied: Int32Array
}

/** a move must gain at least this much */
const IMP = 1e-7

export function createLocalSearch(ctx: LsContext): LocalSearch {
  const { d, N, n, adj, K, rng } = ctx
  const e = ctx.ready
  const l = ctx.due
  const s = ctx.service
  const q = ctx.demand
  const Q = ctx.capacity
  const e0 = e[0]
  const l0 = l[0]
  const KN = Math.min(K - 1, ctx.neighbours)
  const tab = new SegmentTable({ d, N, ready: e, due: l, service: s }, q)
  const applied = new Int32Array(10)
  const TWO_OPT = ctx.twoOpt === true
  const EXCHANGE = ctx.exchange === true
  // travel times may be asymmetric in principle: a reversed segment then changes its length
  // (scanned only when the move is on)
  let sym = true
  for (let i = 0; TWO_OPT && i < N && sym; i++) for (let j = i + 1; j < N; j++) if (d[i * N + j] !== d[j * N + i]) sym = false
  // candidate routes as lists of pieces: route index (or -1 for a single visit), from, to; a
  // reversed segment (2-opt) is a list of single visits, so A holds up to a route's length
  const aR = new Int32Array(N + 16)
  const aI = new Int32Array(N + 16)
  const aJ = new Int32Array(N + 16)
  let na = 0
  const bR = new Int32Array(6)
  const bI = new Int32Array(6)
  const bJ = new Int32Array(6)
  let nb = 0
  const bufA = new Int32Array(N)
  const bufB = new Int32Array(N)
  const order = new Int32Array(n)

  const pa = (r: number, i: number, j: number): void => {
    aR[na] = r
    aI[na] = i
    aJ[na++] = j
  }
  const pb = (r: number, i: number, j: number): void => {
    bR[nb] = r
    bI[nb] = i
    bJ[nb++] = j
  }
  function feasible(R: Int32Array, I: Int32Array, J: Int32Array, m: number): boolean {
    tab.begin(R[0], I[0], J[0])
    for (let k = 1; k < m; k++) {
      if (R[k] < 0) tab.node(I[k])
      else tab.seg(R[k], I[k], J[k])
      if (tab.aT > EPS) return false
    }
    return tab.aT <= EPS
  }
  /** write the customers of a piece list into buf; returns the count */
  function expand(R: Int32Array, I: Int32Array, J: Int32Array, m: number, buf: Int32Array): number {
    let w = 0
    for (let k = 0; k < m; k++) {
      if (R[k] < 0) {
        buf[w++] = I[k]
        continue
      }
      const nodes = tab.nodes[R[k]]
      for (let p = I[k]; p <= J[k]; p++) {
        const c = nodes[p]
        if (c !== 0) buf[w++] = c
      }
    }
    return w
  }
  /** plain forward pass (the engine's and the checker's rule) */
  function forwardOk(buf: Int32Array, m: number): boolean {
    let t = e0
    let prev = 0
    let load = 0
    for (let k = 0; k < m; k++) {
      const c = buf[k]
      const arr = t + d[prev * N + c]
      const st = arr > e[c] ? arr : e[c]
      if (st > l[c] + EPS) return false
      t = st + s[c]
      load += q[c]
      prev = c
    }
    return t + d[prev * N] <= l0 + EPS && load <= Q + EPS
  }
  /** replace route ra by the A pieces and (if rb ≥ 0) route rb by the B pieces */
  function commit(S: Sol, ra: number, rb: number, kind: number): boolean {
    const la = expand(aR, aI, aJ, na, bufA)
    const lb = rb >= 0 ? expand(bR, bI, bJ, nb, bufB) : 0
    if (!forwardOk(bufA, la) || (rb >= 0 && !forwardOk(bufB, lb))) return false
    S.seq[ra].set(bufA.subarray(0, la))
    S.len[ra] = la
    if (la > 0) ctx.updateRoute(S, ra)
    if (rb >= 0) {
      S.seq[rb].set(bufB.subarray(0, lb))
      S.len[rb] = lb
      if (lb > 0) ctx.updateRoute(S, rb)
    }
    tab.build(ra, S.seq[ra], la)
    if (rb >= 0) tab.build(rb, S.seq[rb], lb)
    // drop an emptied route (the last route moves into its place)
    for (const r of rb > ra ? [rb, ra] : [ra, rb]) {
      if (r >= 0 && S.len[r] === 0) {
        const last = S.nr - 1
        ctx.removeRoute(S, r)
        if (r !== last) tab.swapRoutes(r, last)
      }
    }
    applied[kind]++
    return true
  }

  const node = (r: number, p: number): number => tab.nodes[r][p]

  /** the pieces of route r with its string at positions pu..pe moved after position a (a outside pu-1..pe) */
  function piecesMoveWithin(r: number, pu: number, pe: number, a: number): void {
    const L = tab.len[r]
    if (a < pu - 1) {
      pa(r, 0, a)
      pa(r, pu, pe)
      pa(r, a + 1, pu - 1)
      pa(r, pe + 1, L + 1)
    } else {
      pa(r, 0, pu - 1)
      pa(r, pe + 1, a)
      pa(r, pu, pe)
      pa(r, a + 1, L + 1)
    }
  }

  /** relocate the string at positions pu..pu+m-1 of route ru after position a of route rv */
  function relocate(S: Sol, ru: number, pu: number, m: number, rv: number, a: number): boolean {
    const Lu = tab.len[ru]
    const pe = pu + m - 1
    if (pe > Lu) return false
    if (rv === ru && a >= pu - 1 && a <= pe) return false
    const u = node(ru, pu)
    const x = node(ru, pe)
    const pu1 = node(ru, pu - 1)
    const nx = node(ru, pe + 1)
    const w = node(rv, a)
    const nw = node(rv, a + 1)
    const delta = d[pu1 * N + nx] - d[pu1 * N + u] - d[x * N + nx] + d[w * N + u] + d[x * N + nw] - d[w * N + nw]
    if (delta > -IMP) return false
    const Lv = tab.len[rv]
    na = 0
    nb = 0
    if (rv !== ru) {
      if (S.load[rv] + tab.load(ru, pu, pe) > Q + EPS) return false
      pb(rv, 0, a)
      pb(ru, pu, pe)
      pb(rv, a + 1, Lv + 1)
      if (!feasible(bR, bI, bJ, nb)) return false
      pa(ru, 0, pu - 1)
      pa(ru, pe + 1, Lu + 1)
      if (!feasible(aR, aI, aJ, na)) return false
      return commit(S, ru, rv, 0)
    }
    piecesMoveWithin(ru, pu, pe, a)
    if (!feasible(aR, aI, aJ, na)) return false
    return commit(S, ru, -1, 0)
  }

  /**
   * exchange the string of mu customers at pu..pu+mu-1 of route ru with the string of mv
   * customers at pv..pv+mv-1 of route rv ≠ ru (each keeps its orientation); one for one, the swap
   */
  function exchange(S: Sol, ru: number, pu: number, mu: number, rv: number, pv: number, mv: number): boolean {
    const Lu = tab.len[ru]
    const Lv = tab.len[rv]
    const ue = pu + mu - 1
    const ve = pv + mv - 1
    if (ue > Lu || ve > Lv) return false
    const up = node(ru, pu - 1)
    const u = node(ru, pu)
    const x = node(ru, ue)
    const un = node(ru, ue + 1)
    const vp = node(rv, pv - 1)
    const v = node(rv, pv)
    const y = node(rv, ve)
    const vn = node(rv, ve + 1)
    const delta = d[up * N + v] + d[y * N + un] - d[up * N + u] - d[x * N + un] + d[vp * N + u] + d[x * N + vn] - d[vp * N + v] - d[y * N + vn]
    if (delta > -IMP) return false
    const lu = tab.load(ru, pu, ue)
    const lv = tab.load(rv, pv, ve)
    if (S.load[ru] - lu + lv > Q + EPS || S.load[rv] - lv + lu > Q + EPS) return false
    na = 0
    nb = 0
    pa(ru, 0, pu - 1)
    pa(rv, pv, ve)
    pa(ru, ue + 1, Lu + 1)
    if (!feasible(aR, aI, aJ, na)) return false
    pb(rv, 0, pv - 1)
    pb(ru, pu, ue)
    pb(rv, ve + 1, Lv + 1)
    if (!feasible(bR, bI, bJ, nb)) return false
    return commit(S, ru, rv, mu === 1 && mv === 1 ? 1 : 9)
  }

  /** 2-opt*: route ru keeps 0..i and continues with route rv from j; rv keeps 0..j-1 and continues with ru from i+1 */
  function twoOptStar(S: Sol, ru: number, i: number, rv: number, j: number): boolean {
    const a = node(ru, i)
    const an = node(ru, i + 1)
    const bp = node(rv, j - 1)
    const b = node(rv, j)
    const delta = d[a * N + b] + d[bp * N + an] - d[a * N + an] - d[bp * N + b]
    if (delta > -IMP) return false
    const Lu = tab.len[ru]
    const Lv = tab.len[rv]
    const ldA = tab.load(ru, 0, i) + tab.load(rv, j, Lv + 1)
    const ldB = tab.load(rv, 0, j - 1) + tab.load(ru, i + 1, Lu + 1)
    if (ldA > Q + EPS || ldB > Q + EPS) return false
    na = 0
    nb = 0
    pa(ru, 0, i)
    pa(rv, j, Lv + 1)
    if (!feasible(aR, aI, aJ, na)) return false
    pb(rv, 0, j - 1)
    pb(ru, i + 1, Lu + 1)
    if (!feasible(bR, bI, bJ, nb)) return false
    return commit(S, ru, rv, 2)
  }

  /** travel distance added by reversing positions i..j of route r (the two cut edges included) */
  function reverseDelta(r: number, i: number, j: number): number {
    const a = node(r, i - 1)
    const b = node(r, i)
    const c = node(r, j)
    const dn = node(r, j + 1)
    let delta = d[a * N + c] + d[b * N + dn] - d[a * N + b] - d[c * N + dn]
    if (!sym) for (let k = i; k < j; k++) delta += d[node(r, k + 1) * N + node(r, k)] - d[node(r, k) * N + node(r, k + 1)]
    return delta
  }
  /**
   * the first position a 2-opt reverses so that the visits at positions pu and pv of one route
   * become consecutive: w = 0 reverses what follows the first up to the second, w = 1 the first
   * up to the one before the second; the last reversed position is revTo(w, pu, pv)
   */
  const revFrom = (w: number, pu: number, pv: number): number => (pu < pv ? pu : pv) + 1 - w
  const revTo = (w: number, pu: number, pv: number): number => (pu < pv ? pv : pu) - w
  /** A := route r with positions i..j reversed */
  function piecesReverse(r: number, i: number, j: number): void {
    na = 0
    nb = 0
    pa(r, 0, i - 1)
    for (let k = j; k >= i; k--) pa(-1, node(r, k), 0)
    pa(r, j + 1, tab.len[r] + 1)
  }
  /** intra-route 2-opt: reverse positions i..j (i < j) of route r */
  function twoOpt(S: Sol, r: number, i: number, j: number): boolean {
    if (i >= j || reverseDelta(r, i, j) > -IMP) return false
    piecesReverse(r, i, j)
    if (!feasible(aR, aI, aJ, na)) return false
    return commit(S, r, -1, 8)
  }

  // ---------- SWAP* ----------
  // for a customer c and a route r: the three cheapest insertion positions (by distance only)
  const top = new Float64Array(3)
  const topP = new Int32Array(3)
  function top3(c: number, r: number): void {
    top[0] = top[1] = top[2] = Infinity
    topP[0] = topP[1] = topP[2] = -1
    const nodes = tab.nodes[r]
    const L = tab.len[r]
    for (let p = 0; p <= L; p++) {
      const x = nodes[p]
      const y = nodes[p + 1]
      const cost = d[x * N + c] + d[c * N + y] - d[x * N + y]
      if (cost < top[2]) {
        if (cost < top[1]) {
          top[2] = top[1]
          topP[2] = topP[1]
          if (cost < top[0]) {
            top[1] = top[0]
            topP[1] = topP[0]
            top[0] = cost
            topP[0] = p
          } else {
            top[1] = cost
            topP[1] = p
          }
        } else {
          top[2] = cost
          topP[2] = p
        }
      }
    }
  }
  /**
   * pieces of route r with the visit at position pv removed and c inserted after position a
   * (a ≠ pv; a = pv - 1 or a = pv means c takes v's place)
   */
  function piecesRemoveInsert(which: 0 | 1, r: number, pv: number, c: number, a: number): void {
    const add = which === 0 ? pa : pb
    const L = tab.len[r]
    if (a < pv) {
      add(r, 0, a)
      add(-1, c, c)
      if (a + 1 <= pv - 1) add(r, a + 1, pv - 1)
      add(r, pv + 1, L + 1)
    } else {
      add(r, 0, pv - 1)
      if (pv + 1 <= a) add(r, pv + 1, a)
      add(-1, c, c)
      add(r, a + 1, L + 1)
    }
  }
  /** insertion cost of c into route r with the visit at pv gone, after position a */
  function insCost(r: number, pv: number, c: number, a: number): number {
    const x = a === pv ? node(r, pv - 1) : node(r, a)
    const y = a === pv - 1 ? node(r, pv + 1) : node(r, a + 1)
    if (a === pv || a === pv - 1) {
      // c in v's place: between v's neighbours
      const vp = node(r, pv - 1)
      const vn = node(r, pv + 1)
      return d[vp * N + c] + d[c * N + vn] - d[vp * N + vn]
    }
    return d[x * N + c] + d[c * N + y] - d[x * N + y]
  }
  const candU = new Int32Array(4)
  const candV = new Int32Array(4)
  function swapStar(S: Sol, ru: number, pu: number, rv: number, pv: number): boolean {
    const u = node(ru, pu)
    const v = node(rv, pv)
    if (S.load[ru] - q[u] + q[v] > Q + EPS || S.load[rv] - q[v] + q[u] > Q + EPS) return false
    const up = node(ru, pu - 1)
    const un = node(ru, pu + 1)
    const vp = node(rv, pv - 1)
    const vn = node(rv, pv + 1)
    const remU = d[up * N + un] - d[up * N + u] - d[u * N + un]
    const remV = d[vp * N + vn] - d[vp * N + v] - d[v * N + vn]
    // candidate positions of u in rv (without v): the three best plus v's place
    top3(u, rv)
    let nu = 0
    for (let k = 0; k < 3; k++) if (topP[k] >= 0 && topP[k] !== pv - 1 && topP[k] !== pv) candU[nu++] = topP[k]
    candU[nu++] = pv
    top3(v, ru)
    let nv = 0
    for (let k = 0; k < 3; k++) if (topP[k] >= 0 && topP[k] !== pu - 1 && topP[k] !== pu) candV[nv++] = topP[k]
    candV[nv++] = pu
    // best feasible combination (the two routes are independent once u and v are chosen)
    let bestA = -1
    let bestCA = Infinity
    for (let k = 0; k < nv; k++) {
      const c = insCost(ru, pu, v, candV[k])
      if (c + remU >= bestCA) continue
      na = 0
      piecesRemoveInsert(0, ru, pu, v, candV[k])
      if (feasible(aR, aI, aJ, na)) {
        bestCA = c + remU
        bestA = candV[k]
      }
    }
    if (bestA < 0) return false
    let bestB = -1
    let bestCB = Infinity
    for (let k = 0; k < nu; k++) {
      const c = insCost(rv, pv, u, candU[k])
      if (c + remV >= bestCB || bestCA + c + remV > -IMP) continue
      nb = 0
      piecesRemoveInsert(1, rv, pv, u, candU[k])
      if (feasible(bR, bI, bJ, nb)) {
        bestCB = c + remV
        bestB = candU[k]
      }
    }
    if (bestB < 0 || bestCA + bestCB > -IMP) return false
    na = 0
    nb = 0
    piecesRemoveInsert(0, ru, pu, v, bestA)
    piecesRemoveInsert(1, rv, pv, u, bestB)
    return commit(S, ru, rv, 3)
  }

  function improveCustomer(S: Sol, u: number): boolean {
    const ru = S.rof[u]
    if (ru < 0) return false
    const pu = S.pof[u] + 1
    for (let k = 1; k <= KN; k++) {
      const v = adj[u * K + k]
      const rv = S.rof[v]
      if (rv < 0) continue
      const pv = S.pof[v] + 1
      for (let m = 1; m <= 3; m++) {
        if (relocate(S, ru, pu, m, rv, pv)) return true
        if (relocate(S, ru, pu, m, rv, pv - 1)) return true
      }
      if (rv !== ru) {
        if (exchange(S, ru, pu, 1, rv, pv, 1)) return true
        // HGS's exchanges (2,1), (2,2), (3,1), (3,2), (3,3): u's string the longer (v's turn
        // as u covers the mirror ones)
        if (EXCHANGE) for (let mu = 2; mu <= 3; mu++) for (let mv = 1; mv <= mu; mv++) if (exchange(S, ru, pu, mu, rv, pv, mv)) return true
        // u then v: ru keeps up to u, then v and the rest of rv
        if (twoOptStar(S, ru, pu, rv, pv)) return true
        // v then u: rv keeps up to v, then u and the rest of ru
        if (twoOptStar(S, rv, pv, ru, pu)) return true
        if (ctx.swapStar !== false && swapStar(S, ru, pu, rv, pv)) return true
      } else if (TWO_OPT) {
        for (let w = 0; w < 2; w++) if (twoOpt(S, ru, revFrom(w, pu, pv), revTo(w, pu, pv))) return true
      }
    }
    return false
  }

  function insertOrEject(S: Sol, c: number, absn: Float64Array): number {
    for (let r = 0; r < S.nr; r++) tab.build(r, S.seq[r], S.len[r])
    // plain insertion
    let bestR = -1
    let bestA = -1
    let bestW = -1
    let bestCost = Infinity
    for (let r = 0; r < S.nr; r++) {
      if (S.load[r] + q[c] > Q + EPS) continue
      const L = tab.len[r]
      for (let a = 0; a <= L; a++) {
        const x = node(r, a)
        const y = node(r, a + 1)
        const cost = d[x * N + c] + d[c * N + y] - d[x * N + y]
        if (cost >= bestCost) continue
        tab.begin(r, 0, a)
        tab.node(c)
        if (tab.aT > EPS) continue
        tab.seg(r, a + 1, L + 1)
        if (tab.aT > EPS) continue
        bestCost = cost
        bestR = r
        bestA = a
      }
    }
    if (bestR < 0) {
      // one ejection: the customer w (absence counter below c's) whose removal lets c in
      let bestAbs = absn[c]
      for (let r = 0; r < S.nr; r++) {
        const L = tab.len[r]
        for (let pw = 1; pw <= L; pw++) {
          const w = node(r, pw)
          if (absn[w] >= absn[c] || absn[w] > bestAbs || S.load[r] - q[w] + q[c] > Q + EPS) continue
          const wp = node(r, pw - 1)
          const wn = node(r, pw + 1)
          const rem = d[wp * N + wn] - d[wp * N + w] - d[w * N + wn]
          for (let a = 0; a <= L; a++) {
            if (a === pw) continue // same as a = pw - 1 (c in w's place)
            const cost = rem + insCost(r, pw, c, a)
            if (absn[w] === bestAbs && cost >= bestCost) continue
            na = 0
            piecesRemoveInsert(0, r, pw, c, a)
            if (!feasible(aR, aI, aJ, na)) continue
            bestAbs = absn[w]
            bestCost = cost
            bestR = r
            bestA = a
            bestW = pw
          }
        }
      }
      if (bestR < 0 || bestAbs >= absn[c]) return -1
    }
    na = 0
    let w = 0
    if (bestW < 0) {
      pa(bestR, 0, bestA)
      pa(-1, c, c)
      pa(bestR, bestA + 1, tab.len[bestR] + 1)
    } else {
      w = node(bestR, bestW)
      piecesRemoveInsert(0, bestR, bestW, c, bestA)
    }
    if (!commit(S, bestR, -1, 4)) return -1
    if (w > 0) S.rof[w] = -1
    return w
  }

  // ejection search: removed positions (sorted), the best combination found
  const remP = new Int32Array(4)
  const bestRem = new Int32Array(4)
  /** pieces of route r with the positions remP[0..k) removed and c inserted after position a (a not removed) */
  function piecesEject(r: number, k: number, c: number, a: number): void {
    const L = tab.len[r]
    na = 0
    let start = 0
    let ir = 0
    for (let p = 0; p <= L; p++) {
      if (ir < k && remP[ir] === p) {
        if (start <= p - 1) pa(r, start, p - 1)
        start = p + 1
        ir++
        continue
      }
      if (p === a) {
        pa(r, start, a)
        pa(-1, c, c)
        start = a + 1
      }
    }
    pa(r, start, L + 1)
  }
  function ejectInsert(S: Sol, c: number, absn: Float64Array, kmax: number, out: Int32Array): number {
    for (let r = 0; r < S.nr; r++) tab.build(r, S.seq[r], S.len[r])
    let bestR = -1
    let bestA = -1
    let bestK = 0
    let bestCost = Infinity
    // plain insertion
    for (let r = 0; r < S.nr; r++) {
      if (S.load[r] + q[c] > Q + EPS) continue
      const L = tab.len[r]
      for (let a = 0; a <= L; a++) {
        const x = node(r, a)
        const y = node(r, a + 1)
        const cost = d[x * N + c] + d[c * N + y] - d[x * N + y]
        if (cost >= bestCost) continue
        tab.begin(r, 0, a)
        tab.node(c)
        if (tab.aT > EPS) continue
        tab.seg(r, a + 1, L + 1)
        if (tab.aT > EPS) continue
        bestCost = cost
        bestR = r
        bestA = a
      }
    }
    if (bestR < 0) {
      let bestP = Infinity
      const tryAt = (r: number, k: number, psum: number): void => {
        const L = tab.len[r]
        let ld = S.load[r] + q[c]
        for (let i = 0; i < k; i++) ld -= q[node(r, remP[i])]
        if (ld > Q + EPS) return
        let ir = 0
        for (let a = 0; a <= L; a++) {
          while (ir < k && remP[ir] < a) ir++
          if (ir < k && remP[ir] === a) continue
          // distance change of the insertion: only breaks ties between equal absence sums
          const x = node(r, a)
          let y = a + 1
          for (let j = ir; j < k && remP[j] === y; j++) y++
          const yn = node(r, y)
          const cost = d[x * N + c] + d[c * N + yn] - d[x * N + yn]
          if (psum > bestP || (psum === bestP && cost >= bestCost)) continue
          piecesEject(r, k, c, a)
          if (!feasible(aR, aI, aJ, na)) continue
          if (psum < bestP || (psum === bestP && cost < bestCost)) {
            bestP = psum
            bestCost = cost
            bestR = r
            bestA = a
            bestK = k
            for (let i = 0; i < k; i++) bestRem[i] = remP[i]
          }
        }
      }
      for (let r = 0; r < S.nr; r++) {
        const L = tab.len[r]
        for (let p1 = 1; p1 <= L; p1++) {
          const a1 = absn[node(r, p1)] + 1
          if (a1 > bestP) continue
          remP[0] = p1
          tryAt(r, 1, a1)
          if (kmax < 2) continue
          for (let p2 = p1 + 1; p2 <= L; p2++) {
            const a2 = a1 + absn[node(r, p2)] + 1
            if (a2 > bestP) continue
            remP[1] = p2
            tryAt(r, 2, a2)
            if (kmax < 3) continue
            for (let p3 = p2 + 1; p3 <= L; p3++) {
              const a3 = a2 + absn[node(r, p3)] + 1
              if (a3 > bestP) continue
              remP[2] = p3
              tryAt(r, 3, a3)
            }
          }
        }
      }
      if (bestR < 0) return -1
    }
    for (let i = 0; i < bestK; i++) {
      remP[i] = bestRem[i]
      out[i] = node(bestR, bestRem[i])
    }
    piecesEject(bestR, bestK, c, bestA)
    if (!commit(S, bestR, -1, 4)) return -1
    for (let i = 0; i < bestK; i++) S.rof[out[i]] = -1
    return bestK
  }

  // ---------- squeeze (penalised local search) ----------
  let alpha = 1
  const pen = new Float64Array(N + 1)
  /** penalty of a piece list: time warp + α × load above capacity */
  function penOf(R: Int32Array, I: Int32Array, J: Int32Array, m: number): number {
    tab.begin(R[0], I[0], J[0])
    let ld = tab.load(R[0], I[0], J[0])
    for (let k = 1; k < m; k++) {
      if (R[k] < 0) {
        tab.node(I[k])
        ld += q[I[k]]
      } else {
        tab.seg(R[k], I[k], J[k])
        ld += tab.load(R[k], I[k], J[k])
      }
    }
    return tab.aT + (ld > Q + EPS ? alpha * (ld - Q) : 0)
  }
  function routePen(r: number): number {
    const L = tab.len[r]
    tab.begin(r, 0, L + 1)
    const ld = tab.load(r, 0, L + 1)
    return tab.aT + (ld > Q + EPS ? alpha * (ld - Q) : 0)
  }
  /**
   * pieces of a squeeze move of u (route ru, position pu) with v (route rv, position pv) into
   * A (new ru) and B (new rv): 0 relocate u after v, 1 relocate u before v, 2 swap, 3 2-opt*
   * with u → v, 4 2-opt* with v → u, 5 and 6 (same route) intra-route 2-opt that makes u and v
   * consecutive. False if the move is void or would empty a route.
   */
  function fillMove(kind: number, ru: number, pu: number, rv: number, pv: number): boolean {
    na = 0
    nb = 0
    const Lu = tab.len[ru]
    const Lv = tab.len[rv]
    if (kind <= 1) {
      const a = kind === 0 ? pv : pv - 1
      if (rv === ru) {
        if (a >= pu - 1 && a <= pu) return false
        piecesMoveWithin(ru, pu, pu, a)
        return true
      }
      if (Lu === 1) return false
      pa(ru, 0, pu - 1)
      pa(ru, pu + 1, Lu + 1)
      pb(rv, 0, a)
      pb(-1, node(ru, pu), 0)
      pb(rv, a + 1, Lv + 1)
      return true
    }
    if (rv === ru) {
      // 5, 6: intra-route 2-opt (u and v consecutive afterwards)
      if (kind < 5) return false
      const fi = revFrom(kind - 5, pu, pv)
      const fj = revTo(kind - 5, pu, pv)
      if (fi >= fj) return false
      piecesReverse(ru, fi, fj)
      return true
    }
    if (kind >= 5) return false
    if (kind === 2) {
      pa(ru, 0, pu - 1)
      pa(-1, node(rv, pv), 0)
      pa(ru, pu + 1, Lu + 1)
      pb(rv, 0, pv - 1)
      pb(-1, node(ru, pu), 0)
      pb(rv, pv + 1, Lv + 1)
      return true
    }
    if (kind === 3) {
      if (pv === 1 && pu === Lu) return false
      pa(ru, 0, pu)
      pa(rv, pv, Lv + 1)
      pb(rv, 0, pv - 1)
      pb(ru, pu + 1, Lu + 1)
      return true
    }
    if (pu === 1 && pv === Lv) return false
    pa(ru, 0, pu - 1)
    pa(rv, pv + 1, Lv + 1)
    pb(rv, 0, pv)
    pb(ru, pu, Lu + 1)
    return true
  }
  /** write the A (and B) pieces into routes ra (and rb), without the feasibility check */
  function writePen(S: Sol, ra: number, rb: number): void {
    const la = expand(aR, aI, aJ, na, bufA)
    const lb = rb >= 0 ? expand(bR, bI, bJ, nb, bufB) : 0
    S.seq[ra].set(bufA.subarray(0, la))
    S.len[ra] = la
    ctx.updateRoute(S, ra)
    tab.build(ra, S.seq[ra], la)
    pen[ra] = routePen(ra)
    if (rb >= 0) {
      S.seq[rb].set(bufB.subarray(0, lb))
      S.len[rb] = lb
      ctx.updateRoute(S, rb)
      tab.build(rb, S.seq[rb], lb)
      pen[rb] = routePen(rb)
    }
  }
  const SQ_STEPS = 400
  function squeeze(S: Sol, c: number): boolean {
    for (let r = 0; r < S.nr; r++) {
      tab.build(r, S.seq[r], S.len[r])
      pen[r] = routePen(r)
    }
    // the position adding the least penalty (ties: the shorter detour)
    let iR = -1
    let iA = -1
    let iP = Infinity
    let iD = Infinity
    for (let r = 0; r < S.nr; r++) {
      const L = tab.len[r]
      const ld = S.load[r] + q[c]
      const ex = ld > Q + EPS ? alpha * (ld - Q) : 0
      if (ex - pen[r] > iP + EPS) continue
      for (let a = 0; a <= L; a++) {
        tab.begin(r, 0, a)
        tab.node(c)
        tab.seg(r, a + 1, L + 1)
        const p = tab.aT + ex - pen[r]
        const x = node(r, a)
        const y = node(r, a + 1)
        const dd = d[x * N + c] + d[c * N + y] - d[x * N + y]
        if (p < iP - EPS || (p <= iP + EPS && dd < iD)) {
          iP = p
          iD = dd
          iR = r
          iA = a
        }
      }
    }
    if (iR < 0) return false
    na = 0
    pa(iR, 0, iA)
    pa(-1, c, 0)
    pa(iR, iA + 1, tab.len[iR] + 1)
    writePen(S, iR, -1)
    let total = 0
    for (let r = 0; r < S.nr; r++) total += pen[r]
    let steps = 0
    while (total > EPS && steps++ < SQ_STEPS) {
      let bestDelta = -EPS
      let mk = -1
      let mu = 0
      let mv = 0
      for (let ru = 0; ru < S.nr; ru++) {
        if (pen[ru] <= EPS) continue
        const Lu = tab.len[ru]
        for (let pu = 1; pu <= Lu; pu++) {
          const u = node(ru, pu)
          for (let k = 1; k <= KN; k++) {
            const v = adj[u * K + k]
            const rv = S.rof[v]
            if (rv < 0) continue
            const pv = S.pof[v] + 1
            const old = rv === ru ? pen[ru] : pen[ru] + pen[rv]
            for (let kind = 0; kind <= 4; kind++) {
              if (!fillMove(kind, ru, pu, rv, pv)) continue
              let np = penOf(aR, aI, aJ, na)
              if (np - old >= bestDelta) continue
              if (nb > 0) np += penOf(bR, bI, bJ, nb)
              if (np - old < bestDelta) {
                bestDelta = np - old
                mk = kind
                mu = u
                mv = v
              }
            }
          }
        }
      }
      if (mk < 0) break
      const ru = S.rof[mu]
      const rv = S.rof[mv]
      fillMove(mk, ru, S.pof[mu] + 1, rv, S.pof[mv] + 1)
      writePen(S, ru, rv === ru ? -1 : rv)
      total = 0
      for (let r = 0; r < S.nr; r++) total += pen[r]
    }
    if (total > EPS) {
      // violations left: weigh the kind that remains more next time
      let tw = 0
      let ex = 0
      for (let r = 0; r < S.nr; r++) {
        if (pen[r] <= EPS) continue
        const L = tab.len[r]
        tab.begin(r, 0, L + 1)
        tw += tab.aT
        ex += Math.max(0, tab.load(r, 0, L + 1) - Q)
      }
      if (tw > EPS && ex <= EPS) alpha = Math.max(0.01, alpha * 0.99)
      else if (ex > EPS && tw <= EPS) alpha = Math.min(100, alpha / 0.99)
      return false
    }
    for (let r = 0; r < S.nr; r++) if (!forwardOk(S.seq[r], S.len[r])) return false
    applied[5]++
    return true
  }

  function loadOk(R: Int32Array, I: Int32Array, J: Int32Array, m: number): boolean {
    let ld = 0
    for (let k = 0; k < m; k++) ld += R[k] < 0 ? q[I[k]] : tab.load(R[k], I[k], J[k])
    return ld <= Q + EPS
  }
  function perturb(S: Sol, moves: number): number {
    for (let r = 0; r < S.nr; r++) tab.build(r, S.seq[r], S.len[r])
    const m = collect(S)
    if (m < 2 || KN < 1) return 0
    let done = 0
    for (let it = 0; it < moves; it++) {
      const u = order[rng.int(m)]
      const v = adj[u * K + 1 + rng.int(KN)]
      const ru = S.rof[u]
      const rv = S.rof[v]
      if (ru < 0 || rv < 0) continue
      const kind = rng.int(5)
      if (!fillMove(kind, ru, S.pof[u] + 1, rv, S.pof[v] + 1)) continue
      if (!loadOk(aR, aI, aJ, na) || !feasible(aR, aI, aJ, na)) continue
      if (nb > 0 && (!loadOk(bR, bI, bJ, nb) || !feasible(bR, bI, bJ, nb))) continue
      if (commit(S, ru, nb > 0 ? rv : -1, 6)) done++
    }
    return done
  }

  // ---------- relaxed windows (penalised local search) ----------
  /** travel distance of a piece list (depot pieces included) */
  function distOf(R: Int32Array, I: Int32Array, J: Int32Array, m: number): number {
    let dist = 0
    let last = 0
    for (let k = 0; k < m; k++) {
      const r = R[k]
      const first = r < 0 ? I[k] : tab.nodes[r][I[k]]
      if (k > 0) dist += d[last * N + first]
      if (r < 0) last = first
      else {
        dist += tab.dist(r, I[k], J[k])
        last = tab.nodes[r][J[k]]
      }
    }
    return dist
  }
  const KINDS = TWO_OPT ? 6 : 4
  /** one relaxed move of u: applies the first that lowers distance + λ × penalty */
  function relaxCustomer(S: Sol, u: number, lambda: number): boolean {
    const ru = S.rof[u]
    const pu = S.pof[u] + 1
    for (let k = 1; k <= KN; k++) {
      const v = adj[u * K + k]
      const rv = S.rof[v]
      if (rv < 0) continue
      const pv = S.pof[v] + 1
      const oldP = rv === ru ? pen[ru] : pen[ru] + pen[rv]
      const oldD = rv === ru ? S.rd[ru] : S.rd[ru] + S.rd[rv]
      for (let kind = 0; kind <= KINDS; kind++) {
        if (!fillMove(kind, ru, pu, rv, pv)) continue
        const dd = distOf(aR, aI, aJ, na) + (nb > 0 ? distOf(bR, bI, bJ, nb) : 0) - oldD
        // the penalty can fall by at most oldP
        if (dd - lambda * oldP > -IMP) continue
        let np = penOf(aR, aI, aJ, na)
        if (nb > 0) np += penOf(bR, bI, bJ, nb)
        if (dd + lambda * (np - oldP) < -IMP) {
          writePen(S, ru, rv === ru ? -1 : rv)
          return true
        }
      }
    }
    return false
  }
  /** first-improvement descent over the customers order[0..m): step(u) applies one move of u or returns false */
  function descend(m: number, rounds: number, step: (u: number) => boolean): number {
    let moves = 0
    let improved = true
    let guard = 0
    while (improved && guard++ < rounds) {
      improved = false
      for (let i = 0; i < m; i++) {
        const u = order[i]
        while (step(u)) {
          moves++
          improved = true
        }
      }
    }
    return moves
  }
  /** the routed customers of S (those marked in `only`, if given) into order[0..m); returns m */
  function collect(S: Sol, only?: Uint8Array): number {
    let m = 0
    for (let r = 0; r < S.nr; r++)
      for (let k = 0; k < S.len[r]; k++) {
        const c = S.seq[r][k]
        if (!only || only[c]) order[m++] = c
      }
    return m
  }
  function relax(S: Sol, lambda: number, only?: Uint8Array): boolean {
    const a0 = alpha
    // capacity stays hard: any load above it outweighs every distance gain
    alpha = 1e9
    for (let r = 0; r < S.nr; r++) {
      tab.build(r, S.seq[r], S.len[r])
      pen[r] = routePen(r)
    }
    const m = collect(S, only)
    rng.shuffle(order, m)
    let total = 0
    for (let f = 1; f <= 1000; f *= 10) {
      const lf = lambda * f
      descend(m, 100, (u) => relaxCustomer(S, u, lf))
      total = 0
      for (let r = 0; r < S.nr; r++) total += pen[r]
      if (total <= EPS) break
    }
    alpha = a0
    if (total > EPS) return false
    for (let r = 0; r < S.nr; r++) if (!forwardOk(S.seq[r], S.len[r])) return false
    applied[7]++
    run(S, only)
    return true
  }

  function run(S: Sol, only?: Uint8Array): number {
    for (let r = 0; r < S.nr; r++) tab.build(r, S.seq[r], S.len[r])
    const m = collect(S, only)
    rng.shuffle(order, m)
    return descend(m, 1000, (u) => improveCustomer(S, u))
  }

  return { run, insertOrEject, ejectInsert, squeeze, perturb, relax, applied }
}
