/**
 * `reportPdf.*` in Spanish (Mexico): the "Descargar PDF" menu of the incident page (the official
 * PDF of the report and its follow-ups) and its audit entry. Kept in its own file so that the
 * features built at the same time do not edit the same lines; es-MX.ts includes it.
 */
export const reportPdfEsMX = {
  button: 'Descargar PDF',
  menuLabel: 'Documento oficial en PDF',
  documents: {
    initial: 'Reporte presentado',
    notification: 'Notificación del incidente',
    final: 'Informe final',
  },
  hint: 'Con la clasificación {{tlp}} en cada página. La descarga queda registrada.',
  auditAction: 'PDF de un reporte descargado',
};
