/** Solomon / Gehring–Homberger VRPTW text format (pure parsing, no I/O). */

export interface VrptwInstance {
  name: string
  /** number of customers (nodes 1..n); node 0 is the depot */
  n: number
  /** vehicles available */
  vehicles: number
  capacity: number
  x: Float64Array
  y: Float64Array
  demand: Float64Array
  ready: Float64Array
  due: Float64Array
  service: Float64Array
}

export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

export function parseSolomon(text: string): VrptwInstance {
  const lines = text.split(/\r?\n|\r/)
  let name = ''
  let state = 0 // 0 header, 1 after VEHICLE, 2 after CUSTOMER
  let vehicles = -1
  let capacity = -1
  const rows: number[][] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '') continue
    if (!name && state === 0 && !/^VEHICLE/i.test(line)) {
      name = line
      continue
    }
    if (/^VEHICLE/i.test(line)) {
      state = 1
      continue
    }
    if (/^CUSTOMER/i.test(line)) {
      state = 2
      continue
    }
    const parts = line.split(/\s+/)
    const nums = parts.map(Number)
    const allNum = nums.every((v) => Number.isFinite(v)) && parts.every((p) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(p))
    if (state === 1 && allNum && nums.length === 2 && vehicles < 0) {
      vehicles = nums[0]
      capacity = nums[1]
    } else if (state === 2 && allNum && nums.length >= 7) {
      rows.push(nums)
    }
  }
  if (vehicles < 0 || capacity < 0) throw new InputError('not a Solomon file: no VEHICLE section with NUMBER and CAPACITY')
  if (rows.length < 2) throw new InputError('not a Solomon file: CUSTOMER section has no customers')
  if (!Number.isInteger(vehicles) || vehicles < 1) throw new InputError(`invalid vehicle number ${vehicles}`)
  if (!(capacity >= 0)) throw new InputError(`invalid capacity ${capacity}`)
  const N = rows.length
  const x = new Float64Array(N)
  const y = new Float64Array(N)
  const demand = new Float64Array(N)
  const ready = new Float64Array(N)
  const due = new Float64Array(N)
  const service = new Float64Array(N)
  for (let i = 0; i < N; i++) {
    const r = rows[i]
    if (r[0] !== i) throw new InputError(`customer numbers must be 0..${N - 1} in order; found ${r[0]} at row ${i}`)
    x[i] = r[1]
    y[i] = r[2]
    demand[i] = r[3]
    ready[i] = r[4]
    due[i] = r[5]
    service[i] = r[6]
    if (r[5] < r[4]) throw new InputError(`customer ${i}: due date ${r[5]} before ready time ${r[4]}`)
    if (r[3] < 0 || r[6] < 0) throw new InputError(`customer ${i}: negative demand or service time`)
  }
  return { name: name || 'unnamed', n: N - 1, vehicles, capacity, x, y, demand, ready, due, service }
}

export function euclid(inst: VrptwInstance, i: number, j: number): number {
  const dx = inst.x[i] - inst.x[j]
  const dy = inst.y[i] - inst.y[j]
  return Math.sqrt(dx * dx + dy * dy)
}

/** Parse a SINTEF-style route file: lines `Route k : c1 c2 ...`. */
export function parseSintefRoutes(text: string): number[][] {
  const routes: number[][] = []
  for (const raw of text.split(/\r?\n|\r/)) {
    const m = /^\s*Route\s+\d+\s*:(.*)$/i.exec(raw)
    if (!m) continue
    const r = m[1].trim()
    routes.push(r === '' ? [] : r.split(/\s+/).map(Number))
  }
  return routes
}
