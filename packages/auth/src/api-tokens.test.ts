// Bearer tokens of API clients: one lookup of the token's hash, refusing what is revoked, expired
// or unknown at once; the database never holds the token. PGlite, and PostgreSQL with ANC_TEST_PG_URL.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, apiClients, insertApiClient, insertUser, revokeApiClient, seedReferenceData, updateAgency, users, type AgencyRow } from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { API_TOKEN_PATTERN } from '@anc/domain';
import { authenticateApiToken, bearerToken, generateApiToken, hashApiToken } from './api-tokens.ts';

let t: TestDatabase;
let agency: AgencyRow;
let adminId: string;
let serial = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  // The reference data hold only the ANC; a client acts for another agency.
  const [created] = (await t.db
    .insert(agencies)
    .values({ code: 'SOC-PRUEBA', name: 'Dependencia de prueba', nameEn: 'Test agency', kind: 'federal_ministry' })
    .returning()) as AgencyRow[];
  if (!created) throw new Error('agency not created');
  agency = created;
  adminId = (await insertUser(t.db, { email: 'admin@anc.gob.mx', name: 'Admin', role: 'admin', agencyId: agency.id, passwordHash: 'x', locale: 'es-MX' })).id;
});
afterAll(() => t.close());

/** A client as the admin procedure makes it: a principal account and the client row with the token's hash. */
async function newClient(extra: { expiresAt?: Date; scopes?: string[] } = {}) {
  serial += 1;
  const principal = await insertUser(t.db, {
    email: `cliente-${serial}@integraciones.anc.invalid`,
    name: `SOC ${serial}`,
    role: 'staff',
    kind: 'api_client',
    agencyId: agency.id,
    passwordHash: '!',
    locale: 'es-MX',
  });
  const token = generateApiToken();
  const row = await insertApiClient(t.db, {
    agencyId: agency.id,
    principalUserId: principal.id,
    name: `SOC ${serial}`,
    tokenPrefix: token.prefix,
    tokenHash: token.hash,
    scopes: extra.scopes ?? ['incidents:read'],
    expiresAt: extra.expiresAt ?? null,
    createdBy: adminId,
  });
  return { token: token.token, row, principalId: principal.id };
}

describe('API tokens', () => {
  it('look like anc_ and 52 base32 characters, are never stored, and show a prefix', async () => {
    const { token, row } = await newClient();
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(row.tokenPrefix).toBe(token.slice(0, 12));
    expect(row.tokenHash).toBe(hashApiToken(token));
    const stored = JSON.stringify(await t.db.select().from(apiClients));
    expect(stored).not.toContain(token);
    expect(generateApiToken().token).not.toBe(generateApiToken().token);
  });

  it('stand for a staff actor of the client’s agency, with its scopes', async () => {
    const { token, row, principalId } = await newClient({ scopes: ['incidents:read', 'indicators:read'] });
    const actor = await authenticateApiToken(t.db, token);
    expect(actor).toEqual({
      userId: principalId,
      role: 'staff',
      agencyId: agency.id,
      agencyKind: agency.kind,
      locale: 'es-MX',
      client: { id: row.id, name: row.name, scopes: ['incidents:read', 'indicators:read'] },
    });
  });

  it('are refused when unknown, malformed, revoked, expired, or their agency or account is deactivated', async () => {
    expect(await authenticateApiToken(t.db, generateApiToken().token)).toBeNull();
    expect(await authenticateApiToken(t.db, 'anc_corto')).toBeNull();
    const revoked = await newClient();
    await revokeApiClient(t.db, revoked.row.id, new Date());
    expect(await authenticateApiToken(t.db, revoked.token)).toBeNull();
    const expired = await newClient({ expiresAt: new Date(Date.now() - 1000) });
    expect(await authenticateApiToken(t.db, expired.token)).toBeNull();
    const later = await newClient({ expiresAt: new Date(Date.now() + 60_000) });
    expect(await authenticateApiToken(t.db, later.token)).not.toBeNull();
    expect(await authenticateApiToken(t.db, later.token, new Date(Date.now() + 120_000))).toBeNull();
    const inactive = await newClient();
    await t.db.update(users).set({ active: false }).where(eq(users.id, inactive.principalId));
    expect(await authenticateApiToken(t.db, inactive.token)).toBeNull();
    const live = await newClient();
    await updateAgency(t.db, agency.id, { active: false });
    expect(await authenticateApiToken(t.db, live.token)).toBeNull();
    await updateAgency(t.db, agency.id, { active: true });
    expect(await authenticateApiToken(t.db, live.token)).not.toBeNull();
  });

  it('record their last use at most once a minute', async () => {
    const { token, row } = await newClient();
    const at = new Date('2026-12-01T10:00:00Z');
    await authenticateApiToken(t.db, token, at);
    const lastUsed = async () => (await t.db.select().from(apiClients).where(eq(apiClients.id, row.id)))[0]?.lastUsedAt?.toISOString();
    expect(await lastUsed()).toBe(at.toISOString());
    await authenticateApiToken(t.db, token, new Date(at.getTime() + 30_000));
    expect(await lastUsed()).toBe(at.toISOString());
    const minuteOn = new Date(at.getTime() + 61_000);
    await authenticateApiToken(t.db, token, minuteOn);
    expect(await lastUsed()).toBe(minuteOn.toISOString());
  });

  it('are read from a Bearer header', () => {
    expect(bearerToken('Bearer anc_abc')).toBe('anc_abc');
    expect(bearerToken('bearer  anc_abc ')).toBe('anc_abc');
    expect(bearerToken('Basic xyz')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
