/**
 * One shape for both scales' answers: a flat record per assessment ("B.1.1" for GB/T 42195,
 * "adl.eating" for MZ/T 039), so the tablet form, storage, validation and scoring treat the
 * two standards alike. Scoring itself stays in the scale's own scorer.
 */
import { icd10ImpliesDementiaOrMental, sumRiskEvents, type TRiskEventCounts } from './common.js'
import { gbt42195Dimensions, gbt42195Items, gbt42195LevelInfo } from './gbt42195-catalogue.js'
import { gbt42195DimensionScores, scoreAbilityGbt42195 } from './gbt42195.js'
import {
  mzt039AdlItems,
  mzt039DimensionNames,
  mzt039LevelInfo,
  mzt039MentalItems,
  mzt039SensoryItems,
  mzt039SocialItems,
  scoreAbilityMzt039,
  type TMzt039Input,
} from './mzt039.js'
import type { TAssessmentScale } from './workflow.js'

export type TItemAnswers = Record<string, number>

/** Annex A facts that change the level: risk events by type, diagnoses with ICD-10, coma. */
export type TAnnexAInfo = {
  riskEvents: TRiskEventCounts
  diagnoses: { name: string; icd10: string }[]
  coma: boolean
  notes?: string | null
}

export type TScaleSection = {
  id: string
  code: string
  name: string
  maxPoints: number | null
  items: { key: string; code: string; name: string; hint?: string; options: { points: number; description: string }[] }[]
}

type MztItemDef = { key: string; name: string; options: readonly { points: number; description: string }[] }
const mztGroups = [
  ['adl', 'A', mzt039AdlItems],
  ['mental', 'B', mzt039MentalItems],
  ['sensory', 'C', mzt039SensoryItems],
  ['social', 'D', mzt039SocialItems],
] as const

/** The sections of a scale's form with every item and option, from the catalogues. */
export function scaleSections(scale: TAssessmentScale): TScaleSection[] {
  if (scale === 'gbt42195_2022') {
    return gbt42195Dimensions.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      maxPoints: d.maxPoints,
      items: gbt42195Items.filter((i) => i.dimension === d.id).map((i) => ({ key: i.code, code: i.code, name: i.name, hint: i.hint, options: [...i.options] })),
    }))
  }
  return mztGroups.map(([group, letter, defs]) => ({
    id: group,
    code: letter,
    name: mzt039DimensionNames[group],
    maxPoints: null,
    items: (defs as readonly MztItemDef[]).map((d, i) => ({
      key: `${group}.${d.key}`,
      code: `${letter}.${i + 1}`,
      name: d.name,
      options: [...d.options],
    })),
  }))
}

export const hasDementiaOrMental = (info: Pick<TAnnexAInfo, 'diagnoses'>) => info.diagnoses.some((d) => icd10ImpliesDementiaOrMental(d.icd10))

export type TScaleResult = {
  dimensions: Record<string, number>
  total: number | null
  initialLevel: number
  finalLevel: number
  finalLevelName: string
  reasons: string[]
}

/** Scores complete flat answers with the scale's scorer; throws like the scorers on bad input. */
export function scoreFlatAnswers(scale: TAssessmentScale, items: TItemAnswers, info: TAnnexAInfo): TScaleResult {
  const flags = { coma: info.coma, dementiaOrMentalDisorder: hasDementiaOrMental(info), riskEvents30d: sumRiskEvents(info.riskEvents) }
  if (scale === 'gbt42195_2022') {
    const r = scoreAbilityGbt42195({ items: items as Parameters<typeof scoreAbilityGbt42195>[0]['items'], ...flags })
    return {
      dimensions: r.dimensions,
      total: r.total,
      initialLevel: r.initialLevel,
      finalLevel: r.finalLevel,
      finalLevelName: gbt42195LevelInfo[r.finalLevel]!.name,
      reasons: r.reasons,
    }
  }
  const group = (g: string) =>
    Object.fromEntries(
      Object.entries(items)
        .filter(([k]) => k.startsWith(g + '.'))
        .map(([k, v]) => [k.slice(g.length + 1), v]),
    )
  const input = { adl: group('adl'), mental: group('mental'), sensory: group('sensory'), social: group('social'), ...flags } as unknown as TMzt039Input
  const r = scoreAbilityMzt039(input)
  return {
    dimensions: {
      adl: r.scores.adl,
      mental: r.scores.mental,
      social: r.scores.social,
      adlGrade: r.grades.adl,
      mentalGrade: r.grades.mental,
      sensoryGrade: r.grades.sensory,
      socialGrade: r.grades.social,
    },
    total: null,
    initialLevel: r.initialLevel,
    finalLevel: r.finalLevel,
    finalLevelName: mzt039LevelInfo[r.finalLevel]!.name,
    reasons: r.reasons,
  }
}

/** Partial subtotals for a draft (GB/T 42195 only: MZ/T 039 grades need every item of a dimension). */
export function draftSubtotals(scale: TAssessmentScale, items: TItemAnswers): Record<string, number> | null {
  return scale === 'gbt42195_2022' ? gbt42195DimensionScores(items as Parameters<typeof gbt42195DimensionScores>[0]) : null
}
