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

export type TDomainEventType =
  (typeof elderEvents)[keyof typeof elderEvents] | (typeof assessmentEvents)[keyof typeof assessmentEvents] | (typeof visitEvents)[keyof typeof visitEvents]

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
