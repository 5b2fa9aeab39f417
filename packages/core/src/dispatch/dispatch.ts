/**
 * Daily dispatch plans (issue 20, domain.md §8 "Match"): statuses and their flow, the labels a
 * dispatcher reads, and the small rules the model is built with (shift text, double staffing,
 * why a visit stayed unassigned). Pure.
 */
import type { Flow } from '../flow.js'

export const dispatchPlanStatuses = ['computing', 'draft', 'published', 'superseded', 'failed'] as const
export type TDispatchPlanStatus = (typeof dispatchPlanStatuses)[number]
export const dispatchPlanStatusLabels = {
  computing: '计算中',
  draft: '草稿',
  published: '已发布',
  superseded: '已被新方案取代',
  failed: '计算失败',
} as const satisfies Record<TDispatchPlanStatus, string>

export const dispatchPlanFlow = {
  /** The solver job finished. */
  computed: { from: ['computing'], to: 'draft', permission: 'dispatch:plan' },
  fail: { from: ['computing'], to: 'failed', permission: 'dispatch:plan' },
  publish: { from: ['draft'], to: 'published', permission: 'dispatch:publish' },
  /** A newer plan of the same day and scope was published. */
  supersede: { from: ['draft', 'published'], to: 'superseded', permission: 'dispatch:publish' },
} as const satisfies Flow<TDispatchPlanStatus>

export const dispatchDiffStatuses = ['proposed', 'approved', 'rejected'] as const
export type TDispatchDiffStatus = (typeof dispatchDiffStatuses)[number]
export const dispatchDiffStatusLabels = { proposed: '待审批', approved: '已批准', rejected: '已驳回' } as const satisfies Record<TDispatchDiffStatus, string>

/** Why the solver left a visit out, in the dispatcher's words. */
export const dispatchUnassignedReasons = ['no_skill', 'capacity', 'window_unreachable', 'no_feasible_slot', 'invalid', 'no_location'] as const
export type TDispatchUnassignedReason = (typeof dispatchUnassignedReasons)[number]
export const dispatchUnassignedReasonLabels = {
  no_skill: '没有持该技能有效证书且背景审查通过的护理员（双人服务需两名）',
  capacity: '护理员当日工单已满',
  window_unreachable: '没有护理员能在班次内赶到服务时间窗',
  no_feasible_slot: '当日排班已满，没有可插入的时段',
  invalid: '工单数据不完整',
  no_location: '老人住址没有坐标',
} as const satisfies Record<TDispatchUnassignedReason, string>

/** Why a hand move is refused (live check while dragging). */
export const dispatchMoveBlocks = ['locked', 'started', 'skill', 'provider', 'infeasible'] as const
export type TDispatchMoveBlock = (typeof dispatchMoveBlocks)[number]
export const dispatchMoveBlockLabels = {
  locked: '该服务已锁定，不能移动',
  started: '该服务已开始，不能移动',
  skill: '目标护理员没有该服务技能的有效证书',
  provider: '目标护理员不属于承接该工单的服务商',
  infeasible: '放到该位置会超出时间窗或班次',
} as const satisfies Record<TDispatchMoveBlock, string>

/** Minutes from midnight, e.g. 8 * 60 for 08:00. */
export type TShift = { start: number; end: number }
/** A shift when the caregiver's record names none: 08:00–18:00. */
export const defaultShift: TShift = { start: 8 * 60, end: 18 * 60 }

/**
 * The shift in a caregiver's shift text ("上午班 8:00-12:00", "08:00—17:30", "8:00至18:00"),
 * or null when it names no time span. A span crossing midnight is not a day shift: null.
 */
export function parseShift(text: string | null | undefined): TShift | null {
  if (!text) return null
  const m = /(\d{1,2})[:：](\d{2})\s*(?:-|－|—|–|~|～|至|到)\s*(\d{1,2})[:：](\d{2})/.exec(text)
  if (!m) return null
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number]
  if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) return null
  const start = h1 * 60 + m1
  const end = h2 * 60 + m2
  return end > start ? { start, end } : null
}

/** A break of 30 minutes starting 11:00–13:30 for shifts longer than six hours. */
export function shiftBreak(shift: TShift): { window: [number, number]; duration: number } | null {
  if (shift.end - shift.start <= 6 * 60) return null
  const open = Math.max(shift.start, 11 * 60)
  const close = Math.min(shift.end - 30, 13 * 60 + 30)
  return close >= open ? { window: [open, close], duration: 30 } : null
}

/**
 * Caregivers a visit needs: the service list states it in the item's standard ("两名护理员服务",
 * "双人"), e.g. 上门助浴 (seed S002 catalogue). One otherwise.
 */
export function staffCountOfItem(item: { standard?: string | null; name?: string | null }): 1 | 2 {
  const text = `${item.standard ?? ''} ${item.name ?? ''}`
  return /两名(护理员|工作人员|服务人员)|双人/.test(text) ? 2 : 1
}

/** Late: service starts more than the grace after the elder's requested start. */
export const dispatchDefaults = {
  /** Earliest start before the requested one a caregiver may begin (minutes). */
  earlyMinutes: 30,
  /** Matches the orders module's default late grace (core defaultVisitRules). */
  graceMinutes: 30,
  /** Weight of one minute late against one minute of travel. */
  latenessWeight: 10,
  /** Requests without a time are served within the caregiver's shift, this window otherwise. */
  openWindow: { start: 8 * 60, end: 18 * 60 } as TShift,
}
