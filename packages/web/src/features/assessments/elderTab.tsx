/**
 * Registers the 能力评估 tab on the elder detail page (the elders feature's extension point).
 * Imported eagerly by the router; the tab's content loads on first open.
 */
import { lazy, Suspense } from 'react'
import { Skeleton } from 'antd'
import { registerElderTab } from '../elders/detailTabs'

const ElderAssessmentsTab = lazy(() => import('./ElderAssessmentsTab').then((m) => ({ default: m.ElderAssessmentsTab })))

registerElderTab({
  key: 'assessments',
  label: '能力评估',
  order: 50,
  permission: 'assessment:read',
  render: (elder) => (
    <Suspense fallback={<Skeleton active />}>
      <ElderAssessmentsTab elder={elder} />
    </Suspense>
  ),
})
