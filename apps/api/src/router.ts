import { adminAgenciesRouter, agenciesRouter } from './modules/agencies/agencies.router.ts';
import { advisoriesRouter } from './modules/advisories/advisories.router.ts';
import { apiClientsRouter } from './modules/api-clients/api-clients.router.ts';
import { auditRouter } from './modules/audit/audit.router.ts';
import { authRouter } from './modules/auth/auth.router.ts';
import { dashboardRouter } from './modules/dashboard/dashboard.router.ts';
import { directoryRouter } from './modules/directory/directory.router.ts';
import { incidentsRouter } from './modules/incidents/incidents.router.ts';
import { initiativesRouter } from './modules/initiatives/initiatives.router.ts';
import { mailOutboxRouter } from './modules/mail/mail.router.ts';
import { playbooksRouter } from './modules/playbooks/playbooks.router.ts';
import { notificationsRouter } from './modules/notifications/notifications.router.ts';
import { savedFiltersRouter } from './modules/saved-filters/saved-filters.router.ts';
import { tasksRouter } from './modules/tasks/tasks.router.ts';
import { adminUsersRouter } from './modules/users/users.router.ts';
import { router } from './trpc/init.ts';

export const appRouter = router({
  auth: authRouter,
  agencies: agenciesRouter,
  incidents: incidentsRouter,
  tasks: tasksRouter,
  playbooks: playbooksRouter,
  notifications: notificationsRouter,
  initiatives: initiativesRouter,
  dashboard: dashboardRouter,
  directory: directoryRouter,
  apiClients: apiClientsRouter,
  mailOutbox: mailOutboxRouter,
  savedFilters: savedFiltersRouter,
  advisories: advisoriesRouter,
  admin: router({
    agencies: adminAgenciesRouter,
    users: adminUsersRouter,
    audit: auditRouter,
  }),
});

export type AppRouter = typeof appRouter;
