// A plain-HTTP route called with an API client's token (here the CSV export, scope
// incidents:read): the token stands for the client, a bad one is refused with 401 whatever cookie
// comes with it, a missing scope is 403, and every call is audited with the client as actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiToken } from '@anc/auth';
import { revokeApiClient } from '@anc/db';
import type { ApiScope } from '@anc/domain';
import { apiCallRows, createTestApiClient } from '../testing/api-clients.ts';
import { DEMO, signedIn, startTestServer, type TestServer } from '../testing/http.ts';
import { validIncident } from '../testing/incidents.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const client = async (scopes: readonly ApiScope[]) => {
  const c = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes });
  return { token: c.token, id: c.id, principalId: c.principalUserId };
};

const exportCsv = (headers: Record<string, string>) => fetch(`${s.url}/export/incidents.csv`, { headers });
describe('an API client over plain HTTP', () => {
  it('reads with its scope, as its agency, and the call is audited with the client as actor', async () => {
    const staff = await signedIn(s.url, DEMO.sedena);
    await staff.trpc.incidents.create.mutate(validIncident({ title: 'Correo de SEDENA con acceso externo' }));
    const semar = await signedIn(s.url, DEMO.semar);
    await semar.trpc.incidents.create.mutate(validIncident({ title: 'Incidente propio de SEMAR', tlp: 'RED' }));
    const c = await client(['incidents:read']);
    const res = await exportCsv({ authorization: `Bearer ${c.token}` });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('Correo de SEDENA con acceso externo');
    expect(csv).not.toContain('Incidente propio de SEMAR');
    const [row] = await apiCallRows(s, c.id, 1);
    expect(row).toMatchObject({ actorId: c.principalId, entityType: 'api_client', diff: { method: 'GET', route: '/export/incidents.csv', status: 200 } });
  });

  it('is refused 403 without the scope, and that call is audited too', async () => {
    const c = await client(['indicators:read']);
    const res = await exportCsv({ authorization: `Bearer ${c.token}` });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('scope_missing');
    expect(await apiCallRows(s, c.id, 1)).toHaveLength(1);
  });

  it('is refused 401 with a revoked, unknown or malformed token, even beside a valid session cookie', async () => {
    const revoked = await client(['incidents:read']);
    await revokeApiClient(s.t.db, revoked.id, new Date());
    const person = await signedIn(s.url, DEMO.sedena);
    for (const authorization of [`Bearer ${revoked.token}`, `Bearer ${generateApiToken().token}`, 'Bearer nada', 'Basic YTpi']) {
      const res = await exportCsv({ authorization, cookie: person.jar.header() });
      expect([authorization, res.status]).toEqual([authorization, 401]);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="anc"');
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('invalid_token');
    }
    // The cookie alone still works: the refusal was the token's.
    const withCookie = await exportCsv({ cookie: person.jar.header() });
    expect(withCookie.status).toBe(200);
    await withCookie.text();
  });
});
