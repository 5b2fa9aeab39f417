import { hotlineActionLabels, hotlineCallBackResultLabels, hotlineCategoryLabels, hotlineSatisfactionLabels } from '@yiyang/core'
import type { Tone } from '../../shared/StatusTag'

const pick = (m: Record<string, string>, k: string | null | undefined, fallback = '其他') => (k ? (m[k] ?? fallback) : '—')
export const categoryLabel = (c: string | null) => pick(hotlineCategoryLabels, c)
export const satisfactionLabel = (s: string | null) => pick(hotlineSatisfactionLabels, s)
export const actionLabel = (k: string) => pick(hotlineActionLabels, k)
/** The result column of a timeline line: a category, a call-back result or a satisfaction, by kind. */
export const resultLabel = (kind: string, r: string | null) =>
  !r
    ? null
    : kind === 'call_back'
      ? pick(hotlineCallBackResultLabels, r)
      : kind === 'closed'
        ? pick(hotlineSatisfactionLabels, r)
        : kind === 'intake'
          ? pick(hotlineCategoryLabels, r)
          : null
export const categoryTone = (c: string | null): Tone => (c === 'emergency' ? 'danger' : c === 'complaint' ? 'warning' : c === 'booking' ? 'accent' : 'info')
export const hotlineStatusTone: Record<string, Tone> = {
  ringing: 'danger',
  open: 'warning',
  routed: 'info',
  replied: 'accent',
  called_back: 'accent',
  alarm: 'danger',
  closed: 'neutral',
}
