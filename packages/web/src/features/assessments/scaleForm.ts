import {
  draftSubtotals,
  hasDementiaOrMental,
  scaleSections,
  scoreFlatAnswers,
  sumRiskEvents,
  type TAssessmentScale,
  type TRiskEventCounts,
  type TScaleSection,
} from '@yiyang/core'
import type { AnnexAInfo } from './api'

/** One section of the scored form: a dimension with its items, each option with its Chinese description. */
export type FormSection = TScaleSection

/** The form sections of a scale, straight from core's catalogues. */
export const formSections = (scale: TAssessmentScale): FormSection[] => scaleSections(scale)

export type Preview = {
  answered: number
  itemCount: number
  /** Section id → subtotal of what is answered (GB/T 42195), or null. */
  subtotals: Record<string, number> | null
  total: number | null
  initialLevel: number | null
  finalLevel: number | null
  finalLevelName: string | null
  reasons: string[]
  missing: { key: string; code: string; name: string }[]
  flags: { coma: boolean; dementia: boolean; riskEvents: number }
}

/** Live subtotals and level preview with core's scorers (the server recomputes on save and submit). */
export function preview(scale: TAssessmentScale, items: Record<string, number>, info: AnnexAInfo): Preview {
  const sections = formSections(scale)
  const all = sections.flatMap((s) => s.items)
  const missing = all.filter((i) => items[i.key] === undefined).map(({ key, code, name }) => ({ key, code, name }))
  let riskEvents: number
  try {
    riskEvents = sumRiskEvents(info.riskEvents as TRiskEventCounts)
  } catch {
    riskEvents = 0
  }
  const flags = { coma: info.coma, dementia: hasDementiaOrMental(info), riskEvents }
  const base: Preview = {
    answered: all.length - missing.length,
    itemCount: all.length,
    subtotals: draftSubtotals(scale, items),
    total: null,
    initialLevel: null,
    finalLevel: null,
    finalLevelName: null,
    reasons: [],
    missing,
    flags,
  }
  if (missing.length > 0) return base
  try {
    const r = scoreFlatAnswers(scale, items, { ...info, riskEvents: info.riskEvents as TRiskEventCounts })
    return { ...base, total: r.total, initialLevel: r.initialLevel, finalLevel: r.finalLevel, finalLevelName: r.finalLevelName, reasons: r.reasons }
  } catch {
    return base
  }
}

/** Common ICD-10 entries of Annex A.4 for one-tap entry. */
export const commonDiagnoses = [
  { name: '高血压', icd10: 'I10' },
  { name: '糖尿病', icd10: 'E11' },
  { name: '冠心病', icd10: 'I25' },
  { name: '脑梗塞', icd10: 'I63' },
  { name: '慢性阻塞性肺疾病', icd10: 'J44' },
  { name: '帕金森病', icd10: 'G20' },
  { name: '痴呆', icd10: 'F03' },
  { name: '阿尔茨海默病性痴呆', icd10: 'F00' },
  { name: '抑郁症', icd10: 'F32' },
  { name: '精神分裂症', icd10: 'F20' },
]
