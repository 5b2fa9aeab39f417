import {
  draftSubtotals,
  gbt42195Dimensions,
  gbt42195LevelInfo,
  mzt039LevelInfo,
  scaleSections,
  scoreFlatAnswers,
  type TAnnexAInfo,
  type TAssessmentScale,
  type TItemAnswers,
  type TScaleResult,
} from '@yiyang/core'
import { AppError } from '../../platform/errors.js'

/**
 * Server side of the flat-answer adapter (core's scaleSections / scoreFlatAnswers): the
 * allowed values per item for validation, and the lookups the mapper and report need.
 */
export type { TAnnexAInfo, TItemAnswers, TScaleResult }
export { hasDementiaOrMental } from '@yiyang/core'
export const emptyInfo = (): TAnnexAInfo => ({ riskEvents: {}, diagnoses: [], coma: false, notes: null })

type ItemDef = { key: string; name: string; allowed: number[] }

const itemDefs = (scale: TAssessmentScale): ItemDef[] =>
  scaleSections(scale).flatMap((sec) =>
    sec.items.map((i) => ({
      key: i.key,
      // MZ/T 039 item names repeat across dimensions, so they carry the dimension's name.
      name: scale === 'mzt039_2013' ? `${sec.name}·${i.name}` : i.name,
      allowed: i.options.map((o) => o.points),
    })),
  )

export const scaleItems: Record<TAssessmentScale, ItemDef[]> = {
  gbt42195_2022: itemDefs('gbt42195_2022'),
  mzt039_2013: itemDefs('mzt039_2013'),
}

/** Validates a (partial) draft: unknown keys and values outside an item's options are rejected with the item named. */
export function checkDraftItems(scale: TAssessmentScale, items: Record<string, number | null>): TItemAnswers {
  const defs = new Map(scaleItems[scale].map((d) => [d.key, d]))
  const out: TItemAnswers = {}
  const fields: { path: string; message: string }[] = []
  for (const [key, value] of Object.entries(items)) {
    const def = defs.get(key)
    if (!def) {
      fields.push({ path: `items.${key}`, message: `未知的评估项目：${key}` })
      continue
    }
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

/** Scores complete answers with core's scorer for the scale. */
export const scoreAnswers = (scale: TAssessmentScale, items: TItemAnswers, info: TAnnexAInfo): TScaleResult => scoreFlatAnswers(scale, items, info)

/** Partial dimension subtotals for a draft (GB/T 42195 only; MZ/T 039 grades need every item). */
export const draftDimensions = (scale: TAssessmentScale, items: TItemAnswers) => draftSubtotals(scale, items)

export function levelName(scale: string, level: number | null | undefined): string | null {
  if (level === null || level === undefined) return null
  const info = scale === 'mzt039_2013' ? mzt039LevelInfo[level] : gbt42195LevelInfo[level]
  return info ? info.name : null
}

export const scaleLevels = (scale: TAssessmentScale) =>
  (scale === 'mzt039_2013' ? mzt039LevelInfo : gbt42195LevelInfo).map((l) => ({ level: l.level, name: l.name }))

export const dimensionLabels: Record<string, string> = {
  ...Object.fromEntries(gbt42195Dimensions.map((d) => [d.id, d.name])),
  adl: '日常生活活动',
  mental: '精神状态',
  social: '社会参与',
  adlGrade: '日常生活活动等级',
  mentalGrade: '精神状态等级',
  sensoryGrade: '感知觉与沟通等级',
  socialGrade: '社会参与等级',
}
