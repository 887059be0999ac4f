// How errors are written to the log. A failed query carries its values in several places: the
// drizzle error's `params` and its message ("Failed query: …\nparams: …"), the driver error's
// `parameters` (postgres.js) or `params` (PGlite), and PostgreSQL's `detail` ("Key (email)=(…)
// already exists"). Those values are report text, e-mail addresses, names: personal data that a
// production log must not keep. The SQL text itself only has placeholders and stays, as do the
// codes, constraint and table names and the stack, which are what a person debugging needs.

/** Keys of an error object that hold a query's values. */
const VALUE_KEYS = new Set(['params', 'parameters', 'args', 'values', 'detail', 'where']);
const MAX_DEPTH = 8;

export interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/** The message without the values a driver appended to it. */
function redactMessage(message: string): string {
  const at = message.search(/\n\s*params:/);
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [redacted]`;
}

export function serializeError(err: unknown, redact: boolean, depth = 0): SerializedError {
  if (typeof err !== 'object' || err === null) return { type: typeof err, message: String(err), stack: '' };
  const e = err as Error & Record<string, unknown>;
  const out: SerializedError = {
    type: e.constructor?.name ?? 'Error',
    message: redact ? redactMessage(String(e.message ?? '')) : String(e.message ?? ''),
    stack: typeof e.stack === 'string' ? (redact ? redactMessage(e.stack) : e.stack) : '',
  };
  for (const [key, value] of Object.entries(e)) {
    if (key === 'message' || key === 'stack' || key === 'cause') continue;
    if (redact && VALUE_KEYS.has(key)) {
      out[key] = '[redacted]';
      continue;
    }
    if (typeof value === 'function') continue;
    out[key] = value instanceof Error ? serializeError(value, redact, depth + 1) : value;
  }
  if (e.cause !== undefined) out.cause = depth < MAX_DEPTH ? serializeError(e.cause, redact, depth + 1) : '[cause chain too deep]';
  return out;
}

/** Pino serializers for the API's logger (apps/api/src/server.ts). */
export function logSerializers({ redactQueryParameters }: { redactQueryParameters: boolean }) {
  return { err: (err: Error) => serializeError(err, redactQueryParameters) };
}
