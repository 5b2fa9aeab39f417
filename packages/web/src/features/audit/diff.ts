/** Pure before/after comparison for audit rows, kept apart from the view so it can be tested. */
import { fieldLabel, valueLabel } from '@yiyang/core'
import { formatDateTime } from '../../shared/format'

export type Snapshot = Record<string, unknown> | null

export interface DiffRow {
  key: string
  /** The field's Chinese name (the raw key is never shown). */
  label: string
  before: string
  after: string
  changed: boolean
}

export interface AuditDiffResult {
  kind: 'none' | 'created' | 'removed' | 'changed' | 'unchanged'
  rows: DiffRow[]
  changedCount: number
  hasBefore: boolean
  hasAfter: boolean
}

export function asSnapshot(v: unknown): Snapshot {
  if (v === null || v === undefined) return null
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
  return { 值: v }
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

export type DiffContext = { entity?: string | null; scale?: string | null }

/**
 * A value as a person reads it: codes (statuses, living arrangements, roles, levels, categories)
 * through the catalogue in @yiyang/core, 是/否, Beijing time, nested records as 字段：值 pairs.
 */
export function displayValue(key: string, v: unknown, ctx: DiffContext = {}): string {
  if (v === null || v === undefined || v === '') return '（空）'
  const label = valueLabel(key, v, ctx)
  if (label !== undefined) return label
  if (typeof v === 'string' && ISO_RE.test(v)) return formatDateTime(v, true)
  if (Array.isArray(v)) return v.length ? v.map((x) => displayValue(key, x, ctx)).join('、') : '（空）'
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldLabel(k, ctx.entity)}：${displayValue(k, x, ctx)}`)
      .join('；')
  }
  return String(v)
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function diffSnapshots(beforeRaw: unknown, afterRaw: unknown, entity?: string | null): AuditDiffResult {
  const before = asSnapshot(beforeRaw)
  const after = asSnapshot(afterRaw)
  const scaleOf = (s: Snapshot) => (typeof s?.scale === 'string' ? s.scale : typeof s?.abilityScale === 'string' ? s.abilityScale : null)
  const ctx: DiffContext = { entity, scale: scaleOf(after) ?? scaleOf(before) }
  const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]))
  const rows = keys.map((key) => ({
    key,
    label: fieldLabel(key, entity),
    before: displayValue(key, before?.[key], ctx),
    after: displayValue(key, after?.[key], ctx),
    changed: !!before && !!after && !same(before[key], after[key]),
  }))
  // Changed fields first, so the eye lands on what happened.
  rows.sort((a, b) => Number(b.changed) - Number(a.changed))
  const changedCount = rows.filter((r) => r.changed).length
  let kind: AuditDiffResult['kind']
  if (!before && !after) kind = 'none'
  else if (!before) kind = 'created'
  else if (!after) kind = 'removed'
  else kind = changedCount > 0 ? 'changed' : 'unchanged'
  return { kind, rows, changedCount, hasBefore: !!before, hasAfter: !!after }
}
