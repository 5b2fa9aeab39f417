import { certificateStateLabels, providerStatusLabels, type TProviderStatus } from '@yiyang/core'
import { StatusTag, type Tone } from '../../shared/StatusTag'

const PROVIDER_TONES: Record<TProviderStatus, Tone> = {
  pending: 'warning',
  returned: 'danger',
  rejected: 'neutral',
  active: 'success',
  suspended: 'danger',
  closed: 'neutral',
}
export function ProviderStatusTag({ status }: { status: TProviderStatus }) {
  return <StatusTag tone={PROVIDER_TONES[status] ?? 'neutral'}>{providerStatusLabels[status] ?? '未知状态'}</StatusTag>
}

const CERT_TONES = { expired: 'danger', expiring: 'warning', valid: 'success', none: 'danger' } as const satisfies Record<string, Tone>
const CERT_LABELS = { ...certificateStateLabels, none: '无证书' }
export function CertificateTag({ state }: { state: keyof typeof CERT_TONES }) {
  return <StatusTag tone={CERT_TONES[state]}>{CERT_LABELS[state]}</StatusTag>
}
