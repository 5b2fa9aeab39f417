/**
 * Device alarms and 12349 hotline calls (domain.md §9). An alarm is raised by a device (one-key
 * call, bracelet, fall or smoke sensor) or by an emergency call, claimed by exactly one operator,
 * worked (call-backs, dispatch to a responder who accepts, arrives and finishes on a phone) and
 * closed with an outcome. Escalation is a level beside the status, set by durable timers.
 */
import type { Flow } from '../flow.js'

export const alarmStatuses = ['raised', 'acknowledged', 'contacting', 'dispatched', 'accepted', 'arrived', 'resolved', 'closed'] as const
export type TAlarmStatus = (typeof alarmStatuses)[number]

export const alarmStatusLabels = {
  raised: '待认领',
  acknowledged: '已认领',
  contacting: '联系中',
  dispatched: '已派单',
  accepted: '已接单',
  arrived: '已到场',
  resolved: '现场已处置',
  closed: '已关闭',
} as const satisfies Record<TAlarmStatus, string>

/** Statuses an operator still has to work on (the queue). */
export const openAlarmStatuses = [
  'raised',
  'acknowledged',
  'contacting',
  'dispatched',
  'accepted',
  'arrived',
  'resolved',
] as const satisfies readonly TAlarmStatus[]

export const alarmFlow = {
  /** One operator takes the alarm; two clicking at once: one wins (compare-and-set on 'raised'). */
  claim: { from: ['raised'], to: 'acknowledged', permission: 'alarm:handle' },
  /** A call-back to the elder, family or community, recorded with its result; may repeat. */
  callBack: { from: ['acknowledged', 'contacting'], to: 'contacting', permission: 'alarm:handle' },
  dispatch: { from: ['acknowledged', 'contacting'], to: 'dispatched', permission: 'alarm:handle' },
  accept: { from: ['dispatched'], to: 'accepted', permission: 'alarm:respond' },
  arrive: { from: ['accepted'], to: 'arrived', permission: 'alarm:respond' },
  finish: { from: ['arrived'], to: 'resolved', permission: 'alarm:respond' },
  close: { from: ['acknowledged', 'contacting', 'dispatched', 'accepted', 'arrived', 'resolved'], to: 'closed', permission: 'alarm:handle' },
} as const satisfies Flow<TAlarmStatus>

export const deviceEventTypes = ['sos', 'fall', 'heartbeat', 'low_battery', 'geofence_exit', 'smoke'] as const
export type TDeviceEventType = (typeof deviceEventTypes)[number]
/** Event types that only update the device (no alarm). */
export const deviceStatusEventTypes = ['heartbeat'] as const satisfies readonly TDeviceEventType[]

export const alarmTypeLabels = {
  sos: '一键呼叫',
  fall: '跌倒',
  heartbeat: '心跳',
  low_battery: '电量低',
  geofence_exit: '离开安全区域',
  smoke: '烟雾报警',
  hotline: '12349紧急来电',
  visit: '探访发现紧急情况',
  /** Raised by the platform when a device's heartbeats stop for DEVICE_OFFLINE_MINUTES (domain.md §9: heartbeat lost). */
  heartbeat_lost: '设备心跳中断',
} as const satisfies Record<TDeviceEventType | 'hotline' | 'visit' | 'heartbeat_lost', string>
export type TAlarmType = keyof typeof alarmTypeLabels

export const deviceKinds = ['bracelet', 'button', 'fall_sensor', 'smoke_sensor'] as const
export type TDeviceKind = (typeof deviceKinds)[number]
export const deviceKindLabels = { bracelet: '智能手环', button: '一键呼叫器', fall_sensor: '跌倒报警器', smoke_sensor: '烟雾报警器' } as const satisfies Record<
  TDeviceKind,
  string
>

export const alarmOutcomes = ['real_emergency', 'help_given', 'false_alarm', 'device_test', 'no_answer_visited', 'other'] as const
export type TAlarmOutcome = (typeof alarmOutcomes)[number]
export const alarmOutcomeLabels = {
  real_emergency: '真实紧急情况',
  help_given: '已提供帮助',
  false_alarm: '误报',
  device_test: '设备测试',
  no_answer_visited: '未接通，已上门确认',
  other: '其他',
} as const satisfies Record<TAlarmOutcome, string>

export const callBackResults = ['reached_elder', 'reached_family', 'reached_community', 'no_answer'] as const
export type TCallBackResult = (typeof callBackResults)[number]
export const callBackResultLabels = {
  reached_elder: '已联系到老人',
  reached_family: '已联系到家属',
  reached_community: '已联系到社区',
  no_answer: '无人接听',
} as const satisfies Record<TCallBackResult, string>

export const alarmSources = ['mqtt', 'webhook', 'hotline', 'staff'] as const
export type TAlarmSource = (typeof alarmSources)[number]
export const alarmSourceLabels = { mqtt: '设备直连', webhook: '厂商平台', hotline: '12349热线', staff: '工作人员上报' } as const satisfies Record<
  TAlarmSource,
  string
>

/** Escalation levels: 0 none, 1 not claimed in time (all operators + street supervisor), 2 not closed within the SLA (district duty). */
export const escalationLevelLabels = ['未升级', '超时未认领，已通知全体坐席和街道', '超过处置时限，已上报区值班'] as const

export const ingestRejectionReasons = [
  'bad_payload',
  'unknown_device',
  'unbound_device',
  'bad_signature',
  'stale_timestamp',
  'replayed',
  'unknown_vendor',
] as const
export type TIngestRejection = (typeof ingestRejectionReasons)[number]
export const ingestRejectionLabels = {
  bad_payload: '报文格式错误',
  unknown_device: '未登记的设备',
  unbound_device: '设备未绑定老人',
  bad_signature: '签名错误',
  stale_timestamp: '时间戳过期',
  replayed: '重复请求（重放）',
  unknown_vendor: '未登记的厂商',
} as const satisfies Record<TIngestRejection, string>

/** Escalation timers (defaults; the SLA is an [OPEN] figure in domain.md §9). */
export const alarmTimers = { claimWithinMs: 60_000, closeWithinMs: 30 * 60_000 } as const

/** Seconds since `from` as 分:秒 / 时:分:秒 for the queue. */
export function elapsedLabel(fromIso: string, now: Date): string {
  const s = Math.max(0, Math.floor((now.getTime() - new Date(fromIso).getTime()) / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`
}

/** Median and 90th percentile (nearest rank) of durations; null for an empty list. */
export function medianAndP90(values: number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null }
  const v = [...values].sort((a, b) => a - b)
  const rank = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))]!
  return { median: rank(0.5), p90: rank(0.9) }
}

/** Oldest unhandled first: raised before worked, then by time received. */
export function queueOrder<T extends { status: string; receivedAt: string }>(items: T[]): T[] {
  const weight = (s: string) => (s === 'raised' ? 0 : 1)
  return [...items].sort((a, b) => weight(a.status) - weight(b.status) || a.receivedAt.localeCompare(b.receivedAt))
}
