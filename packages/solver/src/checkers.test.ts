import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'
import { parseSolomon, parseSintefRoutes } from './solomon.js'
import { checkSolomon } from './check-solomon.js'
import { parseHhc } from './hhc.js'
import { checkHhc } from './check-hhc.js'

// The published data sits beside the checkout (../shared/bench) or where YIYANG_BENCH_DIR says.
const bench = process.env.YIYANG_BENCH_DIR ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/bench')
const haveBench = existsSync(join(bench, 'solomon', 'bks.json'))

const tiny = `TINY

VEHICLE
NUMBER     CAPACITY
  2         12

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME
 
    0      0         0          0          0       100          0
    1      3         4          6          0        20          2
    2      6         8          6         10        30          2
    3      0         5          3          0        12          1
`

describe('Solomon checker', () => {
  const inst = parseSolomon(tiny.replace(/\n/g, '\r\n'))
  it('parses CRLF files with blank and single-space lines', () => {
    expect(inst.n).toBe(3)
    expect(inst.vehicles).toBe(2)
    expect(inst.capacity).toBe(12)
  })
  it('accepts a feasible solution and computes the unrounded distance', () => {
    const c = checkSolomon(inst, [[1, 2], [3]])
    expect(c.errors).toEqual([])
    expect(c.vehicles).toBe(2)
    expect(c.distance).toBeCloseTo(5 + 5 + 10 + 10, 9)
  })
  it('catches a late arrival', () => {
    // 0 -> 2 (t=10, start 10, leave 12) -> 1 (arrive 17 ... ok) then 3 arrives late
    const c = checkSolomon(inst, [[2, 1, 3]])
    expect(c.feasible).toBe(false)
    expect(c.errors.join()).toMatch(/after due date/)
  })
  it('catches over capacity', () => {
    const c = checkSolomon(inst, [[3, 1, 2]])
    expect(c.errors.join()).toMatch(/over capacity/)
  })
  it('catches missing and duplicated customers', () => {
    expect(checkSolomon(inst, [[1, 2]]).errors.join()).toMatch(/customer 3 not visited/)
    expect(
      checkSolomon(inst, [
        [1, 2],
        [3, 1],
      ]).errors.join(),
    ).toMatch(/visited 2 times/)
  })
  it('catches a return after the depot closes', () => {
    const late = parseSolomon(tiny.replace('0       100          0', '0        21          0'))
    const c = checkSolomon(late, [[1, 2], [3]])
    expect(c.errors.join()).toMatch(/back at depot/)
  })
  it('catches too many vehicles', () => {
    expect(checkSolomon(inst, [[1], [2], [3]]).errors.join()).toMatch(/only 2 available/)
  })
})

describe.skipIf(!haveBench)('published solutions pass the checkers', () => {
  it('all 49 Solomon route files: feasible, vehicles and distance equal bks.json', () => {
    const bks = JSON.parse(readFileSync(join(bench, 'solomon', 'bks.json'), 'utf8'))
    const files = readdirSync(join(bench, 'solomon', 'solutions')).filter((f) => f.endsWith('.sol'))
    expect(files.length).toBe(49)
    for (const f of files) {
      const name = f.replace('.sol', '')
      const inst = parseSolomon(readFileSync(join(bench, 'solomon', `${name}.txt`), 'utf8'))
      const routes = parseSintefRoutes(readFileSync(join(bench, 'solomon', 'solutions', f), 'utf8'))
      const c = checkSolomon(inst, routes, 1e-9)
      expect(c.errors, name).toEqual([])
      expect(c.vehicles, name).toBe(bks[name].vehicles)
      expect(Math.abs(c.distance - bks[name].checked_distance), name).toBeLessThan(1e-4)
    }
  })
  it('all 20 home-care solutions: feasible, values equal bks.json', () => {
    const bks = JSON.parse(readFileSync(join(bench, 'hhc', 'bks.json'), 'utf8'))
    for (const name of Object.keys(bks)) {
      const inst = parseHhc(JSON.parse(readFileSync(join(bench, 'hhc', 'instances', `${name}.json`), 'utf8')))
      const sol = JSON.parse(readFileSync(join(bench, 'hhc', bks[name].solution), 'utf8'))
      const c = checkHhc(inst, sol)
      expect(c.errors, name).toEqual([])
      expect(Math.abs(c.cost - bks[name].cost), name).toBeLessThan(1e-3)
      expect(Math.abs(c.distance - bks[name].distance), name).toBeLessThan(1e-3)
      expect(Math.abs(c.totalTardiness - bks[name].total_tardiness), name).toBeLessThan(1e-3)
      expect(Math.abs(c.maxTardiness - bks[name].max_tardiness), name).toBeLessThan(1e-3)
    }
  })
  it('home-care checker catches a wrong skill, broken synchronisation, a missing visit and an early start', () => {
    const bks = JSON.parse(readFileSync(join(bench, 'hhc', 'bks.json'), 'utf8'))
    const name = 'InstanzCPLEX_HCSRP_10_1'
    const inst = parseHhc(JSON.parse(readFileSync(join(bench, 'hhc', 'instances', `${name}.json`), 'utf8')))
    const fresh = () => JSON.parse(readFileSync(join(bench, 'hhc', bks[name].solution), 'utf8'))
    // wrong skill: give c2's visits to a caregiver lacking the service
    {
      const sol = fresh()
      const r = sol.routes.find((x: { locations?: unknown[] }) => x.locations && x.locations.length > 0)
      const other = inst.caregivers.find((c) => !c.abilities.includes(r.locations[0].service))!
      const o = sol.routes.find((x: { caregiver_id: string }) => x.caregiver_id === other.id)
      const tmp = o.locations
      o.locations = r.locations
      r.locations = tmp
      expect(checkHhc(inst, sol).errors.join()).toMatch(/lacks skill/)
    }
    // broken synchronisation: shift one part of the simultaneous visit p8
    {
      const sol = fresh()
      for (const r of sol.routes) for (const l of r.locations ?? []) if (l.patient === 'p8' && l.service === 's6') l.arrival_time += 1
      expect(checkHhc(inst, sol).errors.join()).toMatch(/simultaneous/)
    }
    {
      // the repository's documentation names the keys patient_id / service_id: accepted too
      const sol = fresh()
      for (const r of sol.routes)
        r.locations = (r.locations ?? []).map((l: { patient: string; service: string }) => {
          const { patient, service, ...rest } = l
          return { ...rest, patient_id: patient, service_id: service }
        })
      const c = checkHhc(inst, sol)
      expect(c.errors).toEqual([])
      expect(Math.abs(c.cost - bks[name].cost)).toBeLessThan(1e-3)
    }
    {
      const sol = fresh()
      const r = sol.routes.find((x: { locations?: unknown[] }) => x.locations && x.locations.length > 1)
      r.locations.pop()
      expect(checkHhc(inst, sol).errors.join()).toMatch(/not performed/)
    }
    {
      const sol = fresh()
      const r = sol.routes.find((x: { locations?: unknown[] }) => x.locations && x.locations.length > 0)
      r.locations[0].arrival_time = 0
      expect(checkHhc(inst, sol).feasible).toBe(false)
    }
  })
})
