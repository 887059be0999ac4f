import type { dashboardEsMX } from './dashboard.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `dashboard.*` in English, typed against the Spanish catalogue. */
export const dashboardEn: Shape<typeof dashboardEsMX> = {
  pageTitle: 'Dashboard',
  greeting: 'Hello, {{name}}',
  now: '{{datetime}} · Central Mexico time',
  accountTitle: 'Your account',
  agency: 'Agency',
  role: 'Role',
  email: 'E-mail',
  language: 'Portal language',
  quickLinksTitle: 'Quick links',
  scopeNational: 'National picture',
  scopeAgency: 'Picture for {{agency}}',
  scopeNationalHint: 'Every agency. Each number opens the list it counts.',
  scopeAgencyHint: 'Your agency’s: its incidents, deadlines, tasks and initiatives. Each number opens the list it counts.',
  numberLink: '{{label}}: {{count}}. View the list',
  stats: {
    incidents: 'Incidents in {{days}} days',
    incidentsHint: 'Reported since {{date}}',
    overdue: 'Legal deadlines overdue',
    overdueHint: 'Open incidents with a deadline passed',
    dueSoon: 'Deadlines due soon',
    dueSoonHint: 'Open incidents with a deadline close',
    tasksOverdue: 'Overdue tasks',
    tasksOverdueHint: 'Open past their due time',
  },
  incidents: {
    title: 'Incidents of the last {{days}} days',
    daily: 'Reported per day',
    dailyLabel: 'Incidents reported per day, from {{from}} to {{to}}',
    dailySummary: '{{total}} in all; the busiest day was {{date}}, with {{count}}.',
    series: 'Incidents',
    byStatus: 'By status',
    bySeverity: 'By severity (NCISS)',
    severityLabel: 'Incidents by severity level',
    none: 'No incidents were reported in this period.',
  },
  tasks: {
    title: 'Overdue tasks by agency',
    none: 'No overdue tasks.',
  },
  plan: {
    title: 'Plan progress by objective',
    initiativesUnit_one: 'initiative',
    initiativesUnit_other: 'initiatives',
    late_one: '{{count}} milestone late',
    late_other: '{{count}} milestones late',
    noneNational: 'No initiatives registered yet.',
    noneAgency: 'Your agency neither leads nor takes part in any initiative.',
    registry: 'View the registry',
  },
};
