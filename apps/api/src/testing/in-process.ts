// One tRPC call by path in process: the app router's `createCaller` on the inner context the HTTP
// host would build for the same cookie (trpc/context.ts `contextFactory`), answered in the shape of
// `rawCall` (testing/raw.ts): the status and body text the HTTP handler would send. The large access
// matrix runs its cells this way (no socket, no Fastify, no JSON parsing of the answer); a sample of
// the same cells also runs over HTTP and must answer byte for byte the same
// (apps/api/src/access-matrix.test.ts "in process and over HTTP").
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE } from '@anc/auth';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { getErrorShape, getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import';
import { appRouter } from '../router.ts';
import { createInnerContext, noCookies, type InnerContext } from '../trpc/context.ts';
import { actorFromToken } from '../trpc/session.ts';
import type { TestServer } from './http.ts';
import type { RawAnswer, RawCaller } from './raw.ts';

/** The value of one cookie in a `cookie` header. */
function cookieValue(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** The inner context of a request from the portal's own origin with this caller's cookie. */
async function contextFor(s: TestServer, caller: RawCaller): Promise<InnerContext> {
  const { env } = s.server;
  const signedIn = await actorFromToken(s.t.db, cookieValue(caller.cookie, SESSION_COOKIE), noCookies, env.mfaRequiredRoles);
  const selfOrigin = new URL(s.url).origin;
  return createInnerContext({
    db: s.t.db,
    env,
    actor: signedIn?.actor ?? null,
    sessionId: signedIn?.sessionId ?? null,
    mfaEnrollmentRequired: signedIn?.mfaEnrollmentRequired ?? false,
    pendingSignInToken: cookieValue(caller.cookie, PENDING_SIGN_IN_COOKIE) || null,
    request: { requestId: 'in-process', ip: '127.0.0.1', userAgent: 'node', origin: selfOrigin, selfOrigin },
    locale: caller.locale ?? 'es-MX',
    sealer: s.server.sealer,
  });
}

type Callable = (input: unknown) => Promise<unknown>;

/** The procedure at `path` of a caller (`a.b.c` → caller.a.b.c). */
function procedureOf(caller: unknown, path: string): Callable {
  const found = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  if (typeof found !== 'function') throw new Error(`${path} is not a procedure`);
  return found as Callable;
}

export async function inProcessCall(s: TestServer, path: string, type: 'query' | 'mutation', input: unknown, caller: RawCaller): Promise<RawAnswer> {
  const ctx = await contextFor(s, caller);
  // What the wire carries: the input as JSON (no `undefined` members, dates as strings).
  const wireInput: unknown = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
  try {
    const data = await procedureOf(appRouter.createCaller(ctx), path)(wireInput);
    const body = JSON.stringify({ result: { data } });
    return { status: 200, body, code: 'OK', reason: null, data: (JSON.parse(body) as { result: { data: unknown } }).result.data };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    // The root config (its error formatter, trpc/init.ts) is where tRPC keeps it on the router.
    // oxlint-disable-next-line no-underscore-dangle
    const shape = getErrorShape({ config: appRouter._def._config, error, type, path, input: wireInput, ctx });
    const body = JSON.stringify({ error: shape });
    const data = (shape as { data?: { reason?: string | null } }).data;
    return { status: getHTTPStatusCodeFromError(error), body, code: error.code, reason: data?.reason ?? null, data: undefined };
  }
}
