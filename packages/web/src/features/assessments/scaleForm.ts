import {
  gbt42195DimensionScores,
  gbt42195Dimensions,
  gbt42195Items,
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
} from "@yiyang/core";
import type { AnnexAInfo } from "./api";

/** One section of the scored form: a dimension with its items, each option with its Chinese description. */
export type FormSection = {
  id: string;
  code: string;
  name: string;
  maxPoints: number | null;
  items: { key: string; code: string; name: string; hint?: string; options: { points: number; description: string }[] }[];
};

const mztGroups = [
  ["adl", "A", mzt039AdlItems],
  ["mental", "B", mzt039MentalItems],
  ["sensory", "C", mzt039SensoryItems],
  ["social", "D", mzt039SocialItems],
] as const;

/** The form sections of a scale, straight from core's catalogues. */
export function formSections(scale: TAssessmentScale): FormSection[] {
  if (scale === "gbt42195_2022") {
    return gbt42195Dimensions.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      maxPoints: d.maxPoints,
      items: gbt42195Items
        .filter((i) => i.dimension === d.id)
        .map((i) => ({ key: i.code, code: i.code, name: i.name, hint: i.hint, options: [...i.options] })),
    }));
  }
  return mztGroups.map(([group, letter, defs]) => ({
    id: group,
    code: letter,
    name: mzt039DimensionNames[group],
    maxPoints: null,
    items: (defs as readonly { key: string; name: string; options: readonly { points: number; description: string }[] }[]).map((d, i) => ({
      key: `${group}.${d.key}`,
      code: `${letter}.${i + 1}`,
      name: d.name,
      options: [...d.options],
    })),
  }));
}

export type Preview = {
  answered: number;
  itemCount: number;
  /** Section id → subtotal of what is answered (GB/T 42195), or null. */
  subtotals: Record<string, number> | null;
  total: number | null;
  initialLevel: number | null;
  finalLevel: number | null;
  finalLevelName: string | null;
  reasons: string[];
  missing: { key: string; code: string; name: string }[];
  flags: { coma: boolean; dementia: boolean; riskEvents: number };
};

/** Live subtotals and level preview with core's scorers (the server recomputes on save and submit). */
export function preview(scale: TAssessmentScale, items: Record<string, number>, info: AnnexAInfo): Preview {
  const sections = formSections(scale);
  const all = sections.flatMap((s) => s.items);
  const missing = all.filter((i) => items[i.key] === undefined).map(({ key, code, name }) => ({ key, code, name }));
  let riskEvents = 0;
  try {
    riskEvents = sumRiskEvents(info.riskEvents as TRiskEventCounts);
  } catch {
    riskEvents = 0;
  }
  const flags = { coma: info.coma, dementia: info.diagnoses.some((d) => icd10ImpliesDementiaOrMental(d.icd10)), riskEvents };
  const base: Preview = {
    answered: all.length - missing.length,
    itemCount: all.length,
    subtotals: scale === "gbt42195_2022" ? gbt42195DimensionScores(items as Partial<Record<TGbt42195ItemCode, number>>) : null,
    total: null,
    initialLevel: null,
    finalLevel: null,
    finalLevelName: null,
    reasons: [],
    missing,
    flags,
  };
  if (missing.length > 0) return base;
  const input = { coma: flags.coma, dementiaOrMentalDisorder: flags.dementia, riskEvents30d: riskEvents };
  try {
    if (scale === "gbt42195_2022") {
      const r = scoreAbilityGbt42195({ items: items as Record<TGbt42195ItemCode, number>, ...input });
      return { ...base, total: r.total, initialLevel: r.initialLevel, finalLevel: r.finalLevel, finalLevelName: gbt42195LevelInfo[r.finalLevel]!.name, reasons: r.reasons };
    }
    const group = (g: string) => Object.fromEntries(Object.entries(items).filter(([k]) => k.startsWith(g + ".")).map(([k, v]) => [k.slice(g.length + 1), v]));
    const r = scoreAbilityMzt039({ adl: group("adl"), mental: group("mental"), sensory: group("sensory"), social: group("social"), ...input } as unknown as TMzt039Input);
    return { ...base, initialLevel: r.initialLevel, finalLevel: r.finalLevel, finalLevelName: mzt039LevelInfo[r.finalLevel]!.name, reasons: r.reasons };
  } catch {
    return base;
  }
}

/** Common ICD-10 entries of Annex A.4 for one-tap entry. */
export const commonDiagnoses = [
  { name: "高血压", icd10: "I10" },
  { name: "糖尿病", icd10: "E11" },
  { name: "冠心病", icd10: "I25" },
  { name: "脑梗塞", icd10: "I63" },
  { name: "慢性阻塞性肺疾病", icd10: "J44" },
  { name: "帕金森病", icd10: "G20" },
  { name: "痴呆", icd10: "F03" },
  { name: "阿尔茨海默病性痴呆", icd10: "F00" },
  { name: "抑郁症", icd10: "F32" },
  { name: "精神分裂症", icd10: "F20" },
];
