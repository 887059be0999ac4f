// The HTTP host: Fastify with security headers, cookies, rate limits, JSON logs with a request
// id, health endpoints, the tRPC API at /trpc and the built portal on the same origin.
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Database } from '@anc/db';
import { DomainError } from '@anc/domain';
import type { Env } from './env.ts';
import { AuditSealer } from './modules/audit/sealer.ts';
import { exportRoutes } from './modules/incidents/export/export.routes.ts';
import { OverdueJob } from './modules/notifications/overdue-job.ts';
import { appRouter, type AppRouter } from './router.ts';
import { contextFactory } from './trpc/context.ts';

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

export function createServer({ database, env }: { database: Database; env: Env }) {
  const app = Fastify({
    logger: {
      level: env.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
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

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
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
  void app.register(fastifyRateLimit, {
    max: env.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz',
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

  // File downloads (CSV, STIX) over plain HTTP, behind the same session cookie.
  void app.register(exportRoutes, { db: database.db, env });

  const portalIndex = join(env.PORTAL_DIST, 'index.html');
  const servesPortal = existsSync(portalIndex);
  if (servesPortal) {
    void app.register(fastifyStatic, { root: env.PORTAL_DIST, wildcard: false, index: ['index.html'], maxAge: '1h' });
  }
  // The portal routes in the browser: any other GET that wants HTML gets its index.
  app.setNotFoundHandler((req, reply) => {
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (servesPortal && wantsHtml && !req.url.startsWith('/trpc') && !req.url.startsWith('/export/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not Found' });
  });

  return {
    app,
    sealer,
    overdueJob,
    servesPortal,
    async start() {
      sealer.start();
      overdueJob.start();
      await app.listen({ port: env.PORT, host: env.HOST });
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : env.PORT;
    },
    async stop() {
      await app.close();
      await overdueJob.stop();
      await sealer.stop();
      await sealer.run();
    },
  };
}

export type Server = ReturnType<typeof createServer>;
