/**
 * Evidence files over plain HTTP (docs/API.md "Evidence files"): multipart uploads streamed into
 * the database and downloads streamed out of it, never through tRPC (which takes JSON). The caller
 * is a person's session or an API client's bearer token (http/caller.ts), with the same permission
 * table, scope and error body as every plain-HTTP route.
 *
 *   POST /files/incidents/:id   multipart, field `file` → 201 UploadedFile (200 when the same bytes were there)
 *   POST /files/tasks/:id       the same for a task (people only)
 *   GET  /files/:id             the bytes, always as an attachment (audited as a download)
 *   HEAD /files/:id             the same headers, no bytes, no audit row (Fastify's HEAD route of the GET)
 *
 * A file is served as `Content-Disposition: attachment` with its original name (RFC 6266),
 * `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, so an HTML or SVG file
 * never renders as a page of the portal's origin; `Cache-Control: no-store`. Whoever may not read
 * the incident or task gets the 404 a missing or malformed id gets.
 */
import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import contentDisposition from 'content-disposition';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Id, MAX_FILE_BYTES, asciiFileName, assertActorMay, declaredContentType, storedFileName, type Locale } from '@anc/domain';
import { httpUseCaseContext, requestLocale, requireHttpCaller, sendHttpError, type HttpCaller, type HttpDeps } from '../../http/caller.ts';
import type { ParentRef } from './file-parent.ts';
import { downloadFile, readableFile } from './download-file.ts';
import { uploadFile, type UploadOutcome } from './upload-file.ts';
import type { UseCaseContext } from '../use-case.ts';

/** The routes, as Fastify's route tree spells them (apps/api/src/testing/routes.ts lists them for the access matrix). */
export const FILE_ROUTE_PATHS = { incidentUpload: '/files/incidents/:id', taskUpload: '/files/tasks/:id', download: '/files/:id' } as const;

/** A malformed id is as absent as an unknown one. */
function idOf(req: FastifyRequest): string {
  const parsed = Id.safeParse((req.params as { id?: string }).id);
  if (!parsed.success) throw new DomainError('NOT_FOUND', 'not_found');
  return parsed.data;
}

/**
 * A session's upload must come from the portal's own origin (or a configured one), as a tRPC
 * mutation must (trpc/init.ts): a multipart form is a request any other site's page may send with
 * the cookie. A bearer token cannot be sent by another site's page, so it needs no such check.
 */
function assertOwnOrigin(deps: HttpDeps, req: FastifyRequest, caller: HttpCaller): void {
  if (caller.via === 'token') return;
  const allowed = deps.env.publicOrigins.length ? deps.env.publicOrigins : [`${req.protocol}://${req.host}`];
  if (!req.headers.origin || !allowed.includes(req.headers.origin)) throw new DomainError('FORBIDDEN', 'foreign_origin');
}

/** @fastify/multipart's own refusals: past the size limit is ours (413), anything else a bad request. */
export function uploadError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string }).code;
  const status = (error as { statusCode?: number }).statusCode;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainError('PAYLOAD_TOO_LARGE', 'file_too_large');
  if (typeof code === 'string' && code.startsWith('FST_') && status !== undefined && status < 500) return new DomainError('BAD_REQUEST', 'file_required');
  return error;
}

/**
 * Registers @fastify/multipart on `app`'s own scope (a plugin's, so no other route takes
 * multipart bodies): one `file` part a request, nothing else, at most 25 MiB. REST v1's upload
 * (rest/routes.ts) registers it the same way, on that one route's scope.
 */
export async function registerUploadParser(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 50 },
  });
}

/**
 * Streams the request's one `file` part into `uploadFile` (./upload-file.ts): the multipart upload
 * of this route and of REST v1's `POST /api/v1/incidents/{id}/files`, with the same name and type
 * cleaning and the same refusals (`uploadError`: past 25 MiB is 413, a missing part 400).
 */
export async function receiveUpload(ctx: UseCaseContext, req: FastifyRequest, ref: ParentRef): Promise<UploadOutcome> {
  try {
    if (!req.isMultipart()) throw new DomainError('BAD_REQUEST', 'file_required');
    const part = await req.file().catch((error: unknown) => Promise.reject(parserError(error)));
    if (!part || part.fieldname !== 'file') throw new DomainError('BAD_REQUEST', 'file_required');
    return await uploadFile(ctx, ref, {
      name: storedFileName(part.filename),
      declaredType: declaredContentType(part.mimetype),
      bytes: parsedBytes(part.file),
      truncated: () => part.file.truncated,
    });
  } catch (error) {
    throw uploadError(error);
  }
}

/**
 * What the multipart parser throws of a body that is not well formed (no boundary, one over 256
 * characters, a part cut short: busboy's errors carry no code) is the request's fault, a 400, not
 * a 500 (found by http-routes-fuzz.test.ts). Only the parser's errors: a database error inside
 * the upload stays what it is.
 */
function parserError(error: unknown): DomainError {
  const mapped = uploadError(error);
  return mapped instanceof DomainError ? mapped : new DomainError('BAD_REQUEST', 'file_required');
}

/** The part's bytes, with the parser's own errors told apart (`parserError`). */
async function* parsedBytes(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (error) {
    throw parserError(error);
  }
}

export async function fileRoutes(app: FastifyInstance, deps: HttpDeps) {
  await registerUploadParser(app);

  const upload = (kind: ParentRef['kind']) => async (req: FastifyRequest, reply: FastifyReply) => {
    let locale: Locale = requestLocale(req) ?? 'es-MX';
    try {
      const caller = await requireHttpCaller(deps, req, reply);
      locale = requestLocale(req) ?? caller.actor.locale;
      assertOwnOrigin(deps, req, caller);
      assertActorMay(caller.actor, kind === 'incident' ? 'incidents.uploadFile' : 'tasks.uploadFile');
      const id = idOf(req);
      const outcome = await receiveUpload(httpUseCaseContext(deps, req, caller.actor, locale), req, { kind, id });
      deps.sealer?.nudge();
      return reply
        .code(outcome.created ? 201 : 200)
        .header('cache-control', 'no-store')
        .send(outcome.file);
    } catch (error) {
      return sendHttpError(reply, uploadError(error), locale);
    }
  };
  app.post(FILE_ROUTE_PATHS.incidentUpload, upload('incident'));
  app.post(FILE_ROUTE_PATHS.taskUpload, upload('task'));

  app.get(FILE_ROUTE_PATHS.download, { compress: false }, async (req, reply) => {
    let locale: Locale = requestLocale(req) ?? 'es-MX';
    try {
      const caller = await requireHttpCaller(deps, req, reply);
      locale = requestLocale(req) ?? caller.actor.locale;
      assertActorMay(caller.actor, 'files.download');
      const ctx = httpUseCaseContext(deps, req, caller.actor, locale);
      // A HEAD transfers no bytes: no download to audit and no chunk read. An empty stream, because
      // Fastify's HEAD route (fastify/lib/head-route.js) sets content-length 0 for no payload.
      const head = req.method === 'HEAD';
      const { file, chunks } = head ? { file: await readableFile(ctx, idOf(req)), chunks: undefined } : await downloadFile(ctx, idOf(req));
      reply
        .header('content-type', file.sniffedType ?? 'application/octet-stream')
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(file.name, { type: 'attachment', fallback: asciiFileName(file.name) }))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', 'sandbox')
        .header('cache-control', 'no-store')
        .header('x-evidence-sha256', file.sha256 ?? '');
      if (!chunks) return reply.send(Readable.from([]));
      const body = Readable.from(chunks, { objectMode: false });
      body.on('error', (err) => req.log.warn({ err, fileId: file.id }, 'file download cut short'));
      return reply.send(body);
    } catch (error) {
      return sendHttpError(reply, error, locale);
    }
  });
}
