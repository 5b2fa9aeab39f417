import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { createBrowserRouter, Navigate } from 'react-router-dom'
import { LoginPage } from '../features/auth/LoginPage'
import { HomePage } from '../features/home/HomePage'
import { AppLayout } from './AppLayout'
import { FullPageSpin, RequireAuth, RequirePermission } from './guards'
import { NotFoundPage, RouteErrorPage } from './ErrorPages'
import '../features/assessments/elderTab'
import '../features/orders/elderTab'
import { PortalLayout } from '../features/portal/PortalLayout'
import { PORTAL_PAGES } from '../features/portal/pages'
import '../features/benefits/elderTab'

/** Feature pages load on first visit, so the login page and home stay light. */
function page(load: () => Promise<ComponentType>) {
  const Lazy = lazy(async () => ({ default: await load() }))
  return <Lazy />
}

function guarded(permission: string, element: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<FullPageSpin />}>{element}</Suspense>
    </RequirePermission>
  )
}

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    // The public portal: no login, its own elder-friendly layout; pages come from PORTAL_PAGES.
    {
      path: '/portal',
      element: <PortalLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to={PORTAL_PAGES[0]!.path} replace /> },
        ...PORTAL_PAGES.map((p) => ({ path: p.path, element: <Suspense fallback={<FullPageSpin />}>{page(p.load)}</Suspense> })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
    {
      // The caregiver's phone page (375 px): full screen, without the desktop menu.
      path: '/m/today',
      element: (
        <RequireAuth>
          {guarded(
            'order:serve',
            page(() => import('../features/orders').then((m) => m.CaregiverTodayPage)),
          )}
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
    },
    // The public 公示 and 补贴政策 pages moved inside the portal (its elder-friendly shell); old links still work.
    { path: '/public/notices', element: <Navigate to="/portal/notices" replace /> },
    { path: '/public/policies', element: <Navigate to="/portal/policies" replace /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'alarms',
          element: guarded(
            'alarm:read',
            page(() => import('../features/alarms/AlarmConsolePage').then((m) => m.AlarmConsolePage)),
          ),
        },
        {
          path: 'hotline',
          element: guarded(
            'hotline:handle',
            page(() => import('../features/hotline/HotlinePage').then((m) => m.HotlinePage)),
          ),
        },
        {
          path: 'alarms/mine',
          element: guarded(
            'alarm:respond',
            page(() => import('../features/alarms/ResponderPage').then((m) => m.ResponderPage)),
          ),
        },
        {
          path: 'users',
          element: guarded(
            'user:read',
            page(() => import('../features/users/UsersPage').then((m) => m.UsersPage)),
          ),
        },
        {
          path: 'audit',
          element: guarded(
            'audit:read',
            page(() => import('../features/audit/AuditPage').then((m) => m.AuditPage)),
          ),
        },
        {
          path: 'regions',
          element: guarded(
            'region:read',
            page(() => import('../features/regions/RegionsPage').then((m) => m.RegionsPage)),
          ),
        },
        {
          path: 'system/jobs',
          element: guarded(
            'job:manage',
            page(() => import('../features/system/JobsPage').then((m) => m.JobsPage)),
          ),
        },
        {
          path: 'disbursement',
          element: guarded(
            'ledger:read',
            page(() => import('../features/disbursement/DisbursementPage').then((m) => m.DisbursementPage)),
          ),
        },
        {
          path: 'tokens',
          element: guarded(
            'token:manage',
            page(() => import('../features/tokens/TokensPage').then((m) => m.TokensPage)),
          ),
        },
        {
          path: 'visits',
          element: guarded(
            'visit:plan',
            page(() => import('../features/visits').then((m) => m.VisitPlansPage)),
          ),
        },
        {
          path: 'visits/mine',
          element: guarded(
            'visit:record',
            page(() => import('../features/visits').then((m) => m.MyVisitsPage)),
          ),
        },
        {
          path: 'visits/do/:planId',
          element: guarded(
            'visit:record',
            page(() => import('../features/visits').then((m) => m.VisitPhonePage)),
          ),
        },
        {
          path: 'visits/ledger',
          element: guarded(
            'visit:export',
            page(() => import('../features/visits').then((m) => m.VisitLedgerPage)),
          ),
        },
        {
          path: 'assessments',
          element: guarded(
            'assessment:read',
            page(() => import('../features/assessments').then((m) => m.AssessmentsPage)),
          ),
        },
        {
          path: 'assessments/due',
          element: guarded(
            'assessment:read',
            page(() => import('../features/assessments').then((m) => m.DueListPage)),
          ),
        },
        {
          path: 'assessments/stats',
          element: guarded(
            'assessment:read',
            page(() => import('../features/assessments').then((m) => m.AssessmentStatsPage)),
          ),
        },
        {
          path: 'assessments/:id',
          element: guarded(
            'assessment:read',
            page(() => import('../features/assessments').then((m) => m.AssessmentDetailPage)),
          ),
        },
        {
          path: 'assessments/:id/fill',
          element: guarded(
            'assessment:read',
            page(() => import('../features/assessments').then((m) => m.AssessmentFormPage)),
          ),
        },
        {
          path: 'assessments/:id/report',
          element: guarded(
            'assessment:read',
            page(() => import('../features/assessments').then((m) => m.AssessmentReportPage)),
          ),
        },
        {
          path: 'benefits/applications',
          element: guarded(
            'benefit:read',
            page(() => import('../features/benefits').then((m) => m.ApplicationsPage)),
          ),
        },
        {
          path: 'benefits/applications/:id',
          element: guarded(
            'benefit:read',
            page(() => import('../features/benefits').then((m) => m.ApplicationDetailPage)),
          ),
        },
        {
          path: 'benefits/notices',
          element: guarded(
            'benefit:read',
            page(() => import('../features/benefits').then((m) => m.NoticesPage)),
          ),
        },
        {
          path: 'benefits/candidates',
          element: guarded(
            'benefit:read',
            page(() => import('../features/benefits').then((m) => m.CandidatesPage)),
          ),
        },
        {
          path: 'benefits/calendar',
          element: guarded(
            'benefit:read',
            page(() => import('../features/benefits').then((m) => m.CalendarPage)),
          ),
        },
        {
          path: 'benefits/programmes',
          element: guarded(
            'benefit:read',
            page(() => import('../features/benefits').then((m) => m.ProgrammesPage)),
          ),
        },
        {
          path: 'elders',
          element: guarded(
            'elder:read',
            page(() => import('../features/elders/EldersPage').then((m) => m.EldersPage)),
          ),
        },
        {
          path: 'elders/import',
          element: guarded(
            'elder:import',
            page(() => import('../features/elders/ImportPage').then((m) => m.ImportPage)),
          ),
        },
        {
          path: 'elders/:id',
          element: guarded(
            'elder:read',
            page(() => import('../features/elders/ElderDetailPage').then((m) => m.ElderDetailPage)),
          ),
        },
        {
          path: 'worklists',
          element: guarded(
            'worklist:read',
            page(() => import('../features/worklists/WorklistsPage').then((m) => m.WorklistsPage)),
          ),
        },
        {
          path: 'providers',
          element: guarded(
            'provider:read',
            page(() => import('../features/providers').then((m) => m.ProvidersPage)),
          ),
        },
        {
          path: 'caregivers',
          element: guarded(
            'caregiver:read',
            page(() => import('../features/providers').then((m) => m.CaregiversPage)),
          ),
        },
        {
          path: 'orders',
          element: guarded(
            'order:read',
            page(() => import('../features/orders').then((m) => m.OrdersPage)),
          ),
        },
        {
          path: 'orders/:id',
          element: guarded(
            'order:read',
            page(() => import('../features/orders').then((m) => m.OrderDetailPage)),
          ),
        },
        {
          path: 'dispatch',
          element: guarded(
            'dispatch:plan',
            page(() => import('../features/dispatch').then((m) => m.DispatchPage)),
          ),
        },
        {
          path: 'service-circle',
          element: guarded(
            'elder:read',
            page(() => import('../features/dispatch').then((m) => m.ServiceCirclePage)),
          ),
        },
        {
          path: 'complaints',
          element: guarded(
            'complaint:read',
            page(() => import('../features/orders').then((m) => m.ComplaintsPage)),
          ),
        },
        {
          path: 'meals/counter',
          element: guarded(
            'meal:serve',
            page(() => import('../features/meals').then((m) => m.MealCounterPage)),
          ),
        },
        {
          path: 'meals',
          element: guarded(
            'order:read',
            page(() => import('../features/meals').then((m) => m.MealStatsPage)),
          ),
        },
        {
          path: 'order-flags',
          element: guarded(
            'order:supervise',
            page(() => import('../features/meals').then((m) => m.OrderFlagsPage)),
          ),
        },
        {
          path: 'catalog',
          element: guarded(
            'catalog:read',
            page(() => import('../features/catalog').then((m) => m.CatalogPage)),
          ),
        },
        {
          path: 'catalog/diff',
          element: guarded(
            'catalog:read',
            page(() => import('../features/catalog').then((m) => m.DiffPage)),
          ),
        },
        {
          path: 'catalog/editions/:id',
          element: guarded(
            'catalog:read',
            page(() => import('../features/catalog').then((m) => m.EditionPage)),
          ),
        },
        {
          path: 'catalog/editions/:id/print',
          element: guarded(
            'catalog:read',
            page(() => import('../features/catalog').then((m) => m.PrintPage)),
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ])
}
