/**
 * Benefit applications (issue 17 item 3, domain.md §6): one transition table. A programme skips
 * the steps it does not use (no assessment: verified goes straight to street review; 公示 off:
 * street_reviewed goes straight to approval), so each step also checks the programme's path
 * (applicationPath): a step may start only from the status the path puts before it.
 */
import type { Flow } from '../flow.js'
import type { TProgramme } from './programme.js'

export const applicationStatuses = [
  'draft',
  'submitted',
  'accepted',
  'verified',
  'assessed',
  'street_reviewed',
  'notice_open',
  'notice_closed',
  'approved',
  'active',
  'stopped',
  'returned',
  'rejected',
  'objection_review',
] as const
export type TApplicationStatus = (typeof applicationStatuses)[number]

export const applicationStatusLabels = {
  draft: '草稿',
  submitted: '已提交待受理',
  accepted: '已受理',
  verified: '已入户核查',
  assessed: '已完成评估',
  street_reviewed: '街道已审核',
  notice_open: '公示中',
  notice_closed: '公示期满',
  approved: '已批准',
  active: '享受中',
  stopped: '已停发',
  returned: '已退回',
  rejected: '未通过',
  objection_review: '异议核查中',
} as const satisfies Record<TApplicationStatus, string>

export const applicationFlow = {
  /** The community worker hands the application in (again, after a return). */
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'benefit:apply' },
  /** 受理 within the programme's `accept` working days. */
  accept: { from: ['submitted'], to: 'accepted', permission: 'benefit:accept' },
  /** Sent back to the applicant with a reason (papers missing, facts wrong). */
  return: { from: ['submitted', 'accepted', 'verified', 'assessed'], to: 'returned', permission: 'benefit:accept' },
  /** Home verification recorded by two different staff. */
  verify: { from: ['accepted'], to: 'verified', permission: 'benefit:verify' },
  /** The requested ability assessment took effect (assessments module event). */
  assess: { from: ['accepted', 'verified'], to: 'assessed', permission: 'benefit:accept' },
  /** Street (township) review. */
  streetReview: { from: ['accepted', 'verified', 'assessed'], to: 'street_reviewed', permission: 'benefit:street_review' },
  /** 公示 posted for the programme's number of days. */
  openNotice: { from: ['street_reviewed'], to: 'notice_open', permission: 'benefit:notice' },
  /** Someone lodged an objection: the case pauses. */
  object: { from: ['notice_open'], to: 'objection_review', permission: 'benefit:notice' },
  /** The objection holds: the application fails. */
  upholdObjection: { from: ['objection_review'], to: 'rejected', permission: 'benefit:notice' },
  /** The objection does not hold: the 公示 continues (or is posted again). */
  dismissObjection: { from: ['objection_review'], to: 'notice_open', permission: 'benefit:notice' },
  /** The 公示 window ended without a standing objection. */
  closeNotice: { from: ['notice_open'], to: 'notice_closed', permission: 'benefit:notice' },
  /** County (district) approval. */
  approve: { from: ['street_reviewed', 'notice_closed'], to: 'approved', permission: 'benefit:approve' },
  /** County rejection with a reason (also possible earlier, when the facts plainly fail). */
  reject: { from: ['submitted', 'accepted', 'verified', 'assessed', 'street_reviewed', 'notice_closed'], to: 'rejected', permission: 'benefit:approve' },
  /** Approval makes the benefit (same transaction). */
  activate: { from: ['approved'], to: 'active', permission: 'benefit:approve' },
  /** Death, moving out, no longer eligible. */
  stop: { from: ['active'], to: 'stopped', permission: 'benefit:approve' },
  /** The elder is back in the register (a death or moving out recorded by mistake): the stop is undone. */
  resume: { from: ['stopped'], to: 'active', permission: 'benefit:approve' },
} as const satisfies Flow<TApplicationStatus>
export type TApplicationAction = keyof typeof applicationFlow

export const applicationActionLabels = {
  submit: '提交申请',
  accept: '受理',
  return: '退回',
  verify: '入户核查',
  assess: '评估完成',
  streetReview: '街道审核',
  openNotice: '发布公示',
  object: '提出异议',
  upholdObjection: '异议成立',
  dismissObjection: '异议不成立',
  closeNotice: '公示期满',
  approve: '批准',
  reject: '不予批准',
  activate: '开始享受',
  stop: '停发',
  resume: '恢复发放',
} as const satisfies Record<TApplicationAction, string>

/** Statuses of a case still under way (one per elder and programme at a time). */
export const applicationOpenStatuses = [
  'draft',
  'submitted',
  'accepted',
  'verified',
  'assessed',
  'street_reviewed',
  'notice_open',
  'notice_closed',
  'approved',
  'returned',
  'objection_review',
] as const satisfies readonly TApplicationStatus[]

type TPathProgramme = Pick<TProgramme, 'needsAssessment' | 'homeVerification' | 'notice'>

/** The statuses this programme's applications pass through, in order. */
export function applicationPath(p: TPathProgramme): TApplicationStatus[] {
  return [
    'draft',
    'submitted',
    'accepted',
    ...(p.homeVerification ? (['verified'] as const) : []),
    ...(p.needsAssessment ? (['assessed'] as const) : []),
    'street_reviewed',
    ...(p.notice.enabled ? (['notice_open', 'notice_closed'] as const) : []),
    'approved',
    'active',
  ]
}

/**
 * The status a forward step must start from for this programme, or null when the programme
 * skips the step. Steps off the main path (return, reject, objections, stop) use the flow table alone.
 */
export function pathPredecessor(p: TPathProgramme, action: TApplicationAction): TApplicationStatus | null {
  const to = applicationFlow[action].to
  const path = applicationPath(p)
  const i = path.indexOf(to)
  if (i <= 0) return null
  return path[i - 1]!
}

/** True when the action may start from `status` for this programme (flow table and path). */
export function canTakeStep(p: TPathProgramme, action: TApplicationAction, status: TApplicationStatus): boolean {
  const step = applicationFlow[action]
  if (!(step.from as readonly string[]).includes(status)) return false
  const forward: readonly TApplicationAction[] = ['accept', 'verify', 'assess', 'streetReview', 'openNotice', 'closeNotice', 'approve', 'activate']
  if (!forward.includes(action)) return true
  return pathPredecessor(p, action) === status
}

/**
 * Deadline key (programme.deadlines) of the step that leaves `status`, or null when the wait is
 * not counted in working days (a draft, the 公示 window in calendar days, a final status).
 */
export function stepDeadlineKey(p: TPathProgramme, status: TApplicationStatus): string | null {
  const path = applicationPath(p)
  const i = path.indexOf(status)
  if (i < 1) return null
  const next = path[i + 1]
  switch (next) {
    case 'accepted':
      return 'accept'
    case 'verified':
      return 'verify'
    case 'assessed':
      return 'assess'
    case 'street_reviewed':
      return 'street_review'
    case 'approved':
      return 'approve'
    default:
      return null
  }
}

/** Benefits in payment: granted from the month after approval, stopped from a month. */
export const benefitStatuses = ['active', 'stopped'] as const
export type TBenefitStatus = (typeof benefitStatuses)[number]
export const benefitStatusLabels = { active: '享受中', stopped: '已停发' } as const satisfies Record<TBenefitStatus, string>

/** What a row of the benefit history records. */
export const benefitChangeKinds = ['granted', 'band_change', 'stopped', 'review_due', 'resumed'] as const
export type TBenefitChangeKind = (typeof benefitChangeKinds)[number]
export const benefitChangeKindLabels = {
  granted: '批准享受',
  band_change: '标准调整',
  stopped: '停发',
  review_due: '年度复核到期',
  resumed: '恢复发放',
} as const satisfies Record<TBenefitChangeKind, string>

export const objectionStatuses = ['open', 'upheld', 'dismissed'] as const
export type TObjectionStatus = (typeof objectionStatuses)[number]
export const objectionStatusLabels = { open: '待核查', upheld: '异议成立', dismissed: '异议不成立' } as const satisfies Record<TObjectionStatus, string>

/** "YYYY-MM" of the month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
