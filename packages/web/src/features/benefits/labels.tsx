import { applicationStatusLabels, benefitChangeKindLabels, benefitStatusLabels, objectionStatusLabels, type TApplicationStatus } from '@yiyang/core'
import { StatusTag, type Tone } from '../../shared/StatusTag'

const TONES: Record<TApplicationStatus, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  accepted: 'info',
  verified: 'accent',
  assessed: 'accent',
  street_reviewed: 'accent',
  notice_open: 'warning',
  notice_closed: 'warning',
  approved: 'success',
  active: 'success',
  stopped: 'neutral',
  returned: 'danger',
  rejected: 'danger',
  objection_review: 'danger',
}

export function ApplicationStatusTag({ status }: { status: TApplicationStatus }) {
  return <StatusTag tone={TONES[status] ?? 'neutral'}>{applicationStatusLabels[status] ?? status}</StatusTag>
}

export function BenefitStatusTag({ status }: { status: 'active' | 'stopped' }) {
  return <StatusTag tone={status === 'active' ? 'success' : 'neutral'}>{benefitStatusLabels[status]}</StatusTag>
}

export function ObjectionStatusTag({ status }: { status: 'open' | 'upheld' | 'dismissed' }) {
  return <StatusTag tone={status === 'open' ? 'warning' : status === 'upheld' ? 'danger' : 'success'}>{objectionStatusLabels[status]}</StatusTag>
}

export const changeKindLabel = (k: string) => (benefitChangeKindLabels as Record<string, string>)[k] ?? '变更'

/** Chinese names of audit actions on an application's timeline. */
export const timelineLabels: Record<string, string> = {
  'benefit_application.created': '填写申请',
  'benefit_application.submit': '提交申请',
  'benefit_application.accept': '受理',
  'benefit_application.return': '退回',
  'benefit_application.verification_recorded': '入户核查（第一人）',
  'benefit_application.verify': '入户核查完成（第二人）',
  'benefit_application.assess': '能力评估完成',
  'benefit_application.streetReview': '街道审核通过',
  'benefit_application.openNotice': '发布公示',
  'benefit_objection.lodged': '收到公示异议',
  'benefit_application.object': '暂停办理，核查异议',
  'benefit_application.upholdObjection': '异议成立，不予批准',
  'benefit_application.dismissObjection': '异议不成立，继续公示',
  'benefit_application.closeNotice': '公示期满',
  'benefit_application.approve': '区县批准',
  'benefit_application.reject': '不予批准',
  'benefit_application.activate': '开始享受',
  'benefit_application.stop': '停发',
}
export const timelineLabel = (a: string) => timelineLabels[a] ?? '办理记录'

/** The steps a user may take, as button labels (the server decides which are allowed). */
export const actionLabels: Record<string, string> = {
  submit: '提交申请',
  accept: '受理',
  return: '退回',
  verify: '入户核查',
  streetReview: '街道审核通过',
  approve: '批准',
  reject: '不予批准',
  upholdObjection: '异议成立',
  dismissObjection: '异议不成立',
}
