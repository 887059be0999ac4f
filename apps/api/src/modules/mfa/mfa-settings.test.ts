// One's own second factors over real HTTP (docs/API.md "MFA"), on PGlite or PostgreSQL
// (ANC_TEST_PG_URL): enrolment with a code, the secret encrypted at rest, recovery codes shown
// once and stored hashed, regeneration, disabling with the password and a code, the admin's reset.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptSecret, THROTTLE_POLICY, totpSecretFromText } from '@anc/auth';
import { auditEvents, recoveryCodes, sessions, userTotp } from '@anc/db';
import { DEMO, DEMO_PASSWORD, errorOf, httpClient, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { TEST_MFA_KEY, totpCode } from '../../testing/mfa.ts';
import { auditCountFor, userIdOf } from '../../testing/incidents.ts';
import { present } from '../../testing/raw.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

const userId = (email: string) => userIdOf(s.t.db, email);
const audited = (action: string, entityId: string) => auditCountFor(s.t.db, action, entityId);

/** SEDENA's staff, signed in, with a confirmed authenticator: its client, secret and recovery codes. */
async function enrolled(email: string = DEMO.sedena) {
  const client = await signedIn(s.url, email);
  const { secret } = await client.trpc.auth.mfa.beginTotp.mutate();
  const key = totpSecretFromText(secret);
  const { recoveryCodes: codes } = await client.trpc.auth.mfa.confirmTotp.mutate({ code: totpCode(key) });
  return { client, key, codes, id: await userId(email) };
}

/** Signs in with the password and then the code: the new client. */
async function signInWith(email: string, code: string) {
  const client = httpClient(s.url);
  expect(await client.trpc.auth.signIn.mutate({ email, password: DEMO_PASSWORD })).toEqual({ user: null, mfaRequired: true });
  await client.trpc.auth.verifyMfa.mutate({ code });
  return client;
}

describe('enrolling an authenticator app', () => {
  it('beginTotp gives a base32 secret and an otpauth URI (issuer ANC); stored encrypted, no factor until confirmed', async () => {
    const client = await signedIn(s.url, DEMO.sedena);
    const begun = await client.trpc.auth.mfa.beginTotp.mutate();
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(begun.otpauthUri);
    expect([uri.protocol, uri.host, uri.searchParams.get('issuer'), uri.searchParams.get('secret'), decodeURIComponent(uri.pathname)]).toEqual([
      'otpauth:',
      'totp',
      'ANC',
      begun.secret,
      `/ANC:${DEMO.sedena}`,
    ]);
    const id = await userId(DEMO.sedena);
    const [row] = await s.t.db.select().from(userTotp).where(eq(userTotp.userId, id));
    const stored = present(row, 'the stored secret');
    expect(stored.secret).not.toContain(begun.secret);
    expect(decryptSecret(TEST_MFA_KEY, stored.secret, id)).toEqual(totpSecretFromText(begun.secret));
    expect(stored.confirmedAt).toBeNull();
    expect(await client.trpc.auth.mfa.status.query()).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
    // Not a factor yet: the password alone still signs in.
    expect((await httpClient(s.url).trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD })).user?.email).toBe(DEMO.sedena);
  });

  it('confirmTotp refuses a wrong code on its field, then takes the right one: ten recovery codes, stored hashed', async () => {
    const client = await signedIn(s.url, DEMO.sedena);
    const key = totpSecretFromText((await client.trpc.auth.mfa.beginTotp.mutate()).secret);
    const right = totpCode(key);
    expect(await errorOf(client.trpc.auth.mfa.confirmTotp.mutate({ code: right === '000000' ? '111111' : '000000' }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_mfa_code',
      fieldErrors: { code: [expect.any(String)] },
    });
    const { recoveryCodes: codes } = await client.trpc.auth.mfa.confirmTotp.mutate({ code: right });
    expect(codes).toHaveLength(10);
    expect(await client.trpc.auth.mfa.status.query()).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 10 });
    const id = await userId(DEMO.sedena);
    const stored = (await s.t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id))).map((r) => r.codeHash);
    expect(stored.some((h) => codes.some((c) => h.includes(c.replace(/-/g, ''))))).toBe(false);
    expect([await audited('mfa.totpEnabled', id), await audited('mfa.totpConfirmFailed', id)]).toEqual([1, 1]);
    // The confirming code cannot sign in again (its step is used); a new sign-in needs the next one.
    expect(await errorOf(signInWith(DEMO.sedena, right))).toMatchObject({ reason: 'invalid_mfa_code' });
    // Enrolled: beginning again is refused until it is disabled.
    expect(await errorOf(client.trpc.auth.mfa.beginTotp.mutate())).toMatchObject({ code: 'CONFLICT', reason: 'totp_already_enabled' });
    expect(await errorOf(client.trpc.auth.mfa.confirmTotp.mutate({ code: totpCode(key, new Date(), 1) }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'totp_already_enabled',
    });
  });

  it('confirming with no enrolment begun answers totp_not_started', async () => {
    const client = await signedIn(s.url, DEMO.sedena);
    expect(await errorOf(client.trpc.auth.mfa.confirmTotp.mutate({ code: '123456' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'totp_not_started',
    });
  });

  it('wrong confirmation codes are throttled', async () => {
    const client = await signedIn(s.url, DEMO.sedena);
    const key = totpSecretFromText((await client.trpc.auth.mfa.beginTotp.mutate()).secret);
    const wrong = totpCode(key) === '000000' ? '111111' : '000000';
    const reasons: (string | null)[] = [];
    for (let i = 0; i <= THROTTLE_POLICY.limits.account_ip; i++) reasons.push((await errorOf(client.trpc.auth.mfa.confirmTotp.mutate({ code: wrong }))).reason);
    expect(reasons).toEqual([...Array.from({ length: THROTTLE_POLICY.limits.account_ip }, () => 'invalid_mfa_code'), 'too_many_attempts']);
  });
});

describe('recovery codes', () => {
  it('each signs in once, and the count goes down', async () => {
    const { codes } = await enrolled();
    const [first = '', second = ''] = codes;
    const client = await signInWith(DEMO.sedena, first);
    expect(await client.trpc.auth.mfa.status.query()).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 9 });
    expect(await errorOf(signInWith(DEMO.sedena, first))).toMatchObject({ code: 'UNAUTHORIZED', reason: 'invalid_mfa_code' });
    await signInWith(DEMO.sedena, second);
    expect(await client.trpc.auth.mfa.status.query()).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 8 });
  });

  it('regenerating needs a current code; the new ten replace every old one', async () => {
    const { client, key, codes, id } = await enrolled();
    expect(
      await errorOf(client.trpc.auth.mfa.regenerateRecoveryCodes.mutate({ code: '000000' === totpCode(key, new Date(), 1) ? '111111' : '000000' })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_mfa_code',
    });
    const { recoveryCodes: fresh } = await client.trpc.auth.mfa.regenerateRecoveryCodes.mutate({ code: totpCode(key, new Date(), 1) });
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => codes.includes(c))).toBe(false);
    expect(await audited('mfa.recoveryCodesRegenerated', id)).toBe(1);
    expect(await errorOf(signInWith(DEMO.sedena, present(codes[0], 'an old code')))).toMatchObject({ reason: 'invalid_mfa_code' });
    await signInWith(DEMO.sedena, present(fresh[0], 'a new code'));
  });
});

describe('disabling', () => {
  it('needs the password and a code: each wrong one is named on its field, and nothing changes', async () => {
    const { client, codes, id } = await enrolled();
    const code = present(codes[0], 'a code');
    expect(await errorOf(client.trpc.auth.mfa.disable.mutate({ password: 'no-es-la-contraseña', code }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await errorOf(client.trpc.auth.mfa.disable.mutate({ password: DEMO_PASSWORD, code: '0000-0000-0000-0000' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { code: [expect.any(String)] },
    });
    // The code offered with the wrong password was not spent.
    expect(await client.trpc.auth.mfa.status.query()).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 10 });
    expect(await audited('mfa.disableFailed', id)).toBe(2);
    expect(await client.trpc.auth.mfa.disable.mutate({ password: DEMO_PASSWORD, code })).toEqual({ ok: true });
    expect(await client.trpc.auth.mfa.status.query()).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
    expect(await audited('mfa.disabled', id)).toBe(1);
    // One step again.
    expect((await httpClient(s.url).trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD })).user?.email).toBe(DEMO.sedena);
    expect(await errorOf(client.trpc.auth.mfa.disable.mutate({ password: DEMO_PASSWORD, code }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'mfa_not_enabled',
    });
  });
});

describe('admin.users.resetMfa', () => {
  it('removes the factors, ends every session of the person, and is audited', async () => {
    const { client, key, id } = await enrolled();
    const second = await signInWith(DEMO.sedena, totpCode(key, new Date(), 1));
    expect((await s.t.db.select().from(sessions).where(eq(sessions.userId, id))).length).toBe(2);
    const admin = await signedIn(s.url, DEMO.admin);
    expect(await admin.trpc.admin.users.resetMfa.mutate({ userId: id })).toEqual({ ok: true });
    expect(await s.t.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expect([(await client.trpc.auth.me.query()).user, (await second.trpc.auth.me.query()).user]).toEqual([null, null]);
    const [row] = await s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.resetMfa'), eq(auditEvents.entityId, id)));
    expect(row?.diff).toEqual({ totp: [true, false], recoveryCodes: [10, 0], passkeys: [0, 0], sessionsEnded: [null, 2] });
    // The password alone signs in again.
    const back = await signedIn(s.url, DEMO.sedena);
    expect(await back.trpc.auth.mfa.status.query()).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
  });

  it('an unknown account is NOT_FOUND; a coordinator may not reset', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    expect(await errorOf(admin.trpc.admin.users.resetMfa.mutate({ userId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' });
    const coordinator = await signedIn(s.url, DEMO.coordinator);
    expect(await errorOf(coordinator.trpc.admin.users.resetMfa.mutate({ userId: await userId(DEMO.sedena) }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'role_not_allowed',
    });
  });
});
