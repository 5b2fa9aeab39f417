import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { createBrowserRouter } from 'react-router-dom'
import { LoginPage } from '../features/auth/LoginPage'
import { HomePage } from '../features/home/HomePage'
import { AppLayout } from './AppLayout'
import { FullPageSpin, RequireAuth, RequirePermission } from './guards'
import { NotFoundPage, RouteErrorPage } from './ErrorPages'
import '../features/assessments/elderTab'

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
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ])
}
