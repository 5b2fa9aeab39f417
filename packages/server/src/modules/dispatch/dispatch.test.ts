import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseShift, staffCountOfItem, travelSeconds } from '@yiyang/core'
import { checkPlan, solveProblem } from '@yiyang/solver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildProblem, greedyPlan, planFigures, type TModelCaregiver, type TModelVisit } from './dispatch.model.js'
import { evaluateRoutes, frozenKept, placements, replanState, splitRoutes, swapInsert } from './dispatch.replan.js'
import { haversineMinutes, osrmMinutes, travelMatrix } from './travel.js'

/** An OSRM table-service stand-in: answers what the test sets, records the requests. */
let server: Server
let base = ''
const seen: string[] = []
let answer: (req: IncomingMessage) => { status: number; body: unknown } = () => ({ status: 200, body: {} })
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '')
    const a = answer(req)
    res.writeHead(a.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(a.body))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const pts = [
  { lat: 38.9255, lng: 100.4498 },
  { lat: 38.9355, lng: 100.4598 },
  { lat: 38.9155, lng: 100.4398 },
]

describe('OSRM adapter (travel times)', () => {
  it('asks the table service with lng,lat in WGS-84 and the profile, and converts seconds to minutes', async () => {
    answer = () => ({
      status: 200,
      body: {
        code: 'Ok',
        durations: [
          [0, 120, 240],
          [130, 0, 360],
          [250, 370, 0],
        ],
      },
    })
    seen.length = 0
    const m = await osrmMinutes({ url: `${base}/`, profile: 'bike' }, pts)
    expect(seen[0]).toBe('/table/v1/bike/100.449800,38.925500;100.459800,38.935500;100.439800,38.915500?annotations=duration')
    expect(m).toEqual([
      [0, 2, 4],
      [130 / 60, 0, 6],
      [250 / 60, 370 / 60, 0],
    ])
    expect((await travelMatrix({ url: base, profile: 'car' }, pts)).source).toBe('osrm')
    expect(seen[1]).toMatch(/^\/table\/v1\/car\//)
  })

  it('falls back to the haversine time for pairs it cannot route', async () => {
    answer = () => ({
      status: 200,
      body: {
        code: 'Ok',
        durations: [
          [0, null, 240],
          [130, 0, 360],
          [250, 370, 0],
        ],
      },
    })
    const m = (await osrmMinutes({ url: base, profile: 'bike' }, pts))!
    expect(m[0]![1]).toBeCloseTo(travelSeconds(pts[0]!, pts[1]!, 'ebike') / 60, 6)
    expect(m[0]![2]).toBe(4)
  })

  it('an error, a wrong code or a malformed answer means the haversine model (no routing engine)', async () => {
    answer = () => ({ status: 500, body: { message: 'boom' } })
    expect(await osrmMinutes({ url: base, profile: 'bike' }, pts)).toBeNull()
    answer = () => ({ status: 200, body: { code: 'InvalidQuery', message: 'x' } })
    expect(await osrmMinutes({ url: base, profile: 'bike' }, pts)).toBeNull()
    answer = () => ({ status: 200, body: { code: 'Ok', durations: [[0]] } })
    expect(await travelMatrix({ url: base, profile: 'bike' }, pts)).toEqual({ source: 'haversine', matrix: null })
    // Unset: never asked.
    seen.length = 0
    expect(await travelMatrix({ profile: 'bike' }, pts)).toEqual({ source: 'haversine', matrix: null })
    expect(seen).toHaveLength(0)
    expect(haversineMinutes(pts)[0]![0]).toBe(0)
  })
})

describe('dispatch rules (core)', () => {
  it('reads shifts from the caregiver record’s text', () => {
    expect(parseShift('上午班 8:00-12:00')).toEqual({ start: 480, end: 720 })
    expect(parseShift('下午班 13:00—17:30')).toEqual({ start: 780, end: 1050 })
    expect(parseShift('08:00至18:00')).toEqual({ start: 480, end: 1080 })
    expect(parseShift('夜班 22:00-06:00')).toBeNull()
    expect(parseShift('全天')).toBeNull()
    expect(parseShift(null)).toBeNull()
  })
  it('double staffing comes from the item’s standard', () => {
    expect(staffCountOfItem({ standard: '两名护理员服务，水温38—42℃', name: '上门助浴' })).toBe(2)
    expect(staffCountOfItem({ standard: '防滑、扶手', name: '社区助浴点助浴' })).toBe(1)
  })
})

// A small day: 12 visits, 4 caregivers of one provider.
const P = '00000000-0000-4000-8000-00000000000a'
const visits: TModelVisit[] = Array.from({ length: 12 }, (_, i) => ({
  orderId: `v${i}`,
  orderNo: `GD${i}`,
  elderName: '张*',
  itemName: i % 4 === 3 ? '上门助浴' : '居家保洁',
  skill: i % 4 === 3 ? 'bath' : 'cleaning',
  address: null,
  lat: 38.92 + ((i * 7) % 10) * 0.003,
  lng: 100.44 + ((i * 3) % 10) * 0.003,
  providerId: P,
  staffCount: i % 4 === 3 ? 2 : 1,
  minutes: 45,
  requested: 8 * 60 + ((i * 41) % 8) * 60,
  urgent: false,
}))
const caregivers: TModelCaregiver[] = Array.from({ length: 4 }, (_, k) => ({
  id: `c${k}`,
  name: `护理员${k}`,
  providerId: P,
  skills: k < 3 ? ['cleaning', 'bath'] : ['cleaning'],
  shift: { start: 8 * 60, end: 18 * 60 },
  home: { lat: 38.925 + k * 0.002, lng: 100.445 },
}))

describe('dispatch model, greedy baseline and re-planning', () => {
  const problem = buildProblem(visits, caregivers, null)
  const plan = solveProblem(problem, { timeLimitMs: 2000, maxIterations: 300, seed: 1 })

  it('the greedy baseline and the solver’s plan are both feasible for the checker', () => {
    expect(checkPlan(problem, plan).feasible).toBe(true)
    const g = greedyPlan(problem)
    const gc = checkPlan(problem, g)
    expect(gc.errors).toEqual([])
    const f = planFigures(problem, plan)
    const fg = planFigures(problem, g)
    expect(f.visits + f.unassigned).toBe(12)
    expect(fg.visits + fg.unassigned).toBe(12)
    expect(f.travelSeconds).toBeLessThanOrEqual(fg.travelSeconds)
  })

  it('evaluates given routes exactly, and refuses routes that cannot be kept', () => {
    const { locked, initial } = splitRoutes(plan, { locks: new Set(), started: new Set(), now: null })
    const same = evaluateRoutes(problem, locked, initial)
    expect(same).not.toBeNull()
    // A bath visit on the caregiver without the bath skill cannot be kept.
    const moved = structuredClone(initial)
    for (const k of Object.keys(moved)) moved[k] = moved[k]!.filter((r) => !(r.visitId === 'v3' && r.part === 0))
    moved['c3'] = [{ visitId: 'v3', part: 0 }, ...(moved['c3'] ?? [])]
    expect(evaluateRoutes(problem, locked, moved)).toBeNull()
  })

  it('an urgent visit goes in without moving locked visits', async () => {
    const lockedIds = new Set(plan.routes.flatMap((r) => r.stops.slice(0, 2).flatMap((s) => (s.kind === 'visit' ? [s.visitId] : []))))
    const urgent: TModelVisit = { ...visits[0]!, orderId: 'u1', requested: 11 * 60, urgent: true }
    const p2 = buildProblem([...visits, urgent], caregivers, null)
    const res = await replanState(p2, plan, { locks: lockedIds, started: new Set(), now: null }, { search: 0 })
    expect(res.plan.unassigned.some((u) => u.visitId === 'u1')).toBe(false)
    expect(frozenKept(plan, res.plan, res.frozenVisits)).toBe(true)
    expect(checkPlan(p2, res.plan).feasible).toBe(true)
  })
})

describe('urgent insertion into a full day (local repair)', () => {
  // Two caregivers, three hours each, more visits than fit: nothing goes in as the day stands.
  const day: TModelVisit[] = Array.from({ length: 9 }, (_, i) => ({
    ...visits[0]!,
    itemName: '居家保洁',
    skill: 'cleaning',
    staffCount: 1,
    orderId: `f${i}`,
    lat: 38.92 + (i % 3) * 0.004,
    lng: 100.44 + Math.floor(i / 3) * 0.004,
    requested: 8 * 60 + (i % 5) * 30,
  }))
  const two = caregivers.slice(0, 2).map((c) => ({ ...c, shift: { start: 8 * 60, end: 11 * 60 } }))
  const problem = buildProblem(day, two, null)
  const plan = solveProblem(problem, { timeLimitMs: 2000, maxIterations: 300, seed: 1 })
  const urgent: TModelVisit = { ...day[4]!, orderId: 'u', requested: 9 * 60, urgent: true }
  const p2 = buildProblem([...day, urgent], two, null)

  it('takes the place of one ordinary visit; nothing else changes caregiver; started visits stay', async () => {
    const first = plan.routes.find((r) => r.stops.some((s) => s.kind === 'visit'))!.stops.find((s) => s.kind === 'visit')!
    const started = new Set([first.kind === 'visit' ? first.visitId : ''])
    const f = { locks: new Set<string>(), started, now: null }
    const cheap = await replanState(p2, plan, f, { search: 0 })
    expect(cheap.plan.unassigned.some((u) => u.visitId === 'u')).toBe(true)
    const out = swapInsert(p2, plan, f, 'u', { tries: 6, budgetMs: 10_000 })!
    expect(out).not.toBeNull()
    expect(checkPlan(p2, out).feasible).toBe(true)
    const was = placements(plan)
    const now = placements(out)
    expect(now.has('u#0')).toBe(true)
    const changed = [...was].filter(([k, p]) => now.get(k)?.caregiverId !== p.caregiverId)
    expect(changed.length).toBeLessThanOrEqual(1)
    expect(frozenKept(plan, out, splitRoutes(plan, f).frozenVisits)).toBe(true)
  })
})
