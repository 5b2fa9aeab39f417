import type { ComponentType } from 'react'

/**
 * The portal's pages: one entry each drives the top nav and the route. Another page (公示,
 * 补贴政策 …) is one more entry here; `load` keeps each page out of the first download.
 */
export type PortalPage = {
  /** Path under /portal (no leading slash). */
  path: string
  label: string
  load: () => Promise<ComponentType>
}

export const PORTAL_PAGES: PortalPage[] = [
  { path: 'services', label: '服务清单', load: () => import('./ServiceListPage').then((m) => m.ServiceListPage) },
  { path: 'providers', label: '服务商名录', load: () => import('./DirectoryPage').then((m) => m.DirectoryPage) },
  { path: 'notices', label: '补贴公示', load: () => import('../benefits/public/PublicNoticesPage').then((m) => m.PublicNoticesPage) },
  { path: 'policies', label: '补贴政策', load: () => import('../benefits/public/PublicPoliciesPage').then((m) => m.PublicPoliciesPage) },
]
