import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_LOCK_KEY, createDb, rowsOf, type Database } from './client.ts';
import { listUsers } from './queries/users.ts';
import { refundThrottleAttempt, takeThrottleAttempt } from './queries/sessions.ts';
import { sealAllAudit, verifyAuditChain, writeAudit, type AuditEntry } from './queries/audit.ts';
import { agencies, auditEvents, users } from './schema/index.ts';
import { DEMO_AGENCIES, DEMO_USERS, seedDemoData, seedReferenceData } from './seed.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.reset();
});

async function snapshot() {
  const a = await t.db.select().from(agencies).orderBy(agencies.code);
  const u = await t.db.select().from(users).orderBy(users.email);
  const audit = await t.db.select({ id: auditEvents.id }).from(auditEvents);
  return { a, u, audit: audit.length };
}

describe('migrations', () => {
  it('create every table on an empty database', async () => {
    const tables = rowsOf<{ tablename: string }>(await t.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`));
    expect(tables.map((r) => r.tablename)).toEqual([
      'advisories',
      'advisory_agencies',
      'advisory_responses',
      'agencies',
      'agency_designations',
      'agency_emergency_contacts',
      'api_clients',
      'audit_chain_head',
      'audit_events',
      'evidence_file_chunks',
      'evidence_files',
      'idempotency_keys',
      'incident_events',
      'incident_observables',
      'incident_playbooks',
      'incident_reports',
      'incident_shares',
      'incidents',
      'initiative_kpi_values',
      'initiative_kpis',
      'initiative_milestones',
      'initiative_participants',
      'initiatives',
      'mail_outbox',
      'notifications',
      'oidc_sign_in_attempts',
      'passkeys',
      'password_reset_tokens',
      'pending_sign_ins',
      'playbooks',
      'recovery_codes',
      'reference_counters',
      'saved_filters',
      'sessions',
      'sign_in_throttles',
      'task_events',
      'tasks',
      'user_totp',
      'users',
      'webauthn_challenges',
    ]);
  });
  it('are idempotent when applied again', async () => {
    await expect(t.migrate()).resolves.toBeUndefined();
    await expect(t.migrate()).resolves.toBeUndefined();
  });
});

describe('withLock', () => {
  it('runs one holder at a time, across connection pools (API processes), and a failure releases it', async () => {
    // On PostgreSQL a second pool is what a second process has; PGlite has one owner.
    const other: Database = t.url ? createDb({ url: t.url, max: 2 }) : t;
    let inside = 0;
    let most = 0;
    const hold = (d: Database) =>
      d.withLock(SEED_LOCK_KEY, async () => {
        inside += 1;
        most = Math.max(most, inside);
        await d.db.execute(sql`select pg_sleep(0.1)`);
        inside -= 1;
        return 'done';
      });
    try {
      expect(await Promise.all([hold(t), hold(other), hold(t), hold(other)])).toEqual(['done', 'done', 'done', 'done']);
      expect(most).toBe(1);
      await expect(t.withLock(SEED_LOCK_KEY, () => Promise.reject(new Error('seed failed')))).rejects.toThrow('seed failed');
      expect(await hold(other)).toBe('done');
    } finally {
      if (other !== t) await other.close();
    }
  });
});

describe('seed', () => {
  it('creates the ANC, at least 12 real bodies and the demo accounts', async () => {
    await seedDemoData(t.db, { passwordHash: 'x' });
    const s = await snapshot();
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(12);
    expect(s.a.map((a) => a.code)).toEqual(
      expect.arrayContaining(['ANC', 'SEDENA', 'SEMAR', 'SSPC', 'GN', 'SHCP', 'SRE', 'SEGOB', 'SSA', 'SEP', 'SAT', 'CFE', 'PEMEX']),
    );
    expect(s.u.filter((u) => u.role === 'admin')).toHaveLength(1);
    expect(s.u.filter((u) => u.role === 'coordinator')).toHaveLength(2);
    const staffAgencies = new Set(s.u.filter((u) => u.role === 'staff').map((u) => u.agencyId));
    expect(staffAgencies.size).toBe(DEMO_AGENCIES.length);
    expect(s.u).toHaveLength(DEMO_USERS.length);
    for (const a of s.a) expect(a.nameEn.length).toBeGreaterThan(3);
    // every insert was audited
    expect(s.audit).toBe(s.a.length + s.u.length);
  });

  it('changes nothing when run a second time', async () => {
    await seedReferenceData(t.db);
    await seedDemoData(t.db, { passwordHash: 'x' });
    const first = await snapshot();
    await seedReferenceData(t.db);
    await seedDemoData(t.db, { passwordHash: 'other-hash' });
    expect(await snapshot()).toEqual(first);
  });
});

describe('users list', () => {
  it('walks every page once, newest first', async () => {
    await seedDemoData(t.db, { passwordHash: 'x' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsers(t.db, { limit: 5, cursor, includeInactive: true });
      seen.push(...page.rows.map((r) => r.user.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(DEMO_USERS.length);
    expect(new Set(seen).size).toBe(DEMO_USERS.length);
  });
  it('filters by text without treating % as a wildcard', async () => {
    await seedDemoData(t.db, { passwordHash: 'x' });
    expect((await listUsers(t.db, { limit: 50, q: 'sedena', includeInactive: true })).rows).toHaveLength(1);
    expect((await listUsers(t.db, { limit: 50, q: '%', includeInactive: true })).rows).toHaveLength(0);
  });
});

const entry = (n: number): AuditEntry => ({
  actorId: null,
  action: 'agency.update',
  entityType: 'agency',
  entityId: String(n),
  diff: { n: [null, n] },
  origin: { source: 'test', requestId: undefined },
});

describe('audit chain', () => {
  it('seals in order and verifies', async () => {
    for (let i = 0; i < 30; i++) await writeAudit(t.db, entry(i));
    expect(await sealAllAudit(t.db)).toBe(30);
    const v = await verifyAuditChain(t.db);
    expect(v).toEqual({ ok: true, checked: 30, unsealed: 0, firstBrokenSeq: null });
    // a second batch extends the chain
    await writeAudit(t.db, entry(31));
    await sealAllAudit(t.db);
    expect((await verifyAuditChain(t.db)).checked).toBe(31);
  });

  it('refuses updates and deletes of written rows', async () => {
    await writeAudit(t.db, entry(1));
    await sealAllAudit(t.db);
    await expect(t.db.update(auditEvents).set({ action: 'forged' })).rejects.toThrow(/Failed query/);
    await expect(t.db.delete(auditEvents)).rejects.toThrow(/Failed query/);
    expect(await t.db.select().from(auditEvents)).toMatchObject([{ action: 'agency.update' }]);
  });

  it('reports the first altered row and a removed tail', async () => {
    for (let i = 0; i < 10; i++) await writeAudit(t.db, entry(i));
    await sealAllAudit(t.db);
    await t.db.execute(sql`alter table audit_events disable trigger audit_events_guard`);
    await t.db.execute(sql`update audit_events set diff = '{"n":[null,999]}'::jsonb where seq = 4`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 4, checked: 3 });
    await t.db.execute(sql`update audit_events set diff = '{"n":[null,3]}'::jsonb where seq = 4`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    await t.db.execute(sql`delete from audit_events where seq = 10`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 10 });
    await t.db.execute(sql`alter table audit_events enable trigger audit_events_guard`);
  });

  it('reports rows left unsealed past the grace period', async () => {
    await writeAudit(t.db, entry(1));
    expect((await verifyAuditChain(t.db)).unsealed).toBe(0);
    const v = await verifyAuditChain(t.db, new Date(Date.now() + 60_000));
    expect(v).toMatchObject({ ok: false, unsealed: 1 });
  });
});

describe('sign-in throttle counters', () => {
  it('count attempts in a window, start again after it, and give one back', async () => {
    const now = new Date();
    for (let i = 1; i <= 3; i++) expect((await takeThrottleAttempt(t.db, 'account', 'a@b.mx', now, 60_000)).failures).toBe(i);
    await refundThrottleAttempt(t.db, 'account', 'a@b.mx');
    expect((await takeThrottleAttempt(t.db, 'account', 'a@b.mx', now, 60_000)).failures).toBe(3);
    // an attempt after the window starts a new count
    const later = new Date(now.getTime() + 61_000);
    expect((await takeThrottleAttempt(t.db, 'account', 'a@b.mx', later, 60_000)).failures).toBe(1);
    // a refund never goes below zero
    await refundThrottleAttempt(t.db, 'account', 'a@b.mx');
    await refundThrottleAttempt(t.db, 'account', 'a@b.mx');
    expect((await takeThrottleAttempt(t.db, 'account', 'a@b.mx', later, 60_000)).failures).toBe(1);
  });
});

it('keeps agency codes unique', async () => {
  await seedReferenceData(t.db);
  await expect(t.db.insert(agencies).values({ code: 'ANC', name: 'x', nameEn: 'x', kind: 'national_agency' })).rejects.toThrow(/Failed query/);
  expect(await t.db.select().from(agencies).where(eq(agencies.code, 'ANC'))).toHaveLength(1);
});
