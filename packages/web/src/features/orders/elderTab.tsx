/**
 * Registers the 服务工单 tab on the elder detail page (the elders feature's extension point).
 * Imported eagerly by the router; the tab's content loads on first open.
 */
import { lazy, Suspense } from 'react'
import { Skeleton } from 'antd'
import { registerElderTab } from '../elders/detailTabs'

const ElderOrdersTab = lazy(() => import('./ElderOrdersTab').then((m) => ({ default: m.ElderOrdersTab })))

registerElderTab({
  key: 'orders',
  label: '服务工单',
  order: 60,
  permission: 'order:read',
  render: (elder) => (
    <Suspense fallback={<Skeleton active />}>
      <ElderOrdersTab elder={elder} />
    </Suspense>
  ),
})
