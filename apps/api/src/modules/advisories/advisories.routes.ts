/**
 * The answer matrix of an advisory as CSV: a plain HTTP download (a link the browser follows, or
 * `curl` with the session cookie), like the incident exports (modules/incidents/export/):
 *
 *   GET /advisories/:id/responses.csv?lang=en
 *     One row per addressed agency: its code and name, the latest answer (code, and its label in
 *     the reader's language), when, and its standing (answered / overdue / pending, code and label).
 *     Coordinators and admins (`advisories.export`); NOT_FOUND for an unknown id.
 *
 * csv-stringify quotes, defuses spreadsheet formulas and writes a UTF-8 byte order mark.
 */
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '@anc/db';
import { AdvisoryIdInput, DomainError, assertActorMay, words, type Locale } from '@anc/domain';
import type { Env } from '../../env.ts';
import { requireHttpCaller, sendHttpError } from '../../http/caller.ts';
import { pickLocale } from '../../trpc/session.ts';
import { buildAdvisoryDetail, type AdvisoryMatrixEntry } from './advisory-dto.ts';
import { readableAdvisoryOr404 } from './advisory-rules.ts';

export interface AdvisoryRoutesOptions {
  db: Database['db'];
  env: Env;
}

const MATRIX_COLUMNS = ['agencyCode', 'agencyName', 'status', 'statusLabel', 'respondedAt', 'state', 'stateLabel'] as const;

export function matrixCsv(entries: readonly AdvisoryMatrixEntry[], locale: Locale): string {
  const w = words(locale).advisories;
  const rows = entries.map((e) => [
    e.agency.code,
    locale === 'en' ? e.agency.nameEn : e.agency.name,
    e.status ?? '',
    e.status ? w.status[e.status] : w.noAnswer,
    e.respondedAt ?? '',
    e.state,
    w.state[e.state],
  ]);
  return stringify([MATRIX_COLUMNS.map((c) => w.headers[c]), ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}

const requestedLocale = (req: FastifyRequest): Locale | null =>
  pickLocale(new URL(req.url, 'http://localhost').searchParams.get('lang')) ?? pickLocale(req.headers['x-anc-locale']);

export async function advisoryRoutes(app: FastifyInstance, opts: AdvisoryRoutesOptions) {
  app.get<{ Params: { id: string } }>('/advisories/:id/responses.csv', async (req, reply) => {
    let locale = requestedLocale(req) ?? 'es-MX';
    try {
      const { actor } = await requireHttpCaller(opts, req, reply);
      locale = requestedLocale(req) ?? actor.locale;
      assertActorMay(actor, 'advisories.export');
      // A malformed id is as absent as an unknown one.
      const input = AdvisoryIdInput.safeParse({ id: req.params.id });
      if (!input.success) throw new DomainError('NOT_FOUND', 'not_found');
      const { row } = await readableAdvisoryOr404(opts.db, actor, input.data.id);
      const detail = await buildAdvisoryDetail(opts.db, actor, row);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.reference}-respuestas.csv"`)
        .header('cache-control', 'no-store')
        .send(matrixCsv(detail.responses ?? [], locale));
    } catch (error) {
      return sendHttpError(reply, error, locale);
    }
  });
}
