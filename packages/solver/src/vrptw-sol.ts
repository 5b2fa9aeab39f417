/** Solution representation of the VRPTW engine (shared by the search and the local search). */
export const EPS = 1e-9

/** a VRPTW solution: routes as typed arrays, earliest/latest starts, positions, unassigned */
export class Sol {
  nr = 0
  nun = 0
  readonly seq: Int32Array[]
  readonly len: Int32Array
  readonly load: Float64Array
  readonly rd: Float64Array
  readonly es: Float64Array
  readonly ls: Float64Array
  readonly rof: Int32Array
  readonly pof: Int32Array
  readonly un: Int32Array
  constructor(N: number, maxR: number) {
    this.seq = []
    for (let r = 0; r < maxR; r++) this.seq.push(new Int32Array(N))
    this.len = new Int32Array(maxR)
    this.load = new Float64Array(maxR)
    this.rd = new Float64Array(maxR)
    this.es = new Float64Array(N)
    this.ls = new Float64Array(N)
    this.rof = new Int32Array(N).fill(-1)
    this.pof = new Int32Array(N)
    this.un = new Int32Array(N)
  }
  copyFrom(o: Sol): void {
    this.nr = o.nr
    for (let r = 0; r < o.nr; r++) {
      const L = o.len[r]
      this.seq[r].set(o.seq[r].subarray(0, L))
      this.len[r] = L
      this.load[r] = o.load[r]
      this.rd[r] = o.rd[r]
    }
    this.es.set(o.es)
    this.ls.set(o.ls)
    this.rof.set(o.rof)
    this.pof.set(o.pof)
    this.nun = o.nun
    this.un.set(o.un.subarray(0, o.nun))
  }
  total(): number {
    let t = 0
    for (let r = 0; r < this.nr; r++) t += this.rd[r]
    return t
  }
}
