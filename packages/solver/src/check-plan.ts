/** Independent checker for plans of the general model (skills, shifts, breaks, windows, capacity, synchronisation). */
import { buildMatrices } from './engine.js'
import type { Plan, Problem } from './model.js'

export interface PlanCheck {
  feasible: boolean
  errors: string[]
  distance: number
  totalLateness: number
  maxLateness: number
}

export function checkPlan(problem: Problem, plan: Plan, tol = 1e-6): PlanCheck {
  const errors: string[] = []
  const { L, tt, dd } = buildMatrices(problem)
  const visits = new Map(problem.visits.map((v) => [v.id, v]))
  const cgs = new Map(problem.caregivers.map((c) => [c.id, c]))
  const starts = new Map<string, { start: number; cg: string }>()
  let distance = 0
  let total = 0
  let tmax = 0
  const seenCg = new Set<string>()
  for (const r of plan.routes) {
    const c = cgs.get(r.caregiverId)
    if (!c) {
      errors.push(`unknown caregiver ${r.caregiverId}`)
      continue
    }
    if (seenCg.has(c.id)) errors.push(`caregiver ${c.id} has two routes`)
    seenCg.add(c.id)
    if (r.stops.length === 0) continue
    const skills = new Set(c.skills)
    let loc = c.start
    let t = c.shift[0]
    let load = 0
    let breaks = 0
    for (const s of r.stops) {
      if (s.kind === 'break') {
        breaks++
        if (!c.break) {
          errors.push(`caregiver ${c.id} takes a break it does not have`)
          continue
        }
        if (s.start < t - tol) errors.push(`caregiver ${c.id}: break at ${s.start} overlaps the previous stop (free at ${t})`)
        if (s.start < c.break.window[0] - tol || s.start > c.break.window[1] + tol)
          errors.push(`caregiver ${c.id}: break at ${s.start} outside [${c.break.window[0]}, ${c.break.window[1]}]`)
        t = s.start + c.break.duration
        continue
      }
      const v = visits.get(s.visitId)
      if (!v) {
        errors.push(`caregiver ${c.id}: unknown visit ${s.visitId}`)
        continue
      }
      const parts = v.staff && v.staff.length > 0 ? v.staff : [{ skills: v.skills, duration: v.duration }]
      const part = parts[s.part]
      if (!part) {
        errors.push(`caregiver ${c.id}: visit ${v.id} has no part ${s.part}`)
        continue
      }
      const key = `${v.id}#${s.part}`
      if (starts.has(key)) errors.push(`visit ${v.id} part ${s.part} planned twice`)
      starts.set(key, { start: s.start, cg: c.id })
      for (const k of part.skills ?? (s.part === 0 && !v.staff ? (v.skills ?? []) : []))
        if (!skills.has(k)) errors.push(`caregiver ${c.id} lacks skill ${k} for visit ${v.id}`)
      if (v.location < 0 || v.location >= L) {
        errors.push(`visit ${v.id}: bad location`)
        continue
      }
      const arrive = t + tt[loc * L + v.location]
      distance += dd[loc * L + v.location]
      if (s.start < arrive - tol) errors.push(`caregiver ${c.id}: visit ${v.id} starts at ${s.start} before arriving at ${arrive}`)
      if (v.window && s.start < v.window[0] - tol)
        errors.push(`caregiver ${c.id}: visit ${v.id} starts at ${s.start} before its window opens at ${v.window[0]}`)
      const late = v.window ? Math.max(0, s.start - v.window[1]) : 0
      if (late > tol) {
        if (v.windowMode === 'soft') {
          total += (v.latenessPenalty ?? 1) * late
          tmax = Math.max(tmax, late)
        } else errors.push(`caregiver ${c.id}: visit ${v.id} starts at ${s.start} after its window closes at ${v.window![1]}`)
      }
      if (s.part === 0) load += v.demand ?? 0
      t = s.start + (part.duration ?? v.duration)
      loc = v.location
    }
    const end = c.end ?? c.start
    distance += dd[loc * L + end]
    const back = t + tt[loc * L + end]
    if (back > c.shift[1] + tol) errors.push(`caregiver ${c.id}: back at ${back.toFixed(2)} after the shift ends at ${c.shift[1]}`)
    if (load > (c.capacity ?? Infinity) + tol) errors.push(`caregiver ${c.id}: load ${load} over capacity ${c.capacity}`)
    if (c.break && breaks !== 1 && r.stops.some((s) => s.kind === 'visit')) errors.push(`caregiver ${c.id}: break missing`)
  }
  const unassigned = new Set<string>()
  for (const u of plan.unassigned) {
    if (!visits.has(u.visitId)) errors.push(`unassigned list names unknown visit ${u.visitId}`)
    if (unassigned.has(u.visitId)) errors.push(`visit ${u.visitId} listed twice as unassigned`)
    if (!u.reason) errors.push(`visit ${u.visitId} unassigned without a reason`)
    unassigned.add(u.visitId)
  }
  for (const v of problem.visits) {
    const n = v.staff && v.staff.length > 0 ? v.staff.length : 1
    const got = Array.from({ length: n }, (_, k) => starts.get(`${v.id}#${k}`))
    const cnt = got.filter(Boolean).length
    if (unassigned.has(v.id)) {
      if (cnt > 0) errors.push(`visit ${v.id} is both planned and unassigned`)
      continue
    }
    if (cnt < n) {
      errors.push(`visit ${v.id} is missing (neither planned nor reported unassigned)`)
      continue
    }
    if (n === 2) {
      const [a, b] = got as Array<{ start: number; cg: string }>
      if (a.cg === b.cg && (!v.sync || v.sync.type === 'simultaneous')) errors.push(`visit ${v.id}: both parts by caregiver ${a.cg}`)
      if (!v.sync || v.sync.type === 'simultaneous') {
        if (Math.abs(a.start - b.start) > tol) errors.push(`visit ${v.id}: simultaneous parts start at ${a.start} and ${b.start}`)
      } else {
        const g = b.start - a.start
        if (g < v.sync.minGap - tol || g > v.sync.maxGap + tol) errors.push(`visit ${v.id}: gap ${g} outside [${v.sync.minGap}, ${v.sync.maxGap}]`)
      }
    }
  }
  return { feasible: errors.length === 0, errors, distance, totalLateness: total, maxLateness: tmax }
}
