/** Deterministic generator of street-day problems for the scale and re-plan benches (pure). */
import { Rng } from './rng.js'
import type { Caregiver, Problem, Visit } from './model.js'

export interface StreetDayOptions {
  visits: number
  caregivers: number
  /** share of double-staffed visits (0..1) */
  doubleShare: number
  seed?: number
}

/** A district of about 4 × 4 km (lat/lon, haversine with detour 1.3 at 25 km/h), times in minutes from midnight. */
export function generateStreetDay(o: StreetDayOptions): Problem {
  const rng = new Rng(o.seed ?? 7)
  const lat0 = 28.2
  const lon0 = 112.93
  const locations: Array<{ lat: number; lon: number }> = []
  const nDepots = 3
  for (let i = 0; i < nDepots; i++) locations.push({ lat: lat0 + 0.012 + 0.012 * i, lon: lon0 + 0.02 })
  const skills = ['basic', 'nursing', 'rehab']
  const caregivers: Caregiver[] = []
  const shifts: Array<[number, number]> = [
    [7 * 60, 17 * 60],
    [8 * 60, 18 * 60],
    [10 * 60, 20 * 60],
  ]
  for (let c = 0; c < o.caregivers; c++) {
    const sk = ['basic']
    if (c % 10 < 4) sk.push('nursing')
    if (c % 10 >= 7) sk.push('rehab')
    const sh = shifts[c % 3]
    const home = c % nDepots
    caregivers.push({
      id: `cg${c + 1}`,
      skills: sk,
      start: home,
      end: home,
      shift: sh,
      capacity: 100,
      ...(c % 2 === 0 ? { break: { window: [sh[0] + 240, sh[0] + 330] as [number, number], duration: 30 } } : {}),
    })
  }
  const visits: Visit[] = []
  for (let v = 0; v < o.visits; v++) {
    // clustered homes (residential compounds)
    const cl = rng.int(25)
    const clat = lat0 + 0.036 * ((cl * 0.618) % 1)
    const clon = lon0 + 0.04 * ((cl * 0.381) % 1)
    locations.push({ lat: clat + (rng.next() - 0.5) * 0.006, lon: clon + (rng.next() - 0.5) * 0.006 })
    const r = rng.next()
    const skill = r < 0.7 ? 'basic' : r < 0.9 ? 'nursing' : 'rehab'
    const dur = [15, 20, 30][rng.int(3)]
    const wide = rng.next() < 0.4
    const open = 8 * 60 + rng.int(wide ? 7 * 60 : 9 * 60)
    const close = open + (wide ? 240 : 120)
    const dbl = rng.next() < o.doubleShare
    const vis: Visit = {
      id: `v${v + 1}`,
      location: locations.length - 1,
      duration: dur,
      window: [open, close],
      demand: 1,
      priority: rng.next() < 0.1 ? 2 : 0,
    }
    if (dbl) {
      vis.staff = [{ skills: [skill] }, { skills: ['basic'] }]
      vis.sync = rng.next() < 0.7 ? { type: 'simultaneous' } : { type: 'sequential', minGap: 0, maxGap: 60 }
    } else vis.skills = [skill]
    visits.push(vis)
  }
  void skills
  return { locations, travel: { kind: 'haversine', detourFactor: 1.3, speedKmh: 25 }, visits, caregivers }
}
