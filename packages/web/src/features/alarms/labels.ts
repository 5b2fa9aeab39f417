import { alarmOutcomeLabels, alarmStatusLabels, alarmTypeLabels, callBackResultLabels, deviceKindLabels, ingestRejectionLabels } from '@yiyang/core'
import type { Tone } from '../../shared/StatusTag'

const pick = (m: Record<string, string>, k: string | null | undefined, fallback = '其他') => (k ? (m[k] ?? fallback) : '—')
export const alarmTypeLabel = (t: string) => pick(alarmTypeLabels, t)
export const alarmStatusLabel = (s: string) => pick(alarmStatusLabels, s)
export const outcomeLabel = (o: string | null) => pick(alarmOutcomeLabels, o)
export const callBackLabel = (r: string | null) => pick(callBackResultLabels, r)
export const deviceKindLabel = (k: string) => pick(deviceKindLabels, k)
export const rejectionLabel = (r: string) => pick(ingestRejectionLabels, r)

export const statusTone: Record<string, Tone> = {
  raised: 'danger',
  acknowledged: 'warning',
  contacting: 'warning',
  dispatched: 'info',
  accepted: 'info',
  arrived: 'info',
  resolved: 'accent',
  closed: 'neutral',
}
/** Life-threatening types first in colour: SOS, fall, smoke. */
export const typeTone = (t: string): Tone => (['sos', 'fall', 'smoke', 'hotline'].includes(t) ? 'danger' : 'warning')
export const actionKindLabels: Record<string, string> = {
  call_back: '回拨',
  note: '处置说明',
  family_notified: '通知家属',
  escalated: '超时升级',
  dispatched: '派单',
  responder: '响应人',
}
