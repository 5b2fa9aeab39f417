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

export const visitEvents = {
  planCreated: 'visit.plan_created',
  planEnded: 'visit.plan_ended',
  planResumed: 'visit.plan_resumed',
  planAssigned: 'visit.plan_assigned',
  recorded: 'visit.recorded',
  periodMissed: 'visit.period_missed',
  escalatedCommunity: 'visit.escalated_community',
  escalatedStreet: 'visit.escalated_street',
  redListed: 'visit.red_listed',
  taskRaised: 'visit.task_raised',
  taskDone: 'visit.task_done',
  noCareFound: 'visit.no_care_found',
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
  hotlineTaken: 'hotline.taken',
  hotlineRouted: 'hotline.routed',
  hotlineBooked: 'hotline.booked',
  hotlineAlarmRaised: 'hotline.alarm_raised',
  hotlineReplied: 'hotline.replied',
  hotlineCalledBack: 'hotline.called_back',
  hotlineClosed: 'hotline.closed',
  deviceHeartbeatLost: 'device.heartbeat_lost',
} as const

export const benefitEvents = {
  applicationSubmitted: 'benefit.application_submitted',
  applicationApproved: 'benefit.application_approved',
  applicationRejected: 'benefit.application_rejected',
  objectionLodged: 'benefit.objection_lodged',
  granted: 'benefit.granted',
  bandChanged: 'benefit.band_changed',
  stopped: 'benefit.stopped',
  resumed: 'benefit.resumed',
} as const

export const catalogEvents = {
  published: 'catalog.edition_published',
} as const

export const providerEvents = {
  registered: 'provider.registered',
  approved: 'provider.approved',
  suspended: 'provider.suspended',
  closed: 'provider.closed',
} as const

export const orderEvents = {
  requested: 'order.requested',
  assigned: 'order.assigned',
  checkedIn: 'order.checked_in',
  checkedOut: 'order.checked_out',
  exception: 'order.exception',
  confirmed: 'order.confirmed',
  settled: 'order.settled',
  cancelled: 'order.cancelled',
} as const

export type TDomainEventType =
  | (typeof elderEvents)[keyof typeof elderEvents]
  | (typeof assessmentEvents)[keyof typeof assessmentEvents]
  | (typeof providerEvents)[keyof typeof providerEvents]
  | (typeof orderEvents)[keyof typeof orderEvents]
  | (typeof catalogEvents)[keyof typeof catalogEvents]
  | (typeof benefitEvents)[keyof typeof benefitEvents]
  | (typeof alarmEvents)[keyof typeof alarmEvents]
  | (typeof visitEvents)[keyof typeof visitEvents]

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
  'provider.registered': '服务商登记申请',
  'provider.approved': '服务商审核通过',
  'provider.suspended': '服务商暂停服务',
  'provider.closed': '服务商退出',
  'order.requested': '服务工单申请',
  'order.assigned': '工单派护理员',
  'order.checked_in': '护理员签到',
  'order.checked_out': '护理员签退',
  'order.exception': '工单异常',
  'order.confirmed': '服务确认评价',
  'order.settled': '工单结算',
  'order.cancelled': '工单取消',
  'catalog.edition_published': '服务清单发布',
  'benefit.application_submitted': '提交补贴申请',
  'benefit.application_approved': '补贴申请获批',
  'benefit.application_rejected': '补贴申请未通过',
  'benefit.objection_lodged': '公示收到异议',
  'benefit.granted': '开始享受补贴',
  'benefit.band_changed': '补贴标准调整',
  'benefit.resumed': '补贴恢复发放',
  'benefit.stopped': '补贴停发',
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
  'hotline.taken': '热线工单受理',
  'hotline.routed': '热线工单转办',
  'hotline.booked': '热线预约服务',
  'hotline.alarm_raised': '热线转紧急报警',
  'hotline.replied': '热线工单办理回复',
  'hotline.called_back': '热线工单回访',
  'hotline.closed': '热线工单关闭',
  'device.heartbeat_lost': '设备心跳中断',
  'visit.plan_created': '制定探访计划',
  'visit.plan_ended': '探访计划结束',
  'visit.plan_resumed': '探访计划恢复',
  'visit.plan_assigned': '指定探访人',
  'visit.recorded': '完成探访',
  'visit.period_missed': '逾期未探访',
  'visit.escalated_community': '逾期上报社区(村)',
  'visit.escalated_street': '逾期上报街道(乡镇)',
  'visit.red_listed': '列入红名单',
  'visit.task_raised': '探访发现问题',
  'visit.task_done': '探访问题办结',
  'visit.no_care_found': '失能老人无人照料',
} as const satisfies Record<TDomainEventType, string>

/** The Chinese name of an event type; an unknown type (a newer module) shows as 其他事件. */
export const domainEventLabel = (type: string): string => (domainEventLabels as Record<string, string>)[type] ?? '其他事件'
