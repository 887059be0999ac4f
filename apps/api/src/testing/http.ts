// Test harness: the real server on a random port over a test database, and a client that
// speaks plain HTTP with cookies, the way a browser or an agency's script does.
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { seedDemoData, seedReferenceData } from '@anc/db';
import { hashPassword } from '@anc/auth';
import { testEnv } from '../env.ts';
import type { AppRouter } from '../router.ts';
import { createServer, type Server } from '../server.ts';

export const DEMO_PASSWORD = 'Lince-Brumoso-Acantilado-83';
let demoHash: Promise<string> | undefined;

export interface TestServer {
  url: string;
  t: TestDatabase;
  server: Server;
  /** Empties the database and seeds the demo agencies and accounts again. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** `env`: settings over the test defaults of apps/api/src/env.ts (e.g. a smaller rate limit). */
export async function startTestServer(options: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const t = await createTestDatabase();
  const server = createServer({ database: t, env: testEnv(options.env) });
  const port = await server.start();
  const reset = async () => {
    await t.reset();
    await seedReferenceData(t.db);
    demoHash ??= hashPassword(DEMO_PASSWORD);
    await seedDemoData(t.db, { passwordHash: await demoHash });
  };
  await reset();
  return {
    url: `http://127.0.0.1:${port}`,
    t,
    server,
    reset,
    close: async () => {
      await server.stop();
      await t.close();
    },
  };
}

/** A minimal cookie jar: enough to hold a session cookie the way a browser would. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  readonly raw: string[] = [];

  store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      this.raw.push(line);
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attrs.find((a) => a.trim().toLowerCase().startsWith('expires='));
      const expired = expires ? new Date(expires.split('=')[1] ?? '').getTime() <= Date.now() : false;
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface ClientOptions {
  origin?: string | null;
  locale?: 'es-MX' | 'en';
  /** Extra headers on every request (e.g. a proxy's X-Forwarded-For). */
  headers?: Record<string, string>;
  /** Share a jar between clients: one browser reaching several API processes behind a proxy. */
  jar?: CookieJar;
}

/** A typed tRPC client over real HTTP that keeps its cookies. */
export function httpClient(baseUrl: string, options: ClientOptions = {}) {
  const jar = options.jar ?? new CookieJar();
  const origin = options.origin === undefined ? baseUrl : options.origin;
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        headers: () => ({
          ...options.headers,
          ...(origin ? { origin } : {}),
          ...(jar.cookies.size ? { cookie: jar.header() } : {}),
          'x-anc-locale': options.locale ?? 'es-MX',
        }),
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          jar.store(res.headers);
          return res;
        },
      }),
    ],
  });
  return { trpc, jar };
}

export async function signedIn(baseUrl: string, email: string, options: ClientOptions = {}) {
  const client = httpClient(baseUrl, options);
  await client.trpc.auth.signIn.mutate({ email, password: DEMO_PASSWORD });
  return client;
}

export interface ErrorInfo {
  code: string;
  httpStatus: number;
  message: string;
  reason: string | null;
  fieldErrors: Record<string, string[]> | null;
}

/** The error a call fails with (fails the test if it succeeds). */
export async function errorOf(promise: Promise<unknown>): Promise<ErrorInfo> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TRPCClientError) {
      const data = e.data as { code: string; httpStatus: number; reason?: string | null; fieldErrors?: Record<string, string[]> | null };
      return { code: data.code, httpStatus: data.httpStatus, message: e.message, reason: data.reason ?? null, fieldErrors: data.fieldErrors ?? null };
    }
    throw e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const DEMO = {
  admin: 'admin@anc.gob.mx',
  coordinator: 'coordinacion@anc.gob.mx',
  sedena: 'enlace@sedena.gob.mx',
  semar: 'enlace@semar.gob.mx',
} as const;
