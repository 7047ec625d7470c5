import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { LoadingBlock } from '@/components/LoadingBlock';
import { hasRole, useSession, type Role } from '@/lib/session/session';

// Every page is its own chunk so the first load carries only the shell.
// The layout (menu, header) is a chunk of its own too: it loads while the session probe runs.
const AppLayout = lazy(() => import('../layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() => import('./StatusPages').then((m) => ({ default: m.NotFoundPage })));
const ForbiddenPage = lazy(() => import('./StatusPages').then((m) => ({ default: m.ForbiddenPage })));
const LoginPage = lazy(() => import('@/features/auth/components/LoginPage').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('@/features/home/components/HomePage').then((m) => ({ default: m.HomePage })));
const CustomerListPage = lazy(() => import('@/features/customers/components/CustomerListPage').then((m) => ({ default: m.CustomerListPage })));
const CustomerCreatePage = lazy(() => import('@/features/customers/components/CustomerCreatePage').then((m) => ({ default: m.CustomerCreatePage })));
const CustomerEditPage = lazy(() => import('@/features/customers/components/CustomerEditPage').then((m) => ({ default: m.CustomerEditPage })));
const CustomerDetailRoute = lazy(() => import('../CustomerDetailRoute').then((m) => ({ default: m.CustomerDetailRoute })));
const UsersPage = lazy(() => import('@/features/users/components/UsersPage').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('@/features/teams/components/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const ApiKeysPage = lazy(() => import('@/features/apiKeys/components/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));

function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingBlock minHeight={400} />;
  if (state.status === 'anonymous') {
    const returnTo = location.pathname + location.search;
    return <Navigate to={returnTo === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  return children;
}

function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'signedIn' || !hasRole(state.me, ...roles)) return page(<ForbiddenPage />);
  return children;
}

/** The login page; once signed in it sends the user back where the session ran out (same-origin paths only). */
function LoginRoute() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingBlock minHeight={400} />;
  if (state.status === 'signedIn') {
    const returnTo = new URLSearchParams(location.search).get('returnTo');
    const safe = returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
    return <Navigate to={safe} replace />;
  }
  return <LoginPage />;
}

const page = (node: ReactNode) => <Suspense fallback={<LoadingBlock minHeight={400} />}>{node}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={page(<LoginRoute />)} />
      <Route
        element={
          <RequireSignIn>
            <Suspense fallback={<LoadingBlock minHeight={400} />}>
              <AppLayout />
            </Suspense>
          </RequireSignIn>
        }
      >
        <Route index element={page(<HomePage />)} />
        <Route path="customers" element={page(<CustomerListPage />)} />
        <Route path="customers/new" element={page(<CustomerCreatePage />)} />
        <Route path="customers/:id" element={page(<CustomerDetailRoute />)} />
        <Route path="customers/:id/edit" element={page(<CustomerEditPage />)} />
        <Route path="admin/users" element={<RequireRole roles={['Admin']}>{page(<UsersPage />)}</RequireRole>} />
        <Route path="admin/teams" element={<RequireRole roles={['Admin']}>{page(<TeamsPage />)}</RequireRole>} />
        <Route path="admin/api-keys" element={<RequireRole roles={['Admin']}>{page(<ApiKeysPage />)}</RequireRole>} />
        <Route path="*" element={page(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
