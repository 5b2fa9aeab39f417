import {
  ageBands,
  elderCategoryLabels,
  elderStatusLabels,
  hukouTypeLabels,
  livingArrangementLabels,
  livingArrangements,
  typedElderCategories,
  derivedElderCategories,
  sensitiveElderCategories,
} from "@yiyang/core";

export const categoryLabel = (c: string) => (elderCategoryLabels as Record<string, string>)[c] ?? c;
export const livingLabel = (l: string) => (livingArrangementLabels as Record<string, string>)[l] ?? l;
export const statusLabel = (s: string) => (elderStatusLabels as Record<string, string>)[s] ?? s;
export const hukouLabel = (h: string) => (hukouTypeLabels as Record<string, string>)[h] ?? h;
export const sexLabel = (s: string) => (s === "male" ? "男" : s === "female" ? "女" : s);
export const isSensitiveCategory = (c: string) => (sensitiveElderCategories as readonly string[]).includes(c);

export const TYPED_CATEGORY_OPTIONS = typedElderCategories.map((c) => ({ value: c, label: elderCategoryLabels[c] }));
export const ALL_CATEGORY_OPTIONS = [...typedElderCategories, ...derivedElderCategories].map((c) => ({ value: c, label: elderCategoryLabels[c] }));
export const LIVING_OPTIONS = livingArrangements.map((l) => ({ value: l, label: livingArrangementLabels[l] }));
export const AGE_BAND_OPTIONS = ageBands.map((b) => ({ value: b.id, label: b.label }));
export const STATUS_OPTIONS = (["active", "deceased", "moved_out"] as const).map((s) => ({ value: s, label: elderStatusLabels[s] }));
export const HUKOU_OPTIONS = (["local", "non_local"] as const).map((h) => ({ value: h, label: hukouTypeLabels[h] }));

export const ABILITY_LEVEL_LABELS: Record<string, string[]> = {
  gbt42195: ["能力完好", "能力轻度受损", "能力中度受损", "能力重度受损", "能力完全丧失"],
  mzt039: ["能力完好", "轻度失能", "中度失能", "重度失能"],
};
export function abilityLabel(level: number | null, scale: string | null): string {
  if (level === null) return "未评估";
  return ABILITY_LEVEL_LABELS[scale ?? "gbt42195"]?.[level] ?? `${level} 级`;
}

/** Categories shown first in the count strip (the ones screening and benefits use most). */
export const HEADLINE_CATEGORIES = [
  "advanced_age", "living_alone", "empty_nest", "destitute", "min_subsistence", "near_min_subsistence", "low_income",
  "incapacitated", "semi_incapacitated", "severe_disability", "family_planning_special", "entitled_veteran_family",
];

export const HISTORY_ACTION_LABELS: Record<string, string> = {
  created: "建档", updated: "修改", status: "状态变更", merged: "合并重复档案", merged_away: "并入其他档案", ability: "能力评估结果",
};
export const HISTORY_SOURCE_LABELS: Record<string, string> = { web: "页面", import: "批量导入", assessment: "能力评估", system: "系统", merge: "合并" };
