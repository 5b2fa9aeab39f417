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
