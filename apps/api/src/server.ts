// The HTTP host: Fastify with security headers, cookies, rate limits, JSON logs with a request
// id, health endpoints, the tRPC API at /trpc and the built portal on the same origin.
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { configureMailLinks, type Database } from '@anc/db';
import { API_MAX_BATCH_SIZE, DomainError } from '@anc/domain';
import type { Env } from './env.ts';
import { AuditSealer } from './modules/audit/sealer.ts';
import { oidcRoutes } from './modules/auth/oidc/oidc.routes.ts';
import { exportRoutes } from './modules/incidents/export/export.routes.ts';
import { advisoryRoutes } from './modules/advisories/advisories.routes.ts';
import { reportPdfRoutes } from './modules/incidents/report-pdf/report-pdf.routes.ts';
import { fileRoutes } from './modules/files/files.routes.ts';
import { apiDocsRoutes } from './rest/docs.ts';
import { restRoutes } from './rest/routes.ts';
import { DigestJob } from './modules/notifications/digest-job.ts';
import { OverdueJob } from './modules/notifications/overdue-job.ts';
import { eventsRoutes } from './modules/notifications/events/events.routes.ts';
import { NotificationHub } from './modules/notifications/events/hub.ts';
import { DEFAULT_MAIL_WORKER, MailWorker, smtpTransport } from './modules/mail/mail-worker.ts';
import { taxiiRoutes } from './taxii/taxii.routes.ts';
import { appRouter, type AppRouter } from './router.ts';
import { contextFactory } from './trpc/context.ts';
import { withMfaKey } from './mfa-key.ts';
import { logSerializers } from './log.ts';
import { ApiCallAudit } from './http/call-audit.ts';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * One log line per request, when it completes (method, path, status, time), instead of Fastify's
 * two with the whole request and response: request logging was a fifth of the CPU per request
 * under the benchmark's load. The path goes without its query (a tRPC query string carries the
 * caller's input); health probes are not logged.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (request.url === '/healthz' || request.url === '/readyz') return;
    const line = { method: request.method, path: request.url.split('?', 1)[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request');
    else reply.log.info(line, 'request');
  }
}

/** How many calls a tRPC request carries: `/trpc/a,b,c?batch=1` is three. */
export function batchCallCount(url: string): number {
  const [path = '', query = ''] = url.split('?', 2);
  if (!new URLSearchParams(query).has('batch')) return 1;
  return decodeURIComponent(path.slice('/trpc/'.length)).split(',').length;
}

/**
 * Vite names every built asset by its content hash (dist/assets/*): such a file never changes
 * and may be kept for a year. Everything else (index.html, the favicon) is revalidated on every
 * use, so a new release is seen at once.
 */
export function portalCacheControl(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const PRETTY_LOGS = { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true } };

export function createServer({ database, env: givenEnv, logStream }: { database: Database; env: Env; logStream?: NodeJS.WritableStream }) {
  // TOTP secrets' key: MFA_ENCRYPTION_KEY, else (outside production) the data folder's (mfa-key.ts).
  const env = withMfaKey(givenEnv);
  const app = Fastify({
    logger: {
      level: env.LOG_LEVEL,
      // JSON lines everywhere but on a developer's terminal (npm start, npm run dev): there pino-pretty,
      // a devDependency, runs in a worker thread; production images do not install it.
      ...(logStream ? { stream: logStream } : env.NODE_ENV === 'development' ? { transport: PRETTY_LOGS } : {}),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      // A failed query's parameters (report text, e-mail addresses) stay out of production logs.
      serializers: logSerializers({ redactQueryParameters: env.NODE_ENV === 'production' }),
    },
    trustProxy: env.TRUST_PROXY,
    // Keep a proxy's request id (so one id follows a request end to end), else make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new OneLinePerRequest(),
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 2 * 1024 * 1024,
  });
  const sealer = new AuditSealer(database.db, app.log);
  const overdueJob = new OverdueJob(database.db, app.log, env.OVERDUE_JOB_INTERVAL_MS);
  const digestJob = new DigestJob(database.db, env.publicUrl, app.log, env.DIGEST_JOB_INTERVAL_MS);
  // Links in e-mail point at the portal; without SMTP_URL no worker runs and mail stays in the outbox.
  configureMailLinks(env.publicUrl);
  const mailWorker = env.SMTP_URL
    ? new MailWorker(database.db, smtpTransport(env.SMTP_URL, env.MAIL_FROM, new URL(env.publicUrl).hostname), app.log, env.MAIL_POLL_INTERVAL_MS, {
        ...DEFAULT_MAIL_WORKER,
        maxAttempts: env.MAIL_MAX_ATTEMPTS,
        retryBaseMs: env.MAIL_RETRY_BASE_MS,
      })
    : null;

  const hub = new NotificationHub(database, app.log);
  // Before Fastify waits for open connections to finish: the event streams never would.
  app.addHook('preClose', async () => hub.stop());

  const callAudit = new ApiCallAudit(database.db, app.log, { onWritten: () => sealer.nudge() });

  app.addHook('onResponse', async (req, reply) => {
    if (!req.apiClientActor) return;
    // A write that went through already has its use-case's audit row naming the client; an
    // idempotent replay, a read or a refusal gets an `apiClient.call` row (http/call-audit.ts).
    const audited = req.method !== 'GET' && reply.statusCode < 300 && reply.getHeader('idempotent-replayed') === undefined;
    if (!audited) callAudit.record(req, reply.statusCode);
  });
  // After every route has answered (Fastify closes the server first): the queued rows are written.
  app.addHook('onClose', async () => callAudit.close());

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // Every answer is personal or changes with each release unless a route says otherwise: the
    // portal's files set their own (see `portalCacheControl`), everything else is never stored.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const production = env.NODE_ENV === 'production';
  void app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes and injects its CSS variables.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  void app.register(fastifyCookie);
  // JSON and CSV answers are compressed on the fly; the portal's files were compressed at build
  // (apps/portal/vite.config.ts) and go out as they are.
  void app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  void app.register(fastifyRateLimit, {
    max: env.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz',
  });
  // A tRPC batch (`/trpc/a,b,c?batch=1`) is one request but several calls: the limiter above
  // counted it once, so each further call of the batch is counted here against the same budget.
  let batchLimit: ReturnType<typeof app.createRateLimit> | undefined;
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/trpc/')) return;
    const calls = batchCallCount(req.url);
    if (calls > API_MAX_BATCH_SIZE) return; // tRPC itself answers 400 (maxBatchSize below)
    batchLimit ??= app.createRateLimit();
    for (let i = 1; i < calls; i++) {
      const result = await batchLimit(req as unknown as FastifyRequest);
      if (!result.isAllowed && result.isExceeded) {
        return reply
          .code(429)
          .header('retry-after', String(result.ttlInSeconds))
          .send({ statusCode: 429, error: 'Too Many Requests', message: `Rate limit exceeded, retry in ${result.ttlInSeconds} seconds` });
      }
    }
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await database.ping();
      return { ok: true, database: database.kind };
    } catch (err) {
      app.log.warn({ err }, 'database not ready');
      return reply.code(503).send({ ok: false });
    }
  });

  void app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: API_MAX_BATCH_SIZE,
      createContext: contextFactory({ db: database.db, env, sealer }),
      // A spent password-guess budget answers 429 with the seconds until its window ends.
      responseMeta({ errors }) {
        const wait = Math.max(0, ...errors.map((e) => (e.cause instanceof DomainError ? (e.cause.retryAfterSeconds ?? 0) : 0)));
        return wait > 0 ? { headers: new Headers({ 'retry-after': String(wait) }) } : {};
      },
      onError({ path, error, ctx }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          app.log.error({ err: error.cause ?? error, path, requestId: ctx?.request.requestId }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  // OpenID Connect single sign-on: two browser redirects (modules/auth/oidc/); 404 unless configured.
  void app.register(oidcRoutes, { db: database.db, env, sealer });
  // File downloads (CSV, STIX) over plain HTTP, behind the same session cookie.
  void app.register(exportRoutes, { db: database.db, env });
  void app.register(advisoryRoutes, { db: database.db, env });
  // The official PDF of an incident's report and follow-ups (modules/incidents/report-pdf/), audited per download.
  void app.register(reportPdfRoutes, { db: database.db, env, sealer });
  // Evidence files on incidents and tasks: streamed multipart uploads and attachment downloads (modules/files/).
  void app.register(fileRoutes, { db: database.db, env, sealer });
  // REST v1 for agencies' tools (bearer tokens only), its OpenAPI document and Swagger UI.
  void app.register(restRoutes, { db: database.db, env, sealer, ratePerMinute: env.RATE_LIMIT_PER_MINUTE });
  void app.register(apiDocsRoutes);
  // TAXII 2.1, read-only: the indicators shared with the caller (apps/api/src/taxii/).
  void app.register(taxiiRoutes, { db: database.db, env, sealer });
  // The live bell: a server-sent events stream per signed-in browser (modules/notifications/events/).
  void app.register(eventsRoutes, { db: database.db, env, hub });

  const portalIndex = join(env.PORTAL_DIST, 'index.html');
  const servesPortal = existsSync(portalIndex);
  if (servesPortal) {
    void app.register(fastifyStatic, {
      root: env.PORTAL_DIST,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) => reply.header('cache-control', portalCacheControl(path)),
    });
  }
  // The portal routes in the browser: any other GET that wants HTML gets its index.
  app.setNotFoundHandler((req, reply) => {
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (
      servesPortal &&
      wantsHtml &&
      !req.url.startsWith('/trpc') &&
      !req.url.startsWith('/export/') &&
      !req.url.startsWith('/files/') &&
      !req.url.startsWith('/api/') &&
      !req.url.startsWith('/taxii2/') &&
      !req.url.startsWith('/events/')
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not Found' });
  });

  return {
    app,
    /** The settings it runs with (tests build in-process callers with the same ones). */
    env,
    sealer,
    callAudit,
    overdueJob,
    hub,
    digestJob,
    mailWorker,
    servesPortal,
    async start() {
      sealer.start();
      overdueJob.start();
      await hub.start();
      digestJob.start();
      mailWorker?.start();
      await app.listen({ port: env.PORT, host: env.HOST });
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : env.PORT;
    },
    async stop() {
      await app.close();
      await overdueJob.stop();
      await digestJob.stop();
      await mailWorker?.stop();
      await sealer.stop();
      await sealer.run();
    },
  };
}

export type Server = ReturnType<typeof createServer>;
