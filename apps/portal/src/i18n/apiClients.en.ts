import type { apiClientsEsMX } from './apiClients.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `apiClients.*` in English, typed against the Spanish catalogue. */
export const apiClientsEn: Shape<typeof apiClientsEsMX> = {
  pageTitle: 'Integrations',
  intro:
    'Tokens with which an agency’s SIEM or SOAR reports incidents and pulls indicators without a browser. Each integration acts as staff of its agency, limited to the scopes you choose.',
  new: 'New integration',
  tableLabel: 'Registered integrations',
  empty: 'There are no integrations yet.',
  never: 'Never',
  noExpiry: 'No expiry',
  columns: {
    name: 'Name',
    agency: 'Agency',
    scopes: 'Scopes',
    prefix: 'Token',
    createdAt: 'Created',
    lastUsedAt: 'Last use',
    expiresAt: 'Expires',
    status: 'Status',
  },
  status: {
    active: 'Active',
    expired: 'Expired',
    revoked: 'Revoked',
  },
  scopes: {
    incidentsRead: 'Read incidents',
    incidentsWrite: 'Report incidents',
    indicatorsRead: 'Read indicators (TAXII)',
  },
  scopeHints: {
    incidentsRead: 'List and detail of the incidents its agency may read.',
    incidentsWrite: 'Report incidents, add indicators and submit follow-up reports.',
    indicatorsRead: 'Download the indicators shared with its agency as STIX/TAXII.',
  },
  form: {
    title: 'New integration',
    agency: 'Agency',
    agencyPlaceholder: 'Choose the agency',
    agencyNothingFound: 'No active agency matches',
    agencyHint: 'The integration will act with the rights of this agency’s staff.',
    name: 'Name',
    namePlaceholder: 'e.g. SOC SIEM',
    scopes: 'Scopes',
    expiresAt: 'Expires (optional)',
    expiresAtHint: 'The token stops working at the end of that day (Mexico City time). Without a date, it does not expire.',
    submit: 'Create integration',
  },
  token: {
    title: 'Token of {{name}}',
    warningTitle: 'Copy the token now',
    warning:
      'This token will not be shown again. Store it in the secrets manager of the system that will use it; if it is lost, revoke the integration and create another.',
    label: 'Token',
    copy: 'Copy token',
    copied: 'Copied',
    usage: 'Send it with every request in the header Authorization: Bearer <token>.',
    done: 'I have stored it',
  },
  created: 'The integration {{name}} was created.',
  revokeAction: 'Revoke',
  revokeFor: 'Revoke {{name}}',
  confirmRevokeTitle: 'Revoke {{name}}?',
  confirmRevokeBody:
    'The token {{prefix}}… will stop working at once and cannot be reactivated. To connect the system again you will have to create another integration.',
  revoked: 'The integration {{name}} was revoked.',
};
