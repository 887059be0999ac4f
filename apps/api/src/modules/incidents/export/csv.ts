/**
 * The incident list as CSV, written page by page as the pages arrive (never the whole file in
 * memory). csv-stringify does the quoting, prefixes `'` to a value a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return: OWASP "CSV injection"), and writes a UTF-8
 * byte order mark so Excel reads the accents of Spanish right. The header row is in the reader's
 * language, from the catalogue (packages/domain/src/catalogue/csv.ts); the values are the stable
 * codes of the API (`investigating`, `AMBER+STRICT`), dates ISO 8601 in UTC, so a spreadsheet or a
 * script can rely on them, and beside each code column a `…Label` column says the same in the
 * reader's language (the labels of the PDF report: packages/domain/src/incidents/taxonomy.ts and
 * packages/domain/src/catalogue/report-pdf.ts).
 */
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { DISPLAY_TIME_ZONE, RSIT_TAXONOMY, SEVERITY_LEVELS, TLP_LABELS, rsitTypeLabel, words, type IncidentCsvColumn, type Locale } from '@anc/domain';
import type { IncidentSummary } from '../incident-dto.ts';

/** The columns in the order they are written; their headers are the catalogue's (`words(locale).csv`). */
export const CSV_COLUMNS = [
  'reference',
  'title',
  'agencyCode',
  'agencyName',
  'status',
  'statusLabel',
  'severity',
  'severityLabel',
  'tlp',
  'tlpLabel',
  'rsitClass',
  'rsitClassLabel',
  'rsitType',
  'rsitTypeLabel',
  'awareAt',
  'createdAt',
  'nextObligationKind',
  'nextObligationKindLabel',
  'nextObligationDueAt',
  'nextObligationState',
  'nextObligationStateLabel',
] as const satisfies readonly IncidentCsvColumn[];

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string | number | null>;

export function csvRecord(s: IncidentSummary, locale: Locale): CsvRecord {
  const w = words(locale).reportPdf;
  const next = s.nextObligation;
  return {
    reference: s.reference,
    title: s.title,
    agencyCode: s.agency.code,
    agencyName: locale === 'en' ? s.agency.nameEn : s.agency.name,
    status: s.status,
    statusLabel: w.status[s.status],
    severity: s.severity,
    severityLabel: SEVERITY_LEVELS[s.severity]?.label[locale] ?? null,
    tlp: s.tlp,
    tlpLabel: TLP_LABELS[s.tlp][locale],
    rsitClass: s.rsitClass,
    rsitClassLabel: RSIT_TAXONOMY[s.rsitClass].label[locale],
    rsitType: s.rsitType,
    rsitTypeLabel: s.rsitType ? (rsitTypeLabel(s.rsitClass, s.rsitType)?.[locale] ?? null) : null,
    awareAt: s.awareAt,
    createdAt: s.createdAt,
    nextObligationKind: next?.kind ?? null,
    nextObligationKindLabel: next ? w.obligationKinds[next.kind] : null,
    nextObligationDueAt: next?.dueAt ?? null,
    nextObligationState: next?.state ?? null,
    nextObligationStateLabel: next ? w.obligationStates[next.state] : null,
  };
}

/**
 * A readable CSV stream of the summaries `pages` yields. Pages are pulled as the client reads
 * (back-pressure), and a client that goes away stops the paging. `onError` hears a failure that
 * happens after the response started (the download is then cut short).
 */
export function incidentsCsv(pages: AsyncIterable<readonly IncidentSummary[]>, locale: Locale, onError: (err: Error) => void): Readable {
  async function* records() {
    for await (const page of pages) for (const s of page) yield csvRecord(s, locale);
  }
  const csv = stringify({
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map((key) => ({ key, header: words(locale).csv[key] })),
    escape_formulas: true,
    record_delimiter: 'windows',
  });
  return pipeline(Readable.from(records()), csv, (err) => {
    if (err) onError(err);
  });
}

const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** `incidentes-2026-11-20.csv`, dated in Mexico City. */
export const csvFileName = (now: Date) => `incidentes-${dayFormatter.format(now)}.csv`;
