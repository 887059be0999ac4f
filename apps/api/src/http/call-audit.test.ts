// The batched `apiClient.call` rows (http/call-audit.ts): every call by a client has its own row,
// however many share a statement; a graceful stop writes what is queued; a batch the database
// refuses ends in the error log row by row, never silently.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@anc/db';
import { createTestDatabase } from '@anc/db/testing';
import { apiCallRows, createTestApiClient } from '../testing/api-clients.ts';
import { startTestServer, type TestServer } from '../testing/http.ts';
import { ApiCallAudit } from './call-audit.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const exportCsv = (url: string, token: string) => fetch(`${url}/export/incidents.csv`, { headers: { authorization: `Bearer ${token}` } });

/** What the queue reads of a completed request by an API client. */
const request = (id: string) =>
  ({
    id,
    method: 'GET',
    url: '/taxii2/?lang=en',
    ip: '203.0.113.7',
    headers: { 'user-agent': 'SIEM/1.0' },
    routeOptions: { url: '/taxii2/' },
    apiClientActor: { userId: 'principal-1', role: 'staff', agencyId: 'agency-1', locale: 'es-MX', client: { id: 'client-1', scopes: ['indicators:read'] } },
  }) as unknown as FastifyRequest;

describe('the apiClient.call rows', () => {
  it('30 concurrent calls by one client give 30 rows, one per request id, with the status each answered', async () => {
    const c = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: ['incidents:read'] });
    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const res = await exportCsv(s.url, i % 3 === 0 ? `${c.token}x` : c.token);
        await res.text();
        return { status: res.status, requestId: res.headers.get('x-request-id') };
      }),
    );
    // A malformed token is no client's call: only the 20 good ones are the client's.
    const good = answers.filter((a) => a.status === 200);
    expect(good).toHaveLength(20);
    const rows = await apiCallRows(s, c.id, 20);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => (r.origin as { requestId?: string }).requestId))).toEqual(new Set(good.map((a) => a.requestId)));
    expect(rows.every((r) => (r.diff as { status: number }).status === 200)).toBe(true);
    expect(s.server.callAudit.pending).toBe(0);
  });

  it('a server that stops writes every row still queued', async () => {
    const own = await startTestServer();
    try {
      const c = await createTestApiClient(own.t.db, { agencyCode: 'SEDENA', scopes: ['incidents:read'] });
      const res = await exportCsv(own.url, c.token);
      await res.text();
      await own.server.stop();
      const rows = await own.t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'apiClient.call'), eq(auditEvents.entityId, c.id)));
      expect(rows.map((r) => (r.origin as { requestId?: string }).requestId)).toEqual([res.headers.get('x-request-id')]);
      // And the stop sealed it, like every other row.
      expect(rows[0]?.seq).not.toBeNull();
    } finally {
      await own.t.close();
    }
  });

  it('a batch the database refuses is retried, then each of its rows goes to the error log whole', async () => {
    const t = await createTestDatabase();
    await t.close();
    const logged: { obj: unknown; msg: string | undefined }[] = [];
    const audit = new ApiCallAudit(t.db, { error: (obj, msg) => logged.push({ obj, msg }) }, { attempts: 2 });
    audit.record(request('req-1'), 200);
    audit.record(request('req-2'), 403);
    await audit.flush();
    expect(logged.map((l) => [l.msg, (l.obj as { auditRow: { origin: { requestId: string }; diff: unknown } }).auditRow.origin.requestId])).toEqual([
      ['API client call not audited', 'req-1'],
      ['API client call not audited', 'req-2'],
    ]);
    const [, second] = logged;
    expect((second?.obj as { auditRow: unknown } | undefined)?.auditRow).toMatchObject({
      actorId: 'principal-1',
      entityId: 'client-1',
      diff: { method: 'GET', route: '/taxii2/', status: 403 },
    });
  });
});
