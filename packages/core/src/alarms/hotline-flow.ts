/**
 * 12349 hotline work orders (domain.md §9, issue 21 item 5). An incoming call rings on the
 * console (the switchboard's webhook), the operator takes it in (category, summary, the elder
 * the caller's phone found), then answers it on the phone and closes it, routes it to a street,
 * a provider or a department with a deadline, books a service (an order request) or — an
 * emergency — raises an alarm that runs the alarm flow. A routed order gets its reply, the
 * caller is called back, and closing asks the caller's satisfaction.
 */
import type { Flow } from '../flow.js'
import { addWorkingDays, type TIsWorkingDay } from '../benefits/working-days.js'
import { addDays, toShanghaiDate } from '../dates.js'

export const hotlineStatuses = ['ringing', 'open', 'routed', 'replied', 'called_back', 'alarm', 'closed'] as const
export type THotlineStatus = (typeof hotlineStatuses)[number]

export const hotlineStatusLabels = {
  ringing: '来电待受理',
  open: '已受理',
  routed: '已转办',
  replied: '已办结待回访',
  called_back: '已回访',
  alarm: '已转紧急报警',
  closed: '已关闭',
} as const satisfies Record<THotlineStatus, string>

/** The one transition table of the work order. */
export const hotlineFlow = {
  /** The operator takes the call in: category, summary, the elder. */
  intake: { from: ['ringing'], to: 'open', permission: 'hotline:handle' },
  /** Routed to a street, a provider or a department, with a deadline. */
  route: { from: ['open'], to: 'routed', permission: 'hotline:handle' },
  /** A 服务预约 becomes a service order request (orders module); the provider is the target. */
  book: { from: ['open'], to: 'routed', permission: 'hotline:handle' },
  /** A 紧急 call raises an alarm that runs the alarm flow. */
  raiseAlarm: { from: ['ringing', 'open'], to: 'alarm', permission: 'hotline:handle' },
  /** The routed party's answer, recorded by the operator. */
  reply: { from: ['routed'], to: 'replied', permission: 'hotline:handle' },
  /** A call-back to the caller (回访); may repeat. */
  callBack: { from: ['replied', 'called_back', 'alarm'], to: 'called_back', permission: 'hotline:handle' },
  /** Closed with the caller's satisfaction (answered on the phone, or after the call-back). */
  close: { from: ['open', 'replied', 'called_back', 'alarm'], to: 'closed', permission: 'hotline:handle' },
  /** The caller hung up before anyone took the call, or a wrong number. */
  drop: { from: ['ringing'], to: 'closed', permission: 'hotline:handle' },
} as const satisfies Flow<THotlineStatus>

export const hotlineCategories = ['consult', 'help', 'complaint', 'booking', 'emergency'] as const
export type THotlineCategory = (typeof hotlineCategories)[number]
export const hotlineCategoryLabels = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  booking: '服务预约',
  emergency: '紧急',
} as const satisfies Record<THotlineCategory, string>

/**
 * How long the routed party has [DESIGN: no figures in the sources]: working days on the
 * platform calendar, or hours for a 求助 and an emergency.
 */
export const hotlineDeadlines = {
  consult: { workingDays: 1 },
  help: { hours: 24 },
  complaint: { workingDays: 5 },
  booking: { workingDays: 2 },
  emergency: { hours: 1 },
} as const satisfies Record<THotlineCategory, { workingDays: number } | { hours: number }>

/**
 * The deadline of a work order received at `at`: N working days → the end of the Nth working
 * day after the day of the call (Asia/Shanghai, 24:00 = next day 00:00 +08:00); hours → `at` + hours.
 */
export function hotlineDeadline(category: THotlineCategory, at: Date, isWorkingDay: TIsWorkingDay): Date {
  const rule: { workingDays?: number; hours?: number } = hotlineDeadlines[category]
  if (rule.hours !== undefined) return new Date(at.getTime() + rule.hours * 3600_000)
  const day = addWorkingDays(isWorkingDay, toShanghaiDate(at), rule.workingDays ?? 1)
  return new Date(`${addDays(day, 1)}T00:00:00+08:00`)
}

export const hotlineRouteKinds = ['street', 'provider', 'department'] as const
export type THotlineRouteKind = (typeof hotlineRouteKinds)[number]
export const hotlineRouteKindLabels = { street: '街道', provider: '服务商', department: '部门' } as const satisfies Record<THotlineRouteKind, string>

/** Departments a call can be routed to [DESIGN]. */
export const hotlineDepartments = ['civil_affairs', 'health', 'medical_insurance', 'market_supervision', 'housing', 'police'] as const
export type THotlineDepartment = (typeof hotlineDepartments)[number]
export const hotlineDepartmentLabels = {
  civil_affairs: '区民政局',
  health: '区卫生健康局',
  medical_insurance: '区医疗保障局',
  market_supervision: '区市场监督管理局',
  housing: '区住房和城乡建设局',
  police: '公安派出所',
} as const satisfies Record<THotlineDepartment, string>

export const hotlineSatisfactions = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'unreachable'] as const
export type THotlineSatisfaction = (typeof hotlineSatisfactions)[number]
export const hotlineSatisfactionLabels = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  neutral: '基本满意',
  dissatisfied: '不满意',
  unreachable: '未能联系到来电人',
} as const satisfies Record<THotlineSatisfaction, string>

export const hotlineCallBackResults = ['reached', 'no_answer', 'refused'] as const
export type THotlineCallBackResult = (typeof hotlineCallBackResults)[number]
export const hotlineCallBackResultLabels = { reached: '已联系到来电人', no_answer: '无人接听', refused: '来电人拒绝回访' } as const satisfies Record<
  THotlineCallBackResult,
  string
>

/** Timeline lines of a work order. */
export const hotlineActionKinds = ['received', 'intake', 'routed', 'booked', 'alarm', 'replied', 'call_back', 'closed', 'dropped', 'note'] as const
export type THotlineActionKind = (typeof hotlineActionKinds)[number]
export const hotlineActionLabels = {
  received: '来电',
  intake: '受理',
  routed: '转办',
  booked: '预约服务',
  alarm: '转紧急报警',
  replied: '办理回复',
  call_back: '回访',
  closed: '关闭',
  dropped: '未接通关闭',
  note: '备注',
} as const satisfies Record<THotlineActionKind, string>
