import {
  gbt42195DimensionScores,
  gbt42195Dimensions,
  gbt42195ItemCodes,
  gbt42195ItemsByCode,
  gbt42195LevelInfo,
  icd10ImpliesDementiaOrMental,
  mzt039AdlItems,
  mzt039DimensionNames,
  mzt039LevelInfo,
  mzt039MentalItems,
  mzt039SensoryItems,
  mzt039SocialItems,
  scoreAbilityGbt42195,
  scoreAbilityMzt039,
  sumRiskEvents,
  type TAssessmentScale,
  type TGbt42195ItemCode,
  type TMzt039Input,
  type TRiskEventCounts,
} from '@yiyang/core'
import { AppError } from '../../platform/errors.js'

/**
 * Thin adapter over core's two scorers: item answers travel as one flat record per scale
 * ("B.1.1" for GB/T 42195, "adl.eating" for MZ/T 039) so the form, storage and validation
 * are the same for both. Scoring itself is core's.
 */
export type TItemAnswers = Record<string, number>
export type TAnnexAInfo = {
  riskEvents: TRiskEventCounts
  diagnoses: { name: string; icd10: string }[]
  coma: boolean
  notes?: string | null
}
export const emptyInfo = (): TAnnexAInfo => ({ riskEvents: {}, diagnoses: [], coma: false, notes: null })

type ItemDef = { key: string; name: string; allowed: number[] }

const mztGroups = [
  ['adl', mzt039AdlItems],
  ['mental', mzt039MentalItems],
  ['sensory', mzt039SensoryItems],
  ['social', mzt039SocialItems],
] as const

export const scaleItems: Record<TAssessmentScale, ItemDef[]> = {
  gbt42195_2022: gbt42195ItemCodes.map((code) => {
    const item = gbt42195ItemsByCode[code]
    return { key: code, name: item.name, allowed: item.options.map((o) => o.points) }
  }),
  mzt039_2013: mztGroups.flatMap(([group, defs]) =>
    (defs as readonly { key: string; name: string; options: readonly { points: number }[] }[]).map((d) => ({
      key: `${group}.${d.key}`,
      name: `${mzt039DimensionNames[group]}·${d.name}`,
      allowed: d.options.map((o) => o.points),
    })),
  ),
}

/** Validates a (partial) draft: unknown keys and values outside an item's options are rejected with the item named. */
export function checkDraftItems(scale: TAssessmentScale, items: Record<string, number | null>): TItemAnswers {
  const defs = new Map(scaleItems[scale].map((d) => [d.key, d]))
  const out: TItemAnswers = {}
  const fields: { path: string; message: string }[] = []
  for (const [key, value] of Object.entries(items)) {
    const def = defs.get(key)
    if (!def) { fields.push({ path: `items.${key}`, message: `未知的评估项目：${key}` }); continue }
    if (value === null) continue
    if (!def.allowed.includes(value)) {
      fields.push({ path: `items.${key}`, message: `${key} ${def.name} 的分值只能是 ${def.allowed.join('/')}，收到 ${value}` })
      continue
    }
    out[key] = value
  }
  if (fields.length) throw new AppError('VALIDATION_FAILED', fields[0]!.message, fields)
  return out
}

export function missingItems(scale: TAssessmentScale, items: TItemAnswers): { key: string; name: string }[] {
  return scaleItems[scale].filter((d) => !d.allowed.includes(items[d.key] as number)).map(({ key, name }) => ({ key, name }))
}

export function hasDementiaOrMental(info: TAnnexAInfo): boolean {
  return info.diagnoses.some((d) => icd10ImpliesDementiaOrMental(d.icd10))
}

export type TScaleResult = {
  dimensions: Record<string, number>
  total: number | null
  initialLevel: number
  finalLevel: number
  reasons: string[]
}

/** Scores complete answers with core's scorer for the scale. */
export function scoreAnswers(scale: TAssessmentScale, items: TItemAnswers, info: TAnnexAInfo): TScaleResult {
  const flags = { coma: info.coma, dementiaOrMentalDisorder: hasDementiaOrMental(info), riskEvents30d: sumRiskEvents(info.riskEvents) }
  if (scale === 'gbt42195_2022') {
    const r = scoreAbilityGbt42195({ items: items as Record<TGbt42195ItemCode, number>, ...flags })
    return { dimensions: r.dimensions, total: r.total, initialLevel: r.initialLevel, finalLevel: r.finalLevel, reasons: r.reasons }
  }
  const group = (g: string) => Object.fromEntries(Object.entries(items).filter(([k]) => k.startsWith(g + '.')).map(([k, v]) => [k.slice(g.length + 1), v]))
  const input = { adl: group('adl'), mental: group('mental'), sensory: group('sensory'), social: group('social'), ...flags } as unknown as TMzt039Input
  const r = scoreAbilityMzt039(input)
  return {
    dimensions: { adl: r.scores.adl, mental: r.scores.mental, social: r.scores.social, adlGrade: r.grades.adl, mentalGrade: r.grades.mental, sensoryGrade: r.grades.sensory, socialGrade: r.grades.social },
    total: null, initialLevel: r.initialLevel, finalLevel: r.finalLevel, reasons: r.reasons,
  }
}

/** Partial dimension subtotals for a draft (GB/T 42195 only; MZ/T 039 grades need every item). */
export function draftDimensions(scale: TAssessmentScale, items: TItemAnswers): Record<string, number> | null {
  return scale === 'gbt42195_2022' ? gbt42195DimensionScores(items as Partial<Record<TGbt42195ItemCode, number>>) : null
}

export function levelName(scale: string, level: number | null | undefined): string | null {
  if (level === null || level === undefined) return null
  const info = scale === 'mzt039_2013' ? mzt039LevelInfo[level] : gbt42195LevelInfo[level]
  return info ? info.name : null
}

export const scaleLevels = (scale: TAssessmentScale) =>
  (scale === 'mzt039_2013' ? mzt039LevelInfo : gbt42195LevelInfo).map((l) => ({ level: l.level, name: l.name }))

export const dimensionLabels: Record<string, string> = {
  ...Object.fromEntries(gbt42195Dimensions.map((d) => [d.id, d.name])),
  adl: '日常生活活动', mental: '精神状态', social: '社会参与',
  adlGrade: '日常生活活动等级', mentalGrade: '精神状态等级', sensoryGrade: '感知觉与沟通等级', socialGrade: '社会参与等级',
}
