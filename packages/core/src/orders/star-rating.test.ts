import { describe, expect, it } from 'vitest'
import { availableActions, terminalStatuses } from '../flow.js'
import { complaintFlow, complaintStatuses, isComplaintOverdue } from './complaint-flow.js'
import { computeStarRating, type TStarFacts } from './star-rating.js'

const facts = (f: Partial<TStarFacts>): TStarFacts => ({ completedOrders: 0, ratings: [], upheldComplaints: 0, checkIns: [], caregivers: [], ...f })
const late = (n: number, lateN: number) => Array.from({ length: n }, (_, i) => ({ late: i < lateN }))
const certs = (n: number, certified: number) => Array.from({ length: n }, (_, i) => ({ certified: i < certified }))

describe('star rating (等级评定), hand-computed', () => {
  it('a full month: every indicator counts', () => {
    // 40 orders → volume 40/50 = 0.8; 20 ratings, 18 satisfied → 0.9; 1 upheld / 40 = 2.5 % → 1 − 0.25 = 0.75;
    // 40 check-ins, 2 late → 0.95; 5 caregivers, 4 certified → 0.8.
    // total = (10×0.8 + 30×0.9 + 20×0.75 + 20×0.95 + 20×0.8) / 100 × 100 = 8 + 27 + 15 + 19 + 16 = 85 → 4 stars.
    const r = computeStarRating(
      facts({ completedOrders: 40, ratings: [...Array(18).fill(5), 3, 2], upheldComplaints: 1, checkIns: late(40, 2), caregivers: certs(5, 4) }),
    )
    expect(r.total).toBe(85)
    expect(r.stars).toBe(4)
    expect(r.cap).toBeNull()
    expect(r.indicators.map((i) => [i.key, i.numerator, i.denominator, i.score])).toEqual([
      ['volume', 40, 50, 0.8],
      ['satisfaction', 18, 20, 0.9],
      ['complaints', 1, 40, 0.75],
      ['onTime', 38, 40, 0.95],
      ['certified', 4, 5, 0.8],
    ])
    expect(r.indicators[2]!.explanation).toBe('投诉成立 1 件，完成 40 单，投诉率 2.5%（每 1% 扣 10 分）')
  })

  it('an indicator with nothing to count is left out and the others are re-weighted', () => {
    // 60 orders → volume 1; no ratings (left out); 0 upheld → 1; 60 on time → 1; 2 of 2 certified → 1.
    // total = (10 + 20 + 20 + 20) / 70 × 100 = 100 → 5 stars.
    const r = computeStarRating(facts({ completedOrders: 60, checkIns: late(60, 0), caregivers: certs(2, 2) }))
    expect(r.total).toBe(100)
    expect(r.stars).toBe(5)
    expect(r.indicators[1]!.score).toBeNull()
    expect(r.indicators[1]!.explanation).toMatch(/不计入/)
  })

  it('a complaint rate of 10 % or more scores nothing there; thresholds fall to 1 star', () => {
    // 20 orders → 0.4; ratings 1,2,3,4 → 1/4 = 0.25; 3 upheld / 20 = 15 % → 0; 20 check-ins, 10 late → 0.5; 4 caregivers, 1 certified → 0.25.
    // total = 4 + 7.5 + 0 + 10 + 5 = 26.5 → 1 star.
    const r = computeStarRating(facts({ completedOrders: 20, ratings: [1, 2, 3, 4], upheldComplaints: 3, checkIns: late(20, 10), caregivers: certs(4, 1) }))
    expect(r.total).toBe(26.5)
    expect(r.stars).toBe(1)
  })

  it('fewer than 10 completed orders caps the rating at 3 stars, and says why', () => {
    // 5 orders → 0.1; 5 ratings all 5 → 1; 0 upheld → 1; 5 on time → 1; 1 of 1 certified → 1.
    // total = 1 + 30 + 20 + 20 + 20 = 91 → 5 stars, capped at 3.
    const r = computeStarRating(facts({ completedOrders: 5, ratings: [5, 5, 5, 5, 5], checkIns: late(5, 0), caregivers: certs(1, 1) }))
    expect(r.total).toBe(91)
    expect(r.stars).toBe(3)
    expect(r.cap).toMatch(/不足 10 单/)
  })

  it('nothing at all gives the lowest rating, not an error', () => {
    const r = computeStarRating(facts({}))
    expect(r).toMatchObject({ total: 0, stars: 1 })
  })
})

describe('complaint flow', () => {
  it('lodged → investigating → upheld | dismissed, nothing else', () => {
    expect(availableActions(complaintFlow, 'lodged')).toEqual(['investigate'])
    expect(availableActions(complaintFlow, 'investigating')).toEqual(['uphold', 'dismiss'])
    expect(terminalStatuses(complaintFlow, complaintStatuses).sort()).toEqual(['dismissed', 'upheld'])
  })
  it('overdue only while open and after the due day', () => {
    expect(isComplaintOverdue({ status: 'lodged', dueOn: '2026-03-05' }, '2026-03-05')).toBe(false)
    expect(isComplaintOverdue({ status: 'investigating', dueOn: '2026-03-05' }, '2026-03-06')).toBe(true)
    expect(isComplaintOverdue({ status: 'upheld', dueOn: '2026-03-05' }, '2026-03-09')).toBe(false)
  })
})
