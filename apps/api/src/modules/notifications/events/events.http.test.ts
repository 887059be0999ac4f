// The live bell's event stream over real HTTP with the session cookie (PGlite, and PostgreSQL with
// ANC_TEST_PG_URL): a task assigned through tRPC rings the assignee agency's staff and nobody else;
// a reconnect with Last-Event-ID replays what was missed; a session signed out, or an account
// deactivated, ends the stream; a transaction that rolls back rings nothing; closing the server
// ends every stream.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertNotifications, notifications } from '@anc/db';
import { DEMO, signedIn, startTestServer, type TestServer } from '../../../testing/http.ts';
import { agencyIdOf, userIdOf } from '../../../testing/incidents.ts';
import { present } from '../../../testing/raw.ts';
import { openSse, sseData, type SseStream } from '../../../testing/sse.ts';
import { addAccount, validTask } from '../../../testing/tasks.ts';
import { NOTIFICATION_EVENTS_PATH } from './events.routes.ts';

type Client = Awaited<ReturnType<typeof signedIn>>;
let s: TestServer;
let coordinator: Client;
let sedena: Client;
let semar: Client;
let sedenaId = '';
let semarAgencyId = '';
const open: SseStream[] = [];

const stream = async (client: Client, headers: Record<string, string> = {}) => {
  const sse = await openSse(`${s.url}${NOTIFICATION_EVENTS_PATH}`, { cookie: client.jar.header(), ...headers });
  open.push(sse);
  // The stream is live once its `ready` event came.
  await sse.waitFor((e) => e.event === 'ready');
  return sse;
};
const notificationEvents = (sse: SseStream) => sse.events.filter((e) => e.event === 'notification');
const assignToSedena = async (title: string) => coordinator.trpc.tasks.create.mutate(validTask(await agencyIdOf(s.t.db, 'SEDENA'), { title }));

beforeAll(async () => {
  s = await startTestServer({ env: { EVENTS_HEARTBEAT_MS: '200' } });
});
afterAll(async () => {
  for (const sse of open) sse.close();
  await s.close();
});
beforeEach(async () => {
  for (const sse of open.splice(0)) sse.close();
  await s.reset();
  coordinator = await signedIn(s.url, DEMO.coordinator);
  sedena = await signedIn(s.url, DEMO.sedena);
  semar = await signedIn(s.url, DEMO.semar);
  sedenaId = await userIdOf(s.t.db, DEMO.sedena);
  semarAgencyId = await agencyIdOf(s.t.db, 'SEMAR');
});

describe('GET /events/notifications', () => {
  it('answers 401 without a session, and a stream (uncompressed, never stored) with one', async () => {
    const anonymous = await openSse(`${s.url}${NOTIFICATION_EVENTS_PATH}`, { 'accept-encoding': 'gzip, br' });
    expect({ status: anonymous.status, body: JSON.parse(await anonymous.text()) as unknown }).toEqual({
      status: 401,
      body: { error: expect.objectContaining({ code: 'UNAUTHORIZED', reason: 'not_signed_in' }) },
    });
    const sse = await stream(sedena, { 'accept-encoding': 'gzip, br' });
    expect({
      status: sse.status,
      type: sse.headers.get('content-type'),
      encoding: sse.headers.get('content-encoding'),
      cache: sse.headers.get('cache-control'),
      nosniff: sse.headers.get('x-content-type-options'),
      requestId: typeof sse.headers.get('x-request-id'),
    }).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8', encoding: null, cache: 'no-store', nosniff: 'nosniff', requestId: 'string' });
    // The first event gives the latest sequence number and the unread count.
    const ready = present(sse.events[0], 'the ready event');
    expect({ event: ready.event, id: ready.id, data: sseData(ready) }).toEqual({ event: 'ready', id: '0', data: { seq: 0, unread: 0 } });
    // Heartbeats keep it open.
    await expect.poll(() => sse.comments.filter((c) => c === 'heartbeat').length, { timeout: 5000 }).toBeGreaterThan(1);
  });

  it('a task assigned through tRPC rings the assignee agency’s staff, with only the id, the sequence number and the unread count', async () => {
    const secondSedena = await addAccount(s.url, await signedIn(s.url, DEMO.admin), { agencyId: await agencyIdOf(s.t.db, 'SEDENA') });
    const [mine, colleague, other, anc] = await Promise.all([
      stream(sedena),
      stream(present(secondSedena.client, 'second SEDENA account')),
      stream(semar),
      stream(coordinator),
    ]);
    const task = await assignToSedena(`Revisar el firewall perimetral ${Date.now()}`);
    const event = await mine.waitFor((e) => e.event === 'notification');
    const [row] = (await s.t.db.select().from(notifications)).filter((n) => n.userId === sedenaId);
    const notified = present(row, 'the notification row');
    expect({ id: event.id, data: JSON.parse(event.data) as unknown }).toEqual({
      id: String(notified.seq),
      data: { id: notified.id, seq: notified.seq, unread: 1 },
    });
    // Nothing of the task travels: not its reference, not its title.
    expect(event.data).not.toContain(task.reference);
    await colleague.waitFor((e) => e.event === 'notification');
    // The others get a later event of their own (a task assigned to SEMAR), and none before it.
    await coordinator.trpc.tasks.create.mutate(validTask(semarAgencyId, { title: `Tarea para la SEMAR ${Date.now()}` }));
    await other.waitFor((e) => e.event === 'notification');
    expect(notificationEvents(other)).toHaveLength(1);
    expect(notificationEvents(mine)).toHaveLength(1);
    // The coordinator who assigned is told nothing.
    expect(notificationEvents(anc)).toEqual([]);
  });

  it('a reconnect with Last-Event-ID is given what was missed, then live ones', async () => {
    const first = await stream(sedena);
    await assignToSedena(`Primera ${Date.now()}`);
    const seen = await first.waitFor((e) => e.event === 'notification');
    first.close();
    // Two more while disconnected.
    await assignToSedena(`Segunda ${Date.now()}`);
    await assignToSedena(`Tercera ${Date.now()}`);
    const again = await stream(sedena, { 'last-event-id': present(seen.id, 'an id') });
    const replayed = notificationEvents(again);
    expect(replayed.map((e) => Number(e.id))).toEqual([Number(seen.id) + 1, Number(seen.id) + 2]);
    expect(replayed.map((e) => sseData(e).unread)).toEqual([3, 3]);
    // The ready event comes after the replay and carries the newest id.
    expect(again.events.at(-1)?.id).toBe(String(Number(seen.id) + 2));
    await assignToSedena(`Cuarta ${Date.now()}`);
    const live = await again.waitFor((e) => e.event === 'notification' && Number(e.id) === Number(seen.id) + 3);
    expect(sseData(live).unread).toBe(4);
  });

  it('a session signed out elsewhere ends the stream at the next heartbeat; a deactivated account too', async () => {
    const sse = await stream(sedena);
    const sameSession = await signedIn(s.url, DEMO.sedena);
    sameSession.jar.cookies.clear();
    for (const [k, v] of sedena.jar.cookies) sameSession.jar.cookies.set(k, v);
    await sameSession.trpc.auth.signOut.mutate();
    await sse.ended;
    expect(notificationEvents(sse)).toEqual([]);

    const admin = await signedIn(s.url, DEMO.admin);
    const account = await addAccount(s.url, admin, { agencyId: await agencyIdOf(s.t.db, 'SEDENA') });
    const theirs = await stream(present(account.client, 'the account'));
    await admin.trpc.admin.users.setActive.mutate({ id: account.id, active: false });
    await theirs.ended;
    // And it cannot come back.
    const again = await openSse(`${s.url}${NOTIFICATION_EVENTS_PATH}`, { cookie: present(account.client, 'the account').jar.header() });
    expect(again.status).toBe(401);
  });

  it('a transaction that rolls back rings nothing; the next committed one does', async () => {
    const sse = await stream(sedena);
    const task = await coordinator.trpc.tasks.create.mutate(validTask(semarAgencyId, { title: `Tarea ajena ${Date.now()}` }));
    const row = { userId: sedenaId, kind: 'task_assigned' as const, taskId: task.id, data: { reference: task.reference, title: task.title } };
    await expect(
      s.t.db.transaction(async (tx) => {
        await insertNotifications(tx, [row]);
        throw new Error('the change fails after its notification');
      }),
    ).rejects.toThrow('the change fails');
    await insertNotifications(s.t.db, [{ ...row, dedupeKey: 'committed' }]);
    const [committed] = (await s.t.db.select().from(notifications)).filter((n) => n.userId === sedenaId);
    const event = await sse.waitFor((e) => e.event === 'notification');
    // NOTIFY arrives in commit order: the committed one came, the rolled-back one never will.
    expect(notificationEvents(sse).map((e) => e.id)).toEqual([String(present(committed, 'the committed row').seq)]);
    expect(sseData(event).unread).toBe(1);
  });

  it('closing the server ends every stream (nothing hangs)', async () => {
    const own = await startTestServer({ env: { EVENTS_HEARTBEAT_MS: '60000' } });
    const client = await signedIn(own.url, DEMO.sedena);
    const sse = await openSse(`${own.url}${NOTIFICATION_EVENTS_PATH}`, { cookie: client.jar.header() });
    await sse.waitFor((e) => e.event === 'ready');
    expect(own.server.hub.size).toBe(1);
    await own.close();
    await sse.ended;
    expect(own.server.hub.size).toBe(0);
  });
});
