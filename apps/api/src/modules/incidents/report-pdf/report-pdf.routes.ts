/**
 * The official PDF of an incident's report (report-pdf.ts), a plain HTTP download beside the
 * other exports (export/export.routes.ts): same session cookie or API token, same permission
 * (`incidents.export`), scope and error words.
 *
 *   GET /export/incidents/:id/report.pdf?document=initial|notification|final&lang=es-MX|en
 *     `document`: the report as filed (the default), the notification or the final report.
 *     `lang` (else the portal's `x-anc-locale`, else the user's own language) picks the words.
 *
 * An incident the caller may not read, a malformed id and a follow-up report not filed yet all
 * answer NOT_FOUND, exactly as an id that exists nowhere. Each download is audited
 * (`incident.downloadReport`: who, which incident, which document, which language).
 */
import { TRPCError } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { writeAudit } from '@anc/db';
import { DomainError, IncidentIdInput, REPORT_DOCUMENT_KIND, ReportPdfQuery, assertActorMay, reportPdfFileName } from '@anc/domain';
import { httpUseCaseContext, requestLocale, requireHttpCaller, sendHttpError, type HttpDeps } from '../../../http/caller.ts';
import { getIncident } from '../get-incident.ts';
import { renderReportPdf } from './report-pdf.ts';

export async function reportPdfRoutes(app: FastifyInstance, opts: HttpDeps) {
  app.get<{ Params: { id: string } }>('/export/incidents/:id/report.pdf', async (req, reply) => {
    let locale = requestLocale(req) ?? 'es-MX';
    try {
      const { actor } = await requireHttpCaller(opts, req, reply);
      assertActorMay(actor, 'incidents.export');
      locale = requestLocale(req) ?? actor.locale;
      const document = new URL(req.url, 'http://localhost').searchParams.get('document');
      const query = ReportPdfQuery.safeParse(document === null ? {} : { document });
      if (!query.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: query.error });
      // A malformed id is as absent as an unknown one.
      const input = IncidentIdInput.safeParse({ id: req.params.id });
      if (!input.success) throw new DomainError('NOT_FOUND', 'not_found');
      const ctx = httpUseCaseContext(opts, req, actor, locale);
      // What incidents.get answers this reader, and nothing else (NOT_FOUND when it may not read it).
      const incident = await getIncident(ctx, input.data);
      const kind = REPORT_DOCUMENT_KIND[query.data.document];
      const report = kind ? incident.reports.find((r) => r.kind === kind) : null;
      if (kind && !report) throw new DomainError('NOT_FOUND', 'not_found');
      const pdf = await renderReportPdf({ incident, document: query.data.document, locale, now: new Date() });
      await writeAudit(ctx.db, {
        actorId: actor.userId,
        action: 'incident.downloadReport',
        entityType: 'incident',
        entityId: incident.id,
        diff: { document: query.data.document, locale, ...(report ? { reportId: report.id } : {}) },
        origin: ctx.origin,
      });
      ctx.sealer?.nudge();
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${reportPdfFileName(incident.reference, query.data.document)}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    } catch (error) {
      return sendHttpError(reply, error, locale);
    }
  });
}
