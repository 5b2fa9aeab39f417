/**
 * Provider registration and review (issue 19 item 1): a provider is registered (pending),
 * reviewed by the bureau (approve / return / reject with a reason), may be suspended and
 * resumed, and exits. Only active providers receive orders.
 */
import type { Flow } from '../flow.js'

export const providerStatuses = ['pending', 'returned', 'rejected', 'active', 'suspended', 'closed'] as const
export type TProviderStatus = (typeof providerStatuses)[number]

export const providerStatusLabels = {
  pending: '待审核',
  returned: '已退回',
  rejected: '未通过',
  active: '已登记',
  suspended: '已暂停',
  closed: '已退出',
} as const satisfies Record<TProviderStatus, string>

export const providerFlow = {
  /** The provider corrects a returned registration and hands it in again. */
  resubmit: { from: ['returned'], to: 'pending', permission: 'provider:register' },
  approve: { from: ['pending'], to: 'active', permission: 'provider:review' },
  return: { from: ['pending'], to: 'returned', permission: 'provider:review' },
  reject: { from: ['pending'], to: 'rejected', permission: 'provider:review' },
  suspend: { from: ['active'], to: 'suspended', permission: 'provider:review' },
  resume: { from: ['suspended'], to: 'active', permission: 'provider:review' },
  exit: { from: ['active', 'suspended'], to: 'closed', permission: 'provider:review' },
} as const satisfies Flow<TProviderStatus>
export type TProviderAction = keyof typeof providerFlow

export const providerActionLabels = {
  resubmit: '重新提交',
  approve: '审核通过',
  return: '退回修改',
  reject: '不予登记',
  suspend: '暂停服务',
  resume: '恢复服务',
  exit: '退出',
} as const satisfies Record<TProviderAction, string>

/** Skills a caregiver certificate covers; a service item's category names the skill it needs. */
export const caregiverSkills = ['meal', 'bath', 'cleaning', 'emergency', 'medical', 'nursing'] as const
export type TCaregiverSkill = (typeof caregiverSkills)[number]
/** 五助一护 (seed 002). */
export const caregiverSkillLabels = {
  meal: '助餐',
  bath: '助浴',
  cleaning: '助洁',
  emergency: '助急',
  medical: '助医',
  nursing: '护理',
} as const satisfies Record<TCaregiverSkill, string>

export const backgroundCheckResults = ['pending', 'passed', 'failed'] as const
export type TBackgroundCheckResult = (typeof backgroundCheckResults)[number]
export const backgroundCheckLabels = { pending: '待审查', passed: '审查通过', failed: '审查未通过' } as const satisfies Record<TBackgroundCheckResult, string>

export const certificateLevels = ['junior', 'intermediate', 'senior', 'technician', 'senior_technician'] as const
export type TCertificateLevel = (typeof certificateLevels)[number]
/** 养老护理员国家职业技能标准 levels 五级 to 一级. */
export const certificateLevelLabels = {
  junior: '初级（五级）',
  intermediate: '中级（四级）',
  senior: '高级（三级）',
  technician: '技师（二级）',
  senior_technician: '高级技师（一级）',
} as const satisfies Record<TCertificateLevel, string>

/** Days ahead of expiry a certificate shows on the due list (issue 19 item 2). */
export const CERTIFICATE_REMINDER_DAYS = 30

export type TCertificateFacts = { skill: string; expiresOn: string }
export type TCaregiverFacts = { backgroundCheck: string; certificates: readonly TCertificateFacts[] }

/** 持证上岗: a certificate for the skill that is still valid on the service date (valid through its expiry day). */
export function hasValidCertificate(certs: readonly TCertificateFacts[], skill: string, onDate: string): boolean {
  return certs.some((c) => c.skill === skill && c.expiresOn >= onDate)
}

export type TAssignBlock = 'background_check' | 'certificate'
export const assignBlockMessages = {
  background_check: '该护理员背景审查未通过或未完成，不能派单',
  certificate: '该护理员没有该服务项目所需技能的有效证书（持证上岗），不能派单',
} as const satisfies Record<TAssignBlock, string>

/** Why a caregiver may not take an order needing `skill` on `onDate`, or null when they may. */
export function assignmentBlock(c: TCaregiverFacts, skill: string, onDate: string): TAssignBlock | null {
  if (c.backgroundCheck !== 'passed') return 'background_check'
  if (!hasValidCertificate(c.certificates, skill, onDate)) return 'certificate'
  return null
}

/** Certificate state for the caregiver list: expired, expiring within the reminder window, or valid. */
export function certificateState(expiresOn: string, today: string, reminderDays = CERTIFICATE_REMINDER_DAYS): 'expired' | 'expiring' | 'valid' {
  if (expiresOn < today) return 'expired'
  const d = new Date(today + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + reminderDays)
  return expiresOn <= d.toISOString().slice(0, 10) ? 'expiring' : 'valid'
}
export const certificateStateLabels = { expired: '已过期', expiring: '即将到期', valid: '有效' } as const
