import type { ReactNode } from 'react'
import { useElderMode } from '../app/elderMode'

export type Tone = 'success' | 'neutral' | 'danger' | 'warning' | 'info' | 'accent'

// Text/background pairs chosen for ≥ 4.5:1 (normal) and ≥ 7:1 (elder) contrast.
const TONES: Record<Tone, { normal: [string, string, string]; elder: [string, string, string] }> = {
  success: { normal: ['#1d6b33', '#eaf6ec', '#b7dfc0'], elder: ['#0a3d00', '#e3f4dc', '#135200'] },
  neutral: { normal: ['#3d4654', '#f0f2f5', '#d5dae1'], elder: ['#000000', '#ededed', '#3d3d3d'] },
  danger: { normal: ['#a61d24', '#fdecec', '#f1b8ba'], elder: ['#820014', '#fde8e8', '#820014'] },
  warning: { normal: ['#8a4300', '#fff4e5', '#f5c98f'], elder: ['#5c2b00', '#fff1db', '#5c2b00'] },
  info: { normal: ['#14509c', '#e8f1fc', '#b3cff0'], elder: ['#002766', '#e3eefc', '#002766'] },
  accent: { normal: ['#09605c', '#e3f5f3', '#9fd7d2'], elder: ['#00403c', '#dff3f1', '#00403c'] },
}

/** A small status label whose colours always pass contrast checks, in both modes. */
export function StatusTag({ tone, children, icon }: { tone: Tone; children: ReactNode; icon?: ReactNode }) {
  const { elderMode } = useElderMode()
  const [fg, bg, border] = TONES[tone][elderMode ? 'elder' : 'normal']
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 4,
        color: fg,
        background: bg,
        border: `1px solid ${border}`,
        borderRadius: 4,
        padding: elderMode ? '2px 10px' : '0 7px',
        fontSize: elderMode ? 20 : 12,
        lineHeight: elderMode ? '28px' : '20px',
        whiteSpace: 'nowrap',
        fontWeight: elderMode ? 600 : 500,
      }}
    >
      {icon}
      {children}
    </span>
  )
}
