/** The route tree (code-based): public sign-in, and everything else behind the signed-in layout. */
import { isOidcErrorCode, type OidcErrorCode } from '@anc/domain';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFound } from './components/NotFound.tsx';
import { RouteError } from './components/RouteError.tsx';
import { AgenciesPanel } from './features/admin/AgenciesPanel.tsx';
import { AdvisoriesPage } from './features/advisories/AdvisoriesPage.tsx';
import { AdvisoryDetailPage } from './features/advisories/AdvisoryDetailPage.tsx';
import { EditAdvisoryPage, NewAdvisoryPage } from './features/advisories/AdvisoryFormPage.tsx';
import { ApiClientsPanel } from './features/admin/ApiClientsPanel.tsx';
import { AuditPanel } from './features/admin/AuditPanel.tsx';
import { MailPanel } from './features/admin/MailPanel.tsx';
import { PlaybookEditorPage } from './features/playbooks/PlaybookEditorPage.tsx';
import { PlaybooksPanel } from './features/playbooks/PlaybooksPanel.tsx';
import { UsersPanel, validateUsersSearch } from './features/admin/UsersPanel.tsx';
import { NewIncidentPage } from './features/incidents/new/NewIncidentPage.tsx';
import { IncidentDetailPage } from './features/incidents/IncidentDetailPage.tsx';
import { IncidentsListPage } from './features/incidents/IncidentsListPage.tsx';
import { validateIncidentsSearch } from './features/incidents/search.ts';
import { DirectoryEntryPage } from './features/directory/DirectoryEntryPage.tsx';
import { DirectoryPage, validateDirectorySearch } from './features/directory/DirectoryPage.tsx';
import { InitiativeDetailPage } from './features/initiatives/InitiativeDetailPage.tsx';
import { InitiativesPage } from './features/initiatives/InitiativesPage.tsx';
import { NewInitiativePage } from './features/initiatives/NewInitiativePage.tsx';
import { validateInitiativesSearch } from './features/initiatives/search.ts';
import { NotificationsPage } from './features/notifications/NotificationsPage.tsx';
import { NewTaskPage } from './features/tasks/NewTaskPage.tsx';
import { validateNewTaskSearch, validateTasksSearch } from './features/tasks/search.ts';
import { TaskDetailPage } from './features/tasks/TaskDetailPage.tsx';
import { TasksPage } from './features/tasks/TasksPage.tsx';
import { AccountSecurityPage } from './features/security/AccountSecurityPage.tsx';
import { meQueryOptions, safeRedirect, SECURITY_PATH } from './lib/session.ts';
import { queryClient } from './lib/trpc.ts';
import { AdminLayout } from './routes/AdminLayout.tsx';
import { DashboardPage } from './routes/DashboardPage.tsx';
import { NotificationPreferencesPage } from './routes/NotificationPreferencesPage.tsx';
import { PasswordResetPage } from './routes/PasswordResetPage.tsx';
import { SignInPage } from './routes/SignInPage.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

export interface SignInSearch {
  redirect?: string;
  reason?: 'expired' | 'passwordReset';
  /** `mfa`: the password (or the identity provider) was accepted; the second factor is asked for. */
  step?: 'mfa';
  /** Why a sign-in through the identity provider was refused (the API's /auth/oidc/callback). */
  oidc?: OidcErrorCode;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ingresar',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
    reason: search.reason === 'expired' || search.reason === 'passwordReset' ? search.reason : undefined,
    step: search.step === 'mfa' ? 'mfa' : undefined,
    oidc: isOidcErrorCode(search.oidc) ? search.oidc : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me.user) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});

export interface ResetSearch {
  token?: string;
}

// Reached from the sign-in page (no token: ask for a link) and from the e-mail (a token: choose the
// new password). Open with or without a session: the link names its own account.
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/restablecer',
  validateSearch: (search: Record<string, unknown>): ResetSearch => ({ token: typeof search.token === 'string' ? search.token : undefined }),
  component: PasswordResetPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!me.user) throw redirect({ to: '/ingresar', search: { redirect: location.href } });
    // MFA_REQUIRED_ROLES: an account without its second factor may only enrol.
    if (me.mfaEnrollmentRequired && location.pathname !== SECURITY_PATH) throw redirect({ to: SECURITY_PATH, replace: true });
  },
  component: AppLayout,
});

const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: DashboardPage });
const incidentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/incidentes',
  validateSearch: validateIncidentsSearch,
  component: IncidentsListPage,
});
const incidentDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/incidentes/$incidentId',
  component: IncidentDetailPage,
});
// A static segment outranks `$incidentId`: /incidentes/nuevo is the form, never an incident id.
const newIncidentRoute = createRoute({ getParentRoute: () => appRoute, path: '/incidentes/nuevo', component: NewIncidentPage });
const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tareas',
  validateSearch: validateTasksSearch,
  component: TasksPage,
});
// As with incidents, the static /tareas/nueva outranks `$taskId`.
const newTaskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tareas/nueva',
  validateSearch: validateNewTaskSearch,
  component: NewTaskPage,
});
const taskDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/tareas/$taskId', component: TaskDetailPage });
const notificationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/notificaciones', component: NotificationsPage });
const notificationPreferencesRoute = createRoute({ getParentRoute: () => appRoute, path: '/cuenta/notificaciones', component: NotificationPreferencesPage });
const accountSecurityRoute = createRoute({ getParentRoute: () => appRoute, path: '/cuenta/seguridad', component: AccountSecurityPage });
const initiativesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/iniciativas',
  validateSearch: validateInitiativesSearch,
  component: InitiativesPage,
});
// As with incidents and tasks, the static /iniciativas/nueva outranks `$initiativeId`.
const newInitiativeRoute = createRoute({ getParentRoute: () => appRoute, path: '/iniciativas/nueva', component: NewInitiativePage });
const initiativeDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/iniciativas/$initiativeId',
  component: InitiativeDetailPage,
});
// Advisories (alertas): as with tasks, the static /alertas/nueva outranks `$advisoryId`.
const advisoriesRoute = createRoute({ getParentRoute: () => appRoute, path: '/alertas', component: AdvisoriesPage });
const newAdvisoryRoute = createRoute({ getParentRoute: () => appRoute, path: '/alertas/nueva', component: NewAdvisoryPage });
const advisoryDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/alertas/$advisoryId', component: AdvisoryDetailPage });
const editAdvisoryRoute = createRoute({ getParentRoute: () => appRoute, path: '/alertas/$advisoryId/editar', component: EditAdvisoryPage });

// The institutional directory (features/directory/).
const directoryRoute = createRoute({ getParentRoute: () => appRoute, path: '/directorio', validateSearch: validateDirectorySearch, component: DirectoryPage });
const directoryEntryRoute = createRoute({ getParentRoute: () => appRoute, path: '/directorio/$agencyId', component: DirectoryEntryPage });

const adminRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin', component: AdminLayout });
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/dependencias', replace: true });
  },
});
const adminAgenciesRoute = createRoute({ getParentRoute: () => adminRoute, path: '/dependencias', component: AgenciesPanel });
const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/usuarios',
  validateSearch: validateUsersSearch,
  component: UsersPanel,
});
const adminApiClientsRoute = createRoute({ getParentRoute: () => adminRoute, path: '/integraciones', component: ApiClientsPanel });
const adminAuditRoute = createRoute({ getParentRoute: () => adminRoute, path: '/bitacora', component: AuditPanel });
const adminMailRoute = createRoute({ getParentRoute: () => adminRoute, path: '/correo', component: MailPanel });
const adminPlaybooksRoute = createRoute({ getParentRoute: () => adminRoute, path: '/playbooks', component: PlaybooksPanel });
// `nuevo` for a new playbook, otherwise its id.
const adminPlaybookRoute = createRoute({ getParentRoute: () => adminRoute, path: '/playbooks/$playbookId', component: PlaybookEditorPage });

const routeTree = rootRoute.addChildren([
  signInRoute,
  resetRoute,
  appRoute.addChildren([
    dashboardRoute,
    incidentsRoute,
    newIncidentRoute,
    incidentDetailRoute,
    tasksRoute,
    newTaskRoute,
    taskDetailRoute,
    initiativesRoute,
    newInitiativeRoute,
    initiativeDetailRoute,
    directoryRoute,
    directoryEntryRoute,
    advisoriesRoute,
    newAdvisoryRoute,
    advisoryDetailRoute,
    editAdvisoryRoute,
    notificationsRoute,
    notificationPreferencesRoute,
    accountSecurityRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      adminAgenciesRoute,
      adminUsersRoute,
      adminApiClientsRoute,
      adminAuditRoute,
      adminMailRoute,
      adminPlaybooksRoute,
      adminPlaybookRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Data freshness is TanStack Query's job; the router should not cache loader results on top.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
