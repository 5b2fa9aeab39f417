/**
 * Monthly disbursement batches (issue 18, domain.md §6): computed by the month run, checked by
 * one person and approved by another, exported to the bank, then marked paid from the bank's
 * result file. Failed lines are re-issued in a later batch.
 */
import type { Flow } from './flow.js'

export const disbursementBatchStatuses = ['computing', 'draft', 'checked', 'approved', 'exported', 'paid'] as const
export type TDisbursementBatchStatus = (typeof disbursementBatchStatuses)[number]

export const disbursementBatchStatusLabels = {
  computing: '计算中',
  draft: '待复核',
  checked: '已复核',
  approved: '已审批',
  exported: '已导出',
  paid: '已回盘',
} as const satisfies Record<TDisbursementBatchStatus, string>

export const disbursementBatchFlow = {
  finishComputing: { from: ['computing'], to: 'draft', permission: 'disbursement:run' },
  check: { from: ['draft'], to: 'checked', permission: 'disbursement:check' },
  /** Back to draft with a reason (a wrong line found at review or approval). */
  reject: { from: ['checked'], to: 'draft', permission: 'disbursement:approve' },
  approve: { from: ['checked'], to: 'approved', permission: 'disbursement:approve' },
  export: { from: ['approved', 'exported'], to: 'exported', permission: 'disbursement:approve' },
  markPaid: { from: ['exported'], to: 'paid', permission: 'disbursement:approve' },
} as const satisfies Flow<TDisbursementBatchStatus>

export const disbursementLineStatuses = ['pending', 'paid', 'failed', 'reissued'] as const
export type TDisbursementLineStatus = (typeof disbursementLineStatuses)[number]
export const disbursementLineStatusLabels = {
  pending: '待发放',
  paid: '已发放',
  failed: '发放失败',
  reissued: '已重发',
} as const satisfies Record<TDisbursementLineStatus, string>

export const fundAnomalyKinds = [
  'paid_after_end',
  'exclusive_group_twice',
  'above_maximum',
  'shared_bank_account',
  'no_approved_application',
  'paid_during_objection',
] as const
export type TFundAnomalyKind = (typeof fundAnomalyKinds)[number]
export const fundAnomalyKindLabels = {
  paid_after_end: '死亡或迁出后仍发放',
  exclusive_group_twice: '同一互斥组重复享受',
  above_maximum: '金额超过项目上限',
  shared_bank_account: '一个银行账户代领多名老人',
  no_approved_application: '无审批通过的申请',
  paid_during_objection: '公示异议期间发放',
} as const satisfies Record<TFundAnomalyKind, string>

export const fundAnomalyStatuses = ['open', 'resolved'] as const
export type TFundAnomalyStatus = (typeof fundAnomalyStatuses)[number]
export const fundAnomalyStatusLabels = { open: '待处理', resolved: '已处理' } as const satisfies Record<TFundAnomalyStatus, string>
export const fundAnomalyFlow = {
  resolve: { from: ['open'], to: 'resolved', permission: 'disbursement:check' },
} as const satisfies Flow<TFundAnomalyStatus>
