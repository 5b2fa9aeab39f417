/**
 * Service orders from request to settlement (issue 19 item 4, domain.md §8), one transition
 * table. An order is requested, priced from the service-list edition in force on the service
 * date, accepted by a provider, assigned to a caregiver by hand, checked in, recorded, checked
 * out, confirmed and rated by the elder or family (or auto-confirmed), then settled. A check-out
 * carrying exception flags (too short, far from home, late) goes to `exception` until a
 * supervisor resolves it: only orders with clean evidence settle.
 */
import type { Flow } from '../flow.js'

export const orderStatuses = [
  'requested',
  'priced',
  'accepted',
  'assigned',
  'en_route',
  'checked_in',
  'recorded',
  'checked_out',
  'exception',
  'confirmed',
  'settled',
  'cancelled',
  'no_show',
] as const
export type TOrderStatus = (typeof orderStatuses)[number]

export const orderStatusLabels = {
  requested: '已申请',
  priced: '已核价',
  accepted: '服务商已接单',
  assigned: '已派护理员',
  en_route: '护理员在途',
  checked_in: '已签到',
  recorded: '已记录服务',
  checked_out: '已签退',
  exception: '异常待处理',
  confirmed: '已确认评价',
  settled: '已结算',
  cancelled: '已取消',
  no_show: '未上门',
} as const satisfies Record<TOrderStatus, string>

export const orderFlow = {
  /** Priced from the edition in force (done by the system in the request's transaction). */
  price: { from: ['requested'], to: 'priced', permission: 'order:request' },
  accept: { from: ['priced'], to: 'accepted', permission: 'order:accept' },
  assign: { from: ['accepted'], to: 'assigned', permission: 'order:assign' },
  /** Another caregiver takes over before check-in (the reassignment is kept in the timeline). */
  reassign: { from: ['assigned', 'en_route'], to: 'assigned', permission: 'order:assign' },
  depart: { from: ['assigned'], to: 'en_route', permission: 'order:serve' },
  checkIn: { from: ['assigned', 'en_route'], to: 'checked_in', permission: 'order:serve' },
  record: { from: ['checked_in', 'recorded'], to: 'recorded', permission: 'order:serve' },
  checkOut: { from: ['recorded'], to: 'checked_out', permission: 'order:serve' },
  /** The same check-out, when the visit carries exception flags. */
  checkOutFlagged: { from: ['recorded'], to: 'exception', permission: 'order:serve' },
  resolve: { from: ['exception'], to: 'checked_out', permission: 'order:supervise' },
  confirm: { from: ['checked_out'], to: 'confirmed', permission: 'order:confirm' },
  settle: { from: ['confirmed'], to: 'settled', permission: 'order:settle' },
  /** Until the caregiver sets out; after that only a no-show or the visit itself ends it. */
  cancel: { from: ['requested', 'priced', 'accepted', 'assigned'], to: 'cancelled', permission: 'order:cancel' },
  noShow: { from: ['assigned', 'en_route'], to: 'no_show', permission: 'order:supervise' },
  /** A published daily plan (dispatch module) assigns or re-assigns before the caregiver sets out. */
  planAssign: { from: ['accepted', 'assigned'], to: 'assigned', permission: 'dispatch:publish' },
  /** The plan takes a visit back (its caregiver fell sick and nobody can take it): it waits to be assigned again. */
  planRelease: { from: ['assigned'], to: 'accepted', permission: 'dispatch:publish' },
  /** A canteen meal (助餐) served at the counter: recorded, served and settled in one step (the meal path). */
  serveMeal: { from: ['requested'], to: 'settled', permission: 'meal:serve' },
} as const satisfies Flow<TOrderStatus>
export type TOrderAction = keyof typeof orderFlow

export const orderActionLabels = {
  price: '核价',
  accept: '接单',
  assign: '派单',
  reassign: '改派',
  depart: '出发',
  checkIn: '签到',
  record: '记录服务',
  checkOut: '签退',
  checkOutFlagged: '签退（有异常）',
  resolve: '异常处理完毕',
  confirm: '确认并评价',
  settle: '结算',
  cancel: '取消',
  noShow: '登记未上门',
  planAssign: '按调度方案派单',
  planRelease: '调度方案撤回派单',
  serveMeal: '助餐就餐',
} as const satisfies Record<TOrderAction, string>

/** Statuses a caregiver's "today" page shows (work still to do or in progress). */
export const orderOpenForCaregiver = ['assigned', 'en_route', 'checked_in', 'recorded'] as const satisfies readonly TOrderStatus[]

export const orderRequesterKinds = ['community_worker', 'hotline', 'family', 'canteen'] as const
export type TOrderRequesterKind = (typeof orderRequesterKinds)[number]
/** Who may ask for a visit through POST /orders (a canteen meal is recorded at the counter instead). */
export const orderRequestKinds = ['community_worker', 'hotline', 'family'] as const satisfies readonly TOrderRequesterKind[]
export const orderRequesterKindLabels = {
  community_worker: '社区工作人员',
  hotline: '12349热线',
  family: '家属',
  canteen: '助餐点登记',
} as const satisfies Record<TOrderRequesterKind, string>

/** Visit flags (from the check-in/out evidence) and fund-anomaly flags (domain.md §13), all resolved by a supervisor. */
export const orderFlags = ['far_from_home', 'too_short', 'late', 'same_item_same_day', 'caregiver_overlap', 'after_end'] as const
export type TOrderFlag = (typeof orderFlags)[number]
export const orderFlagLabels = {
  far_from_home: '签到位置距老人住址过远',
  too_short: '服务时长过短',
  late: '迟到',
  same_item_same_day: '同一老人同日重复服务项目',
  caregiver_overlap: '护理员工单时间重叠',
  after_end: '老人去世或迁出后仍有工单',
} as const satisfies Record<TOrderFlag, string>

/**
 * Each flag of an order is also a record a supervisor resolves with a note (issue 19 item 7), one
 * transition table: open → resolved.
 */
export const orderFlagStatuses = ['open', 'resolved'] as const
export type TOrderFlagStatus = (typeof orderFlagStatuses)[number]
export const orderFlagStatusLabels = { open: '待处理', resolved: '已处理' } as const satisfies Record<TOrderFlagStatus, string>
export const orderFlagFlow = {
  resolve: { from: ['open'], to: 'resolved', permission: 'order:supervise' },
} as const satisfies Flow<TOrderFlagStatus>

/** Two visits of one caregiver overlap when their planned spans intersect (touching ends do not). */
export function spansOverlap(a: { start: Date; minutes: number }, b: { start: Date; minutes: number }): boolean {
  const aEnd = a.start.getTime() + a.minutes * 60_000
  const bEnd = b.start.getTime() + b.minutes * 60_000
  return a.start.getTime() < bEnd && b.start.getTime() < aEnd
}

/** Great-circle distance in metres (haversine, mean Earth radius). */

export type TVisitEvidence = {
  /** Metres from the elder's home at check-in, null when either place is unknown. */
  checkInDistanceM: number | null
  checkInAt: Date
  checkOutAt: Date
  /** Planned start of the window; arrival later than this plus the grace is late. */
  windowStart: Date | null
  plannedMinutes: number
}
export type TVisitRules = { maxDistanceM: number; minShareOfPlanned: number; lateGraceMinutes: number }
export const defaultVisitRules: TVisitRules = { maxDistanceM: 500, minShareOfPlanned: 0.5, lateGraceMinutes: 30 }

/** Exception flags of a visit: flagged, never blocked (issue 19 item 4). */
export function visitFlags(e: TVisitEvidence, rules: TVisitRules = defaultVisitRules): TOrderFlag[] {
  const flags: TOrderFlag[] = []
  if (e.checkInDistanceM !== null && e.checkInDistanceM > rules.maxDistanceM) flags.push('far_from_home')
  const minutes = (e.checkOutAt.getTime() - e.checkInAt.getTime()) / 60_000
  if (e.plannedMinutes > 0 && minutes < e.plannedMinutes * rules.minShareOfPlanned) flags.push('too_short')
  if (e.windowStart && e.checkInAt.getTime() > e.windowStart.getTime() + rules.lateGraceMinutes * 60_000) flags.push('late')
  return flags
}
