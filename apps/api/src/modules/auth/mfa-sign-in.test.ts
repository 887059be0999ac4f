// Sign-in with a second factor (docs/API.md "MFA") over real HTTP with cookies, on PGlite (or
// PostgreSQL with ANC_TEST_PG_URL): the pending cookie, what it opens (nothing but verifyMfa),
// TOTP and recovery codes, replay, single use, the throttle, the audit rows.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE, THROTTLE_POLICY } from '@anc/auth';
import { auditEvents, pendingSignIns, sessions } from '@anc/db';
import { DEMO, DEMO_PASSWORD, errorOf, httpClient, startTestServer, type TestServer } from '../../testing/http.ts';
import { enrolTotpDirectly, issueRecoveryCode, totpCode } from '../../testing/mfa.ts';
import { auditCountFor, userIdOf } from '../../testing/incidents.ts';
import { present, rawCall } from '../../testing/raw.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

const userId = (email: string) => userIdOf(s.t.db, email);
const auditCountOf = (action: string, entityId: string) => auditCountFor(s.t.db, action, entityId);

/** The SEDENA staff account with a TOTP authenticator, signed in with its password only. */
async function pendingSignIn(secret?: Uint8Array) {
  const id = await userId(DEMO.sedena);
  const key = secret ?? (await enrolTotpDirectly(s.t.db, id));
  const client = httpClient(s.url);
  const answer = await client.trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD });
  return { id, secret: key, client, answer };
}

describe('auth.signIn with a second factor', () => {
  it('an account without a factor signs in at once, as before', async () => {
    const client = httpClient(s.url);
    const answer = await client.trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD });
    expect({ user: answer.user?.email, mfaRequired: answer.mfaRequired ?? false, cookies: [...client.jar.cookies.keys()] }).toEqual({
      user: DEMO.sedena,
      mfaRequired: false,
      cookies: [SESSION_COOKIE],
    });
  });

  it('answers mfaRequired with a 5-minute pending cookie (http-only, SameSite=Lax) and no session', async () => {
    const before = Date.now();
    const { id, client, answer } = await pendingSignIn();
    expect(answer).toEqual({ user: null, mfaRequired: true });
    expect([...client.jar.cookies.keys()]).toEqual([PENDING_SIGN_IN_COOKIE]);
    const line = present(
      client.jar.raw.find((l) => l.startsWith(`${PENDING_SIGN_IN_COOKIE}=`)),
      'the pending cookie',
    );
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\//);
    const expires = new Date(present(/Expires=([^;]+)/i.exec(line)?.[1], 'its expiry')).getTime();
    expect(Math.round((expires - before) / 60_000)).toBe(5);
    // Stored hashed: the cookie's value is nowhere in the table.
    const rows = await s.t.db.select().from(pendingSignIns).where(eq(pendingSignIns.userId, id));
    expect(rows.map((r) => r.id === client.jar.cookies.get(PENDING_SIGN_IN_COOKIE))).toEqual([false]);
    expect(rows.map((r) => r.id.length)).toEqual([64]);
    expect(await s.t.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expect(await auditCountOf('auth.mfaChallenge', id)).toBe(1);
  });

  it('the pending cookie opens nothing else: me answers no user, every signed-in procedure UNAUTHORIZED', async () => {
    const { client } = await pendingSignIn();
    const cookie = client.jar.header();
    expect(await client.trpc.auth.me.query()).toEqual({ user: null });
    const answers = await Promise.all(
      (
        [
          ['incidents.list', 'query', {}],
          ['notifications.unreadCount', 'query', undefined],
          ['auth.mfa.status', 'query', undefined],
          ['auth.setLocale', 'mutation', { locale: 'en' }],
        ] as const
      ).map(async ([path, type, input]) => [path, (await rawCall(s.url, path, type, input, { cookie })).code]),
    );
    expect(answers).toEqual([
      ['incidents.list', 'UNAUTHORIZED'],
      ['notifications.unreadCount', 'UNAUTHORIZED'],
      ['auth.mfa.status', 'UNAUTHORIZED'],
      ['auth.setLocale', 'UNAUTHORIZED'],
    ]);
    const exported = await fetch(`${s.url}/export/incidents.csv`, { headers: { cookie } });
    expect(exported.status).toBe(401);
  });

  it('verifyMfa with the current TOTP code: the session cookie, the user, the pending sign-in gone', async () => {
    const { id, secret, client } = await pendingSignIn();
    const answer = await client.trpc.auth.verifyMfa.mutate({ code: totpCode(secret) });
    expect(answer.user?.email).toBe(DEMO.sedena);
    expect([...client.jar.cookies.keys()]).toEqual([SESSION_COOKIE]);
    expect((await client.trpc.auth.me.query()).user?.email).toBe(DEMO.sedena);
    expect(await s.t.db.select().from(pendingSignIns).where(eq(pendingSignIns.userId, id))).toEqual([]);
    const [audit] = await s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.signIn'), eq(auditEvents.entityId, id)));
    expect(audit?.diff).toEqual({ secondFactor: 'totp' });
  });

  it('a code typed with a space is the same code', async () => {
    const { secret, client } = await pendingSignIn();
    const code = totpCode(secret);
    expect((await client.trpc.auth.verifyMfa.mutate({ code: `${code.slice(0, 3)} ${code.slice(3)}` })).user?.email).toBe(DEMO.sedena);
  });

  it('a TOTP code is accepted once: the same code again is refused, the next step’s is not', async () => {
    const first = await pendingSignIn();
    const code = totpCode(first.secret);
    await first.client.trpc.auth.verifyMfa.mutate({ code });
    const second = await pendingSignIn(first.secret);
    expect(await errorOf(second.client.trpc.auth.verifyMfa.mutate({ code }))).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'invalid_mfa_code',
      fieldErrors: { code: [expect.any(String)] },
    });
    expect((await second.client.trpc.auth.verifyMfa.mutate({ code: totpCode(first.secret, new Date(), 1) })).user?.email).toBe(DEMO.sedena);
  });

  it('a recovery code signs in once; the same code a second time is refused', async () => {
    const first = await pendingSignIn();
    const code = await issueRecoveryCode(s.t.db, first.id);
    const answer = await first.client.trpc.auth.verifyMfa.mutate({ code: code.toUpperCase() });
    expect(answer.user?.email).toBe(DEMO.sedena);
    const [audit] = await s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.signIn'), eq(auditEvents.entityId, first.id)));
    expect(audit?.diff).toEqual({ secondFactor: 'recovery_code' });
    const second = await pendingSignIn(first.secret);
    expect(await errorOf(second.client.trpc.auth.verifyMfa.mutate({ code }))).toMatchObject({ code: 'UNAUTHORIZED', reason: 'invalid_mfa_code' });
  });

  it('a pending sign-in is used once: its cookie replayed after success answers mfa_sign_in_expired', async () => {
    const { secret, client } = await pendingSignIn();
    const pendingCookie = client.jar.header();
    await client.trpc.auth.verifyMfa.mutate({ code: totpCode(secret) });
    const replay = await rawCall(s.url, 'auth.verifyMfa', 'mutation', { code: totpCode(secret, new Date(), 1) }, { cookie: pendingCookie });
    expect({ code: replay.code, reason: replay.reason }).toEqual({ code: 'UNAUTHORIZED', reason: 'mfa_sign_in_expired' });
  });

  it('without a pending cookie verifyMfa answers mfa_sign_in_expired', async () => {
    expect(await errorOf(httpClient(s.url).trpc.auth.verifyMfa.mutate({ code: '123456' }))).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'mfa_sign_in_expired',
    });
  });

  it('an expired pending sign-in is refused', async () => {
    const { id, secret, client } = await pendingSignIn();
    await s.t.db
      .update(pendingSignIns)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(pendingSignIns.userId, id));
    expect(await errorOf(client.trpc.auth.verifyMfa.mutate({ code: totpCode(secret) }))).toMatchObject({ code: 'UNAUTHORIZED', reason: 'mfa_sign_in_expired' });
  });

  it('wrong codes are audited and throttled: after the budget even the right code answers TOO_MANY_REQUESTS', async () => {
    const { id, secret, client } = await pendingSignIn();
    const limit = THROTTLE_POLICY.limits.account_ip;
    const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < limit; i++) answers.push((await errorOf(client.trpc.auth.verifyMfa.mutate({ code: wrong }))).reason ?? '');
    expect(answers).toEqual(Array.from({ length: limit }, () => 'invalid_mfa_code'));
    expect(await auditCountOf('auth.mfaFailed', id)).toBe(limit);
    expect(await errorOf(client.trpc.auth.verifyMfa.mutate({ code: totpCode(secret) }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'too_many_attempts',
    });
  });

  it('signing in again replaces the pending sign-in', async () => {
    const { id, secret, client } = await pendingSignIn();
    const firstCookie = client.jar.header();
    await client.trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD });
    expect((await s.t.db.select().from(pendingSignIns).where(eq(pendingSignIns.userId, id))).length).toBe(1);
    const stale = await rawCall(s.url, 'auth.verifyMfa', 'mutation', { code: totpCode(secret) }, { cookie: firstCookie });
    expect(stale.reason).toBe('mfa_sign_in_expired');
    expect((await client.trpc.auth.verifyMfa.mutate({ code: totpCode(secret) })).user?.email).toBe(DEMO.sedena);
  });
});
