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
  releaseTitle: 'What you can do in this release',
  releaseIntro: 'This release provides secure access, account administration and incident reporting with its legal deadlines, and the tasks the ANC assigns to agencies. Initiatives arrive in a later release.',
  canAll1: 'Sign in with your institutional account and see your agency and role.',
  canAll2: 'Change your password whenever you need to.',
  canAll3: 'Use the portal in Spanish or English; your choice is saved to your account.',
  canAdmin1: 'Register agencies, edit them, and activate or deactivate them.',
  canAdmin2: 'Create accounts, assign role and agency, deactivate them and reset passwords.',
  canAdmin3: 'Read the audit log and verify that nobody has altered it.',
  modulesTitle: 'Modules',
  canIncidents: {
    staff: 'Report incidents of your agency, follow their legal deadlines and submit the notification and the final report.',
    coordinator: 'Triage, correlate and share the incidents of every agency under TLP 2.0.',
    admin: 'Read every incident and its history.',
  },
  quickLinksTitle: 'Quick links',
  openModule: 'View {{module}}',
};
