import type { Area } from './types.ts';

/**
 * The header row of the incident list as CSV (apps/api/src/modules/incidents/export/csv.ts writes
 * the columns in its own order; every column it writes must have a header here). The code columns
 * hold the API's stable codes (`triaged`, `malicious-code`) for machines; beside each one a
 * `…Label` column holds the same value in the reader's language, for people.
 */
export const INCIDENT_CSV_HEADERS = {
  reference: { 'es-MX': 'Referencia', en: 'Reference' },
  title: { 'es-MX': 'Título', en: 'Title' },
  agencyCode: { 'es-MX': 'Clave de la dependencia', en: 'Agency code' },
  agencyName: { 'es-MX': 'Dependencia', en: 'Agency' },
  status: { 'es-MX': 'Estado', en: 'Status' },
  statusLabel: { 'es-MX': 'Estado (texto)', en: 'Status (label)' },
  severity: { 'es-MX': 'Severidad', en: 'Severity' },
  severityLabel: { 'es-MX': 'Severidad (texto)', en: 'Severity (label)' },
  tlp: { 'es-MX': 'TLP', en: 'TLP' },
  tlpLabel: { 'es-MX': 'TLP (texto)', en: 'TLP (label)' },
  rsitClass: { 'es-MX': 'Clase RSIT', en: 'RSIT class' },
  rsitClassLabel: { 'es-MX': 'Clase RSIT (texto)', en: 'RSIT class (label)' },
  rsitType: { 'es-MX': 'Tipo RSIT', en: 'RSIT type' },
  rsitTypeLabel: { 'es-MX': 'Tipo RSIT (texto)', en: 'RSIT type (label)' },
  awareAt: { 'es-MX': 'Conocimiento (UTC)', en: 'Aware at (UTC)' },
  createdAt: { 'es-MX': 'Registrado (UTC)', en: 'Created at (UTC)' },
  nextObligationKind: { 'es-MX': 'Siguiente obligación', en: 'Next obligation' },
  nextObligationKindLabel: { 'es-MX': 'Siguiente obligación (texto)', en: 'Next obligation (label)' },
  nextObligationDueAt: { 'es-MX': 'Vencimiento de la obligación (UTC)', en: 'Next obligation due at (UTC)' },
  nextObligationState: { 'es-MX': 'Estado de la obligación', en: 'Next obligation state' },
  nextObligationStateLabel: { 'es-MX': 'Estado de la obligación (texto)', en: 'Next obligation state (label)' },
} as const satisfies Area;

export type IncidentCsvColumn = keyof typeof INCIDENT_CSV_HEADERS;
