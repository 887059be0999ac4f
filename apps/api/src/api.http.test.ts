import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { THROTTLE_POLICY, passwordProblem } from '@anc/auth';
import { agencies, auditEvents, sessions, users } from '@anc/db';
import { passwordUserInputs } from './modules/users/check-password.ts';
import { DEMO, DEMO_PASSWORD, errorOf, httpClient, signedIn, startTestServer, type TestServer } from './testing/http.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

const countOf = async (table: typeof users | typeof auditEvents | typeof agencies | typeof sessions) =>
  (await s.t.db.select({ n: count() }).from(table))[0]?.n ?? 0;

const actionCount = async (action: string) => (await s.t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]?.n ?? 0;

async function agencyId(code: string) {
  const [row] = await s.t.db.select().from(agencies).where(eq(agencies.code, code));
  if (!row) throw new Error(`no agency ${code}`);
  return row.id;
}

describe('sessions over HTTP', () => {
  it('sign in → me → sign out → me is null', async () => {
    const { trpc, jar } = httpClient(s.url);
    expect((await trpc.auth.me.query()).user).toBeNull();
    const { user } = await trpc.auth.signIn.mutate({ email: DEMO.admin, password: DEMO_PASSWORD });
    expect(user).toMatchObject({ email: DEMO.admin, role: 'admin', agency: { code: 'ANC' } });
    const cookie = jar.raw.find((c) => c.startsWith('anc_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect((await trpc.auth.me.query()).user?.email).toBe(DEMO.admin);
    expect(await trpc.auth.signOut.mutate()).toEqual({ ok: true });
    expect(jar.cookies.has('anc_session')).toBe(false);
    expect((await trpc.auth.me.query()).user).toBeNull();
    expect(await countOf(sessions)).toBe(0);
  });

  it('a signed-out token cannot be replayed', async () => {
    const a = await signedIn(s.url, DEMO.admin);
    const stolen = a.jar.header();
    await a.trpc.auth.signOut.mutate();
    const res = await fetch(`${s.url}/trpc/auth.me`, { headers: { cookie: stolen } });
    expect(((await res.json()) as { result: { data: { user: unknown } } }).result.data.user).toBeNull();
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const { trpc } = httpClient(s.url);
    const unknown = await errorOf(trpc.auth.signIn.mutate({ email: 'nadie@anc.gob.mx', password: DEMO_PASSWORD }));
    const wrong = await errorOf(trpc.auth.signIn.mutate({ email: DEMO.admin, password: 'incorrecta-123456' }));
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', reason: 'invalid_credentials', message: 'Correo o contraseña incorrectos.' });
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const { trpc } = httpClient(s.url);
    for (let i = 0; i < 5; i++) await errorOf(trpc.auth.signIn.mutate({ email: DEMO.sedena, password: `mala-${i}-contraseña` }));
    const err = await errorOf(trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD }));
    expect(err).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429, reason: 'too_many_attempts' });
    const raw = await fetch(`${s.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({ email: DEMO.sedena, password: DEMO_PASSWORD }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
    // other accounts still sign in
    await expect(signedIn(s.url, DEMO.semar)).resolves.toBeTruthy();
  });

  it('evaluates at most the budget of 50 parallel wrong guesses, then refuses the right password', async () => {
    const failedBefore = await actionCount('auth.signInFailed');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => errorOf(httpClient(s.url).trpc.auth.signIn.mutate({ email: DEMO.semar, password: `mala-${i}-contraseña` }))),
    );
    // every evaluated guess writes one failure row; the others were refused before verification
    expect((await actionCount('auth.signInFailed')) - failedBefore).toBe(THROTTLE_POLICY.limits.account_ip);
    expect(answers.filter((a) => a.code === 'TOO_MANY_REQUESTS')).toHaveLength(50 - THROTTLE_POLICY.limits.account_ip);
    expect(await errorOf(httpClient(s.url).trpc.auth.signIn.mutate({ email: DEMO.semar, password: DEMO_PASSWORD }))).toMatchObject({ httpStatus: 429 });
  });

  it('refuses a deactivated account with the same answer as a wrong password', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const staff = await signedIn(s.url, DEMO.sedena);
    const [sedenaUser] = await s.t.db.select().from(users).where(eq(users.email, DEMO.sedena));
    await admin.trpc.admin.users.setActive.mutate({ id: sedenaUser?.id ?? '', active: false });
    // the open session ended at once
    expect(await errorOf(staff.trpc.agencies.list.query({}))).toMatchObject({ code: 'UNAUTHORIZED' });
    const err = await errorOf(httpClient(s.url).trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD }));
    expect(err.reason).toBe('invalid_credentials');
  });
});

describe('request checks', () => {
  it('refuses a mutation from a foreign Origin, or with none, and writes nothing', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const before = await countOf(agencies);
    const input = { code: 'NUEVA', name: 'Dependencia nueva', nameEn: 'New agency', kind: 'federal_ministry' as const };
    for (const origin of ['https://evil.example', null]) {
      const foreign = httpClient(s.url, { origin });
      for (const [k, v] of admin.jar.cookies) foreign.jar.cookies.set(k, v);
      expect(await errorOf(foreign.trpc.admin.agencies.create.mutate(input))).toMatchObject({ code: 'FORBIDDEN', reason: 'foreign_origin' });
    }
    expect(await countOf(agencies)).toBe(before);
    // the same call from the portal's origin works
    await admin.trpc.admin.agencies.create.mutate(input);
    expect(await countOf(agencies)).toBe(before + 1);
  });

  it('sends security headers and a request id; health endpoints answer', async () => {
    const res = await fetch(`${s.url}/healthz`, { headers: { 'x-request-id': 'proxy-req-12345' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('proxy-req-12345');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
  });
});

type Who = 'anonymous' | 'staff' | 'coordinator' | 'admin';

/** Every procedure of this release × every role: the answer each must get. */
describe('access matrix', () => {
  const clients = {} as Record<Who, ReturnType<typeof httpClient>>;
  beforeEach(async () => {
    clients.anonymous = httpClient(s.url);
    clients.staff = await signedIn(s.url, DEMO.sedena);
    clients.coordinator = await signedIn(s.url, DEMO.coordinator);
    clients.admin = await signedIn(s.url, DEMO.admin);
  });

  const adminOnly: Record<Who, string> = { anonymous: 'UNAUTHORIZED', staff: 'FORBIDDEN', coordinator: 'FORBIDDEN', admin: 'OK' };
  const signedInOnly: Record<Who, string> = { anonymous: 'UNAUTHORIZED', staff: 'OK', coordinator: 'OK', admin: 'OK' };

  const cases: [string, Record<Who, string>, (c: ReturnType<typeof httpClient>['trpc']) => Promise<unknown>][] = [
    ['agencies.list', signedInOnly, (c) => c.agencies.list.query({})],
    ['auth.setLocale', signedInOnly, (c) => c.auth.setLocale.mutate({ locale: 'en' })],
    [
      'admin.agencies.create',
      adminOnly,
      (c) =>
        c.admin.agencies.create.mutate({
          code: `X${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
          name: 'Dependencia de prueba',
          nameEn: 'Test agency',
          kind: 'autonomous_body',
        }),
    ],
    [
      'admin.agencies.update',
      adminOnly,
      async (c) => c.admin.agencies.update.mutate({ id: await agencyId('SEP'), name: 'Secretaría de Educación Pública (SEP)' }),
    ],
    ['admin.agencies.setActive', adminOnly, async (c) => c.admin.agencies.setActive.mutate({ id: await agencyId('INE'), active: true })],
    ['admin.users.list', adminOnly, (c) => c.admin.users.list.query({})],
    [
      'admin.users.create',
      adminOnly,
      async (c) =>
        c.admin.users.create.mutate({
          email: `nuevo${Math.random().toString(36).slice(2, 8)}@sep.gob.mx`,
          name: 'Persona Nueva',
          role: 'staff',
          agencyId: await agencyId('SEP'),
          password: 'halcón-de-plata-904',
        }),
    ],
    [
      'admin.users.update',
      adminOnly,
      async (c) => {
        const [u] = await s.t.db.select().from(users).where(eq(users.email, 'enlace@sep.gob.mx'));
        return c.admin.users.update.mutate({ id: u?.id ?? '', name: 'Nombre Cambiado' });
      },
    ],
    [
      'admin.users.setActive',
      adminOnly,
      async (c) => {
        const [u] = await s.t.db.select().from(users).where(eq(users.email, 'enlace@sep.gob.mx'));
        return c.admin.users.setActive.mutate({ id: u?.id ?? '', active: true });
      },
    ],
    [
      'admin.users.resetPassword',
      adminOnly,
      async (c) => {
        const [u] = await s.t.db.select().from(users).where(eq(users.email, 'enlace@sep.gob.mx'));
        return c.admin.users.resetPassword.mutate({ id: u?.id ?? '', password: 'otra-clave-segura-2026' });
      },
    ],
    ['admin.audit.list', adminOnly, (c) => c.admin.audit.list.query({})],
    ['admin.audit.verify', adminOnly, (c) => c.admin.audit.verify.query()],
  ];

  for (const [name, expected, call] of cases) {
    for (const who of ['anonymous', 'staff', 'coordinator', 'admin'] as Who[]) {
      it(`${name} as ${who} → ${expected[who]}`, async () => {
        const auditBefore = await countOf(auditEvents);
        const outcome = await call(clients[who].trpc).then(
          (value) => (value === undefined ? 'EMPTY' : 'OK'),
          async (e: unknown) => (await errorOf(Promise.reject(e))).code,
        );
        expect(outcome).toBe(expected[who]);
        // a refused call writes nothing
        const wrote = (await countOf(auditEvents)) > auditBefore;
        expect(wrote && outcome !== 'OK').toBe(false);
      });
    }
  }
});

describe('bad input', () => {
  it('answers BAD_REQUEST with messages per field, in the caller language, and writes no row', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const [usersBefore, auditBefore] = [await countOf(users), await countOf(auditEvents)];
    const err = await errorOf(
      admin.trpc.admin.users.create.mutate({ email: 'no-es-correo', name: 'A', role: 'staff', agencyId: await agencyId('SEP'), password: 'corta' }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.fieldErrors).toEqual({
      email: ['Escribe un correo válido, por ejemplo nombre@dependencia.gob.mx.'],
      name: ['Es demasiado corto.'],
      password: ['La contraseña debe tener al menos 12 caracteres.'],
    });
    const en = await signedIn(s.url, DEMO.admin, { locale: 'en' });
    const errEn = await errorOf(
      en.trpc.admin.users.create.mutate({ email: 'x', name: 'Ana Pérez', role: 'staff', agencyId: await agencyId('SEP'), password: 'password1234' }),
    );
    expect(errEn.fieldErrors?.email).toEqual(['Enter a valid e-mail, e.g. name@agency.gob.mx.']);
    expect(await countOf(users)).toBe(usersBefore);
    // sign-ins above wrote their own audit rows; the refused creates wrote none
    const creates = await s.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(creates.length).toBe(usersBefore);
    expect(await countOf(auditEvents)).toBe(auditBefore + 1);
  });

  it('refuses a common password on the password field', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const err = await errorOf(
      admin.trpc.admin.users.create.mutate({
        email: 'ana.perez@sep.gob.mx',
        name: 'Ana Pérez',
        role: 'staff',
        agencyId: await agencyId('SEP'),
        password: 'password1234',
      }),
    );
    expect(err).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { password: ['Esa contraseña es demasiado común o fácil de adivinar; elige otra.'] } });
  });

  it('refuses passwords made of the portal’s own words and agency names, on the field, writing nothing', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    // An agency added now: its code and names count as soon as they are in the database.
    await admin.trpc.admin.agencies.create.mutate({
      code: 'issste',
      name: 'Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado',
      nameEn: 'State Workers Social Security Institute',
      kind: 'critical_operator',
      sector: 'health',
    });
    const [usersBefore, auditBefore] = [await countOf(users), await countOf(auditEvents)];
    const tooCommon = 'Esa contraseña es demasiado común o fácil de adivinar; elige otra.';
    for (const password of [
      'ciberseguridad',
      'Ciberseguridad-2026',
      'Sedena-Mexico',
      'Sedena-México',
      'Marina.Gob.Mx.2026',
      'ANC-Mexico-2026',
      'Issste-Trabajadores-Estado',
    ]) {
      const err = await errorOf(
        admin.trpc.admin.users.create.mutate({
          email: 'rosa.luna@sedena.gob.mx',
          name: 'Rosa Luna',
          role: 'staff',
          agencyId: await agencyId('SEDENA'),
          password,
        }),
      );
      expect(err, password).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { password: [tooCommon] } });
    }
    const en = await signedIn(s.url, DEMO.admin, { locale: 'en' });
    const errEn = await errorOf(
      en.trpc.admin.users.create.mutate({
        email: 'rosa.luna@sedena.gob.mx',
        name: 'Rosa Luna',
        role: 'staff',
        agencyId: await agencyId('SEDENA'),
        password: 'Semar-Mexico',
      }),
    );
    expect(Object.keys(errEn.fieldErrors ?? {})).toEqual(['password']);
    expect(await countOf(users)).toBe(usersBefore);
    // Only the second sign-in's audit row: the refused creates wrote none.
    expect(await countOf(auditEvents)).toBe(auditBefore + 1);

    // The same rule for a reset by an admin and a change by the person.
    const target = (await admin.trpc.admin.users.list.query({})).items.find((u) => u.email === DEMO.semar);
    if (!target) throw new Error('no SEMAR account');
    expect(await errorOf(admin.trpc.admin.users.resetPassword.mutate({ id: target.id, password: 'Semar-Ciberseguridad' }))).toMatchObject({
      fieldErrors: { password: [tooCommon] },
    });
    const semar = await signedIn(s.url, DEMO.semar);
    expect(await errorOf(semar.trpc.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: 'Marina-Mexico-2026' }))).toMatchObject({
      fieldErrors: { newPassword: [tooCommon] },
    });
    // A strong password still goes through, and the demo password itself passes the same rule.
    await admin.trpc.admin.users.create.mutate({
      email: 'rosa.luna@sedena.gob.mx',
      name: 'Rosa Luna',
      role: 'staff',
      agencyId: await agencyId('SEDENA'),
      password: 'halcón-de-plata-904',
    });
    expect(passwordProblem(DEMO_PASSWORD, await passwordUserInputs(s.t.db, [DEMO.admin, 'Administración de la plataforma']))).toBeNull();
  });

  it('answers CONFLICT on the field for a taken e-mail or agency code', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const dupUser = await errorOf(
      admin.trpc.admin.users.create.mutate({
        email: DEMO.sedena.toUpperCase(),
        name: 'Duplicado',
        role: 'staff',
        agencyId: await agencyId('SEDENA'),
        password: 'halcón-de-plata-904',
      }),
    );
    expect(dupUser).toMatchObject({ code: 'CONFLICT', reason: 'email_taken', fieldErrors: { email: ['Ya existe una cuenta con ese correo.'] } });
    const dupAgency = await errorOf(
      admin.trpc.admin.agencies.create.mutate({ code: 'semar', name: 'Otra Marina', nameEn: 'Another Navy', kind: 'federal_ministry' }),
    );
    expect(dupAgency).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['Ya existe una dependencia con esa clave.'] } });
  });

  it('keeps roles in their agencies', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const staffInAnc = await errorOf(
      admin.trpc.admin.users.create.mutate({
        email: 'x.y@anc.gob.mx',
        name: 'Personal ANC',
        role: 'staff',
        agencyId: await agencyId('ANC'),
        password: 'halcón-de-plata-904',
      }),
    );
    expect(staffInAnc).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'staff_not_in_anc' });
    const coordOutside = await errorOf(
      admin.trpc.admin.users.create.mutate({
        email: 'c@sat.gob.mx',
        name: 'Coordinador SAT',
        role: 'coordinator',
        agencyId: await agencyId('SAT'),
        password: 'halcón-de-plata-904',
      }),
    );
    expect(coordOutside.reason).toBe('anc_role_outside_anc');
    const anc = await errorOf(admin.trpc.admin.agencies.setActive.mutate({ id: await agencyId('ANC'), active: false }));
    expect(anc).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'anc_agency_locked' });
  });
});

describe('admin work', () => {
  it('creates, edits and deactivates an agency; deactivation signs its staff out', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const staff = await signedIn(s.url, DEMO.semar);
    const created = await admin.trpc.admin.agencies.create.mutate({
      code: 'issste',
      name: 'Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado',
      nameEn: 'State Workers Social Security Institute',
      kind: 'critical_operator',
      sector: 'health',
    });
    expect(created).toMatchObject({ code: 'ISSSTE', active: true, sector: 'health' });
    const updated = await admin.trpc.admin.agencies.update.mutate({ id: created.id, nameEn: 'ISSSTE' });
    expect(updated.nameEn).toBe('ISSSTE');
    await admin.trpc.admin.agencies.setActive.mutate({ id: await agencyId('SEMAR'), active: false });
    expect(await errorOf(staff.trpc.agencies.list.query({}))).toMatchObject({ code: 'UNAUTHORIZED' });
    const list = await admin.trpc.agencies.list.query({ includeInactive: false });
    expect(list.items.map((a) => a.code)).not.toContain('SEMAR');
    const all = await admin.trpc.agencies.list.query({ includeInactive: true });
    expect(all.items.find((a) => a.code === 'SEMAR')?.active).toBe(false);
    expect(all.items.find((a) => a.code === 'SEDENA')?.userCount).toBe(1);
    const trail = await admin.trpc.admin.audit.list.query({ entityType: 'agency', entityId: created.id });
    expect(trail.items.map((e) => e.action)).toEqual(['agency.update', 'agency.create']);
    expect(trail.items[0]?.diff).toEqual({ nameEn: ['State Workers Social Security Institute', 'ISSSTE'] });
    expect(trail.items[0]?.actor?.email).toBe(DEMO.admin);
  });

  it('creates and edits a user who then signs in; a reset password ends their sessions', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const user = await admin.trpc.admin.users.create.mutate({
      email: 'Laura.Mendez@SAT.gob.mx',
      name: 'Laura Méndez',
      role: 'staff',
      agencyId: await agencyId('SAT'),
      password: 'halcón-de-plata-904',
    });
    expect(user).toMatchObject({ email: 'laura.mendez@sat.gob.mx', agency: { code: 'SAT' }, active: true });
    const laura = httpClient(s.url);
    await laura.trpc.auth.signIn.mutate({ email: 'laura.mendez@sat.gob.mx', password: 'halcón-de-plata-904' });
    expect((await admin.trpc.admin.users.update.mutate({ id: user.id, name: 'Laura Méndez Ruiz' })).name).toBe('Laura Méndez Ruiz');
    await admin.trpc.admin.users.resetPassword.mutate({ id: user.id, password: 'nueva-clave-del-sat-31' });
    expect((await laura.trpc.auth.me.query()).user).toBeNull();
    const again = httpClient(s.url);
    await again.trpc.auth.signIn.mutate({ email: 'laura.mendez@sat.gob.mx', password: 'nueva-clave-del-sat-31' });
    const audit = await admin.trpc.admin.audit.list.query({ entityType: 'user', entityId: user.id });
    expect(audit.items.map((e) => e.action)).toEqual(['auth.signIn', 'user.resetPassword', 'user.update', 'auth.signIn', 'user.create']);
    expect(JSON.stringify(audit.items)).not.toMatch(/argon2|halcón|nueva-clave/);
  });

  it('an admin cannot lock themselves out', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const me = (await admin.trpc.auth.me.query()).user;
    expect((await errorOf(admin.trpc.admin.users.setActive.mutate({ id: me?.id ?? '', active: false }))).reason).toBe('cannot_change_own_account');
    expect((await errorOf(admin.trpc.admin.users.update.mutate({ id: me?.id ?? '', role: 'coordinator' }))).reason).toBe('cannot_change_own_account');
  });

  it('changing your own password keeps this session and ends the others', async () => {
    const here = await signedIn(s.url, DEMO.coordinator);
    const elsewhere = await signedIn(s.url, DEMO.coordinator);
    const wrong = await errorOf(here.trpc.auth.changePassword.mutate({ currentPassword: 'no-es-la-actual', newPassword: 'faro-del-golfo-2026' }));
    expect(wrong.fieldErrors).toEqual({ currentPassword: ['La contraseña actual no es correcta.'] });
    await here.trpc.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: 'faro-del-golfo-2026' });
    expect((await here.trpc.auth.me.query()).user?.email).toBe(DEMO.coordinator);
    expect((await elsewhere.trpc.auth.me.query()).user).toBeNull();
  });

  it('throttles parallel guesses of the current password and audits each evaluated one', async () => {
    const here = await signedIn(s.url, DEMO.coordinator);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        errorOf(here.trpc.auth.changePassword.mutate({ currentPassword: `no-es-la-${i}`, newPassword: 'faro-del-golfo-2026' })),
      ),
    );
    expect(await actionCount('user.changePasswordFailed')).toBe(THROTTLE_POLICY.limits.account_ip);
    expect(answers.filter((a) => a.code === 'TOO_MANY_REQUESTS')).toHaveLength(50 - THROTTLE_POLICY.limits.account_ip);
    const right = await errorOf(here.trpc.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: 'faro-del-golfo-2026' }));
    expect(right).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    // the sign-in budget of the person is untouched
    await expect(signedIn(s.url, DEMO.coordinator)).resolves.toBeTruthy();
  });

  it('pages through users with a cursor and filters', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.trpc.admin.users.list.query({ limit: 7, cursor });
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(await countOf(users));
    const coordinators = await admin.trpc.admin.users.list.query({ role: 'coordinator' });
    expect(coordinators.items).toHaveLength(2);
    const sedena = await admin.trpc.admin.users.list.query({ agencyId: await agencyId('SEDENA') });
    expect(sedena.items.map((u) => u.email)).toEqual([DEMO.sedena]);
    expect(await errorOf(admin.trpc.admin.users.list.query({ limit: 500 }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('remembers the language on the account', async () => {
    const staff = await signedIn(s.url, DEMO.sedena);
    await staff.trpc.auth.setLocale.mutate({ locale: 'en' });
    expect((await staff.trpc.auth.me.query()).user?.locale).toBe('en');
  });
});

describe('audit chain', () => {
  it('verifies after a burst of concurrent mutations and finds the one row altered in the database', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const sep = await agencyId('SEP');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.trpc.admin.agencies.create.mutate({ code: `RAF${i}`, name: `Dependencia en ráfaga ${i}`, nameEn: `Burst agency ${i}`, kind: 'autonomous_body' }),
      ),
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => admin.trpc.admin.agencies.update.mutate({ id: sep, name: `Secretaría de Educación Pública ${i}` })));
    const verified = await admin.trpc.admin.audit.verify.query();
    expect(verified).toMatchObject({ ok: true, unsealed: 0, firstBrokenSeq: null });
    expect(verified.checked).toBe(await countOf(auditEvents));

    await s.t.db.execute(sql`alter table audit_events disable trigger audit_events_guard`);
    await s.t.db.execute(sql`update audit_events set diff = '{"name":["x","forjado"]}'::jsonb where seq = 30`);
    await s.t.db.execute(sql`alter table audit_events enable trigger audit_events_guard`);
    expect(await admin.trpc.admin.audit.verify.query()).toMatchObject({ ok: false, firstBrokenSeq: 30 });
  });
});
