// Sortable columns of incidents.list and tasks.list: for every sort and direction, walking the
// pages gives every row exactly once in the order of (key, id) — no duplicates, no gaps — for a
// coordinator (everything) and for staff (their scope only); a cursor of one sort is refused by another.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_SORT_KEYS, INCIDENT_STATUSES, SORT_DIRECTIONS, TASK_PRIORITIES, TASK_SORT_KEYS, TASK_STATUSES, type SortDirection } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, hoursAgo, validIncident, walkList, type Client } from '../../testing/incidents.ts';
import { DAY, fromNow, validTask, walkTasks } from '../../testing/tasks.ts';

let s: TestServer;
let sedena: Client;
let semar: Client;
let coordinator: Client;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [sedena, semar, coordinator] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.semar), signedIn(s.url, DEMO.coordinator)]);
});

type Listed = Awaited<ReturnType<typeof walkList>>;
type Key = string | number;

const cmp = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);
/** (key, id) in one direction, as the API sorts. */
function sortedBy<T extends { id: string }>(rows: readonly T[], key: (r: T) => Key, dir: SortDirection): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (cmp(key(a), key(b)) || cmp(a.id, b.id)));
}

const incidentKey =
  (sort: (typeof INCIDENT_SORT_KEYS)[number], dir: SortDirection) =>
  (i: Listed[number]): Key => {
    switch (sort) {
      case 'reported':
        return i.createdAt;
      case 'severity':
        return i.severity;
      case 'status':
        return INCIDENT_STATUSES.indexOf(i.status);
      case 'reference':
        return i.reference;
      case 'deadline':
        // No deadline owed sorts last in both directions.
        return i.nextObligation ? Date.parse(i.nextObligation.dueAt) : dir === 'asc' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    }
  };

async function fileIncidents() {
  const severities = [3, 1, 4, 1, 5, 0, 2, 3, 2, 4, 1, 3];
  const created = [];
  for (const [n, severity] of severities.entries()) {
    const by = n % 4 === 3 ? semar : sedena;
    created.push(await by.trpc.incidents.create.mutate(validIncident({ severity, awareAt: hoursAgo(2 + ((n * 7) % 11)), detectedAt: hoursAgo(14) })));
  }
  // Some move on (triaged, rejected: no deadline owed), one of SEMAR's is shared with SEDENA.
  const sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  for (const [n, c] of created.entries()) {
    if (n % 3 === 1) await coordinator.trpc.incidents.transition.mutate({ id: c.id, version: c.version, to: 'triaged' });
    else if (n % 5 === 2) await coordinator.trpc.incidents.transition.mutate({ id: c.id, version: c.version, to: 'rejected', reason: 'No es un incidente.' });
  }
  const semarOnes = created.filter((_, n) => n % 4 === 3);
  await coordinator.trpc.incidents.share.mutate({ id: present(semarOnes[0]).id, agencyIds: [sedenaId] });
  return created;
}

const present = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('expected a value');
  return v;
};

describe('incidents.list sorted by a column', () => {
  it('every sort, both directions, pages of 3: each incident once, in (key, id) order, within the caller’s scope', async () => {
    await fileIncidents();
    for (const [who, client] of [
      ['coordinator', coordinator],
      ['staff', sedena],
    ] as const) {
      const all = await walkList(client, { limit: 100 });
      expect(all.length).toBeGreaterThan(who === 'staff' ? 8 : 11);
      for (const sort of INCIDENT_SORT_KEYS) {
        for (const dir of SORT_DIRECTIONS) {
          const walked = await walkList(client, { limit: 3, sort, dir });
          expect({ who, sort, dir, refs: walked.map((i) => i.reference) }).toEqual({
            who,
            sort,
            dir,
            refs: sortedBy(all, incidentKey(sort, dir), dir).map((i) => i.reference),
          });
        }
      }
    }
  });

  it('a new incident arriving mid-walk neither repeats nor hides the ones already there', async () => {
    const created = await fileIncidents();
    const walked = await walkList(coordinator, { limit: 4, sort: 'severity', dir: 'desc' }, async (page) => {
      if (page === 0) await sedena.trpc.incidents.create.mutate(validIncident({ severity: 0 }));
    });
    const refs = walked.map((i) => i.reference);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toEqual(expect.arrayContaining(created.map((c) => c.reference)));
  });

  it('a cursor is bound to its sort: another sort or a forged value answers BAD_REQUEST', async () => {
    await fileIncidents();
    const page = await coordinator.trpc.incidents.list.query({ limit: 2, sort: 'severity', dir: 'desc' });
    const cursor = present(page.nextCursor ?? undefined);
    expect((await errorOf(coordinator.trpc.incidents.list.query({ limit: 2, sort: 'severity', dir: 'asc', cursor }))).fieldErrors).toHaveProperty('cursor');
    expect((await errorOf(coordinator.trpc.incidents.list.query({ limit: 2, sort: 'status', cursor }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(coordinator.trpc.incidents.list.query({ limit: 2, cursor }))).code).toBe('BAD_REQUEST');
    const forged = Buffer.from(JSON.stringify(['severity.desc:9; drop table incidents', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expect((await errorOf(coordinator.trpc.incidents.list.query({ limit: 2, sort: 'severity', dir: 'desc', cursor: forged }))).code).toBe('BAD_REQUEST');
  });
});

describe('tasks.list sorted by a column', () => {
  it('every sort, both directions, pages of 3: each task once, in (key, id) order; staff see their agency’s only', async () => {
    const [sedenaId, semarId] = await Promise.all([agencyIdOf(s.t.db, 'SEDENA'), agencyIdOf(s.t.db, 'SEMAR')]);
    for (let n = 0; n < 11; n++) {
      const task = await coordinator.trpc.tasks.create.mutate(
        validTask(n % 3 === 2 ? semarId : sedenaId, {
          title: `Tarea de prueba ${n + 1}`,
          priority: TASK_PRIORITIES[n % 4],
          dueAt: fromNow(((n * 5) % 9) * DAY + DAY),
        }),
      );
      if (n % 4 === 1) await coordinator.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'cancelled', comment: 'Ya no aplica.' });
    }
    for (const [who, client, expected] of [
      ['coordinator', coordinator, 11],
      ['staff', sedena, 8],
    ] as const) {
      const all = await walkTasks(client, { limit: 100 });
      expect(all).toHaveLength(expected);
      for (const sort of TASK_SORT_KEYS) {
        for (const dir of SORT_DIRECTIONS) {
          const key = (t: (typeof all)[number]): Key =>
            sort === 'created'
              ? t.createdAt
              : sort === 'due'
                ? t.dueAt
                : sort === 'priority'
                  ? TASK_PRIORITIES.indexOf(t.priority)
                  : sort === 'status'
                    ? TASK_STATUSES.indexOf(t.status)
                    : t.reference;
          const walked = await walkTasks(client, { limit: 3, sort, dir });
          expect({ who, sort, dir, refs: walked.map((t) => t.reference) }).toEqual({ who, sort, dir, refs: sortedBy(all, key, dir).map((t) => t.reference) });
        }
      }
    }
  });
});
