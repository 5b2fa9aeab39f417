/**
 * Route segments with time windows (Vidal, Crainic, Gendreau & Prins, "A hybrid genetic
 * algorithm with adaptive diversity management for a large class of vehicle routing problems
 * with time windows", Computers & OR 2013, and Vidal et al., "Timing problems and algorithms",
 * 2015). A segment — a sequence of consecutive visits — is summarised by four numbers:
 *
 * * `dur`: its minimum duration (service, travel and unavoidable waiting) when it is started
 *   at the best time,
 * * `tw`: its minimum *time warp* (total amount by which some start of service would have to
 *   go back in time to meet the due dates; 0 iff the segment can be served within its windows),
 * * `early` / `late`: the earliest and latest start of its first visit that achieve `dur` and `tw`.
 *
 * Two segments concatenate in O(1) (`concatSeg`), so a local-search move that cuts routes into
 * a few segments and glues them back together is evaluated in O(1) once every sub-segment of
 * every route is known (`SegmentTable`, O(L²) per route of L visits). Hard windows on the start
 * of service, travel time = travel cost, the depot is a visit with its opening hours and no
 * service.
 */

export interface TimeSeg {
  first: number
  last: number
  dur: number
  tw: number
  early: number
  late: number
}

export interface TimingData {
  /** travel time matrix, row-major, N × N */
  d: Float64Array
  N: number
  /** opening, due date and service time per node (node 0 = depot) */
  ready: ArrayLike<number>
  due: ArrayLike<number>
  service: ArrayLike<number>
}

/** the segment of one visit */
export function nodeSeg(t: TimingData, c: number): TimeSeg {
  return { first: c, last: c, dur: t.service[c], tw: 0, early: t.ready[c], late: t.due[c] }
}

/** a ⊕ b (travel from a's last visit to b's first visit in between) */
export function concatSeg(t: TimingData, a: TimeSeg, b: TimeSeg): TimeSeg {
  const travel = t.d[a.last * t.N + b.first]
  const delta = a.dur - a.tw + travel
  const dWait = Math.max(b.early - delta - a.late, 0)
  const dWarp = Math.max(a.early + delta - b.late, 0)
  return {
    first: a.first,
    last: b.last,
    dur: a.dur + b.dur + travel + dWait,
    tw: a.tw + b.tw + dWarp,
    early: Math.max(b.early - delta, a.early) - dWait,
    late: Math.min(b.late - delta, a.late) + dWarp,
  }
}

/**
 * Segment data of every sub-sequence of every route, and an accumulator that glues segments of
 * several routes together without allocating. Positions are depot-augmented: position 0 is the
 * start depot, 1..L the visits, L+1 the return to the depot.
 */
export class SegmentTable {
  readonly nodes: Int32Array[] = []
  readonly len: number[] = []
  readonly cumLoad: Float64Array[] = []
  /** travel distance from the start depot to each position */
  readonly cumDist: Float64Array[] = []
  private readonly D: Float64Array[] = []
  private readonly T: Float64Array[] = []
  private readonly E: Float64Array[] = []
  private readonly L: Float64Array[] = []
  /** the accumulator */
  aD = 0
  aT = 0
  aE = 0
  aL = 0
  aLast = 0

  constructor(
    private readonly t: TimingData,
    private readonly demand: ArrayLike<number>,
  ) {}

  /** (re)build the data of route r from its visits seq[0..len) */
  build(r: number, seq: ArrayLike<number>, len: number): void {
    const W = len + 2
    while (this.nodes.length <= r) {
      this.nodes.push(new Int32Array(0))
      this.len.push(0)
      this.cumLoad.push(new Float64Array(0))
      this.cumDist.push(new Float64Array(0))
      this.D.push(new Float64Array(0))
      this.T.push(new Float64Array(0))
      this.E.push(new Float64Array(0))
      this.L.push(new Float64Array(0))
    }
    if (this.nodes[r].length < W) {
      const cap = Math.max(W, Math.ceil(this.nodes[r].length * 1.5))
      this.nodes[r] = new Int32Array(cap)
      this.cumLoad[r] = new Float64Array(cap)
      this.cumDist[r] = new Float64Array(cap)
      this.D[r] = new Float64Array(cap * cap)
      this.T[r] = new Float64Array(cap * cap)
      this.E[r] = new Float64Array(cap * cap)
      this.L[r] = new Float64Array(cap * cap)
    }
    this.len[r] = len
    const nodes = this.nodes[r]
    const cap = nodes.length
    const cl = this.cumLoad[r]
    nodes[0] = 0
    nodes[W - 1] = 0
    cl[0] = 0
    for (let k = 0; k < len; k++) {
      nodes[k + 1] = seq[k]
      cl[k + 1] = cl[k] + this.demand[seq[k]]
    }
    cl[W - 1] = cl[W - 2]
    const { d, N, ready, due, service } = this.t
    const cd = this.cumDist[r]
    cd[0] = 0
    for (let k = 1; k < W; k++) cd[k] = cd[k - 1] + d[nodes[k - 1] * N + nodes[k]]
    const D = this.D[r]
    const T = this.T[r]
    const E = this.E[r]
    const L = this.L[r]
    for (let i = 0; i < W; i++) {
      const row = i * cap
      const a = nodes[i]
      let cD = service[a]
      let cT = 0
      let cE = ready[a]
      let cL = due[a]
      D[row + i] = cD
      T[row + i] = cT
      E[row + i] = cE
      L[row + i] = cL
      let last = a
      for (let j = i + 1; j < W; j++) {
        const b = nodes[j]
        const travel = d[last * N + b]
        const delta = cD - cT + travel
        const bE = ready[b]
        const bL = due[b]
        let dWait = bE - delta - cL
        if (dWait < 0) dWait = 0
        let dWarp = cE + delta - bL
        if (dWarp < 0) dWarp = 0
        cD = cD + service[b] + travel + dWait
        cT = cT + dWarp
        const e1 = bE - delta
        cE = (e1 > cE ? e1 : cE) - dWait
        const l1 = bL - delta
        cL = (l1 < cL ? l1 : cL) + dWarp
        D[row + j] = cD
        T[row + j] = cT
        E[row + j] = cE
        L[row + j] = cL
        last = b
      }
    }
  }

  /** exchange the data of routes r1 and r2 (when a route is removed by moving the last one) */
  swapRoutes(r1: number, r2: number): void {
    const sw = <X>(a: X[]): void => {
      const x = a[r1]
      a[r1] = a[r2]
      a[r2] = x
    }
    sw(this.nodes)
    sw(this.len)
    sw(this.cumLoad)
    sw(this.cumDist)
    sw(this.D)
    sw(this.T)
    sw(this.E)
    sw(this.L)
  }

  /** load of positions i..j of route r */
  load(r: number, i: number, j: number): number {
    const cl = this.cumLoad[r]
    return cl[j] - (i > 0 ? cl[i - 1] : 0)
  }

  /** travel distance within positions i..j of route r */
  dist(r: number, i: number, j: number): number {
    const cd = this.cumDist[r]
    return cd[j] - cd[i]
  }

  /** the segment i..j of route r as an object (tests, diagnostics) */
  get(r: number, i: number, j: number): TimeSeg {
    const cap = this.nodes[r].length
    const k = i * cap + j
    return { first: this.nodes[r][i], last: this.nodes[r][j], dur: this.D[r][k], tw: this.T[r][k], early: this.E[r][k], late: this.L[r][k] }
  }

  /** accumulator := segment i..j of route r */
  begin(r: number, i: number, j: number): void {
    const k = i * this.nodes[r].length + j
    this.aD = this.D[r][k]
    this.aT = this.T[r][k]
    this.aE = this.E[r][k]
    this.aL = this.L[r][k]
    this.aLast = this.nodes[r][j]
  }

  /** accumulator := accumulator ⊕ segment i..j of route r */
  seg(r: number, i: number, j: number): void {
    const nodes = this.nodes[r]
    const k = i * nodes.length + j
    this.join(nodes[i], this.D[r][k], this.T[r][k], this.E[r][k], this.L[r][k])
    this.aLast = nodes[j]
  }

  /** accumulator := accumulator ⊕ visit c */
  node(c: number): void {
    this.join(c, this.t.service[c], 0, this.t.ready[c], this.t.due[c])
    this.aLast = c
  }

  private join(first: number, bD: number, bT: number, bE: number, bL: number): void {
    const travel = this.t.d[this.aLast * this.t.N + first]
    const delta = this.aD - this.aT + travel
    let dWait = bE - delta - this.aL
    if (dWait < 0) dWait = 0
    let dWarp = this.aE + delta - bL
    if (dWarp < 0) dWarp = 0
    this.aD = this.aD + bD + travel + dWait
    this.aT = this.aT + bT + dWarp
    const e1 = bE - delta
    this.aE = (e1 > this.aE ? e1 : this.aE) - dWait
    const l1 = bL - delta
    this.aL = (l1 < this.aL ? l1 : this.aL) + dWarp
  }
}
