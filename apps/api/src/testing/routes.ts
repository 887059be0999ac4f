// The plain-HTTP routes a running server has, read from Fastify's own route tree (printRoutes):
// what the access matrix (access-matrix.test.ts) compares with the routes it has cells for, so a
// route added to the server without cells fails.
import type { FastifyInstance } from 'fastify';

/** `METHOD /path` of every route whose path starts with `prefix` (HEAD left out), sorted. */
export function serverRoutes(app: FastifyInstance, prefix: string): string[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const out: string[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│]*)(?:[├└]── )(\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length;
    while (stack.length && (stack.at(-1)?.depth ?? -1) >= depth) stack.pop();
    const path = (stack.at(-1)?.path ?? '') + (m[2] ?? '');
    stack.push({ depth, path });
    if (!m[3] || !path.startsWith(prefix)) continue;
    for (const method of m[3].split(', ')) if (method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out.sort();
}

/**
 * The single sign-on routes (modules/auth/oidc/oidc.routes.ts): browser navigations that take no
 * credentials of their own. The access matrix holds what each caller gets from a server without
 * OIDC settings; oidc.http.test.ts holds the flow, the callers and the fuzz with a real provider.
 */
export const OIDC_ROUTES = ['GET /auth/oidc/callback', 'GET /auth/oidc/start'] as const;

/**
 * The advisory routes (modules/advisories/advisories.routes.ts): the answer matrix as CSV, for
 * coordinators and admins by their session. access-matrix.test.ts holds what each caller gets.
 */
export const ADVISORY_ROUTES = ['GET /advisories/:id/responses.csv'] as const;

/**
 * The official PDF of an incident's report (modules/incidents/report-pdf/): a download beside the
 * exports, by session or token. The access matrix holds its cells per caller and incident (by
 * token with the exports, by every session in its own block); http-routes-fuzz.test.ts feeds it
 * hostile ids, documents and languages.
 */
export const REPORT_PDF_PATH = '/export/incidents/{id}/report.pdf';

/**
 * The evidence file routes (modules/files/files.routes.ts): the upload to an incident and to a
 * task, and the download. The access matrix has cells for each caller × kind of incident or task ×
 * file, and fails for a /files route not listed here.
 */
export const FILE_ROUTES = ['GET /files/:id', 'POST /files/incidents/:id', 'POST /files/tasks/:id'] as const;
