// "My sessions" (issue 13 point 5; docs/API.md "Sessions of my own") against a real database
// (PGlite, or PostgreSQL with ANC_TEST_PG_URL), over HTTP with cookies: two sign-ins of one person
// list two sessions, each with `current` right; revoking the other ends it (its cookie then answers
// UNAUTHORIZED); another person's session answers NOT_FOUND and nothing ends; "close all others"
// keeps only the caller's; `lastSeenAt` moves only once a minute (the clock injected into the
// validation, no timing asserts).
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, sessionIdFromToken, validateSessionToken } from '@anc/auth';
import { auditEvents, sessions } from '@anc/db';
import { SESSION_SEEN_INTERVAL_MS } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { auditCount, userIdOf, type Client } from '../../testing/incidents.ts';
import { present } from '../../testing/raw.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

const signIn = (email: string, userAgent: string) => signedIn(s.url, email, { headers: { 'user-agent': userAgent } });
const tokenOf = (client: Client) => present(client.jar.cookies.get(SESSION_COOKIE), 'a session cookie');
const currentId = async (client: Client) =>
  present(
    (await client.trpc.auth.sessions.list.query()).items.find((i) => i.current),
    'the current session',
  ).id;
const actions = async (action: string, actorEmail: string) =>
  (
    await s.t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, await userIdOf(s.t.db, actorEmail))))
  )[0]?.n ?? 0;

describe('auth.sessions.list', () => {
  it('lists both sessions of a person signed in twice, each marking its own as current', async () => {
    const laptop = await signIn(DEMO.sedena, FIREFOX);
    const desktop = await signIn(DEMO.sedena, CHROME);
    await signIn(DEMO.semar, CHROME);

    const fromLaptop = await laptop.trpc.auth.sessions.list.query();
    const fromDesktop = await desktop.trpc.auth.sessions.list.query();
    expect(fromLaptop.items).toHaveLength(2);
    // Each caller's own session comes first.
    expect([fromLaptop.items[0]?.userAgent, fromDesktop.items[0]?.userAgent]).toEqual([FIREFOX, CHROME]);
    expect(fromLaptop.items.map((i) => [i.userAgent, i.current]).sort()).toEqual([
      [CHROME, false],
      [FIREFOX, true],
    ]);
    expect(fromDesktop.items.map((i) => [i.userAgent, i.current]).sort()).toEqual([
      [CHROME, true],
      [FIREFOX, false],
    ]);
    // The same two sessions, by the same ids, with the address they signed in from and their times.
    expect(fromLaptop.items.map((i) => i.id).sort()).toEqual(fromDesktop.items.map((i) => i.id).sort());
    for (const item of fromLaptop.items) {
      expect(item.address).toBe('127.0.0.1');
      expect(Date.parse(item.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(item.createdAt));
    }
  });

  it('names sessions by a public id that is neither the token nor the stored key', async () => {
    const laptop = await signIn(DEMO.sedena, FIREFOX);
    await signIn(DEMO.sedena, CHROME);
    const listed = (await laptop.trpc.auth.sessions.list.query()).items.map((i) => i.id);
    const keys = (await s.t.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id);
    expect(listed.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(listed.filter((id) => keys.includes(id) || id === tokenOf(laptop))).toEqual([]);
    // The list's id does not work as a cookie.
    const forged = await fetch(`${s.url}/trpc/auth.me`, { headers: { cookie: `${SESSION_COOKIE}=${present(listed[0], 'an id')}` } });
    expect(((await forged.json()) as { result: { data: { user: unknown } } }).result.data.user).toBeNull();
  });

  it('moves lastSeenAt only once a minute has passed since it last moved', async () => {
    const laptop = await signIn(DEMO.sedena, FIREFOX);
    const token = tokenOf(laptop);
    const before = present((await laptop.trpc.auth.sessions.list.query()).items[0], 'the session');
    const seenAt = Date.parse(before.lastSeenAt);

    await validateSessionToken(s.t.db, token, new Date(seenAt + SESSION_SEEN_INTERVAL_MS - 1));
    const within = present((await laptop.trpc.auth.sessions.list.query()).items[0], 'the session');
    expect(within.lastSeenAt).toBe(before.lastSeenAt);

    const minuteLater = new Date(seenAt + SESSION_SEEN_INTERVAL_MS);
    await validateSessionToken(s.t.db, token, minuteLater);
    const after = present((await laptop.trpc.auth.sessions.list.query()).items[0], 'the session');
    expect({ lastSeenAt: after.lastSeenAt, createdAt: after.createdAt }).toEqual({ lastSeenAt: minuteLater.toISOString(), createdAt: before.createdAt });

    // Half a minute after that: no write, the stored value stays.
    await validateSessionToken(s.t.db, token, new Date(minuteLater.getTime() + SESSION_SEEN_INTERVAL_MS / 2));
    const [row] = await s.t.db
      .select({ lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .where(eq(sessions.id, sessionIdFromToken(token)));
    expect(row?.lastSeenAt.toISOString()).toBe(minuteLater.toISOString());
  });

  it('needs a session', async () => {
    const answer = await fetch(`${s.url}/trpc/auth.sessions.list`);
    expect(answer.status).toBe(401);
  });
});

describe('auth.sessions.revoke', () => {
  it('ends another session of mine: its cookie then answers UNAUTHORIZED, mine goes on; audited', async () => {
    const laptop = await signIn(DEMO.sedena, FIREFOX);
    const desktop = await signIn(DEMO.sedena, CHROME);
    const desktopId = await currentId(desktop);

    expect(await laptop.trpc.auth.sessions.revoke.mutate({ id: desktopId })).toEqual({ ok: true, signedOut: false });
    expect((await errorOf(desktop.trpc.auth.sessions.list.query())).code).toBe('UNAUTHORIZED');
    expect((await desktop.trpc.auth.me.query()).user).toBeNull();
    const left = await laptop.trpc.auth.sessions.list.query();
    expect(left.items.map((i) => [i.userAgent, i.current])).toEqual([[FIREFOX, true]]);
    expect(await actions('auth.sessionRevoked', DEMO.sedena)).toBe(1);
    // Revoking it again: it is gone.
    expect((await errorOf(laptop.trpc.auth.sessions.revoke.mutate({ id: desktopId }))).code).toBe('NOT_FOUND');
  });

  it("answers NOT_FOUND for another person's session, as for an unknown id, and ends nothing", async () => {
    const sedena = await signIn(DEMO.sedena, FIREFOX);
    const semar = await signIn(DEMO.semar, CHROME);
    const semarId = await currentId(semar);
    const auditBefore = await auditCount(s.t.db);

    const theirs = await errorOf(sedena.trpc.auth.sessions.revoke.mutate({ id: semarId }));
    const unknown = await errorOf(sedena.trpc.auth.sessions.revoke.mutate({ id: randomUUID() }));
    expect(theirs).toEqual({ ...unknown, code: 'NOT_FOUND', reason: 'not_found' });
    expect(await semar.trpc.auth.sessions.list.query()).toEqual({ items: [expect.objectContaining({ id: semarId, current: true })] });
    expect(await auditCount(s.t.db)).toBe(auditBefore);
    // A stored key is not a public id either (and not even a valid input).
    const key = sessionIdFromToken(tokenOf(semar));
    expect((await errorOf(sedena.trpc.auth.sessions.revoke.mutate({ id: key }))).code).toBe('BAD_REQUEST');
  });

  it('signs me out when I revoke the session I am calling from', async () => {
    const laptop = await signIn(DEMO.sedena, FIREFOX);
    const desktop = await signIn(DEMO.sedena, CHROME);
    expect(await laptop.trpc.auth.sessions.revoke.mutate({ id: await currentId(laptop) })).toEqual({ ok: true, signedOut: true });
    expect(laptop.jar.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await laptop.trpc.auth.me.query()).user).toBeNull();
    expect((await desktop.trpc.auth.sessions.list.query()).items).toHaveLength(1);
    expect(await actions('auth.signOut', DEMO.sedena)).toBe(1);
  });
});

describe('auth.sessions.revokeOthers', () => {
  it("keeps only the caller's session, leaves other people's alone, and is audited", async () => {
    const laptop = await signIn(DEMO.sedena, FIREFOX);
    const others = [await signIn(DEMO.sedena, CHROME), await signIn(DEMO.sedena, CHROME)];
    const semar = await signIn(DEMO.semar, CHROME);

    expect(await laptop.trpc.auth.sessions.revokeOthers.mutate()).toEqual({ revoked: 2 });
    expect((await laptop.trpc.auth.sessions.list.query()).items.map((i) => [i.userAgent, i.current])).toEqual([[FIREFOX, true]]);
    for (const other of others) expect((await errorOf(other.trpc.auth.sessions.list.query())).code).toBe('UNAUTHORIZED');
    expect((await semar.trpc.auth.sessions.list.query()).items).toHaveLength(1);
    const [row] = await s.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.otherSessionsRevoked'));
    expect({ actorId: row?.actorId, diff: row?.diff }).toEqual({ actorId: await userIdOf(s.t.db, DEMO.sedena), diff: { revoked: 2 } });
  });
});
