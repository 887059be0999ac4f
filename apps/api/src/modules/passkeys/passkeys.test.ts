// Passkeys (issue 13 point 2) against a real database (PGlite, or PostgreSQL with ANC_TEST_PG_URL),
// over HTTP with cookies. The authenticator is a software one (testing/soft-authenticator.ts) whose
// answers are signed for real, so @simplewebauthn/server verifies them as it would a browser's.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, passkeys, users, webauthnChallenges } from '@anc/db';
import { MAX_PASSKEYS_PER_ACCOUNT, PASSKEY_CHALLENGE_TTL_MS } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import type { Client } from '../../testing/incidents.ts';
import { registerSoftPasskey } from '../../testing/passkeys.ts';
import { present, rawCall } from '../../testing/raw.ts';
import { SoftAuthenticator } from '../../testing/soft-authenticator.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

const userId = async (email: string) => present((await s.t.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0], email).id;
const actions = async (action: string) => (await s.t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]?.n ?? 0;
const challengesOf = async (id: string) => s.t.db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, id));

async function options(client: Client) {
  return client.trpc.auth.mfa.passkeyRegistrationOptions.mutate();
}

describe('auth.mfa.passkeyRegistrationOptions', () => {
  it('names this deployment and the account, and stores its challenge for 5 minutes', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const before = Date.now();
    const o = await options(sedena);
    // No PUBLIC_URL in this server: the origin the request reached (127.0.0.1 here).
    expect(o.rp.id).toBe('127.0.0.1');
    expect(o.user.name).toBe(DEMO.sedena);
    expect(o.excludeCredentials).toEqual([]);
    expect(o.attestation).toBe('none');
    const stored = await challengesOf(await userId(DEMO.sedena));
    expect(stored.map((c) => [c.challenge, c.purpose])).toEqual([[o.challenge, 'registration']]);
    const ttl = present(stored[0], 'a challenge').expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(PASSKEY_CHALLENGE_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(PASSKEY_CHALLENGE_TTL_MS + 60_000);
  });

  it('asks for a session', async () => {
    const answer = await rawCall(s.url, 'auth.mfa.passkeyRegistrationOptions', 'mutation', undefined, { cookie: null });
    expect([answer.status, answer.reason]).toEqual([401, 'not_signed_in']);
  });
});

describe('auth.mfa.registerPasskey', () => {
  it('verifies the attestation and stores the passkey; the list shows it, the next options exclude it; audited', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const { authenticator, passkey } = await registerSoftPasskey(sedena, s.url, 'Laptop de la oficina');
    expect(passkey).toMatchObject({ name: 'Laptop de la oficina', lastUsedAt: null, backedUp: false });
    const list = await sedena.trpc.auth.mfa.passkeys.query();
    expect(list.items).toEqual([passkey]);
    const [row] = await s.t.db.select().from(passkeys).where(eq(passkeys.id, passkey.id));
    expect(present(row, 'the passkey')).toMatchObject({
      credentialId: authenticator.id,
      counter: 1,
      transports: ['internal'],
      userId: await userId(DEMO.sedena),
    });
    expect((await options(sedena)).excludeCredentials).toEqual([{ id: authenticator.id, type: 'public-key', transports: ['internal'] }]);
    const [audit] = await s.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'passkey.register'));
    expect(present(audit, 'an audit row')).toMatchObject({ entityType: 'passkey', entityId: passkey.id, actorId: await userId(DEMO.sedena) });
    // Another account sees none of it.
    const semar = await signedIn(s.url, DEMO.semar);
    expect((await semar.trpc.auth.mfa.passkeys.query()).items).toEqual([]);
  });

  it('takes a challenge once: the same answer again is refused, and so is a second answer to it', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const o = await options(sedena);
    const response = new SoftAuthenticator({ origin: s.url }).register(o);
    await sedena.trpc.auth.mfa.registerPasskey.mutate({ name: 'Primera', response });
    const again = await errorOf(sedena.trpc.auth.mfa.registerPasskey.mutate({ name: 'Repetida', response }));
    expect([again.code, again.reason]).toEqual(['BAD_REQUEST', 'passkey_challenge_invalid']);
    const other = await errorOf(sedena.trpc.auth.mfa.registerPasskey.mutate({ name: 'Otra', response: new SoftAuthenticator({ origin: s.url }).register(o) }));
    expect([other.code, other.reason]).toEqual(['BAD_REQUEST', 'passkey_challenge_invalid']);
    expect((await sedena.trpc.auth.mfa.passkeys.query()).items.map((p) => p.name)).toEqual(['Primera']);
    expect(await actions('passkey.registerFailed')).toBe(2);
  });

  it('refuses an expired challenge, and a challenge given to another account', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const semar = await signedIn(s.url, DEMO.semar);
    const o = await options(sedena);
    await s.t.db
      .update(webauthnChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(webauthnChallenges.challenge, o.challenge));
    const expired = await errorOf(
      sedena.trpc.auth.mfa.registerPasskey.mutate({ name: 'Tarde', response: new SoftAuthenticator({ origin: s.url }).register(o) }),
    );
    expect(expired.reason).toBe('passkey_challenge_invalid');

    const semarOptions = await options(semar);
    const foreign = await errorOf(
      sedena.trpc.auth.mfa.registerPasskey.mutate({ name: 'Ajena', response: new SoftAuthenticator({ origin: s.url }).register(semarOptions) }),
    );
    expect(foreign.reason).toBe('passkey_challenge_invalid');
    // SEMAR's challenge is still SEMAR's to use.
    await semar.trpc.auth.mfa.registerPasskey.mutate({ name: 'De SEMAR', response: new SoftAuthenticator({ origin: s.url }).register(semarOptions) });
    expect((await semar.trpc.auth.mfa.passkeys.query()).items).toHaveLength(1);
    expect(
      await s.t.db
        .select()
        .from(passkeys)
        .where(eq(passkeys.userId, await userId(DEMO.sedena))),
    ).toEqual([]);
  });

  it('refuses answers made for another site, another RP ID, or that are not an attestation; nothing is stored and each is audited', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const cases = [
      ['another origin', async () => new SoftAuthenticator({ origin: 'https://phishing.example' }).register(await options(sedena))],
      ['another RP ID', async () => new SoftAuthenticator({ origin: s.url, rpID: 'portal.example' }).register(await options(sedena))],
      [
        'a broken attestation object',
        async () => {
          const r = new SoftAuthenticator({ origin: s.url }).register(await options(sedena));
          return { ...r, response: { ...r.response, attestationObject: 'AAAA' } };
        },
      ],
      [
        'an authentication instead of a registration',
        async () => {
          const o = await options(sedena);
          const r = new SoftAuthenticator({ origin: s.url }).authenticate({ challenge: o.challenge, rpId: o.rp.id });
          return { ...r, response: { ...r.response, attestationObject: r.response.authenticatorData } };
        },
      ],
    ] as const;
    const reasons: Record<string, string | null> = {};
    for (const [label, make] of cases) {
      const response = await make();
      reasons[label] = (await errorOf(sedena.trpc.auth.mfa.registerPasskey.mutate({ name: 'Mala', response }))).reason;
    }
    expect(reasons).toEqual({
      'another origin': 'passkey_invalid',
      'another RP ID': 'passkey_invalid',
      'a broken attestation object': 'passkey_invalid',
      'an authentication instead of a registration': 'passkey_invalid',
    });
    // clientDataJSON that is not base64url JSON never reaches the library.
    const unreadable = await errorOf(
      sedena.trpc.auth.mfa.registerPasskey.mutate({
        name: 'Mala',
        response: {
          ...new SoftAuthenticator({ origin: s.url }).register(await options(sedena)),
          response: { clientDataJSON: 'bm9wZQ', attestationObject: 'AAAA' },
        },
      }),
    );
    expect(unreadable.reason).toBe('passkey_invalid');
    // Shapes the schema refuses: no audit row, like any invalid input.
    const audited = await actions('passkey.registerFailed');
    const malformed = await rawCall(
      s.url,
      'auth.mfa.registerPasskey',
      'mutation',
      { name: 'Mala', response: { id: 'x', type: 'password' } },
      { cookie: sedena.jar.header() },
    );
    expect([malformed.status, malformed.reason]).toEqual([400, 'invalid_input']);
    expect(await actions('passkey.registerFailed')).toBe(audited);
    expect(audited).toBe(5);
    expect(await s.t.db.select().from(passkeys)).toEqual([]);
  });

  it('refuses a passkey that is already registered, and more than the maximum', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const { authenticator } = await registerSoftPasskey(sedena, s.url, 'Una');
    const twice = await errorOf(sedena.trpc.auth.mfa.registerPasskey.mutate({ name: 'Otra vez', response: authenticator.register(await options(sedena)) }));
    expect([twice.code, twice.reason]).toEqual(['CONFLICT', 'passkey_already_registered']);
    for (let i = 1; i < MAX_PASSKEYS_PER_ACCOUNT; i++) await registerSoftPasskey(sedena, s.url, `Llave ${i}`);
    const full = await errorOf(options(sedena));
    expect([full.code, full.reason]).toEqual(['CONFLICT', 'passkey_limit']);
    expect((await sedena.trpc.auth.mfa.passkeys.query()).items).toHaveLength(MAX_PASSKEYS_PER_ACCOUNT);
  });
});

describe('auth.mfa.renamePasskey and removePasskey', () => {
  it("rename and remove one's own passkeys, audited; another person's passkey answers exactly what an unknown id answers", async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const semar = await signedIn(s.url, DEMO.semar);
    const { passkey } = await registerSoftPasskey(sedena, s.url, 'Teléfono');
    const renamed = await sedena.trpc.auth.mfa.renamePasskey.mutate({ id: passkey.id, name: '  Teléfono del trabajo ' });
    expect(renamed).toEqual({ ...passkey, name: 'Teléfono del trabajo' });
    const [renameRow] = await s.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'passkey.rename'));
    expect(present(renameRow, 'a rename row').diff).toEqual({ name: ['Teléfono', 'Teléfono del trabajo'] });

    const unknownId = '00000000-0000-4000-8000-000000000000';
    for (const [path, input] of [
      ['auth.mfa.renamePasskey', { name: 'Mía' }],
      ['auth.mfa.removePasskey', {}],
    ] as const) {
      const theirs = await rawCall(s.url, path, 'mutation', { ...input, id: passkey.id }, { cookie: semar.jar.header() });
      const unknown = await rawCall(s.url, path, 'mutation', { ...input, id: unknownId }, { cookie: semar.jar.header() });
      expect([theirs.status, theirs.reason]).toEqual([404, 'not_found']);
      expect(theirs.body).toBe(unknown.body);
    }
    expect((await sedena.trpc.auth.mfa.passkeys.query()).items.map((p) => p.name)).toEqual(['Teléfono del trabajo']);

    const before = await actions('passkey.remove');
    expect(await sedena.trpc.auth.mfa.removePasskey.mutate({ id: passkey.id })).toEqual({ ok: true });
    expect(await actions('passkey.remove')).toBe(before + 1);
    expect((await sedena.trpc.auth.mfa.passkeys.query()).items).toEqual([]);
    const gone = await errorOf(sedena.trpc.auth.mfa.removePasskey.mutate({ id: passkey.id }));
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('refuses an empty or overlong name', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const { passkey } = await registerSoftPasskey(sedena, s.url);
    const empty = await errorOf(sedena.trpc.auth.mfa.renamePasskey.mutate({ id: passkey.id, name: '   ' }));
    const long = await errorOf(sedena.trpc.auth.mfa.renamePasskey.mutate({ id: passkey.id, name: 'x'.repeat(65) }));
    expect([empty.reason, empty.fieldErrors?.name?.length, long.reason, long.fieldErrors?.name?.length]).toEqual(['invalid_input', 1, 'invalid_input', 1]);
    expect(
      await s.t.db
        .select({ name: passkeys.name })
        .from(passkeys)
        .where(and(eq(passkeys.id, passkey.id))),
    ).toEqual([{ name: 'Llave de prueba' }]);
  });
});
