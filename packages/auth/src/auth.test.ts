import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agencies, seedReferenceData, sessions, signInThrottles, updateAgency, updateUser, users, insertUser, type AgencyRow } from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { DomainError } from '@anc/domain';
import { PORTAL_WORDS, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { SESSION_TTL_MS, createSession, invalidateSession, invalidateUserSessions, validateSessionToken } from './sessions.ts';
import { THROTTLE_POLICY, refundPasswordAttempt, takePasswordAttempt } from './throttle.ts';
import { sessionIdFromToken } from './tokens.ts';
import { blankCookieOptions, sessionCookieOptions } from './cookies.ts';

let t: TestDatabase;
let anc: AgencyRow;
let userId: string;
let passwordHash: string;

beforeAll(async () => {
  t = await createTestDatabase();
  passwordHash = await hashPassword('cuervo-azul-del-norte-77');
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  await seedReferenceData(t.db);
  [anc] = (await t.db.select().from(agencies)) as [AgencyRow];
  userId = (await insertUser(t.db, { email: 'ana@anc.gob.mx', name: 'Ana', role: 'admin', agencyId: anc.id, passwordHash, locale: 'es-MX' })).id;
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash, 'cuervo-azul-del-norte-77')).toBe(true);
    expect(await verifyPassword(passwordHash, 'cuervo-azul-del-norte-78')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
  it('refuses short, common and self-derived passwords', () => {
    expect(passwordProblem('corta')).toBe('password_too_short');
    expect(passwordProblem('password1234')).toBe('password_too_common');
    expect(passwordProblem('qwertyuiop123')).toBe('password_too_common');
    expect(passwordProblem('anaperez2026', ['ana.perez@sedena.gob.mx', 'Ana Pérez'])).toBe('password_too_common');
    expect(passwordProblem('cuervo-azul-del-norte-77')).toBeNull();
  });
  it('counts the portal’s own words and the given agency names as guessable (issue 10, defect 14)', () => {
    // Always, with no user inputs at all.
    for (const password of [
      'ciberseguridad',
      'Ciberseguridad',
      'Ciberseguridad-2026',
      'ANC-Mexico-2026',
      'gob.mexico.2026',
      'México-Gobierno-2026',
      'C1bers3guridad!',
    ]) {
      expect(passwordProblem(password), password).toBe('password_too_common');
    }
    // Agency codes and names passed in (from the database), with and without accents.
    const agencyNames = ['SEDENA', 'Secretaría de la Defensa Nacional', 'Ministry of National Defence', 'SEMAR', 'Secretaría de Marina'];
    for (const password of ['Sedena-Mexico', 'Sedena-México', 'sedena.gob.mx.2026', 'Defensa-Nacional-26', 'Secretaria-Marina-2026', 'MARINA-semar-01']) {
      expect(passwordProblem(password, agencyNames), password).toBe('password_too_common');
    }
    // Other words still make a strong password, a portal word among them or not.
    expect(passwordProblem('cuervo-azul-del-norte-77', agencyNames)).toBeNull();
    expect(passwordProblem('Sedena-cuervo-azul-tlacuache', agencyNames)).toBeNull();
    expect(passwordProblem('halcón-de-plata-904', agencyNames)).toBeNull();
    expect(PORTAL_WORDS).toContain('ciberseguridad');
  });
});

describe('sessions', () => {
  it('never store the raw token', async () => {
    const { token } = await createSession(t.db, userId, { ip: '127.0.0.1' });
    const rows = await t.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(sessionIdFromToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('validate, extend past half-life and expire', async () => {
    const t0 = new Date('2026-11-21T12:00:00Z');
    const { token, expiresAt } = await createSession(t.db, userId, {}, t0);
    expect(expiresAt.getTime() - t0.getTime()).toBe(SESSION_TTL_MS);

    const early = await validateSessionToken(t.db, token, new Date(t0.getTime() + 60_000));
    expect(early?.extended).toBe(false);
    expect(early?.user.id).toBe(userId);

    const late = new Date(t0.getTime() + SESSION_TTL_MS * 0.75);
    const extended = await validateSessionToken(t.db, token, late);
    expect(extended?.extended).toBe(true);
    expect(extended?.expiresAt.getTime()).toBe(late.getTime() + SESSION_TTL_MS);

    // still valid after the original expiry, because it was extended
    expect(await validateSessionToken(t.db, token, new Date(t0.getTime() + SESSION_TTL_MS + 1000))).not.toBeNull();
    // and gone after the extended one
    expect(await validateSessionToken(t.db, token, new Date(late.getTime() + SESSION_TTL_MS))).toBeNull();
    expect(await t.db.select().from(sessions)).toHaveLength(0);
  });

  it('move lastSeenAt at most once a minute, and only with a conditional write', async () => {
    const t0 = new Date('2026-11-21T12:00:00Z');
    const { token } = await createSession(t.db, userId, {}, t0);
    const seen = async () =>
      (
        await t.db
          .select({ at: sessions.lastSeenAt })
          .from(sessions)
          .where(eq(sessions.id, sessionIdFromToken(token)))
      )[0]?.at;
    expect(await seen()).toEqual(t0);
    const within = await validateSessionToken(t.db, token, new Date(t0.getTime() + 59_999));
    expect({ answered: within?.lastSeenAt, stored: await seen() }).toEqual({ answered: t0, stored: t0 });
    const later = new Date(t0.getTime() + 60_000);
    const after = await validateSessionToken(t.db, token, later);
    expect({ answered: after?.lastSeenAt, stored: await seen() }).toEqual({ answered: later, stored: later });
    // Another minute has not passed since `later`: no write.
    await validateSessionToken(t.db, token, new Date(later.getTime() + 30_000));
    expect(await seen()).toEqual(later);
  });

  it('carry a public id that is not the stored key', async () => {
    const { token } = await createSession(t.db, userId, {});
    const validated = await validateSessionToken(t.db, token);
    expect(validated?.publicId).toMatch(/^[0-9a-f-]{36}$/);
    expect(validated?.publicId).not.toBe(sessionIdFromToken(token));
  });

  it('refuse unknown and malformed tokens', async () => {
    expect(await validateSessionToken(t.db, 'a'.repeat(32))).toBeNull();
    expect(await validateSessionToken(t.db, "'; drop table sessions; --")).toBeNull();
  });

  it('end on sign-out', async () => {
    const { token } = await createSession(t.db, userId, {});
    await invalidateSession(t.db, sessionIdFromToken(token));
    expect(await validateSessionToken(t.db, token)).toBeNull();
  });

  it('end when the user or the agency is deactivated', async () => {
    const a = await createSession(t.db, userId, {});
    await updateUser(t.db, userId, { active: false });
    expect(await validateSessionToken(t.db, a.token)).toBeNull();
    await updateUser(t.db, userId, { active: true });
    const b = await createSession(t.db, userId, {});
    await updateAgency(t.db, anc.id, { active: false });
    expect(await validateSessionToken(t.db, b.token)).toBeNull();
  });

  it('end everywhere but here on password change', async () => {
    const here = await createSession(t.db, userId, {});
    const elsewhere = await createSession(t.db, userId, {});
    expect(await invalidateUserSessions(t.db, userId, sessionIdFromToken(here.token))).toBe(1);
    expect(await validateSessionToken(t.db, here.token)).not.toBeNull();
    expect(await validateSessionToken(t.db, elsewhere.token)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(1);
  });
});

describe('cookies', () => {
  it('are http-only, SameSite=Lax and Secure unless told otherwise', () => {
    const at = new Date('2026-11-22T00:00:00Z');
    expect(sessionCookieOptions(at, true)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', expires: at });
    expect(blankCookieOptions(false).expires.getTime()).toBe(0);
  });
});

const attempt = (account: string, ip: string, now: Date, purpose: 'signIn' | 'changePassword' = 'signIn') =>
  takePasswordAttempt(t.db, purpose, account, ip, now).then(
    () => 'evaluated' as const,
    (e: unknown) => {
      if (e instanceof DomainError && e.code === 'TOO_MANY_REQUESTS') return e;
      throw e;
    },
  );

describe('password-guess throttle', () => {
  const { windowMs, limits } = THROTTLE_POLICY;
  it('lets through at most the (account, address) budget of parallel attempts, then refuses with a retry time', async () => {
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 50 }, () => attempt('ana@anc.gob.mx', '10.0.0.1', now)));
    expect(results.filter((r) => r === 'evaluated')).toHaveLength(limits.account_ip);
    const refused = results.find((r) => r !== 'evaluated');
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).retryAfterSeconds).toBe(windowMs / 1000);
    // still refused later in the window, allowed again once it passed
    expect(await attempt('ana@anc.gob.mx', '10.0.0.1', new Date(now.getTime() + windowMs - 1000))).toMatchObject({ retryAfterSeconds: 1 });
    expect(await attempt('ana@anc.gob.mx', '10.0.0.1', new Date(now.getTime() + windowMs + 1))).toBe('evaluated');
  });

  it('does not let a stranger lock a person out from another address; the account ceiling holds across addresses', async () => {
    const now = new Date();
    // a stranger hammering from one address spends only that address's budgets
    const stranger = await Promise.all(Array.from({ length: limits.account + 10 }, () => attempt('ana@anc.gob.mx', '10.6.6.6', now)));
    expect(stranger.filter((r) => r === 'evaluated')).toHaveLength(limits.account_ip);
    expect(await attempt('ana@anc.gob.mx', '10.0.0.1', now)).toBe('evaluated');
    // a distributed guesser (one attempt per address) meets the per-account ceiling
    const spread = await Promise.all(Array.from({ length: limits.account + 20 }, (_, i) => attempt('beto@anc.gob.mx', `10.2.${i >> 8}.${i & 255}`, now)));
    expect(spread.filter((r) => r === 'evaluated')).toHaveLength(limits.account);
  });

  it('throttles one address spraying many accounts at the per-address budget, even in parallel', async () => {
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 150 }, (_, i) => attempt(`u${i}@x.mx`, '10.1.1.1', now)));
    expect(results.filter((r) => r === 'evaluated')).toHaveLength(limits.ip);
  });

  it('makes a right password cost nothing, without erasing what others counted', async () => {
    const now = new Date();
    for (let i = 0; i < limits.account_ip - 1; i++) await attempt('ana@anc.gob.mx', '10.0.0.1', now);
    for (let i = 0; i < 7; i++) await attempt('ana@anc.gob.mx', `10.3.0.${i}`, now);
    await attempt('ana@anc.gob.mx', '10.0.0.1', now);
    await refundPasswordAttempt(t.db, 'signIn', 'ana@anc.gob.mx', '10.0.0.1');
    const counts = Object.fromEntries((await t.db.select().from(signInThrottles)).map((r) => [`${r.scope} ${r.key}`, r.failures]));
    // the (account, address) budget starts again; the address and the account lose only this attempt
    expect(counts['account_ip ana@anc.gob.mx|10.0.0.1']).toBeUndefined();
    expect(counts['ip 10.0.0.1']).toBe(limits.account_ip - 1);
    expect(counts['account ana@anc.gob.mx']).toBe(limits.account_ip - 1 + 7);
    // an office behind one address signing in all day is never throttled for it
    for (let i = 0; i < limits.ip + 5; i++) {
      expect(await attempt(`u${i}@x.mx`, '10.4.4.4', now)).toBe('evaluated');
      await refundPasswordAttempt(t.db, 'signIn', `u${i}@x.mx`, '10.4.4.4');
    }
  });

  it('keeps password-change budgets apart from sign-in budgets', async () => {
    const now = new Date();
    for (let i = 0; i < limits.account_ip; i++) await attempt('ana@anc.gob.mx', '10.0.0.1', now, 'changePassword');
    expect(await attempt('ana@anc.gob.mx', '10.0.0.1', now, 'changePassword')).toBeInstanceOf(DomainError);
    expect(await attempt('ana@anc.gob.mx', '10.0.0.1', now)).toBe('evaluated');
  });
});

it('keeps users unique by e-mail', async () => {
  await expect(insertUser(t.db, { email: 'ana@anc.gob.mx', name: 'Otra', role: 'admin', agencyId: anc.id, passwordHash, locale: 'es-MX' })).rejects.toThrow(
    /Failed query/,
  );
  expect(await t.db.select().from(users)).toHaveLength(1);
});
