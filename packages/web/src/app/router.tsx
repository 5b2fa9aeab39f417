import { createBrowserRouter } from "react-router-dom";
import { LoginPage } from "../features/auth/LoginPage";
import { HomePage } from "../features/home/HomePage";
import { UsersPage } from "../features/users/UsersPage";
import { AuditPage } from "../features/audit/AuditPage";
import { RegionsPage } from "../features/regions/RegionsPage";
import { TokensPage } from "../features/tokens/TokensPage";
import { AppLayout } from "./AppLayout";
import { RequireAuth, RequirePermission } from "./guards";
import { NotFoundPage, RouteErrorPage } from "./ErrorPages";

export function createAppRouter() {
  return createBrowserRouter([
    { path: "/login", element: <LoginPage />, errorElement: <RouteErrorPage /> },
    {
      path: "/",
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        { path: "users", element: <RequirePermission permission="user:read"><UsersPage /></RequirePermission> },
        { path: "audit", element: <RequirePermission permission="audit:read"><AuditPage /></RequirePermission> },
        { path: "regions", element: <RequirePermission permission="region:read"><RegionsPage /></RequirePermission> },
        { path: "tokens", element: <RequirePermission permission="token:manage"><TokensPage /></RequirePermission> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
