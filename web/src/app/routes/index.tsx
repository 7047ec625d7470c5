import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { LoadingBlock } from '@/components/LoadingBlock';
import { hasRole, useSession, type Role } from '@/lib/session/session';
import { roles } from '../roles';

// Every page is its own chunk so the first load carries only the shell.
// The layout (menu, header) is a chunk of its own too: it loads while the session probe runs.
const AppLayout = lazy(() => import('../layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() => import('./StatusPages').then((m) => ({ default: m.NotFoundPage })));
const ForbiddenPage = lazy(() => import('./StatusPages').then((m) => ({ default: m.ForbiddenPage })));
const LoginPage = lazy(() => import('@/features/auth/components/LoginPage').then((m) => ({ default: m.LoginPage })));
const HomeRoute = lazy(() => import('../HomeRoute').then((m) => ({ default: m.HomeRoute })));
const CustomerListPage = lazy(() => import('@/features/customers/components/CustomerListPage').then((m) => ({ default: m.CustomerListPage })));
const CustomerCreatePage = lazy(() => import('@/features/customers/components/CustomerCreatePage').then((m) => ({ default: m.CustomerCreatePage })));
const CustomerEditPage = lazy(() => import('@/features/customers/components/CustomerEditPage').then((m) => ({ default: m.CustomerEditPage })));
const CustomerDetailRoute = lazy(() => import('../CustomerDetailRoute').then((m) => ({ default: m.CustomerDetailRoute })));
const UsersPage = lazy(() => import('@/features/users/components/UsersPage').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('@/features/teams/components/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const ApiKeysPage = lazy(() => import('@/features/apiKeys/components/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const lazyNamed = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const MyWeekPage = lazyNamed(() => import('@/features/visits/components/MyWeekPage'), 'MyWeekPage');
const VisitsPage = lazyNamed(() => import('@/features/visits/components/VisitsPage'), 'VisitsPage');
const VisitDetailRoute = lazyNamed(() => import('../RecordRoutes'), 'VisitDetailRoute');
const ReviewQueuePage = lazyNamed(() => import('@/features/visits/components/ReviewQueuePage'), 'ReviewQueuePage');
const CompliancePage = lazyNamed(() => import('@/features/visits/components/CompliancePage'), 'CompliancePage');
const ComplaintQueuePage = lazyNamed(() => import('@/features/complaints/components/ComplaintQueuePage'), 'ComplaintQueuePage');
const ComplaintDetailRoute = lazyNamed(() => import('../RecordRoutes'), 'ComplaintDetailRoute');
const ComplaintStatsPage = lazyNamed(() => import('@/features/complaints/components/ComplaintStatsPage'), 'ComplaintStatsPage');
const StandardAnswersPage = lazyNamed(() => import('@/features/complaints/components/StandardAnswersPage'), 'StandardAnswersPage');
const VisitPolicyPage = lazyNamed(() => import('@/features/visits/components/VisitPolicyPage'), 'VisitPolicyPage');
const BoardPage = lazyNamed(() => import('@/features/tasks/components/BoardPage'), 'BoardPage');
const ReferralsRoute = lazyNamed(() => import('../RecordRoutes'), 'ReferralsRoute');
const CompositionPage = lazyNamed(() => import('@/features/analytics/components/CompositionPage'), 'CompositionPage');
const LoyaltyPortfolioPage = lazyNamed(() => import('@/features/analytics/components/LoyaltyPortfolioPage'), 'LoyaltyPortfolioPage');
const TargetsPage = lazyNamed(() => import('@/features/analytics/components/TargetsPage'), 'TargetsPage');
const AssessmentsDuePage = lazyNamed(() => import('@/features/analytics/components/AssessmentsDuePage'), 'AssessmentsDuePage');
const RemindersPage = lazyNamed(() => import('@/features/analytics/components/RemindersPage'), 'RemindersPage');
const ComplaintSlaPage = lazyNamed(() => import('@/features/settings/components/ComplaintSlaPage'), 'ComplaintSlaPage');
const ScorecardTemplatePage = lazyNamed(() => import('@/features/settings/components/ScorecardTemplatePage'), 'ScorecardTemplatePage');
const LoyaltySettingsPage = lazyNamed(() => import('@/features/settings/components/LoyaltySettingsPage'), 'LoyaltySettingsPage');
const HolidaysPage = lazyNamed(() => import('@/features/settings/components/HolidaysPage'), 'HolidaysPage');

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
        <Route index element={page(<HomeRoute />)} />
        <Route path="customers" element={page(<CustomerListPage />)} />
        <Route path="customers/new" element={page(<CustomerCreatePage />)} />
        <Route path="customers/:id" element={page(<CustomerDetailRoute />)} />
        <Route path="customers/:id/edit" element={page(<CustomerEditPage />)} />
        <Route path="visits" element={<RequireRole roles={roles.visits}>{page(<VisitsPage />)}</RequireRole>} />
        <Route path="visits/my-week" element={<RequireRole roles={roles.visits}>{page(<MyWeekPage />)}</RequireRole>} />
        <Route path="visits/review" element={<RequireRole roles={roles.review}>{page(<ReviewQueuePage />)}</RequireRole>} />
        <Route path="visits/compliance" element={<RequireRole roles={roles.compliance}>{page(<CompliancePage />)}</RequireRole>} />
        <Route path="visits/:id" element={<RequireRole roles={roles.compliance}>{page(<VisitDetailRoute />)}</RequireRole>} />
        <Route path="complaints" element={<RequireRole roles={roles.complaints}>{page(<ComplaintQueuePage />)}</RequireRole>} />
        <Route path="complaints/stats" element={<RequireRole roles={roles.complaintStats}>{page(<ComplaintStatsPage />)}</RequireRole>} />
        <Route path="complaints/answers" element={<RequireRole roles={roles.standardAnswers}>{page(<StandardAnswersPage />)}</RequireRole>} />
        <Route path="complaints/:id" element={<RequireRole roles={roles.complaints}>{page(<ComplaintDetailRoute />)}</RequireRole>} />
        <Route path="board" element={page(<BoardPage />)} />
        <Route path="referrals" element={<RequireRole roles={roles.referrals}>{page(<ReferralsRoute />)}</RequireRole>} />
        <Route path="analytics/composition" element={<RequireRole roles={roles.analytics}>{page(<CompositionPage />)}</RequireRole>} />
        <Route path="analytics/loyalty" element={<RequireRole roles={roles.analytics}>{page(<LoyaltyPortfolioPage />)}</RequireRole>} />
        <Route path="analytics/targets" element={<RequireRole roles={roles.targets}>{page(<TargetsPage />)}</RequireRole>} />
        <Route path="analytics/assessments-due" element={<RequireRole roles={roles.assessments}>{page(<AssessmentsDuePage />)}</RequireRole>} />
        <Route path="analytics/reminders" element={<RequireRole roles={roles.reminders}>{page(<RemindersPage />)}</RequireRole>} />
        <Route path="admin/complaint-sla" element={<RequireRole roles={['Admin']}>{page(<ComplaintSlaPage />)}</RequireRole>} />
        <Route path="admin/scorecard" element={<RequireRole roles={['Admin']}>{page(<ScorecardTemplatePage />)}</RequireRole>} />
        <Route path="admin/loyalty" element={<RequireRole roles={['Admin']}>{page(<LoyaltySettingsPage />)}</RequireRole>} />
        <Route path="admin/holidays" element={<RequireRole roles={['Admin']}>{page(<HolidaysPage />)}</RequireRole>} />
        <Route path="admin/visit-policy" element={<RequireRole roles={['Admin']}>{page(<VisitPolicyPage />)}</RequireRole>} />
        <Route path="admin/users" element={<RequireRole roles={['Admin']}>{page(<UsersPage />)}</RequireRole>} />
        <Route path="admin/teams" element={<RequireRole roles={['Admin']}>{page(<TeamsPage />)}</RequireRole>} />
        <Route path="admin/api-keys" element={<RequireRole roles={['Admin']}>{page(<ApiKeysPage />)}</RequireRole>} />
        <Route path="*" element={page(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
