/**
 * Registers the 待遇 tab on the elder detail page (the elders feature's extension point).
 * Imported eagerly by the router; the tab's content loads on first open.
 */
import { lazy, Suspense } from 'react'
import { Skeleton } from 'antd'
import { registerElderTab } from '../elders/detailTabs'

const ElderBenefitsTab = lazy(() => import('./ElderBenefitsTab').then((m) => ({ default: m.ElderBenefitsTab })))

registerElderTab({
  key: 'benefits',
  label: '待遇',
  order: 60,
  permission: 'benefit:read',
  render: (elder) => (
    <Suspense fallback={<Skeleton active />}>
      <ElderBenefitsTab elder={elder} />
    </Suspense>
  ),
})
