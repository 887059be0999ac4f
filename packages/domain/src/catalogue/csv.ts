import type { Area } from './types.ts';

/**
 * The header row of the incident list as CSV (apps/api/src/modules/incidents/export/csv.ts writes
 * the columns in its own order; every column it writes must have a header here). The values under
 * them are the API's stable codes, not words, so they need none.
 */
export const INCIDENT_CSV_HEADERS = {
  reference: { 'es-MX': 'Referencia', en: 'Reference' },
  title: { 'es-MX': 'Título', en: 'Title' },
  agencyCode: { 'es-MX': 'Clave de la dependencia', en: 'Agency code' },
  agencyName: { 'es-MX': 'Dependencia', en: 'Agency' },
  status: { 'es-MX': 'Estado', en: 'Status' },
  severity: { 'es-MX': 'Severidad', en: 'Severity' },
  tlp: { 'es-MX': 'TLP', en: 'TLP' },
  rsitClass: { 'es-MX': 'Clase RSIT', en: 'RSIT class' },
  rsitType: { 'es-MX': 'Tipo RSIT', en: 'RSIT type' },
  awareAt: { 'es-MX': 'Conocimiento (UTC)', en: 'Aware at (UTC)' },
  createdAt: { 'es-MX': 'Registrado (UTC)', en: 'Created at (UTC)' },
  nextObligationKind: { 'es-MX': 'Siguiente obligación', en: 'Next obligation' },
  nextObligationDueAt: { 'es-MX': 'Vencimiento de la obligación (UTC)', en: 'Next obligation due at (UTC)' },
  nextObligationState: { 'es-MX': 'Estado de la obligación', en: 'Next obligation state' },
} as const satisfies Area;

export type IncidentCsvColumn = keyof typeof INCIDENT_CSV_HEADERS;
