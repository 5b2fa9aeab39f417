/**
 * Inputs shared by both ability-assessment standards: the input error, care-risk events
 * (GB/T 42195 A.2.14) and the ICD-10 rule for the dementia / mental-disorder flag.
 */

/** Thrown when an assessment input is incomplete or out of range; `item` names the field. */
export class AssessmentInputError extends Error {
  override readonly name = 'AssessmentInputError'
  constructor(
    readonly item: string,
    message: string,
  ) {
    super(message)
  }
}

export const riskEventTypes = ['fall', 'wandering', 'choking', 'suicide_self_harm', 'other'] as const
export type TRiskEventType = (typeof riskEventTypes)[number]

export const riskEventTypeLabels = {
  fall: '跌倒',
  wandering: '走失',
  choking: '噎食',
  suicide_self_harm: '自杀/自伤',
  other: '其他',
} as const satisfies Record<TRiskEventType, string>

/** Form A.2.14 answers per type: 0 无, 1 1次, 2 2次, 3 3次及以上. */
export const riskEventCountOptions = [
  { count: 0, label: '无' },
  { count: 1, label: '1次' },
  { count: 2, label: '2次' },
  { count: 3, label: '3次及以上' },
] as const

export type TRiskEventCounts = Partial<Record<TRiskEventType, number>>

/**
 * Care-risk events in the last 30 days summed over types ([OPEN] default in domain.md §5.1:
 * sum across types, "3次及以上" counted as 3).
 * @throws AssessmentInputError for an unknown type or a count that is not 0–3.
 */
export function sumRiskEvents(counts: TRiskEventCounts): number {
  let sum = 0
  for (const [type, count] of Object.entries(counts)) {
    if (!(riskEventTypes as readonly string[]).includes(type)) {
      throw new AssessmentInputError(`A.2.14.${type}`, `未知的照护风险事件类型：${type}`)
    }
    if (count === undefined) continue
    if (!Number.isInteger(count) || count < 0 || count > 3) {
      const label = riskEventTypeLabels[type as TRiskEventType]
      throw new AssessmentInputError(`A.2.14.${type}`, `照护风险事件“${label}”的次数应为0–3（3表示3次及以上），收到 ${String(count)}`)
    }
    sum += count
  }
  return sum
}

/** Normalises an ICD-10 code: trimmed, uppercase, full-width folded ("f03.9" → "F03.9"). */
function normalizeIcd10(code: string): string {
  return code.normalize('NFKC').trim().toUpperCase()
}

/**
 * True for ICD-10 F00–F99: dementia (F00–F03) or another mental and behavioural disorder
 * (F04–F99), which raises the ability level by one (GB/T 42195 附录 C b)).
 */
export function icd10ImpliesDementiaOrMental(code: string): boolean {
  return /^F\d{2}(?:$|[.\dA-Z])/.test(normalizeIcd10(code))
}

/** True for ICD-10 F00–F03 (dementia, 痴呆). */
export function icd10IsDementia(code: string): boolean {
  return /^F0[0-3](?:$|[.\dA-Z])/.test(normalizeIcd10(code))
}

function checkCount(value: unknown, item: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new AssessmentInputError(item, `近30天照护风险事件次数应为非负整数，收到 ${String(value)}`)
  }
  return value
}

function checkFlag(value: unknown, item: string, label: string): boolean {
  if (typeof value !== 'boolean') throw new AssessmentInputError(item, `${label}应为是或否，收到 ${String(value)}`)
  return value
}

/** @internal shared validation of the level-change inputs. */
export function readLevelChangeInputs(input: { coma?: unknown; dementiaOrMentalDisorder?: unknown; riskEvents30d?: unknown }) {
  return {
    coma: checkFlag(input.coma, 'coma', '昏迷'),
    dementia: checkFlag(input.dementiaOrMentalDisorder, 'dementiaOrMentalDisorder', '痴呆或精神障碍诊断'),
    riskEvents30d: checkCount(input.riskEvents30d, 'riskEvents30d'),
  }
}

/** Options for the [OPEN] level-change rules; the defaults follow domain.md. */
export type TLevelChangeOptions = {
  /** Raise once per condition (true) instead of once in total (false, default). */
  stackAdjustments?: boolean
  /** Events in the last 30 days that raise the level; default 2. */
  riskEventThreshold?: number
}
