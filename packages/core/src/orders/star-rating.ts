/**
 * 等级评定: a provider's monthly star rating (1–5) from documented indicators (issue 19 item 3,
 * seeds 002 and 004), each computed with the KPI functions of kpi.ts. The formula (docs/orders.md):
 *
 *   indicator        score in [0, 1]                          weight
 *   服务量 volume     min(1, completed orders / 50)               10
 *   满意率            satisfactionRate                           30
 *   投诉率            max(0, 1 − 10 × complaintRate)             20
 *   准时率            onTimeRate                                 20
 *   持证上岗率         certifiedRate                              20
 *
 * An indicator with nothing to count (no ratings, no check-ins, no caregivers, no completed
 * orders for the complaint rate) is left out and the other weights count in its place.
 * total = Σ weight × score / Σ weight of the indicators counted × 100, rounded to one decimal;
 * stars: ≥ 90 → 5, ≥ 80 → 4, ≥ 70 → 3, ≥ 60 → 2, otherwise 1. With fewer than 10 completed
 * orders in the month the rating is at most 3 stars (too few to judge) [DESIGN].
 */
import type { Flow } from '../flow.js'
import { certifiedRate, complaintRate, onTimeRate, SATISFIED_MIN_RATING, satisfactionRate } from './kpi.js'

export const starIndicators = ['volume', 'satisfaction', 'complaints', 'onTime', 'certified'] as const
export type TStarIndicator = (typeof starIndicators)[number]
export const starIndicatorLabels = {
  volume: '服务量',
  satisfaction: '满意率',
  complaints: '投诉率',
  onTime: '准时率',
  certified: '持证上岗率',
} as const satisfies Record<TStarIndicator, string>
export const starWeights = { volume: 10, satisfaction: 30, complaints: 20, onTime: 20, certified: 20 } as const satisfies Record<TStarIndicator, number>
/** Completed orders in a month that earn the full volume score. */
export const STAR_VOLUME_FULL = 50
/** Below this many completed orders the rating is capped. */
export const STAR_MIN_ORDERS = 10
export const STAR_CAP_FEW_ORDERS = 3
/** Lowest total for 5, 4, 3 and 2 stars. */
export const starThresholds = [
  [5, 90],
  [4, 80],
  [3, 70],
  [2, 60],
] as const

export type TStarFacts = {
  completedOrders: number
  ratings: readonly number[]
  upheldComplaints: number
  checkIns: readonly { late: boolean }[]
  caregivers: readonly { certified: boolean }[]
}

export type TStarIndicatorResult = {
  key: TStarIndicator
  label: string
  numerator: number
  denominator: number
  /** The ratio (or the order count for volume); null when there is nothing to count. */
  value: number | null
  /** 0–1, or null when the indicator is left out. */
  score: number | null
  weight: number
  explanation: string
}
export type TStarRating = { stars: number; total: number; indicators: TStarIndicatorResult[]; cap: string | null }

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`
const NO_DATA = '本月无可统计的数据，不计入，其余指标按权重折算'

export function computeStarRating(f: TStarFacts): TStarRating {
  const satisfied = f.ratings.filter((r) => r >= SATISFIED_MIN_RATING).length
  const onTime = f.checkIns.filter((c) => !c.late).length
  const certified = f.caregivers.filter((c) => c.certified).length
  const sat = satisfactionRate(f.ratings)
  const comp = complaintRate(f.upheldComplaints, f.completedOrders)
  const time = onTimeRate(f.checkIns)
  const cert = certifiedRate(f.caregivers)
  const indicators: TStarIndicatorResult[] = [
    {
      key: 'volume',
      numerator: f.completedOrders,
      denominator: STAR_VOLUME_FULL,
      value: f.completedOrders,
      score: Math.min(1, f.completedOrders / STAR_VOLUME_FULL),
      explanation: `本月完成 ${f.completedOrders} 单，满 ${STAR_VOLUME_FULL} 单得满分`,
    },
    {
      key: 'satisfaction',
      numerator: satisfied,
      denominator: f.ratings.length,
      value: sat,
      score: sat,
      explanation: sat === null ? NO_DATA : `评价 ${f.ratings.length} 次，满意（${SATISFIED_MIN_RATING}–5分）${satisfied} 次，满意率 ${pct(sat)}`,
    },
    {
      key: 'complaints',
      numerator: f.upheldComplaints,
      denominator: f.completedOrders,
      value: comp,
      score: comp === null ? null : Math.max(0, 1 - 10 * comp),
      explanation: comp === null ? NO_DATA : `投诉成立 ${f.upheldComplaints} 件，完成 ${f.completedOrders} 单，投诉率 ${pct(comp)}（每 1% 扣 10 分）`,
    },
    {
      key: 'onTime',
      numerator: onTime,
      denominator: f.checkIns.length,
      value: time,
      score: time,
      explanation: time === null ? NO_DATA : `签到 ${f.checkIns.length} 次，准时 ${onTime} 次，准时率 ${pct(time)}`,
    },
    {
      key: 'certified',
      numerator: certified,
      denominator: f.caregivers.length,
      value: cert,
      score: cert,
      explanation: cert === null ? NO_DATA : `在岗护理员 ${f.caregivers.length} 人，持有效证书 ${certified} 人，持证上岗率 ${pct(cert)}`,
    },
  ].map((i) => ({ ...i, key: i.key as TStarIndicator, label: starIndicatorLabels[i.key as TStarIndicator], weight: starWeights[i.key as TStarIndicator] }))
  const counted = indicators.filter((i) => i.score !== null)
  const weights = counted.reduce((s, i) => s + i.weight, 0)
  const total = weights === 0 ? 0 : Math.round((counted.reduce((s, i) => s + i.weight * i.score!, 0) / weights) * 1000) / 10
  let stars: number = starThresholds.find(([, min]) => total >= min)?.[0] ?? 1
  let cap: string | null = null
  if (f.completedOrders < STAR_MIN_ORDERS && stars > STAR_CAP_FEW_ORDERS) {
    stars = STAR_CAP_FEW_ORDERS
    cap = `本月完成不足 ${STAR_MIN_ORDERS} 单，样本太少，最高评为 ${STAR_CAP_FEW_ORDERS} 星`
  }
  return { stars, total, indicators, cap }
}

/** The bureau's review of a computed rating. */
export const starRatingStatuses = ['proposed', 'confirmed', 'adjusted'] as const
export type TStarRatingStatus = (typeof starRatingStatuses)[number]
export const starRatingStatusLabels = { proposed: '待审核', confirmed: '已确认', adjusted: '已调整' } as const satisfies Record<TStarRatingStatus, string>
export const starRatingFlow = {
  confirm: { from: ['proposed'], to: 'confirmed', permission: 'provider:review' },
  adjust: { from: ['proposed'], to: 'adjusted', permission: 'provider:review' },
} as const satisfies Flow<TStarRatingStatus>
export type TStarRatingAction = keyof typeof starRatingFlow
export const starRatingActionLabels = { confirm: '确认评定', adjust: '调整星级' } as const satisfies Record<TStarRatingAction, string>
