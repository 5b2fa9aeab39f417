/**
 * GB/T 42195-2022 scoring (domain.md §5.1): total of 26 items, initial level by total band,
 * final level after the Annex C level changes.
 */
import { AssessmentInputError, readLevelChangeInputs, type TLevelChangeOptions } from './common.js'
import {
  GBT42195_MAX_TOTAL,
  gbt42195Dimensions,
  gbt42195ItemCodes,
  gbt42195ItemsByCode,
  gbt42195LevelInfo,
  isGbt42195ItemCode,
  type TGbt42195Dimension,
  type TGbt42195ItemCode,
  type TGbt42195Level,
} from './gbt42195-catalogue.js'

export type TGbt42195Input = {
  /** All 26 items "B.1.1" … "B.4.5", each an integer from 0 to the item's maximum. */
  items: Record<TGbt42195ItemCode, number>
  /** A.5.11 昏迷 = 有. */
  coma: boolean
  /** Diagnosed dementia (F00–F03) or another mental/behavioural disorder (F04–F99). */
  dementiaOrMentalDisorder: boolean
  /** Care-risk events in the last 30 days, summed over types (see sumRiskEvents). */
  riskEvents30d: number
}

export type TGbt42195Result = {
  dimensions: Record<TGbt42195Dimension, number>
  total: number
  initialLevel: TGbt42195Level
  finalLevel: TGbt42195Level
  /** Chinese sentences explaining each step. */
  reasons: string[]
}

/** Initial level by total: 90 → 0; 66–89 → 1; 46–65 → 2; 30–45 → 3; 0–29 → 4. */
export function gbt42195InitialLevel(total: number): TGbt42195Level {
  if (!Number.isInteger(total) || total < 0 || total > GBT42195_MAX_TOTAL) {
    throw new RangeError(`总分应为0–90的整数，收到 ${total}`)
  }
  if (total === 90) return 0
  if (total >= 66) return 1
  if (total >= 46) return 2
  if (total >= 30) return 3
  return 4
}

const levelText = (level: number) => `${gbt42195LevelInfo[level].name}（${level} 级）`

/**
 * Validates the 26 item answers.
 * @throws AssessmentInputError naming the first missing, unknown, non-integer or out-of-range item.
 */
export function validateGbt42195Items(items: unknown): Record<TGbt42195ItemCode, number> {
  if (typeof items !== 'object' || items === null || Array.isArray(items)) {
    throw new AssessmentInputError('items', '评估项目答案缺失')
  }
  const record = items as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!isGbt42195ItemCode(key)) throw new AssessmentInputError(key, `未知的评估项目：${key}`)
  }
  for (const code of gbt42195ItemCodes) {
    const item = gbt42195ItemsByCode[code]
    const value = record[code]
    if (value === undefined || value === null) {
      throw new AssessmentInputError(code, `评估项目 ${code} ${item.name} 未填写`)
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new AssessmentInputError(code, `评估项目 ${code} ${item.name} 的分值应为整数，收到 ${String(value)}`)
    }
    if (value < 0 || value > item.maxPoints) {
      throw new AssessmentInputError(code, `评估项目 ${code} ${item.name} 的分值应在 0–${item.maxPoints} 之间，收到 ${value}`)
    }
  }
  return record as Record<TGbt42195ItemCode, number>
}

/** Dimension subtotals of complete or partial answers (missing items count 0), for live previews. */
export function gbt42195DimensionScores(items: Partial<Record<TGbt42195ItemCode, number>>): Record<TGbt42195Dimension, number> {
  const out = { selfCare: 0, basicMobility: 0, mentalState: 0, perceptionSocial: 0 }
  for (const d of gbt42195Dimensions) {
    out[d.id] = d.itemCodes.reduce((sum, code) => sum + (items[code] ?? 0), 0)
  }
  return out
}

/**
 * Scores an assessment to GB/T 42195-2022.
 *
 * final = coma ? 4 : min(4, initial + (dementiaOrMental || riskEvents30d >= 2 ? 1 : 0))
 *
 * @throws AssessmentInputError (with `item`) for a missing, unknown or out-of-range answer.
 */
export function scoreAbilityGbt42195(input: TGbt42195Input, options: TLevelChangeOptions = {}): TGbt42195Result {
  if (typeof input !== 'object' || input === null) throw new AssessmentInputError('input', '评估输入缺失')
  const items = validateGbt42195Items(input.items)
  const { coma, dementia, riskEvents30d } = readLevelChangeInputs(input)
  const threshold = options.riskEventThreshold ?? 2

  const dimensions = gbt42195DimensionScores(items)
  const total = dimensions.selfCare + dimensions.basicMobility + dimensions.mentalState + dimensions.perceptionSocial
  const initialLevel = gbt42195InitialLevel(total)

  const names = Object.fromEntries(gbt42195Dimensions.map((d) => [d.id, d.name])) as Record<TGbt42195Dimension, string>
  const reasons: string[] = [
    `${names.selfCare} ${dimensions.selfCare} 分，${names.basicMobility} ${dimensions.basicMobility} 分，` +
      `${names.mentalState} ${dimensions.mentalState} 分，${names.perceptionSocial} ${dimensions.perceptionSocial} 分`,
    `总分 ${total} 分，初步等级为${levelText(initialLevel)}`,
  ]

  let finalLevel: number = initialLevel
  const hasRisk = riskEvents30d >= threshold
  if (coma) {
    // GB/T 42195-2022 附录 C a): 昏迷 → 能力完全丧失, whatever the total.
    finalLevel = 4
    reasons.push('处于昏迷状态，直接评定为能力完全丧失（4 级）')
  } else {
    // 附录 C b) and c); [OPEN] whether they stack: default one level in total (domain.md §5.1).
    const riskText = `近30天发生照护风险事件 ${riskEvents30d} 次（${threshold} 次及以上）`
    const steps = options.stackAdjustments
      ? [dementia && '诊断痴呆或精神障碍', hasRisk && riskText].filter((s): s is string => typeof s === 'string')
      : dementia && hasRisk
        ? [`诊断痴呆或精神障碍，且${riskText}`]
        : dementia
          ? ['诊断痴呆或精神障碍']
          : hasRisk
            ? [riskText]
            : []
    for (const step of steps) {
      if (finalLevel >= 4) {
        reasons.push(`${step}，但已为能力完全丧失（4 级），不再提高`)
      } else {
        finalLevel += 1
        const once = !options.stackAdjustments && dementia && hasRisk ? '（只提高一次）' : ''
        reasons.push(`${step}，等级提高一级${once}`)
      }
    }
  }
  reasons.push(`最终等级为${levelText(finalLevel)}`)

  return { dimensions, total, initialLevel, finalLevel: finalLevel as TGbt42195Level, reasons }
}

/** A complete answer sheet with every item at `points` clamped to the item's maximum (tests, demos). */
export function gbt42195UniformItems(points: number): Record<TGbt42195ItemCode, number> {
  return Object.fromEntries(gbt42195ItemCodes.map((code) => [code, Math.min(points, gbt42195ItemsByCode[code].maxPoints)])) as Record<TGbt42195ItemCode, number>
}

/**
 * Items not yet answered with an allowed value, in form order — the form cannot be submitted
 * while this is non-empty.
 */
export function missingGbt42195Items(items: Partial<Record<string, unknown>>): TGbt42195ItemCode[] {
  return gbt42195ItemCodes.filter((code) => {
    const v = items[code]
    return typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > gbt42195ItemsByCode[code].maxPoints
  })
}
