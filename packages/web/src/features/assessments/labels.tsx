import {
  abilityLevelName,
  assessmentReasonLabels,
  assessmentScaleLabels,
  assessmentStatusLabels,
  reassessmentStateLabels,
  type TAssessmentStatus,
  type TReassessmentState,
} from '@yiyang/core'
import { StatusTag, type Tone } from '../../shared/StatusTag'

const STATUS_TONES: Record<TAssessmentStatus, Tone> = {
  scheduled: 'info',
  in_progress: 'accent',
  submitted: 'warning',
  returned: 'danger',
  reviewed: 'success',
  effective: 'success',
  disputed: 'warning',
  superseded: 'neutral',
  cancelled: 'neutral',
}

export function AssessmentStatusTag({ status }: { status: TAssessmentStatus }) {
  return <StatusTag tone={STATUS_TONES[status] ?? 'neutral'}>{assessmentStatusLabels[status] ?? status}</StatusTag>
}

const DUE_TONES: Record<TReassessmentState, Tone> = { ok: 'success', due_soon: 'warning', overdue: 'danger' }
export function DueStateTag({ state }: { state: TReassessmentState }) {
  return <StatusTag tone={DUE_TONES[state]}>{reassessmentStateLabels[state]}</StatusTag>
}

/** Level tag: 0 green … 4 red, with the level's standard name. */
export function LevelTag({ level, name }: { level: number | null; name: string | null }) {
  if (level === null) return <span>—</span>
  const tone: Tone = level === 0 ? 'success' : level === 1 ? 'info' : level === 2 ? 'warning' : 'danger'
  return <StatusTag tone={tone}>{`${level} 级 ${name ?? ''}`}</StatusTag>
}

export const scaleShort = (scale: string) => (scale === 'mzt039_2013' ? 'MZ/T 039-2013' : 'GB/T 42195-2022')
export const scaleLabel = (scale: string) => (assessmentScaleLabels as Record<string, string>)[scale] ?? scale
export const reasonLabel = (reason: string) => (assessmentReasonLabels as Record<string, string>)[reason] ?? reason
export { sexLabel } from '../elders/labels'

/** The standard name of a level on a scale (results of the two scales are never mixed). */
export const levelNameOf = (scale: string, level: number | null | undefined) => abilityLevelName(level, scale)
