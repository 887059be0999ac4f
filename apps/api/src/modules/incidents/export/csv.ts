/**
 * The incident list as CSV, written page by page as the pages arrive (never the whole file in
 * memory). csv-stringify does the quoting, prefixes `'` to a value a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return: OWASP "CSV injection"), and writes a UTF-8
 * byte order mark so Excel reads the accents of Spanish right. The header row is in the reader's
 * language, from the catalogue (packages/domain/src/catalogue/csv.ts); the values are the stable
 * codes of the API (`investigating`, `AMBER+STRICT`), dates ISO 8601 in UTC, so a spreadsheet or a
 * script can rely on them.
 */
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { DISPLAY_TIME_ZONE, words, type IncidentCsvColumn, type Locale } from '@anc/domain';
import type { IncidentSummary } from '../incident-dto.ts';

/** The columns in the order they are written; their headers are the catalogue's (`words(locale).csv`). */
export const CSV_COLUMNS = [
  'reference',
  'title',
  'agencyCode',
  'agencyName',
  'status',
  'severity',
  'tlp',
  'rsitClass',
  'rsitType',
  'awareAt',
  'createdAt',
  'nextObligationKind',
  'nextObligationDueAt',
  'nextObligationState',
] as const satisfies readonly IncidentCsvColumn[];

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string | number | null>;

export function csvRecord(s: IncidentSummary, locale: Locale): CsvRecord {
  return {
    reference: s.reference,
    title: s.title,
    agencyCode: s.agency.code,
    agencyName: locale === 'en' ? s.agency.nameEn : s.agency.name,
    status: s.status,
    severity: s.severity,
    tlp: s.tlp,
    rsitClass: s.rsitClass,
    rsitType: s.rsitType,
    awareAt: s.awareAt,
    createdAt: s.createdAt,
    nextObligationKind: s.nextObligation?.kind ?? null,
    nextObligationDueAt: s.nextObligation?.dueAt ?? null,
    nextObligationState: s.nextObligation?.state ?? null,
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
