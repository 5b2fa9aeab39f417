/**
 * KPIs this issue feeds (issue 19 item 8; domain.md §13). Each returns a ratio in [0, 1] or
 * null when there is nothing to count (no denominator is not 0 %).
 */
const ratio = (n: number, d: number) => (d > 0 ? n / d : null)

/** 护理员持证上岗率: caregivers holding at least one valid certificate / all active caregivers. */
export function certifiedRate(caregivers: readonly { certified: boolean }[]): number | null {
  return ratio(caregivers.filter((c) => c.certified).length, caregivers.length)
}

/** A rating of 4 or 5 (of 1–5) counts as satisfied. */
export const SATISFIED_MIN_RATING = 4
/** 满意率: satisfied ratings / all ratings; target ≥ 80 % (seed 001). */
export const SATISFACTION_TARGET = 0.8
export function satisfactionRate(ratings: readonly number[]): number | null {
  return ratio(ratings.filter((r) => r >= SATISFIED_MIN_RATING).length, ratings.length)
}

/** On-time rate: visits without a late flag / visits checked in. */
export function onTimeRate(visits: readonly { late: boolean }[]): number | null {
  return ratio(visits.filter((v) => !v.late).length, visits.length)
}

/** Complaint rate: upheld complaints / completed orders. */
export function complaintRate(upheldComplaints: number, completedOrders: number): number | null {
  return ratio(upheldComplaints, completedOrders)
}
