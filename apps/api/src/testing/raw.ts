// One tRPC call by path over plain HTTP (fetch, no tRPC client), answered as the exact status and
// body text the server sent: what a test compares byte for byte and scans for leaked ids.
// The wire format is the one in docs/API.md: GET with `?input=` for queries, POST with a JSON body
// for mutations, no transformer.

export interface RawAnswer {
  status: number;
  /** The response body exactly as received. */
  body: string;
  /** tRPC error code (`NOT_FOUND`, …) or `OK` for a 2xx answer. */
  code: string;
  reason: string | null;
  /** `result.data` of a 2xx answer. */
  data: unknown;
}

export interface RawCaller {
  /** The `cookie` header of the caller's session; null: no session. */
  cookie: string | null;
  locale?: 'es-MX' | 'en';
}

export async function rawCall(baseUrl: string, path: string, type: 'query' | 'mutation', input: unknown, caller: RawCaller): Promise<RawAnswer> {
  return rawCallJson(baseUrl, path, type, input === undefined ? undefined : JSON.stringify(input), caller);
}

/**
 * The same with the input given as JSON text, so it can say what no JS object can (a `__proto__`
 * key, 5,000-deep nesting); `timeoutMs` aborts a call that hangs.
 */
export async function rawCallJson(
  baseUrl: string,
  path: string,
  type: 'query' | 'mutation',
  json: string | undefined,
  caller: RawCaller,
  timeoutMs?: number,
): Promise<RawAnswer> {
  const headers: Record<string, string> = { origin: baseUrl, 'x-anc-locale': caller.locale ?? 'es-MX' };
  if (caller.cookie) headers.cookie = caller.cookie;
  const signal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
  let res: Response;
  if (type === 'query') {
    const query = json === undefined ? '' : `?input=${encodeURIComponent(json)}`;
    res = await fetch(`${baseUrl}/trpc/${path}${query}`, { headers, signal });
  } else {
    headers['content-type'] = 'application/json';
    res = await fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers, signal, ...(json === undefined ? {} : { body: json }) });
  }
  const body = await res.text();
  let parsed: { result?: { data?: unknown }; error?: { data?: { code?: string; reason?: string | null } } } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // Not JSON (a proxy or the rate limiter): the status says what happened.
  }
  const ok = res.status >= 200 && res.status < 300;
  return {
    status: res.status,
    body,
    code: ok ? 'OK' : (parsed.error?.data?.code ?? `HTTP_${res.status}`),
    reason: ok ? null : (parsed.error?.data?.reason ?? null),
    data: ok ? parsed.result?.data : undefined,
  };
}

/** The value, or a thrown error naming what was missing (instead of a non-null assertion). */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}
