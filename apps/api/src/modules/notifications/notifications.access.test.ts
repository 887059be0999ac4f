// Who sees and changes which notifications, over real HTTP: every notifications.* procedure ×
// role. Each caller has notifications of their own, and so does somebody else; only the caller's
// own are ever listed, counted or marked read (ids of another user's are passed over in silence).
import { count, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, insertNotifications, notifications } from '@anc/db';
import { notificationTitle } from '@anc/domain';
import { DEMO, errorOf, httpClient, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyId, HOUR, insertTask, userId } from './test-fixtures.ts';

const ROLES = ['staff', 'coordinator', 'admin'] as const;
type Role = (typeof ROLES)[number];
const EMAIL: Record<Role, string> = { staff: DEMO.sedena, coordinator: DEMO.coordinator, admin: DEMO.admin };
/** Somebody else: another agency's staff member, whose inbox nobody above may see. */
const OTHER = DEMO.semar;

let s: TestServer;
type Client = Awaited<ReturnType<typeof signedIn>>;
const clients = {} as Record<Role, Client>;
const ids = {} as Record<Role | 'other', string>;
let task = { id: '', reference: '', title: '' };

/** Per user: two unread notifications and one read one. */
const own = {} as Record<Role | 'other', { unread: string[]; read: string[] }>;

async function giveNotifications(user: string) {
  const db = s.t.db;
  const rows = await db
    .insert(notifications)
    .values([
      {
        userId: user,
        kind: 'task_assigned',
        taskId: task.id,
        data: { reference: task.reference, title: task.title },
        createdAt: new Date(Date.now() - 3 * HOUR),
      },
      {
        userId: user,
        kind: 'task_returned',
        taskId: task.id,
        data: { reference: task.reference, title: task.title, comment: 'Falta la evidencia.' },
        createdAt: new Date(Date.now() - 2 * HOUR),
      },
      {
        userId: user,
        kind: 'task_overdue',
        taskId: task.id,
        data: { reference: task.reference, title: task.title },
        createdAt: new Date(Date.now() - HOUR),
        readAt: new Date(),
      },
    ])
    .returning();
  return { unread: rows.filter((r) => !r.readAt).map((r) => r.id), read: rows.filter((r) => r.readAt).map((r) => r.id) };
}

const unreadOf = async (user: string) =>
  (await s.t.db.select().from(notifications).where(eq(notifications.userId, user)))
    .filter((r) => !r.readAt)
    .map((r) => r.id)
    .sort();
const auditRows = async () => (await s.t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'notification.markRead')))[0]?.n ?? 0;

beforeAll(async () => {
  s = await startTestServer();
  for (const role of ROLES) {
    clients[role] = await signedIn(s.url, EMAIL[role]);
    ids[role] = await userId(s.t.db, EMAIL[role]);
  }
  ids.other = await userId(s.t.db, OTHER);
  const row = await insertTask(s.t.db, {
    assigneeAgencyId: await agencyId(s.t.db, 'SEDENA'),
    creatorId: ids.coordinator,
    dueAt: new Date(Date.now() + 48 * HOUR),
  });
  task = { id: row.id, reference: row.reference, title: row.title };
});
afterAll(() => s.close());

beforeEach(async () => {
  await s.t.db.delete(notifications);
  for (const who of [...ROLES, 'other'] as const) own[who] = await giveNotifications(ids[who]);
});

describe.each(ROLES)('%s', (role) => {
  const others = () =>
    Object.entries(own)
      .filter(([who]) => who !== role)
      .flatMap(([, n]) => [...n.unread, ...n.read]);

  it('notifications.list answers only the caller’s own, newest first, with titles and task links', async () => {
    const res = await clients[role].trpc.notifications.list.query({});
    expect(res.items.map((n) => n.id)).toEqual([...own[role].read, ...own[role].unread.toReversed()]);
    expect(res.nextCursor).toBeNull();
    for (const n of res.items) {
      expect(n.link).toBe(`/tareas/${task.id}`);
      expect(n.taskId).toBe(task.id);
      expect(n.title).toBe(notificationTitle(n.kind, task, 'es-MX'));
    }
    expect(res.items.find((n) => n.kind === 'task_returned')?.comment).toBe('Falta la evidencia.');
    const unread = await clients[role].trpc.notifications.list.query({ unreadOnly: true });
    expect(unread.items.map((n) => n.id).sort()).toEqual([...own[role].unread].sort());
  });

  it('notifications.unreadCount counts only the caller’s own unread', async () => {
    expect(await clients[role].trpc.notifications.unreadCount.query()).toEqual({ count: 2 });
  });

  it('notifications.markRead with somebody else’s ids changes nothing and records nothing', async () => {
    const before = await auditRows();
    const res = await clients[role].trpc.notifications.markRead.mutate({ ids: others() });
    expect(res).toEqual({ updated: 0 });
    for (const who of Object.keys(own) as (Role | 'other')[]) expect(await unreadOf(ids[who])).toEqual([...own[who].unread].sort());
    expect(await auditRows()).toBe(before);
  });

  it('notifications.markRead with a mix marks only the caller’s own', async () => {
    const before = await auditRows();
    const mine = own[role].unread[0] ?? '';
    const res = await clients[role].trpc.notifications.markRead.mutate({ ids: [mine, ...others()] });
    expect(res).toEqual({ updated: 1 });
    expect(await unreadOf(ids[role])).toEqual(own[role].unread.filter((id) => id !== mine).sort());
    for (const who of Object.keys(own).filter((w) => w !== role) as (Role | 'other')[]) {
      expect(await unreadOf(ids[who])).toEqual([...own[who].unread].sort());
    }
    expect(await auditRows()).toBe(before + 1);
    const [audit] = await s.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'notification.markRead')).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ actorId: ids[role], entityType: 'user', entityId: ids[role] });
    expect(audit?.diff).toMatchObject({ notificationIds: [mine] });
  });

  it('notifications.markRead without ids marks all the caller’s unread, nobody else’s', async () => {
    const res = await clients[role].trpc.notifications.markRead.mutate({});
    expect(res).toEqual({ updated: 2 });
    expect(await unreadOf(ids[role])).toEqual([]);
    expect(await clients[role].trpc.notifications.unreadCount.query()).toEqual({ count: 0 });
    for (const who of Object.keys(own).filter((w) => w !== role) as (Role | 'other')[]) {
      expect(await unreadOf(ids[who])).toEqual([...own[who].unread].sort());
    }
    // Read ones keep their first reading time.
    const read = await s.t.db.select().from(notifications).where(inArray(notifications.id, own[role].read));
    expect(read.every((r) => r.readAt !== null && r.readAt.getTime() < Date.now())).toBe(true);
    expect(await clients[role].trpc.notifications.markRead.mutate({})).toEqual({ updated: 0 });
  });
});

describe('signed out', () => {
  it('every notifications.* procedure answers UNAUTHORIZED', async () => {
    const anon = httpClient(s.url).trpc;
    expect((await errorOf(anon.notifications.list.query({}))).code).toBe('UNAUTHORIZED');
    expect((await errorOf(anon.notifications.unreadCount.query())).code).toBe('UNAUTHORIZED');
    expect(await errorOf(anon.notifications.markRead.mutate({}))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await unreadOf(ids.staff)).toEqual([...own.staff.unread].sort());
  });

  it('markRead from a foreign origin is refused and changes nothing', async () => {
    // The staff member's own session cookie, sent by a page of another site.
    const foreign = httpClient(s.url, { origin: 'https://evil.example' });
    for (const [k, v] of clients.staff.jar.cookies) foreign.jar.cookies.set(k, v);
    expect(await errorOf(foreign.trpc.notifications.markRead.mutate({}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await unreadOf(ids.staff)).toEqual([...own.staff.unread].sort());
  });
});

describe('notifications.list', () => {
  it('composes titles in the language of the request', async () => {
    const en = await signedIn(s.url, DEMO.sedena, { locale: 'en' });
    const res = await en.trpc.notifications.list.query({});
    for (const n of res.items) expect(n.title).toBe(notificationTitle(n.kind, task, 'en'));
    expect(res.items.map((n) => n.title)).toContain(`Task overdue: ${task.reference} · ${task.title}`);
  });

  it('pages by keyset: newest first, nothing skipped or repeated while new ones arrive, ties broken by id', async () => {
    const me = ids.staff;
    await s.t.db.delete(notifications);
    const base = Date.now() - 100 * HOUR;
    // 40 notifications, in pairs sharing the very same instant (as one transaction writes them).
    const written = await s.t.db
      .insert(notifications)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          userId: me,
          kind: 'task_assigned' as const,
          taskId: task.id,
          data: { reference: task.reference, title: `${task.title} ${i}` },
          createdAt: new Date(base + Math.floor(i / 2) * 60_000),
        })),
      )
      .returning();
    const expected = [...written].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await clients.staff.trpc.notifications.list.query({ limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...res.items.map((n) => n.id));
      // Something new arrives between pages: it belongs at the top, not in the pages still to come.
      await insertNotifications(s.t.db, [{ userId: me, kind: 'task_overdue', taskId: task.id, data: { reference: task.reference, title: 'nueva' } }]);
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('refuses a forged cursor with BAD_REQUEST on cursor', async () => {
    const err = await errorOf(clients.staff.trpc.notifications.list.query({ cursor: 'not-a-cursor' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.fieldErrors?.cursor).toEqual([expect.any(String)]);
  });
});
