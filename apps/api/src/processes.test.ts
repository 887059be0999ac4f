// Two API processes on one PostgreSQL database, as two replicas behind one proxy: they start
// together with DEMO_SEED=1 on an empty database (both come up, one seeds), a session signed out
// on one is dead on the other at once, so is an API client revoked on one, and the sign-in
// throttle is one budget for both. Only with
// ANC_TEST_PG_URL: an embedded PGlite belongs to one process.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankPostgresDatabase } from '@anc/db/testing';
import { CookieJar, DEMO, DEMO_PASSWORD, errorOf, httpClient } from './testing/http.ts';
import { freePort, spawnApi, stopApi, waitReady, type ApiProcess } from './testing/process.ts';
import { present } from './testing/raw.ts';
import { openSse, sseData } from './testing/sse.ts';
import { validTask } from './testing/tasks.ts';

const serverUrl = process.env.ANC_TEST_PG_URL;
// The proxy's public address (every mutation carries it as Origin) and the client's address it
// forwards: with TRUST_PROXY=1 both processes read the client address from X-Forwarded-For.
const PUBLIC_ORIGIN = 'https://portal.anc.test';
const CLIENT_ADDRESS = '203.0.113.50';
const behindProxy = { origin: PUBLIC_ORIGIN, headers: { 'x-forwarded-for': CLIENT_ADDRESS } };

const jsonLine = (l: string): { msg?: string; users?: number; incidents?: number } | null => {
  try {
    return JSON.parse(l) as { msg?: string };
  } catch {
    return null;
  }
};

describe.skipIf(!serverUrl)('two API processes on one PostgreSQL database', () => {
  let procs: ApiProcess[] = [];
  let sql: postgres.Sql;
  let blank: Awaited<ReturnType<typeof createBlankPostgresDatabase>> | undefined;

  beforeAll(async () => {
    if (!serverUrl) return;
    blank = await createBlankPostgresDatabase(serverUrl);
    sql = postgres(blank.url, { max: 1, onnotice: () => {} });
    const env = { DATABASE_URL: blank.url, DEMO_SEED: '1', TRUST_PROXY: '1', PUBLIC_ORIGIN, LOG_LEVEL: 'info' };
    // Both at once, on a database without a single table.
    procs = await Promise.all([freePort(), freePort()]).then((ports) => ports.map((port) => spawnApi(env, port)));
    await Promise.all(procs.map((p) => waitReady(p, 90_000)));
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) await stopApi(p, 'SIGKILL');
    await sql?.end();
    await blank?.drop();
  });

  const [a, b] = [() => procs[0] as ApiProcess, () => procs[1] as ApiProcess];

  it('both start together with DEMO_SEED=1 on an empty database; one seeds, the other finds it done', async () => {
    expect(procs.map((p) => p.child.exitCode)).toEqual([null, null]);
    const seeded = procs.map((p) => {
      // bootstrap.ts `seedSummary`: what this start added, or that the other had added it all.
      const line = p.logs.map(jsonLine).find((l) => l?.msg?.startsWith('demo data seeded') || l?.msg === 'demo data already present: nothing added');
      expect(line, `no seed line in:\n${p.logs.join('\n')}`).toBeDefined();
      return line ?? {};
    });
    const [users] = await sql`select count(*)::int as n from users`;
    const [incidents] = await sql`select count(*)::int as n from incidents`;
    expect(users?.n).toBeGreaterThan(0);
    // Whoever took the lock first wrote every row; the other wrote none.
    expect(seeded.map((s) => s.users).toSorted()).toEqual([0, users?.n]);
    expect(seeded.map((s) => s.incidents).toSorted()).toEqual([0, incidents?.n]);
    // And both answer.
    for (const p of procs) expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
  });

  it('a session signed out on one process is refused on the other at once', async () => {
    const jar = new CookieJar();
    const onA = httpClient(a().url, { ...behindProxy, jar });
    const onB = httpClient(b().url, { ...behindProxy, jar });
    await onA.trpc.auth.signIn.mutate({ email: DEMO.admin, password: DEMO_PASSWORD });
    expect((await onB.trpc.auth.me.query()).user?.email).toBe(DEMO.admin);
    // The same cookie, kept aside, as a thief would.
    const stolen = new CookieJar();
    for (const [k, v] of jar.cookies) stolen.cookies.set(k, v);
    await onA.trpc.auth.signOut.mutate();
    const replayOnB = httpClient(b().url, { ...behindProxy, jar: stolen });
    expect(await errorOf(replayOnB.trpc.admin.users.list.query({}))).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    expect((await replayOnB.trpc.auth.me.query()).user).toBeNull();
  });

  it('an API client revoked on one process is refused on the other at once', async () => {
    const admin = httpClient(a().url, { ...behindProxy, headers: { 'x-forwarded-for': '198.51.100.20' } });
    await admin.trpc.auth.signIn.mutate({ email: DEMO.admin, password: DEMO_PASSWORD });
    const [sedena] = await sql`select id from agencies where code = 'SEDENA'`;
    const { client, token } = await admin.trpc.apiClients.create.mutate({
      agencyId: String(sedena?.id),
      name: 'SOC SEDENA réplicas',
      scopes: ['indicators:read'],
    });
    const poll = (p: ApiProcess) =>
      fetch(`${p.url}/taxii2/api/collections/shared-with-me/objects/?limit=1`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/taxii+json;version=2.1' },
      });
    for (const p of [a(), b()]) expect((await poll(p)).status).toBe(200);
    await admin.trpc.apiClients.revoke.mutate({ id: client.id });
    for (const p of [b(), a()]) expect((await poll(p)).status).toBe(401);
  });

  it('shares the sign-in throttle: five wrong guesses split across both, the sixth on either answers 429', async () => {
    const guess = (p: ApiProcess, password: string) =>
      fetch(`${p.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: PUBLIC_ORIGIN, 'x-forwarded-for': CLIENT_ADDRESS },
        body: JSON.stringify({ email: DEMO.semar, password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await guess(i % 2 ? b() : a(), `mala-${i}-contraseña`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const p of [a(), b()]) {
      const res = await guess(p, 'mala-6-contraseña');
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Even the right password waits, on both.
    for (const p of [a(), b()]) expect((await guess(p, DEMO_PASSWORD)).status).toBe(429);
    // The budget was (account, forwarded address): the same account from another client address signs in.
    const elsewhere = httpClient(b().url, { origin: PUBLIC_ORIGIN, headers: { 'x-forwarded-for': '198.51.100.7' } });
    await expect(elsewhere.trpc.auth.signIn.mutate({ email: DEMO.semar, password: DEMO_PASSWORD })).resolves.toMatchObject({ user: { email: DEMO.semar } });
  });

  it('the live bell: a task assigned through one process rings a stream held by the other (LISTEN/NOTIFY)', async () => {
    const browser = { origin: PUBLIC_ORIGIN, headers: { 'x-forwarded-for': '198.51.100.20' } };
    const staffOnB = httpClient(b().url, browser);
    await staffOnB.trpc.auth.signIn.mutate({ email: DEMO.sedena, password: DEMO_PASSWORD });
    const stream = await openSse(`${b().url}/events/notifications`, { cookie: staffOnB.jar.header(), 'x-forwarded-for': '198.51.100.20' });
    try {
      const ready = await stream.waitFor((e) => e.event === 'ready');
      const coordinatorOnA = httpClient(a().url, browser);
      await coordinatorOnA.trpc.auth.signIn.mutate({ email: DEMO.coordinator, password: DEMO_PASSWORD });
      const agencies = await coordinatorOnA.trpc.agencies.list.query({});
      const sedena = present(
        agencies.items.find((x) => x.code === 'SEDENA'),
        'SEDENA',
      );
      await coordinatorOnA.trpc.tasks.create.mutate(validTask(sedena.id, { title: `Tarea entre réplicas ${Date.now()}` }));
      // Delivered to process B's stream (the bound is generous: the portal's goal is 2 s).
      const event = await stream.waitFor((e) => e.event === 'notification', 10_000);
      const [row] =
        await sql`select id, seq::int as seq from notifications where seq > ${Number(ready.id)} and user_id = (select id from users where email = ${DEMO.sedena})`;
      expect({ id: event.id, data: sseData(event) }).toEqual({ id: String(row?.seq), data: { id: row?.id, seq: row?.seq, unread: expect.any(Number) } });
    } finally {
      stream.close();
    }
  });
});
