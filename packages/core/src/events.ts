/**
 * Domain event types: one catalogue, so the module that records an event, the modules that
 * subscribe to it and the screens that show it use the same names. Each server module's
 * index.ts re-exports its own group.
 */
export const elderEvents = {
  created: 'elder.created',
  deceased: 'elder.deceased',
  movedOut: 'elder.moved_out',
  reactivated: 'elder.reactivated',
  categoriesChanged: 'elder.categories_changed',
  regionChanged: 'elder.region_changed',
  abilityLevelChanged: 'elder.ability_level_changed',
  merged: 'elder.merged',
  imported: 'elders.imported',
} as const

export const assessmentEvents = {
  scheduled: 'assessment.scheduled',
  submitted: 'assessment.submitted',
  returned: 'assessment.returned',
  objected: 'assessment.objected',
  effective: 'assessment.effective',
  reassessmentDue: 'assessment.reassessment_due',
} as const

export const alarmEvents = {
  raised: 'alarm.raised',
  claimed: 'alarm.claimed',
  calledBack: 'alarm.called_back',
  dispatched: 'alarm.dispatched',
  accepted: 'alarm.accepted',
  arrived: 'alarm.arrived',
  finished: 'alarm.finished',
  closed: 'alarm.closed',
  escalated: 'alarm.escalated',
  familyNotified: 'alarm.family_notified',
  hotlineCallReceived: 'hotline.call_received',
} as const

export type TDomainEventType =
  (typeof elderEvents)[keyof typeof elderEvents] | (typeof assessmentEvents)[keyof typeof assessmentEvents] | (typeof alarmEvents)[keyof typeof alarmEvents]

export const domainEventLabels = {
  'elder.created': '建档',
  'elder.deceased': '死亡',
  'elder.moved_out': '迁出',
  'elder.reactivated': '恢复在册',
  'elder.categories_changed': '类别变化',
  'elder.region_changed': '所在社区变更',
  'elder.ability_level_changed': '能力等级变化',
  'elder.merged': '合并重复档案',
  'elders.imported': '批量导入',
  'assessment.scheduled': '安排评估',
  'assessment.submitted': '评估提交审核',
  'assessment.returned': '评估退回修改',
  'assessment.objected': '评估结果异议',
  'assessment.effective': '评估结果生效',
  'assessment.reassessment_due': '到期复评',
  'alarm.raised': '设备报警',
  'alarm.claimed': '报警已认领',
  'alarm.called_back': '报警回拨',
  'alarm.dispatched': '报警派单',
  'alarm.accepted': '响应人接单',
  'alarm.arrived': '响应人到场',
  'alarm.finished': '现场处置完成',
  'alarm.closed': '报警关闭',
  'alarm.escalated': '报警升级',
  'alarm.family_notified': '已通知家属',
  'hotline.call_received': '12349来电',
} as const satisfies Record<TDomainEventType, string>

/** The Chinese name of an event type; an unknown type (a newer module) shows as 其他事件. */
export const domainEventLabel = (type: string): string => (domainEventLabels as Record<string, string>)[type] ?? '其他事件'
