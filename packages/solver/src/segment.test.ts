import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { concatSeg, nodeSeg, SegmentTable, type TimeSeg, type TimingData } from './segment.js'

/** random timing data: n visits on a 100 × 100 grid, windows of random width, depot open 0..H */
const arbTiming = fc
  .record({
    n: fc.integer({ min: 1, max: 14 }),
    H: fc.integer({ min: 150, max: 600 }),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 80, maxLength: 80 }),
  })
  .map(({ n, H, seed }) => {
    const N = n + 1
    const x = new Float64Array(N)
    const y = new Float64Array(N)
    const ready = new Float64Array(N)
    const due = new Float64Array(N)
    const service = new Float64Array(N)
    const demand = new Float64Array(N)
    const pick = (k: number): number => seed[k % seed.length]
    x[0] = 50
    y[0] = 50
    due[0] = H
    for (let i = 1; i < N; i++) {
      x[i] = pick(5 * i) % 100
      y[i] = pick(5 * i + 1) % 100
      ready[i] = pick(5 * i + 2) % Math.floor(H * 0.7)
      due[i] = ready[i] + 5 + (pick(5 * i + 3) % Math.floor(H / 3))
      service[i] = pick(5 * i + 4) % 15
      demand[i] = 1 + (pick(i) % 9)
    }
    const d = new Float64Array(N * N)
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) d[i * N + j] = Math.hypot(x[i] - x[j], y[i] - y[j])
    const t: TimingData = { d, N, ready, due, service }
    return { t, n, demand }
  })

/** a random route: a permutation of a random subset of the visits */
const arbCase = arbTiming.chain((c) =>
  fc
    .shuffledSubarray(
      Array.from({ length: c.n }, (_, i) => i + 1),
      { minLength: 0, maxLength: c.n },
    )
    .chain((route) =>
      fc.record({
        route: fc.constant(route),
        cuts: fc.array(fc.integer({ min: 0, max: route.length + 1 }), { maxLength: 5 }),
      }),
    )
    .map(({ route, cuts }) => ({ ...c, route, cuts })),
)

/** full recomputation by the checker's rule: leave the depot at its opening, serve each visit as early as possible */
function forward(t: TimingData, route: number[]): { feasible: boolean; finish: number } {
  let time = t.ready[0]
  let prev = 0
  let feasible = true
  for (const c of route) {
    const start = Math.max(time + t.d[prev * t.N + c], t.ready[c])
    if (start > t.due[c] + 1e-9) feasible = false
    time = start + t.service[c]
    prev = c
  }
  const back = time + t.d[prev * t.N]
  if (back > t.due[0] + 1e-9) feasible = false
  return { feasible, finish: back }
}

/** latest start at the depot that keeps the route feasible (backward pass) */
function latestDeparture(t: TimingData, route: number[]): number {
  let z = t.due[0]
  let next = 0
  for (let k = route.length - 1; k >= 0; k--) {
    const c = route[k]
    z = Math.min(t.due[c], z - t.d[c * t.N + next] - t.service[c])
    next = c
  }
  return Math.min(t.due[0], z - t.d[next])
}

/** depot → visits → depot folded one node at a time */
function fold(t: TimingData, route: number[]): TimeSeg {
  let acc = nodeSeg(t, 0)
  for (const c of route) acc = concatSeg(t, acc, nodeSeg(t, c))
  return concatSeg(t, acc, nodeSeg(t, 0))
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))

describe('route segments (Vidal et al. concatenation)', () => {
  it('a whole route folded node by node: no time warp iff the forward pass is feasible, same finish and latest departure', () => {
    fc.assert(
      fc.property(arbCase, ({ t, route }) => {
        const seg = fold(t, route)
        const f = forward(t, route)
        expect(seg.tw <= 1e-9).toBe(f.feasible)
        if (f.feasible) {
          // leaving at the depot's opening and serving as early as possible ends at early + dur
          expect(close(seg.early + seg.dur, f.finish)).toBe(true)
          expect(close(seg.late, latestDeparture(t, route))).toBe(true)
          expect(seg.early).toBeLessThanOrEqual(seg.late + 1e-9)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('concatenation is associative: any split into segments gives the data of the whole route', () => {
    fc.assert(
      fc.property(arbCase, ({ t, route, cuts }) => {
        const nodes = [0, ...route, 0]
        const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, nodes.length - 1)), nodes.length])].sort((a, b) => a - b)
        let acc: TimeSeg | null = null
        for (let k = 0; k + 1 < bounds.length; k++) {
          const part = nodes.slice(bounds[k], bounds[k + 1])
          if (part.length === 0) continue
          let seg = nodeSeg(t, part[0])
          for (const c of part.slice(1)) seg = concatSeg(t, seg, nodeSeg(t, c))
          acc = acc === null ? seg : concatSeg(t, acc, seg)
        }
        const whole = fold(t, route)
        expect(acc).not.toBeNull()
        const a = acc as TimeSeg
        expect(close(a.dur, whole.dur) && close(a.tw, whole.tw) && close(a.early, whole.early) && close(a.late, whole.late)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('SegmentTable: every sub-segment, and moves glued from pieces of two routes, equal a full recomputation', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 1000 }), ({ t, route, demand }, r) => {
        const tab = new SegmentTable(t, demand)
        // route 0 = the random route, route 1 = the same visits reversed
        const rev = [...route].reverse()
        tab.build(0, route, route.length)
        tab.build(1, rev, rev.length)
        const nodes = [0, ...route, 0]
        for (let i = 0; i < nodes.length; i++)
          for (let j = i; j < nodes.length; j++) {
            let seg = nodeSeg(t, nodes[i])
            for (let k = i + 1; k <= j; k++) seg = concatSeg(t, seg, nodeSeg(t, nodes[k]))
            const g = tab.get(0, i, j)
            expect(close(g.dur, seg.dur) && close(g.tw, seg.tw) && close(g.early, seg.early) && close(g.late, seg.late)).toBe(true)
            expect(tab.load(0, i, j)).toBe(nodes.slice(i, j + 1).reduce((a, c) => a + demand[c], 0))
            let dist = 0
            for (let k = i; k < j; k++) dist += t.d[nodes[k] * t.N + nodes[k + 1]]
            expect(close(tab.dist(0, i, j), dist)).toBe(true)
          }
        // a 2-opt*-like move: head of route 0 up to position i, tail of route 1 from position j
        const L = route.length
        const i = r % (L + 1)
        const j = 1 + ((r * 7) % (L + 1))
        tab.begin(0, 0, i)
        tab.seg(1, j, L + 1)
        const glued = [...route.slice(0, i), ...rev.slice(j - 1)]
        const whole = fold(t, glued)
        expect(close(tab.aT, whole.tw) && close(tab.aD, whole.dur) && close(tab.aE, whole.early) && close(tab.aL, whole.late)).toBe(true)
        expect(tab.aT <= 1e-9).toBe(forward(t, glued).feasible)
        // a relocate-like move: visit inserted in the middle of route 0 with node()
        if (L >= 1) {
          const c = rev[0]
          const rest = route.filter((x) => x !== c)
          const tab2 = new SegmentTable(t, demand)
          tab2.build(0, rest, rest.length)
          const p = r % (rest.length + 1)
          tab2.begin(0, 0, p)
          tab2.node(c)
          tab2.seg(0, p + 1, rest.length + 1)
          const moved = [...rest.slice(0, p), c, ...rest.slice(p)]
          const w = fold(t, moved)
          expect(close(tab2.aT, w.tw) && close(tab2.aD, w.dur)).toBe(true)
          expect(tab2.aT <= 1e-9).toBe(forward(t, moved).feasible)
        }
      }),
      { numRuns: 300 },
    )
  })
})
