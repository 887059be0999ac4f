// API clients over real HTTP (docs/API.md "Callers that are not a browser"): an admin issues a
// client for an agency and sees its token once; the list never carries it; the token authenticates
// (one lookup, packages/auth/src/api-tokens.ts) until the client is revoked, then at once not; only
// admins manage clients; every change is audited; bad input writes nothing.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiToken } from '@anc/auth';
import { apiClients, auditEvents, users } from '@anc/db';
import { API_TOKEN_PATTERN } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCount, type Client } from '../../testing/incidents.ts';
import { apiCallRows } from '../../testing/api-clients.ts';

let s: TestServer;
let admin: Client;
let coordinator: Client;
let staff: Client;
const ids = { sedena: '', semar: '', anc: '', admin: '' };

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const rowCounts = async () => ({
  clients: (await s.t.db.select({ n: count() }).from(apiClients))[0]?.n ?? 0,
  users: (await s.t.db.select({ n: count() }).from(users))[0]?.n ?? 0,
  audit: await auditCount(s.t.db),
});
/** In the order written: `seq` comes later from the sealer, in batches, so unsealed rows have none yet. */
const auditOf = (entityId: string) => s.t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(auditEvents.id);
/** The CSV export with a bearer token: a plain-HTTP route that takes `incidents:read`. */
const exportWith = (token: string) => fetch(`${s.url}/export/incidents.csv`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  s = await startTestServer();
  admin = await signedIn(s.url, DEMO.admin);
  coordinator = await signedIn(s.url, DEMO.coordinator);
  staff = await signedIn(s.url, DEMO.sedena);
  ids.sedena = await agencyIdOf(s.t.db, 'SEDENA');
  ids.semar = await agencyIdOf(s.t.db, 'SEMAR');
  ids.anc = await agencyIdOf(s.t.db, 'ANC');
  const [me] = await s.t.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.admin));
  ids.admin = me?.id ?? '';
});
afterAll(() => s.close());

describe('apiClients', () => {
  it('an admin creates a client: the token is shown once, stored only as its hash, and authenticates until revoked', async () => {
    const before = await rowCounts();
    const expiresAt = inDays(90);
    const created = await admin.trpc.apiClients.create.mutate({
      agencyId: ids.sedena,
      name: '  SIEM del SOC de SEDENA ',
      scopes: ['incidents:read', 'incidents:write'],
      expiresAt,
    });
    expect(created.token).toMatch(API_TOKEN_PATTERN);
    expect(created.client).toMatchObject({
      name: 'SIEM del SOC de SEDENA',
      agencyId: ids.sedena,
      agency: { code: 'SEDENA' },
      scopes: ['incidents:read', 'incidents:write'],
      prefix: created.token.slice(0, 12),
      expiresAt: new Date(expiresAt).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      status: 'active',
    });
    // One transaction wrote the client, its principal account and one audit row.
    expect(await rowCounts()).toEqual({ clients: before.clients + 1, users: before.users + 1, audit: before.audit + 1 });

    // The database holds the hash, not the token; the principal is an API client account of SEDENA that cannot sign in.
    const [row] = await s.t.db.select().from(apiClients).where(eq(apiClients.id, created.client.id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const [principal] = await s.t.db
      .select()
      .from(users)
      .where(eq(users.id, row?.principalUserId ?? ''));
    expect(principal).toMatchObject({
      kind: 'api_client',
      role: 'staff',
      agencyId: ids.sedena,
      name: 'SIEM del SOC de SEDENA',
      active: true,
      passwordHash: '!',
    });
    expect(principal?.email).toMatch(/^client-[0-9a-f-]{36}@integraciones\.anc\.invalid$/);

    // The audit row names the admin, and its diff carries the prefix but never the token.
    const [audit] = await auditOf(created.client.id);
    expect(audit).toMatchObject({ action: 'apiClient.create', entityType: 'api_client', actorId: ids.admin });
    expect(audit?.diff).toMatchObject({
      name: [null, 'SIEM del SOC de SEDENA'],
      prefix: [null, created.client.prefix],
      scopes: [null, ['incidents:read', 'incidents:write']],
    });
    expect(JSON.stringify(audit)).not.toContain(created.token);
    expect(JSON.stringify(audit)).not.toContain(row?.tokenHash);

    // The list shows the client (newest first) and never the token.
    const listed = await admin.trpc.apiClients.list.query({});
    expect(listed.items[0]).toEqual({ ...created.client, lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(JSON.stringify(listed)).not.toContain(row?.tokenHash);

    // The token authenticates as SEDENA staff narrowed to its scopes, over HTTP too.
    expect(await authenticateApiToken(s.t.db, created.token)).toMatchObject({
      userId: row?.principalUserId,
      role: 'staff',
      agencyId: ids.sedena,
      client: { id: created.client.id, scopes: ['incidents:read', 'incidents:write'] },
    });
    expect((await exportWith(created.token)).status).toBe(200);
    expect((await admin.trpc.apiClients.list.query({})).items[0]?.lastUsedAt).not.toBeNull();
    // The call's own audit row is written once the answer is out (testing/api-clients.ts).
    expect(await apiCallRows(s, created.client.id, 1)).toHaveLength(1);

    // Revoked: at once the token is refused, the principal is deactivated, one audit row more.
    const revoked = await admin.trpc.apiClients.revoke.mutate({ id: created.client.id });
    expect(revoked).toMatchObject({ id: created.client.id, status: 'revoked' });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await authenticateApiToken(s.t.db, created.token)).toBeNull();
    expect((await exportWith(created.token)).status).toBe(401);
    const [after] = await s.t.db
      .select({ active: users.active })
      .from(users)
      .where(eq(users.id, row?.principalUserId ?? ''));
    expect(after?.active).toBe(false);
    const rows = await auditOf(created.client.id);
    // The admin's create and revoke, and between them the client's own call, with its principal as actor.
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['apiClient.create', ids.admin],
      ['apiClient.call', row?.principalUserId],
      ['apiClient.revoke', ids.admin],
    ]);

    // Idempotent: revoking again answers the same client and writes nothing.
    const again = await rowCounts();
    expect(await admin.trpc.apiClients.revoke.mutate({ id: created.client.id })).toEqual(revoked);
    expect(await rowCounts()).toEqual(again);
    expect((await admin.trpc.apiClients.list.query({})).items.find((c) => c.id === created.client.id)?.status).toBe('revoked');
  });

  it('lists newest first, optionally of one agency', async () => {
    const a = await admin.trpc.apiClients.create.mutate({ agencyId: ids.semar, name: 'SOAR de SEMAR', scopes: ['indicators:read'] });
    const b = await admin.trpc.apiClients.create.mutate({ agencyId: ids.sedena, name: 'Cortafuegos de SEDENA', scopes: ['indicators:read'] });
    const all = (await admin.trpc.apiClients.list.query({})).items.map((c) => c.id);
    expect(all.indexOf(b.client.id)).toBeLessThan(all.indexOf(a.client.id));
    const semar = (await admin.trpc.apiClients.list.query({ agencyId: ids.semar })).items;
    expect(semar.map((c) => c.id)).toEqual([a.client.id]);
    expect(semar[0]).toMatchObject({ expiresAt: null, status: 'active', agency: { code: 'SEMAR' } });
  });

  it('a client whose expiry has passed is listed as expired and refused', async () => {
    const c = await admin.trpc.apiClients.create.mutate({ agencyId: ids.semar, name: 'Script vencido', scopes: ['incidents:read'], expiresAt: inDays(1) });
    await s.t.db
      .update(apiClients)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiClients.id, c.client.id));
    expect((await admin.trpc.apiClients.list.query({ agencyId: ids.semar })).items.find((x) => x.id === c.client.id)?.status).toBe('expired');
    expect(await authenticateApiToken(s.t.db, c.token)).toBeNull();
  });

  it('only admins manage clients, and a refusal writes nothing', async () => {
    const existing = await admin.trpc.apiClients.create.mutate({ agencyId: ids.semar, name: 'Cliente ajeno', scopes: ['incidents:read'] });
    const before = await rowCounts();
    for (const who of [coordinator, staff]) {
      expect(await errorOf(who.trpc.apiClients.create.mutate({ agencyId: ids.sedena, name: 'Intruso', scopes: ['incidents:write'] }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'role_not_allowed',
      });
      expect(await errorOf(who.trpc.apiClients.list.query({}))).toMatchObject({ code: 'FORBIDDEN', reason: 'role_not_allowed' });
      expect(await errorOf(who.trpc.apiClients.revoke.mutate({ id: existing.client.id }))).toMatchObject({ code: 'FORBIDDEN', reason: 'role_not_allowed' });
    }
    // A client's own token never reaches these procedures: tRPC takes no bearer token (401), and no scope covers them (403).
    const res = await fetch(`${s.url}/trpc/apiClients.list?input=${encodeURIComponent('{}')}`, { headers: { authorization: `Bearer ${existing.token}` } });
    expect([401, 403]).toContain(res.status);
    expect(await rowCounts()).toEqual(before);
    expect(await authenticateApiToken(s.t.db, existing.token)).not.toBeNull();
  });

  it('refuses bad input field by field, the ANC and a deactivated agency, and writes nothing', async () => {
    const before = await rowCounts();
    const bad = await errorOf(admin.trpc.apiClients.create.mutate({ agencyId: 'sedena', name: 'x', scopes: [], expiresAt: inDays(-1) }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['agencyId', 'expiresAt', 'name', 'scopes']);
    expect(
      await errorOf(admin.trpc.apiClients.create.mutate({ agencyId: ids.sedena, name: 'Repetido', scopes: ['incidents:read', 'incidents:read'] })),
    ).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { scopes: ['Cada permiso se elige una sola vez.'] } });
    expect(await errorOf(admin.trpc.apiClients.create.mutate({ agencyId: ids.anc, name: 'SOC de la ANC', scopes: ['incidents:read'] }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'api_client_agency_is_anc',
      fieldErrors: { agencyId: [expect.any(String)] },
    });
    expect(
      await errorOf(
        admin.trpc.apiClients.create.mutate({ agencyId: '4b0d7f0e-4d7e-4f55-9f0e-0d2b1c3a4e5f', name: 'Sin dependencia', scopes: ['incidents:read'] }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { agencyId: [expect.any(String)] } });
    expect(await errorOf(admin.trpc.apiClients.revoke.mutate({ id: '4b0d7f0e-4d7e-4f55-9f0e-0d2b1c3a4e5f' }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'not_found',
    });
    expect(await rowCounts()).toEqual(before);

    const agency = await admin.trpc.admin.agencies.create.mutate({
      code: 'APICLI',
      name: 'Organismo sin servicio',
      nameEn: 'Body out of service',
      kind: 'autonomous_body',
    });
    await admin.trpc.admin.agencies.setActive.mutate({ id: agency.id, active: false });
    const afterAgency = await rowCounts();
    expect(await errorOf(admin.trpc.apiClients.create.mutate({ agencyId: agency.id, name: 'SOC desactivado', scopes: ['incidents:read'] }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'agency_inactive',
    });
    expect(await rowCounts()).toEqual(afterAgency);
  });
});
