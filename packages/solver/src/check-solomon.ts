/** Independent Solomon VRPTW checker (rules of shared/bench/README.md). */
import type { VrptwInstance } from './solomon.js'

export interface SolomonCheck {
  feasible: boolean
  vehicles: number
  distance: number
  errors: string[]
}

export function checkSolomon(inst: VrptwInstance, routes: number[][], tol = 1e-6): SolomonCheck {
  const errors: string[] = []
  const seen = new Int32Array(inst.n + 1)
  const dist = (i: number, j: number): number => Math.hypot(inst.x[i] - inst.x[j], inst.y[i] - inst.y[j])
  let distance = 0
  let vehicles = 0
  routes.forEach((route, ri) => {
    if (!Array.isArray(route) || route.length === 0) {
      if (Array.isArray(route)) return // empty route: not a vehicle
      errors.push(`route ${ri + 1}: not a list`)
      return
    }
    vehicles++
    let t = inst.ready[0]
    let prev = 0
    let load = 0
    for (const c of route) {
      if (!Number.isInteger(c) || c < 1 || c > inst.n) {
        errors.push(`route ${ri + 1}: unknown customer ${String(c)}`)
        return
      }
      seen[c]++
      const arrive = t + dist(prev, c)
      distance += dist(prev, c)
      const start = Math.max(arrive, inst.ready[c])
      if (start > inst.due[c] + tol) errors.push(`route ${ri + 1}: customer ${c} served at ${start.toFixed(4)} after due date ${inst.due[c]}`)
      load += inst.demand[c]
      t = start + inst.service[c]
      prev = c
    }
    distance += dist(prev, 0)
    const back = t + dist(prev, 0)
    if (back > inst.due[0] + tol) errors.push(`route ${ri + 1}: back at depot at ${back.toFixed(4)} after ${inst.due[0]}`)
    if (load > inst.capacity + tol) errors.push(`route ${ri + 1}: load ${load} over capacity ${inst.capacity}`)
  })
  for (let c = 1; c <= inst.n; c++) {
    if (seen[c] === 0) errors.push(`customer ${c} not visited`)
    else if (seen[c] > 1) errors.push(`customer ${c} visited ${seen[c]} times`)
  }
  if (vehicles > inst.vehicles) errors.push(`${vehicles} vehicles used, only ${inst.vehicles} available`)
  return { feasible: errors.length === 0, vehicles, distance, errors }
}
