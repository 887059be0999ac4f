// Password reset by e-mail (issue 12 point 5) against a real database (PGlite, or PostgreSQL with
// ANC_TEST_PG_URL), over HTTP where the caller's view matters: the same answer and time for known
// and unknown addresses, a hashed single-use token valid 30 minutes (the clock injected into the
// use-cases), every session ended, the throttle, the audit rows.
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { passwordResetTokenHash, verifyPassword, RESET_THROTTLE_LIMITS } from '@anc/auth';
import { auditEvents, mailOutbox, passwordResetTokens, updateUser, users } from '@anc/db';
import { PASSWORD_RESET_TTL_MS } from '@anc/domain';
import { DEMO, DEMO_PASSWORD, errorOf, httpClient, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { present, rawCall } from '../../testing/raw.ts';
import type { OpenUseCaseContext, SessionContext } from '../use-case.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPasswordWithToken } from './reset-password-with-token.ts';

const PUBLIC_URL = 'https://portal.anc.test';
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ env: { PUBLIC_URL } });
});
afterAll(() => s.close());
beforeEach(() => s.reset());

const MINUTE = 60_000;
const NEW_PASSWORD = 'Faro-del-Golfo-de-Cortés-51';

async function userOf(email: string) {
  const [row] = await s.t.db.select().from(users).where(eq(users.email, email));
  return present(row, `user ${email}`);
}

/** The use-cases' context as the router builds it, for calls with an injected clock. */
function ctx(ip = '192.0.2.10'): OpenUseCaseContext & Pick<SessionContext, 'request'> & { publicUrl: string } {
  return {
    db: s.t.db,
    actor: null,
    origin: { requestId: randomUUID(), ip, userAgent: 'prueba' },
    locale: 'es-MX',
    sealer: null,
    request: { ip, userAgent: 'prueba' },
    publicUrl: PUBLIC_URL,
  };
}

/** The token of the newest reset mail queued for this address, read from its link. */
async function tokenMailedTo(email: string): Promise<string> {
  const rows = await s.t.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.kind, 'password_reset')))
    .orderBy(asc(mailOutbox.createdAt));
  const mail = present(rows.at(-1), `a reset mail to ${email}`);
  const match = present(/\/restablecer\?token=([A-Za-z0-9_-]+)/.exec(mail.text), 'a reset link');
  return present(match[1], 'a token');
}

const countWhere = async (table: typeof auditEvents | typeof mailOutbox | typeof passwordResetTokens) =>
  (await s.t.db.select({ n: count() }).from(table))[0]?.n ?? 0;

describe('auth.requestPasswordReset', () => {
  it('answers a known and an unknown address byte for byte the same; only the known one gets a mail, in its language', async () => {
    const known = await rawCall(s.url, 'auth.requestPasswordReset', 'mutation', { email: DEMO.sedena }, { cookie: null });
    const unknown = await rawCall(s.url, 'auth.requestPasswordReset', 'mutation', { email: 'nadie@sedena.gob.mx' }, { cookie: null });
    expect({ status: known.status, body: known.body }).toEqual({ status: unknown.status, body: unknown.body });
    expect(JSON.parse(known.body)).toEqual({ result: { data: { ok: true } } });

    // Both did the same writes: a token row and an audit row each; one mail.
    expect(await countWhere(passwordResetTokens)).toBe(2);
    const mails = await s.t.db.select().from(mailOutbox);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const sedena = await userOf(DEMO.sedena);
    expect(mail).toMatchObject({
      toAddress: DEMO.sedena,
      userId: sedena.id,
      locale: 'es-MX',
      kind: 'password_reset',
      subject: 'Restablece tu contraseña del portal de la ANC',
    });
    const [token] = await s.t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, sedena.id));
    expect(mail?.dedupeKey).toBe(`password_reset:${token?.id}`);
    expect(mail?.text).toContain(`${PUBLIC_URL}/restablecer?token=`);
    expect(mail?.html).toContain(`href="${PUBLIC_URL}/restablecer?token=`);
    expect(mail?.text).toContain('30 minutos');

    // The token is stored only as its SHA-256, expires in 30 minutes, and is in no audit row.
    const plain = await tokenMailedTo(DEMO.sedena);
    expect(plain).toHaveLength(43);
    expect(token).toMatchObject({ tokenHash: passwordResetTokenHash(plain), usedAt: null, requestedEmail: DEMO.sedena });
    expect((token?.expiresAt.getTime() ?? 0) - (token?.createdAt.getTime() ?? 0)).toBe(PASSWORD_RESET_TTL_MS);
    const audit = await s.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.passwordResetRequested')).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => [a.entityType, a.entityId])).toEqual([
      ['user', sedena.id],
      ['account', 'nadie@sedena.gob.mx'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(plain);

    // An admin on "Correo saliente" sees the message, never the token of its link.
    const admin = await signedIn(s.url, DEMO.admin);
    const shown = await admin.trpc.mailOutbox.get.query({ id: present(mail, 'the reset mail').id });
    expect(shown.text).toContain(`${PUBLIC_URL}/restablecer?token=••••••`);
    expect(shown.html).toContain(`${PUBLIC_URL}/restablecer?token=••••••`);
    for (const body of [shown.text, shown.html]) expect(body).not.toContain(plain);
  });

  it('writes the mail in English for an English-speaking account, and sends none to a deactivated one', async () => {
    const semar = await userOf(DEMO.semar);
    await updateUser(s.t.db, semar.id, { locale: 'en' });
    const coordinator = await userOf(DEMO.coordinator);
    await updateUser(s.t.db, coordinator.id, { active: false });
    const anonymous = httpClient(s.url);
    expect(await anonymous.trpc.auth.requestPasswordReset.mutate({ email: DEMO.semar })).toEqual({ ok: true });
    expect(await anonymous.trpc.auth.requestPasswordReset.mutate({ email: DEMO.coordinator })).toEqual({ ok: true });
    const mails = await s.t.db.select().from(mailOutbox);
    expect(mails.map((m) => [m.toAddress, m.locale, m.subject])).toEqual([[DEMO.semar, 'en', 'Reset your ANC portal password']]);
    expect(mails[0]?.text).toContain('within the next 30 minutes');
  });

  it('is throttled per address typed (known or not, the same answer) and per account across addresses', async () => {
    const client = httpClient(s.url);
    for (const email of [DEMO.sedena, 'nadie@sedena.gob.mx']) {
      for (let i = 0; i < RESET_THROTTLE_LIMITS.account_ip; i++) expect(await client.trpc.auth.requestPasswordReset.mutate({ email })).toEqual({ ok: true });
    }
    const known = await errorOf(client.trpc.auth.requestPasswordReset.mutate({ email: DEMO.sedena }));
    const unknown = await errorOf(client.trpc.auth.requestPasswordReset.mutate({ email: 'nadie@sedena.gob.mx' }));
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429, reason: 'too_many_reset_requests' });
    expect(await countWhere(mailOutbox)).toBe(RESET_THROTTLE_LIMITS.account_ip);

    // From many addresses: the account's own ceiling (its mailbox is not flooded).
    const now = new Date();
    let refused = 0;
    for (let i = 0; i < RESET_THROTTLE_LIMITS.account + 3; i++) {
      refused += await requestPasswordReset(ctx(`198.51.100.${i + 1}`), { email: DEMO.semar }, now).then(
        () => 0,
        () => 1,
      );
    }
    expect(refused).toBe(3);
    expect(await s.t.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.toAddress, DEMO.semar))).toEqual([{ n: RESET_THROTTLE_LIMITS.account }]);
    // The window ends: the account may ask again.
    await expect(requestPasswordReset(ctx('198.51.100.200'), { email: DEMO.semar }, new Date(now.getTime() + 16 * MINUTE))).resolves.toEqual({ ok: true });
  });
});

describe('auth.resetPassword', () => {
  it('sets the password once, ends every session of the account, and is audited without the token', async () => {
    const first = await signedIn(s.url, DEMO.sedena);
    const second = await signedIn(s.url, DEMO.sedena);
    const anonymous = httpClient(s.url);
    await anonymous.trpc.auth.requestPasswordReset.mutate({ email: DEMO.sedena });
    await anonymous.trpc.auth.requestPasswordReset.mutate({ email: DEMO.sedena });
    const token = await tokenMailedTo(DEMO.sedena);

    expect(await anonymous.trpc.auth.resetPassword.mutate({ token, password: NEW_PASSWORD })).toEqual({ ok: true });
    expect((await first.trpc.auth.me.query()).user).toBeNull();
    expect((await second.trpc.auth.me.query()).user).toBeNull();
    const sedena = await userOf(DEMO.sedena);
    expect(await verifyPassword(sedena.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await errorOf(httpClient(s.url).trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD }))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await httpClient(s.url).trpc.auth.signIn.mutate({ email: DEMO.sedena, password: NEW_PASSWORD })).user?.email).toBe(DEMO.sedena);

    // Once: the same link again, and the other (older) link of the account, no longer work.
    const again = await errorOf(anonymous.trpc.auth.resetPassword.mutate({ token, password: 'Otra-Clave-Del-Faro-77' }));
    expect(again).toMatchObject({ code: 'BAD_REQUEST', reason: 'reset_link_invalid', fieldErrors: { token: [expect.stringContaining('Pide uno nuevo')] } });
    const tokens = await s.t.db.select().from(passwordResetTokens);
    expect(tokens.every((t) => t.usedAt !== null)).toBe(true);

    const [row] = await s.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.passwordReset'));
    expect(row).toMatchObject({ actorId: sedena.id, entityType: 'user', entityId: sedena.id });
    expect(row?.diff).toMatchObject({ sessionsEnded: [null, 2], otherLinksRevoked: [null, 1] });
    expect(JSON.stringify(await s.t.db.select().from(auditEvents))).not.toContain(token);
  });

  it('expires 30 minutes after the request', async () => {
    const at = new Date('2026-12-03T15:00:00.000Z');
    await requestPasswordReset(ctx(), { email: DEMO.sedena }, at);
    const late = await tokenMailedTo(DEMO.sedena);
    await requestPasswordReset(ctx(), { email: DEMO.semar }, at);
    const inTime = await tokenMailedTo(DEMO.semar);
    await expect(resetPasswordWithToken(ctx(), { token: late, password: NEW_PASSWORD }, new Date(at.getTime() + 30 * MINUTE))).rejects.toMatchObject({
      reason: 'reset_link_invalid',
    });
    await expect(resetPasswordWithToken(ctx(), { token: inTime, password: NEW_PASSWORD }, new Date(at.getTime() + 30 * MINUTE - 1))).resolves.toEqual({
      ok: true,
    });
    expect(await verifyPassword((await userOf(DEMO.sedena)).passwordHash, DEMO_PASSWORD)).toBe(true);
    // A week after they expired, links are forgotten by the next request (the audit rows stay).
    await requestPasswordReset(ctx(), { email: 'nadie@sedena.gob.mx' }, new Date(at.getTime() + 8 * 24 * 60 * MINUTE));
    expect((await s.t.db.select().from(passwordResetTokens)).map((r) => r.requestedEmail)).toEqual(['nadie@sedena.gob.mx']);
    expect((await s.t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'auth.passwordResetRequested')))[0]?.n).toBe(3);
  });

  it('refuses a weak password on its field with the rule of every new password, and keeps the link', async () => {
    const anonymous = httpClient(s.url);
    await anonymous.trpc.auth.requestPasswordReset.mutate({ email: DEMO.semar });
    const token = await tokenMailedTo(DEMO.semar);
    expect(await errorOf(anonymous.trpc.auth.resetPassword.mutate({ token, password: 'corta' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { password: ['La contraseña debe tener al menos 12 caracteres.'] },
    });
    expect(await errorOf(anonymous.trpc.auth.resetPassword.mutate({ token, password: 'Marina-Mexico-2026' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { password: ['Esa contraseña es demasiado común o fácil de adivinar; elige otra.'] },
    });
    expect(await errorOf(anonymous.trpc.auth.resetPassword.mutate({ token: 'no-es-un-token', password: NEW_PASSWORD }))).toMatchObject({
      reason: 'reset_link_invalid',
    });
    expect(await anonymous.trpc.auth.resetPassword.mutate({ token, password: NEW_PASSWORD })).toEqual({ ok: true });
  });

  it('of two parallel redemptions of one link, exactly one succeeds', async () => {
    await requestPasswordReset(ctx(), { email: DEMO.sedena });
    const token = await tokenMailedTo(DEMO.sedena);
    const results = await Promise.allSettled([
      resetPasswordWithToken(ctx(), { token, password: NEW_PASSWORD }),
      resetPasswordWithToken(ctx(), { token, password: 'Otra-Clave-Del-Faro-77' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await s.t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'user.passwordReset')))[0]?.n).toBe(1);
  });
});
