// A passkey as the second factor (issue 13 points 2 and 4): the pending sign-in's passkey step,
// what it refuses (a replayed or cloned assertion, another account's key, another site), the
// shared throttle, a passkey counting as a factor (status, MFA_REQUIRED_ROLES) and the admin's
// reset. Over HTTP with cookies on PGlite, or PostgreSQL with ANC_TEST_PG_URL; the authenticator
// is a software one whose answers are signed for real (testing/soft-authenticator.ts).
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { THROTTLE_POLICY } from '@anc/auth';
import { auditEvents, passkeys, users } from '@anc/db';
import { DEMO, DEMO_PASSWORD, errorOf, httpClient, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { registerSoftPasskey } from '../../testing/passkeys.ts';
import { present, rawCall } from '../../testing/raw.ts';
import { SoftAuthenticator } from '../../testing/soft-authenticator.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ env: { MFA_REQUIRED_ROLES: 'coordinator,admin' } });
});
afterAll(() => s.close());
beforeEach(() => s.reset());

const userId = async (email: string) => present((await s.t.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0], email).id;
const auditCountOf = async (action: string, entityId: string) =>
  (
    await s.t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  )[0]?.n ?? 0;

/** SEDENA's staff account with a passkey, and a browser that typed its password (a pending sign-in). */
async function pendingWithPasskey(email: string = DEMO.sedena) {
  const { authenticator, passkey } = await registerSoftPasskey(await signedIn(s.url, email), s.url, 'Laptop');
  const client = httpClient(s.url);
  expect(await client.trpc.auth.signIn.mutate({ email, password: DEMO_PASSWORD })).toEqual({ user: null, mfaRequired: true });
  return { authenticator, passkey, client, id: await userId(email) };
}

describe('signing in with a passkey as the second factor', () => {
  it("the password asks for the factor; the passkey step offers the account's passkeys and completes the sign-in", async () => {
    const { authenticator, passkey, client, id } = await pendingWithPasskey();
    const options = await client.trpc.auth.mfa.passkeyAuthenticationOptions.mutate();
    expect(options.rpId).toBe('127.0.0.1');
    expect(options.allowCredentials).toEqual([{ id: authenticator.id, type: 'public-key', transports: ['internal'] }]);
    const answer = await client.trpc.auth.verifyMfaPasskey.mutate({ response: authenticator.authenticate(options) });
    expect(answer.user?.email).toBe(DEMO.sedena);
    expect((await client.trpc.auth.me.query()).user?.email).toBe(DEMO.sedena);
    const [row] = await s.t.db.select().from(passkeys).where(eq(passkeys.id, passkey.id));
    expect(present(row, 'the passkey').counter).toBe(authenticator.counter);
    expect((await client.trpc.auth.mfa.passkeys.query()).items[0]?.lastUsedAt).not.toBeNull();
    const signIns = await s.t.db
      .select({ diff: auditEvents.diff })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.signIn'), eq(auditEvents.entityId, id)))
      .orderBy(auditEvents.id);
    // The sign-in that registered the passkey (password alone), then this one.
    expect(signIns.map((r) => r.diff)).toEqual([{ method: 'password' }, { secondFactor: 'passkey' }]);
    expect(await client.trpc.auth.mfa.status.query()).toMatchObject({ totp: false, passkeys: 1 });
  });

  it('without a pending sign-in both steps answer UNAUTHORIZED mfa_sign_in_expired', async () => {
    const options = await rawCall(s.url, 'auth.mfa.passkeyAuthenticationOptions', 'mutation', undefined, { cookie: null });
    const verify = await rawCall(
      s.url,
      'auth.verifyMfaPasskey',
      'mutation',
      { response: new SoftAuthenticator({ origin: s.url }).authenticate({ challenge: 'eA', rpId: '127.0.0.1' }) },
      { cookie: null },
    );
    expect([options.status, options.reason, verify.status, verify.reason]).toEqual([401, 'mfa_sign_in_expired', 401, 'mfa_sign_in_expired']);
  });

  // Each test stays under the throttle's budget of 5 failures, so its last, genuine answer is let through.
  it("refuses an unknown challenge, another account's passkey and another site; each is audited and the right answer still works", async () => {
    const { authenticator, client, id } = await pendingWithPasskey();
    const semar = await registerSoftPasskey(await signedIn(s.url, DEMO.semar), s.url, 'De SEMAR');
    const step = () => client.trpc.auth.mfa.passkeyAuthenticationOptions.mutate();
    const refusal = async (response: ReturnType<SoftAuthenticator['authenticate']>) =>
      (await errorOf(client.trpc.auth.verifyMfaPasskey.mutate({ response }))).reason;
    expect({
      // An answer for a challenge that was never handed out (one replayed from an earlier sign-in).
      'unknown challenge': await refusal(authenticator.authenticate({ challenge: 'b2xkLWNoYWxsZW5nZQ', rpId: '127.0.0.1' })),
      "another account's passkey": await refusal(semar.authenticator.authenticate(await step())),
      'another site': await refusal(authenticator.authenticate(await step(), { origin: 'https://phishing.example' })),
    }).toEqual({ 'unknown challenge': 'passkey_not_accepted', "another account's passkey": 'passkey_not_accepted', 'another site': 'passkey_not_accepted' });
    expect(await auditCountOf('auth.mfaFailed', id)).toBe(3);
    expect((await client.trpc.auth.verifyMfaPasskey.mutate({ response: authenticator.authenticate(await step()) })).user?.email).toBe(DEMO.sedena);
  });

  it('refuses a cloned key (its counter did not grow), and takes the challenge it answered', async () => {
    const { authenticator, passkey, client, id } = await pendingWithPasskey();
    const step = () => client.trpc.auth.mfa.passkeyAuthenticationOptions.mutate();
    const refusal = async (response: ReturnType<SoftAuthenticator['authenticate']>) =>
      (await errorOf(client.trpc.auth.verifyMfaPasskey.mutate({ response }))).reason;
    const options = await step();
    const good = authenticator.authenticate(options);
    const ahead = authenticator.counter;
    // A copy of the key that signs with the counter the server saw last.
    const [stored] = await s.t.db.select({ counter: passkeys.counter }).from(passkeys).where(eq(passkeys.id, passkey.id));
    authenticator.counter = present(stored, 'the passkey').counter - 1;
    const clone = authenticator.authenticate(options);
    authenticator.counter = ahead;
    expect(await refusal(clone)).toBe('passkey_not_accepted');
    // The challenge went with the clone's attempt: the genuine answer to it is refused too…
    expect(await refusal(good)).toBe('passkey_not_accepted');
    expect(await auditCountOf('auth.mfaFailed', id)).toBe(2);
    // …and a fresh one signs in.
    expect((await client.trpc.auth.verifyMfaPasskey.mutate({ response: authenticator.authenticate(await step()) })).user?.email).toBe(DEMO.sedena);
  });

  it('one assertion completes one sign-in: sent again from the same browser after signing in anew it is refused', async () => {
    const { authenticator, client } = await pendingWithPasskey();
    const response = authenticator.authenticate(await client.trpc.auth.mfa.passkeyAuthenticationOptions.mutate());
    await client.trpc.auth.verifyMfaPasskey.mutate({ response });
    await client.trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD });
    expect((await errorOf(client.trpc.auth.verifyMfaPasskey.mutate({ response }))).reason).toBe('passkey_not_accepted');
  });

  it('is throttled with the codes: after the budget of failures even a good passkey answers TOO_MANY_REQUESTS', async () => {
    const { authenticator, client } = await pendingWithPasskey();
    const limit = THROTTLE_POLICY.limits.account_ip;
    const answers: string[] = [];
    for (let i = 0; i < limit; i++) {
      const options = await client.trpc.auth.mfa.passkeyAuthenticationOptions.mutate();
      answers.push(
        (await errorOf(client.trpc.auth.verifyMfaPasskey.mutate({ response: authenticator.authenticate(options, { origin: 'https://otro.example' }) })))
          .reason ?? '',
      );
    }
    expect(answers).toEqual(Array.from({ length: limit }, () => 'passkey_not_accepted'));
    const options = await client.trpc.auth.mfa.passkeyAuthenticationOptions.mutate();
    expect(await errorOf(client.trpc.auth.verifyMfaPasskey.mutate({ response: authenticator.authenticate(options) }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'too_many_attempts',
    });
  });
});

describe('a passkey is a second factor', () => {
  it('an account of MFA_REQUIRED_ROLES may register one while it must enrol, and is then let through', async () => {
    const coordinator = await signedIn(s.url, DEMO.coordinator);
    expect((await coordinator.trpc.auth.me.query()).mfaEnrollmentRequired).toBe(true);
    const before = await errorOf(coordinator.trpc.incidents.list.query({ limit: 1 }));
    expect([before.code, before.reason]).toEqual(['FORBIDDEN', 'mfa_enrollment_required']);
    await registerSoftPasskey(coordinator, s.url, 'Llave USB');
    expect((await coordinator.trpc.auth.me.query()).mfaEnrollmentRequired).toBe(false);
    expect((await coordinator.trpc.incidents.list.query({ limit: 1 })).items).toBeInstanceOf(Array);
    // Removing the last one puts the hold back.
    const [only] = (await coordinator.trpc.auth.mfa.passkeys.query()).items;
    await coordinator.trpc.auth.mfa.removePasskey.mutate({ id: present(only, 'a passkey').id });
    expect((await coordinator.trpc.auth.me.query()).mfaEnrollmentRequired).toBe(true);
  });

  it("the admin's reset of a person's factors removes their passkeys (audited); the password alone then signs in", async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    await registerSoftPasskey(sedena, s.url, 'Una');
    await registerSoftPasskey(sedena, s.url, 'Otra');
    const id = await userId(DEMO.sedena);
    // The admin is held back until it has a factor of its own.
    const admin = await signedIn(s.url, DEMO.admin);
    await registerSoftPasskey(admin, s.url, 'Llave del admin');
    await admin.trpc.admin.users.resetMfa.mutate({ userId: id });
    expect(await s.t.db.select().from(passkeys).where(eq(passkeys.userId, id))).toEqual([]);
    const [row] = await s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.resetMfa'), eq(auditEvents.entityId, id)));
    expect((present(row, 'the reset row').diff as Record<string, unknown>).passkeys).toEqual([2, 0]);
    const client = httpClient(s.url);
    expect((await client.trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD })).user?.email).toBe(DEMO.sedena);
  });
});
