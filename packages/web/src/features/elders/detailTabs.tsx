import type { ReactNode } from 'react'
import type { ElderDetail } from './api'

/**
 * Extra tabs of the elder detail page, contributed by other features: call registerElderTab from
 * a small module the router imports eagerly (see features/assessments/elderTab.tsx), or add one
 * entry to the array below, loading your component lazily so the elder pages stay light, e.g.
 *
 *   const AssessmentsTab = lazy(() => import("../assessments/ElderAssessmentsTab").then((m) => ({ default: m.ElderAssessmentsTab })));
 *   { key: "assessments", label: "能力评估", order: 50, permission: "assessment:read",
 *     render: (elder) => <Suspense fallback={<Skeleton active />}><AssessmentsTab elderId={elder.id} /></Suspense> },
 *
 * Built-in tabs use orders 10 基本信息, 20 联系人, 30 类别, 40 变更历史 and 90 事件记录.
 */
export interface ElderTab {
  key: string
  label: string
  order: number
  /** Hidden unless the signed-in user has this permission. */
  permission?: string
  render: (elder: ElderDetail) => ReactNode
}

export const ELDER_DETAIL_TABS: ElderTab[] = []

/** Adds a tab once (by key); call at module load, before the detail page renders. */
export function registerElderTab(tab: ElderTab) {
  if (!ELDER_DETAIL_TABS.some((t) => t.key === tab.key)) ELDER_DETAIL_TABS.push(tab)
}
