import { z } from 'zod';
import type { ReportKind } from '../schemas/incidents.ts';

/**
 * The documents of an incident that can be downloaded as the official PDF
 * (apps/api/src/modules/incidents/report-pdf/): the report as it was filed (`initial`, which also
 * counts as the early warning: packages/domain/src/incidents/obligations.ts), and each follow-up
 * report the law asks for once it was filed (`notification`, `final`).
 */
export const REPORT_DOCUMENTS = ['initial', 'notification', 'final'] as const;
export type ReportDocument = (typeof REPORT_DOCUMENTS)[number];

/** The follow-up report a document is made of; null for the report as filed. */
export const REPORT_DOCUMENT_KIND: Record<ReportDocument, ReportKind | null> = {
  initial: null,
  notification: 'notification',
  final: 'final_report',
};

/** `?document=` of the PDF route: one of the documents, the report as filed when left out. */
export const ReportPdfQuery = z.strictObject({
  document: z.enum(REPORT_DOCUMENTS, { error: 'invalid_option' }).default('initial'),
});
export type ReportPdfQuery = z.output<typeof ReportPdfQuery>;

/** The documents an incident has so far, in the order they are filed: the report, then each follow-up filed. */
export function filedReportDocuments(incident: { reports: readonly { kind: ReportKind }[] }): ReportDocument[] {
  return REPORT_DOCUMENTS.filter((doc) => {
    const kind = REPORT_DOCUMENT_KIND[doc];
    return kind === null || incident.reports.some((r) => r.kind === kind);
  });
}

/** `INC-2026-000123-notificacion.pdf`: the reference, and which document (in Spanish, the language of the record). */
export function reportPdfFileName(reference: string, document: ReportDocument): string {
  const suffix: Record<ReportDocument, string> = { initial: 'reporte', notification: 'notificacion', final: 'informe-final' };
  return `${reference}-${suffix[document]}.pdf`;
}

/** Where the portal downloads a document (apps/api/src/modules/incidents/report-pdf/report-pdf.routes.ts), in a language. */
export function reportPdfHref(incidentId: string, document: ReportDocument, lang: 'es-MX' | 'en'): string {
  return `/export/incidents/${encodeURIComponent(incidentId)}/report.pdf?document=${document}&lang=${lang}`;
}
