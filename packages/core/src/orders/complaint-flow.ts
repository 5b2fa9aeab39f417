/**
 * Complaints against a service order (issue 19 item 3): lodged by the elder or family through
 * community staff, by a 12349 operator or by the bureau, handled by the bureau within a deadline
 * in working days. One transition table; an upheld complaint writes a credit record
 * (complaint_upheld, negative points) on the provider.
 */
import type { Flow } from '../flow.js'

export const complaintStatuses = ['lodged', 'investigating', 'upheld', 'dismissed'] as const
export type TComplaintStatus = (typeof complaintStatuses)[number]

export const complaintStatusLabels = {
  lodged: '已受理',
  investigating: '调查中',
  upheld: '投诉成立',
  dismissed: '投诉不成立',
} as const satisfies Record<TComplaintStatus, string>

export const complaintFlow = {
  investigate: { from: ['lodged'], to: 'investigating', permission: 'complaint:handle' },
  uphold: { from: ['investigating'], to: 'upheld', permission: 'complaint:handle' },
  dismiss: { from: ['investigating'], to: 'dismissed', permission: 'complaint:handle' },
} as const satisfies Flow<TComplaintStatus>
export type TComplaintAction = keyof typeof complaintFlow

export const complaintActionLabels = {
  investigate: '开始调查',
  uphold: '认定成立',
  dismiss: '认定不成立',
} as const satisfies Record<TComplaintAction, string>

/** Who brought the complaint. */
export const complaintSources = ['family', 'hotline', 'bureau'] as const
export type TComplaintSource = (typeof complaintSources)[number]
export const complaintSourceLabels = {
  family: '老人或家属（社区代为登记）',
  hotline: '12349热线',
  bureau: '民政部门',
} as const satisfies Record<TComplaintSource, string>

/** Working days the bureau has to decide a complaint from the day it is lodged [DESIGN]. */
export const COMPLAINT_HANDLING_WORKING_DAYS = 5
/** Credit points an upheld complaint costs the provider unless the handler sets others [DESIGN]. */
export const COMPLAINT_UPHELD_POINTS = -5

/** Open complaints past their due day are overdue (the due day itself is still in time). */
export function isComplaintOverdue(c: { status: string; dueOn: string }, today: string): boolean {
  return (c.status === 'lodged' || c.status === 'investigating') && c.dueOn < today
}
