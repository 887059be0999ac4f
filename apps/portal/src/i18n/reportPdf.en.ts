import type { reportPdfEsMX } from './reportPdf.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `reportPdf.*` in English, typed against the Spanish catalogue. */
export const reportPdfEn: Shape<typeof reportPdfEsMX> = {
  button: 'Download PDF',
  menuLabel: 'Official PDF document',
  documents: {
    initial: 'Report as filed',
    notification: 'Incident notification',
    final: 'Final report',
  },
  hint: 'Marked {{tlp}} on every page. The download is recorded.',
  auditAction: 'Report PDF downloaded',
};
