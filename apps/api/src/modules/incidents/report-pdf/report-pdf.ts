/**
 * The official PDF of an incident's report (issue 14): the report as filed, the notification or
 * the final report, laid out as a document of the Agencia Nacional de Ciberseguridad. It is drawn
 * from the incident as `incidents.get` answers it to the reader (`buildIncidentDetail`,
 * incident-dto.ts), never from the rows: the timeline, the step reasons and the names of other
 * incidents are already cut to what that reader may read (packages/domain/src/incidents/visibility.ts,
 * incident-names.ts), so the PDF shows exactly that and nothing more.
 *
 * pdfmake lays the document out (server side, pure JavaScript) with the Roboto fonts it ships in
 * its own package, read from node_modules: nothing is fetched, and the document may name no other
 * file nor URL (both access policies below refuse everything else). Every page carries the TLP
 * label in FIRST's colours in its header and its footer, and "Página N de M".
 */
import { dirname, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  REPORT_DOCUMENT_KIND,
  RSIT_TAXONOMY,
  SEVERITY_LEVELS,
  TLP_COLOURS,
  TLP_LABELS,
  formatMxDateTime,
  formatMxn,
  rsitTypeLabel,
  words,
  type IncidentDetail,
  type IncidentTimelineEntry,
  type Locale,
  type ReportDocument,
  type ReportPdfPhrase,
  type Tlp,
} from '@anc/domain';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');
const ROBOTO = (require('pdfmake/fonts/Roboto.js') as { Roboto: Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> }).Roboto;
const FONT_DIR = resolve(dirname(ROBOTO.normal)) + sep;

pdfmake.setFonts({ Roboto: ROBOTO });
// The only files the layout reads are the fonts above; no image or font from elsewhere, no URL.
pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONT_DIR));
pdfmake.setUrlAccessPolicy(() => false);

/** The words of the PDF in one language. */
type PdfWords = ReturnType<typeof words>['reportPdf'];

const phrase = (p: Partial<ReportPdfPhrase>): ReportPdfPhrase => ({ page: 0, pages: 0, from: '', to: '', count: 0, ...p });

/** "TLP:AMBER+STRICT". */
export const tlpMark = (tlp: Tlp): string => `TLP:${tlp}`;

/** The label in its FIRST colour on black, as a one-cell table (pdfmake fills a cell, not a run of text). */
function tlpBox(tlp: Tlp, fontSize: number): Content {
  const colour = TLP_COLOURS[tlp];
  return {
    table: { body: [[{ text: tlpMark(tlp), color: colour.text, fillColor: colour.background, bold: true, fontSize, margin: [6, 2, 6, 2] }]] },
    layout: 'noBorders',
  };
}

const GREY = '#5c5f66';
const RULE = '#ced4da';

function fieldRows(rows: [string, string][]): Content {
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([label, value]): TableCell[] => [{ text: label, bold: true, color: GREY }, breakable(value, FITS.value)]),
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => RULE, paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 0, 0, 8],
  };
}

/**
 * Text with a run of characters too long for its column (a URL, a hash) may break inside a word;
 * other text breaks only between words, so each word stays one run a viewer can search and copy.
 * `fits`: about how many characters of a word the column holds (a SHA-256 fits the indicator table).
 */
function breakable(text: string, fits: number): { text: string; wordBreak?: 'break-all' } {
  const longest = Math.max(0, ...text.split(/\s+/).map((word) => word.length));
  return longest > fits ? { text, wordBreak: 'break-all' } : { text };
}
/** Characters of a word each column holds at the body's size. */
const FITS = { page: 95, value: 60, indicator: 72, timeline: 40 } as const;

const heading = (text: string): Content => ({ text, style: 'heading' });
const paragraph = (text: string): Content => ({ ...breakable(text, FITS.page), margin: [0, 0, 0, 8], preserveLeadingSpaces: true });

function agencyName(agency: IncidentDetail['agency'], locale: Locale): string {
  return `${agency.code} · ${locale === 'en' ? agency.nameEn : agency.name}`;
}

/** One line per timeline entry, in the words of the reader's language; names only what the entry (as the reader got it) names. */
function timelineLine(e: IncidentTimelineEntry, w: PdfWords): string {
  const t = w.timeline;
  switch (e.kind) {
    case 'created':
      return t.created(phrase({ count: e.data.observables }));
    case 'updated':
      return t.updated(phrase({ from: e.data.fields.join(', ') }));
    case 'comment':
      return t.comment();
    case 'status': {
      const line = t.status(phrase({ from: w.status[e.data.from], to: w.status[e.data.to] }));
      const into = e.data.mergedInto;
      if (!into) return line;
      return `${line} (${'hidden' in into ? w.anotherIncident : into.reference})`;
    }
    case 'shared': {
      const names = [...e.data.agencies, ...(e.data.allAgencies ? [w.allAgencies] : [])];
      return t.shared(phrase({ from: names.join(', ') }));
    }
    case 'unshared':
      return t.unshared(phrase({ from: e.data.agency ?? w.allAgencies }));
    case 'report':
      return t.report(phrase({ from: w.obligationKinds[e.data.kind] }));
    case 'observables_added':
      return t.observables_added(
        phrase({ count: e.data.observables.length, from: e.data.observables.map((o) => `${w.observableTypes[o.type]} ${o.value}`).join(', ') }),
      );
    case 'observable_removed':
      return t.observable_removed(phrase({ from: `${w.observableTypes[e.data.observable.type]} ${e.data.observable.value}` }));
    case 'merged_from':
      return t.merged_from(phrase({ from: 'hidden' in e.data.incident ? w.anotherIncident : e.data.incident.reference }));
    case 'task_created':
      return t.task_created(phrase({ from: 'hidden' in e.data.task ? '' : e.data.task.reference, to: e.data.assigneeAgency.code }));
    case 'playbook_applied':
      return t.playbook_applied(phrase({ from: e.data.playbook.title }));
    case 'owner_changed':
      return t.owner_changed(phrase({ to: e.data.to?.name ?? '' }));
  }
}

export interface ReportPdfInput {
  /** The incident as `incidents.get` answers it to the reader. */
  incident: IncidentDetail;
  document: ReportDocument;
  locale: Locale;
  now: Date;
}

/** The document definition (exported for its tests; `renderReportPdf` is what the route calls). */
export function reportPdfDefinition({ incident, document, locale, now }: ReportPdfInput): TDocumentDefinitions {
  const w = words(locale).reportPdf;
  const date = (iso: string) => formatMxDateTime(iso, locale);
  const title = w.documentTitle[document];
  const kind = REPORT_DOCUMENT_KIND[document];
  const report = kind ? incident.reports.find((r) => r.kind === kind) : null;
  const yesNo = (v: boolean) => (v ? w.yes : w.no);
  const { impact } = incident;
  const records = impact.records === null ? w.notSet : new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-MX').format(impact.records);

  const content: Content[] = [
    { text: incident.reference, style: 'reference' },
    { text: incident.title, style: 'title' },
    heading(w.sections.summary),
    fieldRows([
      [w.fields.reference, incident.reference],
      [w.fields.agency, agencyName(incident.agency, locale)],
      [w.fields.reporter, incident.reporter.name],
      [w.fields.status, w.status[incident.status]],
      ...(incident.statusReason ? [[w.fields.statusReason, incident.statusReason] as [string, string]] : []),
      [w.fields.detectedAt, date(incident.detectedAt)],
      [w.fields.awareAt, date(incident.awareAt)],
      [w.fields.filedAt, date(incident.createdAt)],
    ]),
  ];

  if (kind) {
    content.push(heading(`${w.sections.report}: ${w.obligationKinds[kind]}`));
    if (report) {
      content.push(
        fieldRows([
          [w.fields.submittedAt, date(report.submittedAt)],
          [w.fields.submittedBy, report.submittedBy.name],
        ]),
        paragraph(report.body),
      );
    } else {
      content.push(paragraph(w.reportNotYetFiled));
    }
  }

  content.push(
    heading(w.sections.description),
    paragraph(incident.description),
    heading(w.sections.classification),
    fieldRows([
      [w.fields.rsitClass, `${RSIT_TAXONOMY[incident.rsitClass].label[locale]} (${incident.rsitClass})`],
      [
        w.fields.rsitType,
        incident.rsitType ? `${rsitTypeLabel(incident.rsitClass, incident.rsitType)?.[locale] ?? incident.rsitType} (${incident.rsitType})` : w.notSet,
      ],
      [w.fields.severity, SEVERITY_LEVELS[incident.severity]?.label[locale] ?? String(incident.severity)],
      [w.fields.tlp, `${tlpMark(incident.tlp)} · ${TLP_LABELS[incident.tlp][locale]}`],
    ]),
    heading(w.sections.affectedSystems),
    paragraph(incident.affectedSystems || w.notSet),
    heading(w.sections.impact),
    fieldRows([
      [w.fields.personalData, yesNo(impact.personalData)],
      ...(impact.personalData ? [[w.fields.records, records] as [string, string]] : []),
      [w.fields.criticalService, yesNo(impact.criticalService)],
      [w.fields.crossBorder, yesNo(impact.crossBorder)],
      [w.fields.estimatedLoss, impact.estimatedLossMxn ? formatMxn(impact.estimatedLossMxn) : w.notEstimated],
    ]),
    heading(w.sections.obligations),
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto'],
        body: [
          [w.fields.obligation, w.fields.dueAt, w.fields.submittedAt, w.fields.status].map((text): TableCell => ({ text, style: 'th' })),
          ...incident.obligations.map((o): TableCell[] => [
            w.obligationKinds[o.kind],
            date(o.dueAt),
            o.submittedAt ? date(o.submittedAt) : w.notSubmitted,
            w.obligationStates[o.state],
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    },
    heading(w.sections.observables),
    incident.observables.length === 0
      ? paragraph(w.none)
      : {
          table: {
            headerRows: 1,
            widths: [70, '*'],
            body: [
              [w.fields.observableType, w.fields.observableValue].map((text): TableCell => ({ text, style: 'th' })),
              ...incident.observables.map((o): TableCell[] => [w.observableTypes[o.type], breakable(o.value, FITS.indicator)]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 8],
        },
    heading(w.sections.timeline),
    incident.timeline.length === 0
      ? paragraph(w.none)
      : {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [95, 110, '*'],
            body: [
              [w.fields.when, w.fields.who, w.fields.what].map((text): TableCell => ({ text, style: 'th' })),
              ...incident.timeline.map((e): TableCell[] => [
                date(e.at),
                `${e.actor.name} (${e.actor.agencyCode})`,
                {
                  stack: [
                    breakable(timelineLine(e, w), FITS.timeline),
                    ...(e.body !== null && e.kind !== 'report'
                      ? [
                          {
                            ...breakable(e.kind === 'status' ? `${w.reason} ${e.body}` : e.body, FITS.timeline),
                            color: GREY,
                            margin: [0, 2, 0, 0] as [number, number, number, number],
                          },
                        ]
                      : []),
                  ],
                },
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        },
    { text: `${w.timeZone} ${w.generatedAt}: ${date(now.toISOString())}`, style: 'note', margin: [0, 12, 0, 0] },
  );

  return {
    pageSize: 'A4',
    pageMargins: [40, 92, 40, 64],
    info: { title: `${incident.reference} · ${title}`, author: w.agency, subject: tlpMark(incident.tlp), creator: w.agency },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4], color: '#1d3557' },
      reference: { fontSize: 10, bold: true, color: GREY },
      title: { fontSize: 15, bold: true, margin: [0, 2, 0, 6] },
      th: { bold: true, color: GREY },
      note: { fontSize: 8, color: GREY, italics: true },
    },
    header: () => ({
      margin: [40, 24, 40, 0],
      stack: [
        {
          columns: [
            {
              width: '*',
              stack: [
                { text: w.agency, bold: true, fontSize: 13, color: '#1d3557' },
                { text: `${title} · ${incident.reference}`, fontSize: 9.5, color: GREY, margin: [0, 2, 0, 0] },
              ],
            },
            { width: 'auto', stack: [tlpBox(incident.tlp, 11)] },
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 8, x2: 515, y2: 8, lineWidth: 1, lineColor: '#1d3557' }] },
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      margin: [40, 16, 40, 0],
      columns: [
        { width: 'auto', stack: [tlpBox(incident.tlp, 9)] },
        { width: '*', text: `${incident.reference} · ${w.tlpNote}`, fontSize: 7.5, color: GREY, margin: [8, 0, 8, 0] },
        { width: 80, text: w.page(phrase({ page: currentPage, pages: pageCount })), fontSize: 9, alignment: 'right', noWrap: true },
      ],
    }),
    content,
  };
}

/** The PDF as bytes. */
export async function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  return pdfmake.createPdf(reportPdfDefinition(input)).getBuffer();
}
