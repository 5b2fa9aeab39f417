/**
 * Ability-assessment workflow (issue 5 item 3): scheduled → in_progress → submitted →
 * reviewed or returned → effective; an objection puts a result in dispute and opens a
 * re-assessment with reason dispute_review; a newer effective assessment supersedes the old one.
 */
import type { Flow } from '../flow.js'

export const assessmentStatuses = ['scheduled', 'in_progress', 'submitted', 'returned', 'reviewed', 'effective', 'disputed', 'superseded', 'cancelled'] as const
export type TAssessmentStatus = (typeof assessmentStatuses)[number]

export const assessmentStatusLabels = {
  scheduled: '已安排',
  in_progress: '评估中',
  submitted: '待审核',
  returned: '已退回',
  reviewed: '审核通过',
  effective: '已生效',
  disputed: '异议处理中',
  superseded: '已被替代',
  cancelled: '已取消',
} as const satisfies Record<TAssessmentStatus, string>

export const assessmentFlow = {
  /** The assessor opens the form. */
  start: { from: ['scheduled'], to: 'in_progress', permission: 'assessment:write' },
  /** Complete form handed in for review (also after a return). */
  submit: { from: ['in_progress', 'returned'], to: 'submitted', permission: 'assessment:write' },
  /** Reviewer sends it back with a reason. */
  return: { from: ['submitted'], to: 'returned', permission: 'assessment:review' },
  /** Reviewer approves the result. */
  approve: { from: ['submitted'], to: 'reviewed', permission: 'assessment:review' },
  /** The approved result takes effect (after the objection window, or at once). */
  activate: { from: ['reviewed'], to: 'effective', permission: 'assessment:review' },
  /** The elder or family objects within the window: a dispute_review assessment is opened. */
  object: { from: ['reviewed', 'effective'], to: 'disputed', permission: 'assessment:object' },
  /** The objection is withdrawn or rejected: the result stands. */
  dismiss: { from: ['disputed'], to: 'effective', permission: 'assessment:review' },
  /** A newer assessment became effective. */
  supersede: { from: ['effective', 'disputed'], to: 'superseded', permission: 'assessment:review' },
  cancel: { from: ['scheduled', 'in_progress', 'returned'], to: 'cancelled', permission: 'assessment:schedule' },
} as const satisfies Flow<TAssessmentStatus>
export type TAssessmentAction = keyof typeof assessmentFlow

export const assessmentActionLabels = {
  start: '开始评估',
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  activate: '确认生效',
  object: '提出异议',
  dismiss: '驳回异议',
  supersede: '被新评估替代',
  cancel: '取消评估',
} as const satisfies Record<TAssessmentAction, string>

/** Statuses whose result is still in force for the elder (a disputed result stands until replaced). */
export const assessmentStatusesInForce = ['effective', 'disputed'] as const satisfies readonly TAssessmentStatus[]

/** Statuses in which the answers may still be edited (draft autosave). */
export const assessmentEditableStatuses = ['in_progress', 'returned'] as const satisfies readonly TAssessmentStatus[]

export const assessmentReasons = ['initial', 'routine', 'triggered', 'dispute_review', 'other'] as const
export type TAssessmentReason = (typeof assessmentReasons)[number]
export const assessmentReasonLabels = {
  initial: '首次评估',
  routine: '常规评估',
  triggered: '即时评估',
  dispute_review: '因对评估结果有疑问进行的复评',
  other: '其他',
} as const satisfies Record<TAssessmentReason, string>

export const assessmentScales = ['gbt42195_2022', 'mzt039_2013'] as const
export type TAssessmentScale = (typeof assessmentScales)[number]
export const assessmentScaleLabels = {
  gbt42195_2022: 'GB/T 42195-2022 老年人能力评估规范',
  mzt039_2013: 'MZ/T 039-2013 老年人能力评估',
} as const satisfies Record<TAssessmentScale, string>
