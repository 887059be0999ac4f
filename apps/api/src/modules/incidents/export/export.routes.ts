/**
 * The incident exports: plain HTTP downloads (a link the browser follows, or `curl` with the
 * session cookie), not tRPC procedures, because they stream files. Same session, permission
 * table, scope and error words as the API:
 *
 *   GET /export/incidents.csv?status=triaged&status=investigating&severity=3&tlp=AMBER&lang=en
 *     The filters of `incidents.list` as a query string (`incidentFiltersToSearchParams`); `lang`
 *     (`es-MX` | `en`) picks the language of the header row and of the label columns, else the user's own.
 *   GET /export/incidents/:id/stix.json
 *     One incident the caller may read as a STIX 2.1 bundle.
 *
 * Errors answer JSON `{ error: { code, message, reason, fieldErrors } }` with the HTTP status
 * tRPC would give the same code (401, 403, 404, 400 with a localized message per field).
 */
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '@anc/db';
import { DomainError, IncidentFilters, IncidentIdInput, assertActorMay, incidentFiltersFromSearchParams, type Locale } from '@anc/domain';
import type { Env } from '../../../env.ts';
import { requestLocale, requireHttpCaller, sendHttpError, type HttpCaller, type HttpErrorBody } from '../../../http/caller.ts';
import { csvFileName, incidentsCsv } from './csv.ts';
import { incidentStixBundle, incidentSummaryPages } from './export-incidents.ts';

export interface ExportRoutesOptions {
  db: Database['db'];
  env: Env;
}

/** The JSON error body of the exports (the one of every plain-HTTP route). */
export type ExportErrorBody = HttpErrorBody;

const queryOf = (req: FastifyRequest) => new URL(req.url, 'http://localhost').searchParams;

const sendError = sendHttpError;

/** The signed-in caller allowed to export, or a thrown UNAUTHORIZED / FORBIDDEN. */
async function exporter(opts: ExportRoutesOptions, req: FastifyRequest, reply: FastifyReply): Promise<HttpCaller> {
  const caller = await requireHttpCaller(opts, req, reply);
  assertActorMay(caller.actor, 'incidents.export');
  return caller;
}

/**
 * `lang` of the query, else the portal's header, else (once known) the user's setting, else
 * Spanish: the same choice as the PDF report's (report-pdf/report-pdf.routes.ts).
 */
const requestedLocale = (req: FastifyRequest): Locale | null => requestLocale(req);

export async function exportRoutes(app: FastifyInstance, opts: ExportRoutesOptions) {
  app.get('/export/incidents.csv', async (req, reply) => {
    let locale = requestedLocale(req) ?? 'es-MX';
    try {
      const { actor } = await exporter(opts, req, reply);
      locale = requestedLocale(req) ?? actor.locale;
      const params = queryOf(req);
      params.delete('lang');
      const parsed = IncidentFilters.safeParse(incidentFiltersFromSearchParams(params));
      if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
      const now = new Date();
      const pages = await incidentSummaryPages(opts.db, actor, parsed.data, { now });
      const csv = incidentsCsv(pages, locale, (err) => {
        // A client that goes away mid-download is no failure of ours.
        if ((err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') req.log.info('CSV export abandoned by the client');
        else req.log.error({ err }, 'CSV export cut short');
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(now)}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    } catch (error) {
      return sendError(reply, error, locale);
    }
  });

  app.get<{ Params: { id: string } }>('/export/incidents/:id/stix.json', async (req, reply) => {
    let locale = requestedLocale(req) ?? 'es-MX';
    try {
      const { actor } = await exporter(opts, req, reply);
      locale = requestedLocale(req) ?? actor.locale;
      // A malformed id is as absent as an unknown one.
      const input = IncidentIdInput.safeParse({ id: req.params.id });
      if (!input.success) throw new DomainError('NOT_FOUND', 'not_found');
      const { reference, bundle } = await incidentStixBundle(opts.db, actor, input.data.id);
      // A Buffer, so Fastify sends the media type as written (a string would get it re-serialised
      // with a quoted version and a charset; JSON is UTF-8 by definition).
      return reply
        .header('content-type', 'application/stix+json;version=2.1')
        .header('content-disposition', `attachment; filename="${reference}.stix.json"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(JSON.stringify(bundle, null, 2)));
    } catch (error) {
      return sendError(reply, error, locale);
    }
  });
}
