// What the scenarios need from the seeded database: the two accounts, the list inputs (with deep
// cursors taken from real rows half-way down the list), ids to read, and create inputs.
import { encryptSecret, generateApiToken, generateTotpSecret, parseMfaEncryptionKey } from '@anc/auth';
import { confirmTotp, deleteUserTotp, incidentScopeSql, insertApiClient, insertUser, rowsOf, upsertPendingTotp, type Db } from '@anc/db';
import { encodeCursor, totpStep, type Actor, type ApiScope, type CreateIncidentInput, type ListIncidentsInput } from '@anc/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { ScenarioKey } from './config.ts';
import { OBSERVABLE_POOL, incidentText, poolDomain, poolIpv4 } from './vocabulary.ts';

export const COORDINATOR_EMAIL = 'coordinacion@anc.gob.mx';
/** Staff of SEDENA: its own incidents plus what was shared with it. */
export const STAFF_EMAIL = 'enlace@sedena.gob.mx';

export interface BenchUser {
  email: string;
  actor: Actor;
  /** The authenticator key of an account whose role must have a second factor in production (MFA_REQUIRED_ROLES). */
  totpKey?: Uint8Array;
}

export interface Scenario {
  key: ScenarioKey;
  /** `rest.create`: `POST /api/v1/incidents` with a bearer token and an Idempotency-Key. `taxii.objects`: a TAXII page. */
  procedure: 'incidents.create' | 'incidents.list' | 'incidents.get' | 'rest.create' | 'taxii.objects';
  as: 'coordinator' | 'staff';
  /** What the scenario does, for the report. */
  description: string;
  /** The list input, for list scenarios. */
  listInput?: ListIncidentsInput;
}

export interface Fixtures {
  coordinator: BenchUser;
  staff: BenchUser;
  scenarios: Scenario[];
  /** Random existing incidents for `incidents.get` (the coordinator reads any). */
  getIds: string[];
  /** A token of an API client of the staff account's agency (incidents:write), for `rest.create`. */
  apiToken: string | null;
  /** `Authorization` header of an API client of the staff account's agency with `indicators:read` (taxii.objects). */
  taxiiAuthorization: string | null;
}

/** The TAXII page `taxii.objects` asks for: 100 indicators of `shared-with-me` (apps/api/src/taxii/). */
export const TAXII_PAGE_LIMIT = 100;

/** Severities 3–4 (high, severe): the coordinator's triage view. */
const COORDINATOR_FILTER = { severity: [3, 4] };

async function benchUser(db: Db, email: string): Promise<BenchUser> {
  const [row] = rowsOf<{ id: string; role: Actor['role']; agencyId: string; agencyKind: Actor['agencyKind'] }>(
    await db.execute(
      sql`select u.id, u.role, u.agency_id as "agencyId", a.kind as "agencyKind" from users u join agencies a on a.id = u.agency_id where u.email = ${email}`,
    ),
  );
  if (!row) throw new Error(`account ${email} missing in the bench database`);
  return { email, actor: { userId: row.id, role: row.role, agencyId: row.agencyId, agencyKind: row.agencyKind, locale: 'es-MX' } };
}

/**
 * The bench's API processes decrypt TOTP secrets with this key (`MFA_ENCRYPTION_KEY`, bench/api.ts);
 * it protects nothing but the bench database's one authenticator.
 */
export const BENCH_MFA_KEY_HEX = '62656e63685f6d66615f6b65795f6f6e6c795f666f725f62656e63685f646221';

/** A confirmed authenticator app for the account (replacing any), as `auth.mfa.confirmTotp` leaves it; its key. */
async function enrolBenchTotp(db: Db, email: string): Promise<Uint8Array> {
  const [row] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where email = ${email}`));
  if (!row) throw new Error(`account ${email} missing in the bench database`);
  const mfaKey = parseMfaEncryptionKey(BENCH_MFA_KEY_HEX);
  if (!mfaKey) throw new Error('BENCH_MFA_KEY_HEX is not a 32-byte key');
  const key = generateTotpSecret();
  const now = new Date();
  await deleteUserTotp(db, row.id);
  await upsertPendingTotp(db, row.id, encryptSecret(mfaKey, key, row.id), now);
  // Confirmed with a code of a step long past, so the sign-in's code of this step is accepted.
  await confirmTotp(db, row.id, totpStep(now) - 10, now);
  return key;
}

/** The row half-way down a newest-first list, as a cursor: what a user gets after paging far. */
async function midCursor(db: Db, where: SQL): Promise<{ cursor: string; depth: number; total: number }> {
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from incidents i where ${where}`));
  const total = Number(count?.n ?? 0);
  const depth = Math.floor(total / 2);
  const [row] = rowsOf<{ createdAt: Date | string; id: string }>(
    await db.execute(sql`select i.created_at as "createdAt", i.id from incidents i where ${where}
      order by i.created_at desc, i.id desc offset ${depth} limit 1`),
  );
  if (!row) throw new Error('no incident to take a deep cursor from');
  const createdAt = row.createdAt instanceof Date ? row.createdAt : new Date(row.createdAt);
  return { cursor: encodeCursor(createdAt.toISOString(), row.id), depth, total };
}

export async function loadFixtures(db: Db, keys: readonly ScenarioKey[], getSample = 5000): Promise<Fixtures> {
  // Production asks coordinators for a second factor (MFA_REQUIRED_ROLES' default): the bench's
  // coordinator has an authenticator app, as a real one must, and signs in with its code.
  const coordinator = { ...(await benchUser(db, COORDINATOR_EMAIL)), totpKey: await enrolBenchTotp(db, COORDINATOR_EMAIL) };
  const staff = await benchUser(db, STAFF_EMAIL);
  const filterSql = sql`i.severity in (3, 4)`;
  const staffScope = incidentScopeSql(staff.actor, 'i') ?? sql`true`;
  const wants = (k: ScenarioKey) => keys.includes(k);
  const deep = wants('list.deep') ? await midCursor(db, filterSql) : null;
  const staffDeep = wants('list.staff.deep') ? await midCursor(db, staffScope) : null;
  const getIds = wants('get')
    ? rowsOf<{ id: string }>(await db.execute(sql`select id from incidents order by random() limit ${getSample}`)).map((r) => r.id)
    : [];

  const all: Scenario[] = [
    {
      key: 'list.first',
      procedure: 'incidents.list',
      as: 'coordinator',
      description: 'coordinator, first page, severity 3–4, limit 25',
      listInput: { limit: 25, ...COORDINATOR_FILTER },
    },
    {
      key: 'list.deep',
      procedure: 'incidents.list',
      as: 'coordinator',
      description: deep ? `coordinator, severity 3–4, cursor ${deep.depth.toLocaleString('en')} rows deep of ${deep.total.toLocaleString('en')}` : '',
      listInput: { limit: 25, ...COORDINATOR_FILTER, cursor: deep?.cursor },
    },
    {
      key: 'list.staff',
      procedure: 'incidents.list',
      as: 'staff',
      description: 'staff (own agency + shared with it), first page, limit 25',
      listInput: { limit: 25 },
    },
    {
      key: 'list.staff.deep',
      procedure: 'incidents.list',
      as: 'staff',
      description: staffDeep ? `staff, cursor ${staffDeep.depth.toLocaleString('en')} rows deep of ${staffDeep.total.toLocaleString('en')} readable` : '',
      listInput: { limit: 25, cursor: staffDeep?.cursor },
    },
    {
      key: 'get',
      procedure: 'incidents.get',
      as: 'coordinator',
      description: `coordinator, ${getIds.length.toLocaleString('en')} random incidents (detail with timeline, observables, shares, reports)`,
    },
    { key: 'create', procedure: 'incidents.create', as: 'staff', description: 'staff files a report with 2 observables (one transaction, audited)' },
    {
      key: 'rest.create',
      procedure: 'rest.create',
      as: 'staff',
      description: 'an API client of the same agency files the same report over REST v1 (bearer token, a fresh Idempotency-Key each)',
    },
    {
      key: 'taxii.objects.cookie',
      procedure: 'taxii.objects',
      as: 'staff',
      description: `the staff user's session cookie, TAXII shared-with-me, first page of ${TAXII_PAGE_LIMIT} indicators`,
    },
    {
      key: 'taxii.objects',
      procedure: 'taxii.objects',
      as: 'staff',
      description: `an API client of the staff's agency (bearer token), the same page (the token path must cost no more)`,
    },
  ];
  const apiToken = wants('rest.create') ? await benchApiToken(db, staff, ['incidents:write']) : null;
  const taxiiToken = wants('taxii.objects') || wants('taxii.objects.cookie') ? await benchApiToken(db, staff, ['indicators:read']) : null;
  return { coordinator, staff, scenarios: all.filter((s) => wants(s.key)), getIds, apiToken, taxiiAuthorization: taxiiToken && `Bearer ${taxiiToken}` };
}

/** Issues an API client for the staff account's agency, as the admin procedure would (apps/api/src/testing/api-clients.ts). */
async function benchApiToken(db: Db, staff: BenchUser, scopes: ApiScope[]): Promise<string> {
  const [admin] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where role = 'admin' order by created_at limit 1`));
  if (!admin) throw new Error('no admin in the bench database');
  const run = `${Date.now().toString(36)}-${scopes.join('-').replace(/:/g, '_')}`;
  const principal = await insertUser(db, {
    email: `bench-soc-${run}@integraciones.anc.invalid`,
    name: `Bench SOC ${run}`,
    role: 'staff',
    kind: 'api_client',
    agencyId: staff.actor.agencyId,
    passwordHash: '!',
    locale: 'es-MX',
  });
  const token = generateApiToken();
  await insertApiClient(db, {
    agencyId: staff.actor.agencyId,
    principalUserId: principal.id,
    name: `Bench SOC ${run}`,
    tokenPrefix: token.prefix,
    tokenHash: token.hash,
    scopes,
    createdBy: admin.id,
  });
  return token.token;
}

/** A valid `incidents.create` input, varied by `n` (observables drawn from the seed's pools). */
export function createInput(n: number, now = Date.now()): CreateIncidentInput {
  const text = incidentText(n);
  const pool = (n * 7_919 + 17) % OBSERVABLE_POOL;
  return {
    title: text.title,
    description: text.description,
    rsitClass: 'fraud',
    rsitType: 'phishing',
    severity: n % 6,
    tlp: n % 3 === 0 ? 'GREEN' : 'AMBER',
    detectedAt: new Date(now - 3 * 3_600_000).toISOString(),
    awareAt: new Date(now - 2 * 3_600_000).toISOString(),
    affectedSystems: text.affectedSystems,
    impact: {
      personalData: n % 5 === 0,
      records: n % 5 === 0 ? 1_000 + n : null,
      criticalService: false,
      crossBorder: false,
      estimatedLossMxn: n % 4 === 0 ? '150000.00' : null,
    },
    observables: [
      { type: 'ipv4', value: poolIpv4(pool) },
      { type: 'domain', value: poolDomain(pool) },
    ],
  };
}
