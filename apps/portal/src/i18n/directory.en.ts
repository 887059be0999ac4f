import type { directoryEsMX } from './directory.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `directory.*` in English, typed against the Spanish catalogue. */
export const directoryEn: Shape<typeof directoryEsMX> = {
  pageTitle: 'Institutional directory',
  description:
    'Each agency’s Institutional Cybersecurity Head, Institutional Cybersecurity Officer (RIC) and the RIC’s deputy, and its 24/7 emergency contact, as the General Cybersecurity Policy for the Federal Public Administration requires.',
  ownDescription:
    'The people your agency designated under the General Cybersecurity Policy for the Federal Public Administration and its 24/7 emergency contact. Keep them up to date: the ANC uses them to coordinate incident response.',
  roles: {
    titular: 'Institutional Cybersecurity Head',
    ric: 'Institutional Cybersecurity Officer (RIC)',
    ric_auxiliar: 'Deputy to the RIC',
  },
  rolesShort: {
    titular: 'Head',
    ric: 'RIC',
    ric_auxiliar: 'Deputy',
  },
  states: {
    pending: 'On time',
    due_soon: 'Due soon',
    overdue: 'Overdue',
    complete: 'Complete',
  },
  dueAt: 'Designation deadline: {{date}}',
  dueHint: '60 calendar days after the policy took effect ({{date}}).',
  missing: 'Still to designate: {{roles}}',
  nothingMissing: 'All three roles are designated.',
  notDesignated: 'Not designated',
  designate: 'Designate',
  replace: 'Change',
  fields: {
    name: 'Full name',
    position: 'Position',
    email: 'Official e-mail',
    phone: 'Phone',
    phoneHint: 'A 10-digit Mexican number; stored as +52.',
    designatedAt: 'Designation date',
    designatedAtHint: 'The date of the designation letter.',
    contactName: 'Person or duty desk',
  },
  form: {
    title: 'Designate: {{role}}',
    replaceNote: 'The person designated today moves to the history.',
    saved: 'Designation saved.',
    contactTitle: '24/7 emergency contact',
    contactSaved: 'Emergency contact saved.',
  },
  designatedOn: 'Designated on {{date}}',
  emergency: {
    title: '24/7 emergency contact',
    none: 'No emergency contact recorded.',
    set: 'Record',
    edit: 'Change',
  },
  history: {
    title: 'Designation history',
    none: 'No earlier designations yet.',
    role: 'Role',
    person: 'Person',
    period: 'Designated',
    replaced: 'Replaced on',
  },
  list: {
    filter: 'State',
    all: 'All',
    agency: 'Agency',
    state: 'State',
    roles: 'Roles designated',
    ric: 'RIC',
    emergency: '24/7 contact',
    yes: 'Recorded',
    no: 'Missing',
    empty: 'No agency is in that state.',
    open: 'Open the directory of {{agency}}',
    counts: 'Agencies by state',
  },
  panel: {
    title: 'Policy designations',
    dueAt: 'Deadline: {{date}}',
    open: 'See the directory',
    ownState: 'Your agency',
  },
  contacts: {
    title: 'Contacts of {{agency}}',
    ric: 'RIC',
    noRic: 'No RIC designated.',
    emergency: '24/7 emergencies',
    noEmergency: 'No emergency contact.',
  },
  audit: {
    designate: 'Institutional directory designation',
    setEmergencyContact: 'Institutional directory 24/7 emergency contact',
  },
  notFound: 'That agency is not in the directory, or you have no access to it.',
  back: 'Back to the directory',
};
