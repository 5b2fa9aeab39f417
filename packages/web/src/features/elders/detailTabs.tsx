import type { ReactNode } from "react";
import type { ElderDetail } from "./api";

/**
 * The tabs of the elder detail page. Another feature adds its own tab with one entry, e.g.
 *
 *   { key: "assessments", label: "能力评估", order: 50, permission: "assessment:read",
 *     render: (elder) => <ElderAssessmentsTab elderId={elder.id} /> }
 *
 * Built-in tabs use orders 10–40 (基本信息, 联系人, 类别, 变更历史) and 90 (事件记录).
 */
export interface ElderTab {
  key: string;
  label: string;
  order: number;
  permission?: string;
  render: (elder: ElderDetail) => ReactNode;
}

export const ELDER_DETAIL_TABS: ElderTab[] = [];

export function registerElderTab(tab: ElderTab) {
  if (!ELDER_DETAIL_TABS.some((t) => t.key === tab.key)) ELDER_DETAIL_TABS.push(tab);
}
