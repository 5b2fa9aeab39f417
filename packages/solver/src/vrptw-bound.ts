/**
 * Lower bound on the fleet of a VRPTW instance from its time windows: two customers that
 * cannot share a route in either order (the second cannot start by its due date, or the
 * vehicle cannot get back to the depot in time, or their demands exceed the capacity) need two
 * vehicles, so the size of any clique of such pairwise incompatible customers bounds the fleet
 * from below. A greedy clique from the customers with most incompatibilities is enough here:
 * the bound only has to stop the fleet minimisation from trying a fleet that is proven
 * impossible (it equals the best-known fleet on r102, r103 and the Gehring–Homberger c1_4_1,
 * where the last, failing removal attempt took up to half of the budget). Pure computation.
 */
import { EPS } from './vrptw-sol.js'

export interface BoundInput {
  /** customers 1..n, depot 0 */
  n: number
  /** distance (= travel time) matrix, row-major (n + 1) × (n + 1) */
  d: Float64Array
  ready: ArrayLike<number>
  due: ArrayLike<number>
  service: ArrayLike<number>
  demand: ArrayLike<number>
  capacity: number
  /** 1 for the customers a vehicle can serve at all (the others are left out of the bound) */
  servable: Uint8Array
}

/** greedy starts: the customers with most incompatibilities */
const STARTS = 20
/** above this many candidates the next member is the one with most incompatibilities overall (O(n) instead of O(n²) a step) */
const EXACT_PICK = 300

export function fleetLowerBound(inp: BoundInput): number {
  const { n, d, ready: e, due: l, service: s, demand: q, capacity: Q, servable } = inp
  const N = n + 1
  const e0 = e[0]
  const l0 = l[0]
  // can j follow i on one route (i served first, leaving the depot at its opening time)?
  const follows = (i: number, j: number): boolean => {
    if (q[i] + q[j] > Q + EPS) return false
    const a = Math.max(e[i], e0 + d[i])
    const b = Math.max(e[j], a + s[i] + d[i * N + j])
    return b <= l[j] + EPS && b + s[j] + d[j * N] <= l0 + EPS
  }
  const inc = new Uint8Array(N * N)
  const deg = new Int32Array(N)
  let served = 0
  for (let i = 1; i <= n; i++) {
    if (!servable[i]) continue
    served = 1
    for (let j = i + 1; j <= n; j++) {
      if (!servable[j] || follows(i, j) || follows(j, i)) continue
      inc[i * N + j] = inc[j * N + i] = 1
      deg[i]++
      deg[j]++
    }
  }
  const order: number[] = []
  for (let c = 1; c <= n; c++) if (servable[c] && deg[c] > 0) order.push(c)
  order.sort((a, b) => deg[b] - deg[a] || a - b)
  let best = served
  for (let k = 0; k < Math.min(STARTS, order.length); k++) {
    const st = order[k]
    if (deg[st] + 1 <= best) break // sorted: no later start can do better
    let size = 1
    let cand: number[] = []
    for (let v = 1; v <= n; v++) if (inc[st * N + v]) cand.push(v)
    while (cand.length > 0 && size + cand.length > best) {
      let pick = cand[0]
      let pickScore = -1
      for (const v of cand) {
        let sc = deg[v]
        if (cand.length <= EXACT_PICK) {
          sc = 0
          for (const w of cand) sc += inc[v * N + w]
        }
        if (sc > pickScore) {
          pickScore = sc
          pick = v
        }
      }
      size++
      cand = cand.filter((w) => inc[pick * N + w] === 1)
    }
    if (size > best) best = size
  }
  return best
}
