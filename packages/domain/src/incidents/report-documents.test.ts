import { describe, expect, it } from 'vitest';
import { ReportPdfQuery, filedReportDocuments, reportPdfFileName, reportPdfHref } from './report-documents.ts';

describe('the downloadable documents of an incident', () => {
  it('are the report as filed, then each follow-up once it was filed', () => {
    expect(filedReportDocuments({ reports: [] })).toEqual(['initial']);
    expect(filedReportDocuments({ reports: [{ kind: 'notification' }] })).toEqual(['initial', 'notification']);
    expect(filedReportDocuments({ reports: [{ kind: 'final_report' }, { kind: 'notification' }] })).toEqual(['initial', 'notification', 'final']);
  });

  it('are asked for by name, the report as filed when none is named', () => {
    expect(ReportPdfQuery.parse({})).toEqual({ document: 'initial' });
    expect(ReportPdfQuery.parse({ document: 'final' })).toEqual({ document: 'final' });
    expect(ReportPdfQuery.safeParse({ document: 'final_report' }).success).toBe(false);
    expect(ReportPdfQuery.safeParse({ document: 'initial', extra: '1' }).success).toBe(false);
  });

  it('are named after the reference', () => {
    expect(reportPdfFileName('INC-2026-000123', 'initial')).toBe('INC-2026-000123-reporte.pdf');
    expect(reportPdfFileName('INC-2026-000123', 'final')).toBe('INC-2026-000123-informe-final.pdf');
  });

  it('are downloaded from the export route, in a language', () => {
    expect(reportPdfHref('0b9d6a57-5f7e-4d3c-9a51-1f0c2e6d7a10', 'notification', 'en')).toBe(
      '/export/incidents/0b9d6a57-5f7e-4d3c-9a51-1f0c2e6d7a10/report.pdf?document=notification&lang=en',
    );
  });
});
