import {
  abilityLevelName,
  ageBands,
  elderCategoryLabels,
  elderStatusLabels,
  hukouTypeLabels,
  livingArrangementLabels,
  livingArrangements,
  typedElderCategories,
  derivedElderCategories,
  sensitiveElderCategories,
  sexLabels,
  valueLabel,
} from '@yiyang/core'
import { formatDateTime } from '../../shared/format'

export const categoryLabel = (c: string) => (elderCategoryLabels as Record<string, string>)[c] ?? c
export const livingLabel = (l: string) => (livingArrangementLabels as Record<string, string>)[l] ?? l
export const statusLabel = (s: string) => (elderStatusLabels as Record<string, string>)[s] ?? s
export const hukouLabel = (h: string) => (hukouTypeLabels as Record<string, string>)[h] ?? h
export const sexLabel = (s: string) => (sexLabels as Record<string, string>)[s] ?? s
export const isSensitiveCategory = (c: string) => (sensitiveElderCategories as readonly string[]).includes(c)

export const TYPED_CATEGORY_OPTIONS = typedElderCategories.map((c) => ({ value: c, label: elderCategoryLabels[c] }))
export const ALL_CATEGORY_OPTIONS = [...typedElderCategories, ...derivedElderCategories].map((c) => ({ value: c, label: elderCategoryLabels[c] }))
export const LIVING_OPTIONS = livingArrangements.map((l) => ({ value: l, label: livingArrangementLabels[l] }))
export const AGE_BAND_OPTIONS = ageBands.map((b) => ({ value: b.id, label: b.label }))
export const STATUS_OPTIONS = (['active', 'deceased', 'moved_out'] as const).map((s) => ({ value: s, label: elderStatusLabels[s] }))
export const HUKOU_OPTIONS = (['local', 'non_local'] as const).map((h) => ({ value: h, label: hukouTypeLabels[h] }))

/** The standard's name of the elder's level (names from @yiyang/core), "未评估" without one. */
export function abilityLabel(level: number | null, scale: string | null): string {
  if (level === null) return '未评估'
  return abilityLevelName(level, scale) ?? `${level} 级`
}

/** Categories shown first in the count strip (the ones screening and benefits use most). */
export const HEADLINE_CATEGORIES = [
  'advanced_age',
  'living_alone',
  'empty_nest',
  'destitute',
  'min_subsistence',
  'near_min_subsistence',
  'low_income',
  'incapacitated',
  'semi_incapacitated',
  'severe_disability',
  'family_planning_special',
  'entitled_veteran_family',
]

export const HISTORY_ACTION_LABELS: Record<string, string> = {
  created: '建档',
  updated: '修改',
  status: '状态变更',
  merged: '合并重复档案',
  merged_away: '并入其他档案',
  ability: '能力评估结果',
}
export const HISTORY_SOURCE_LABELS: Record<string, string> = { web: '页面', import: '批量导入', assessment: '能力评估', system: '系统', merge: '合并' }

/** A history value as a person reads it: codes through the catalogue in @yiyang/core. */
export function historyValue(field: string, v: unknown, scale?: string | null): string {
  if (v === null || v === undefined || v === '') return '—'
  const label = valueLabel(field, v, { entity: 'elder', scale })
  if (label !== undefined) return label
  if (Array.isArray(v)) return v.length ? v.map((x) => String(x)).join('、') : '—'
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v)
  return String(v)
}
