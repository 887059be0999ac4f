import type { AdvisoryAnswerState, AdvisoryResponseStatus } from '../advisories/status.ts';
import type { Labels } from './types.ts';

/**
 * The words of the advisory answer matrix as CSV (apps/api/src/modules/advisories/matrix-csv.ts):
 * the header row, and the label written beside each code in the reader's language.
 */
export const ADVISORY_WORDS = {
  headers: {
    agencyCode: { 'es-MX': 'Clave de la dependencia', en: 'Agency code' },
    agencyName: { 'es-MX': 'Dependencia', en: 'Agency' },
    status: { 'es-MX': 'Respuesta (código)', en: 'Answer (code)' },
    statusLabel: { 'es-MX': 'Respuesta', en: 'Answer' },
    respondedAt: { 'es-MX': 'Respondida (UTC)', en: 'Answered at (UTC)' },
    state: { 'es-MX': 'Situación (código)', en: 'Standing (code)' },
    stateLabel: { 'es-MX': 'Situación', en: 'Standing' },
  },
  status: {
    acknowledged: { 'es-MX': 'Enterada', en: 'Acknowledged' },
    not_affected: { 'es-MX': 'No afectada', en: 'Not affected' },
    mitigating: { 'es-MX': 'Mitigando', en: 'Mitigating' },
    mitigated: { 'es-MX': 'Mitigado', en: 'Mitigated' },
  } satisfies Labels<AdvisoryResponseStatus>,
  state: {
    answered: { 'es-MX': 'Respondió', en: 'Answered' },
    overdue: { 'es-MX': 'Vencida sin respuesta', en: 'Overdue, no answer' },
    pending: { 'es-MX': 'Pendiente', en: 'Pending' },
  } satisfies Labels<AdvisoryAnswerState>,
  noAnswer: { 'es-MX': 'Sin respuesta', en: 'No answer' },
} as const;
