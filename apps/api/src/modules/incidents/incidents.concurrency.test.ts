// Concurrent writers over real HTTP: optimistic versions, gapless references, and keyset pages
// that neither skip nor repeat while new incidents arrive.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { incidentEvents, incidentShares, incidents, rowsOf } from '@anc/db';
import { mexicoCityYear } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, incidentRow, userIdOf, validIncident, walkList, type Client } from '../../testing/incidents.ts';

let s: TestServer;
let staff: Client;
let semar: Client;
let coordinator: Client;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [staff, semar, coordinator] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.semar), signedIn(s.url, DEMO.coordinator)]);
});

const eventsOf = async (incidentId: string, kind: string) =>
  (await s.t.db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, incidentId))).filter((e) => e.kind === kind);

/** The outcome of each call of a batch that ran at once: the value or the error's code and reason. */
const settle = (calls: Promise<unknown>[]) =>
  Promise.all(
    calls.map((c) =>
      c.then(
        () => ({ code: 'OK', reason: null }),
        (e: unknown) => errorOf(Promise.reject(e)).then(({ code, reason }) => ({ code, reason })),
      ),
    ),
  );

describe('optimistic concurrency', () => {
  it('two transitions with the same version at once: one wins, the other gets CONFLICT and changes nothing', async () => {
    const created = await staff.trpc.incidents.create.mutate(validIncident());
    const outcomes = await settle([
      coordinator.trpc.incidents.transition.mutate({ id: created.id, version: created.version, to: 'triaged' }),
      coordinator.trpc.incidents.transition.mutate({
        id: created.id,
        version: created.version,
        to: 'rejected',
        reason: 'Es un duplicado de un reporte anterior.',
      }),
    ]);
    expect(outcomes.filter((o) => o.code === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'stale_version' }]);
    const statusEvents = await eventsOf(created.id, 'status');
    expect(statusEvents).toHaveLength(1);
    const row = await incidentRow(s.t.db, created.id);
    expect(row.version).toBe(created.version + 1);
    expect(statusEvents.map((e) => e.data.to)).toEqual([row.status]);
  });

  it('two edits with the same version at once: one wins, the other gets CONFLICT and changes nothing', async () => {
    const created = await staff.trpc.incidents.create.mutate(validIncident({ severity: 1 }));
    const outcomes = await settle([
      staff.trpc.incidents.update.mutate({ id: created.id, version: created.version, severity: 4, title: 'Compromiso confirmado del servidor de correo' }),
      coordinator.trpc.incidents.update.mutate({ id: created.id, version: created.version, severity: 2, title: 'Intento de acceso al servidor de correo' }),
    ]);
    expect(outcomes.filter((o) => o.code === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'stale_version' }]);
    expect(await eventsOf(created.id, 'updated')).toHaveLength(1);
    const row = await incidentRow(s.t.db, created.id);
    expect(row.version).toBe(created.version + 1);
    // Both fields come from the same winner: no mix of the two edits.
    expect([
      [4, 'Compromiso confirmado del servidor de correo'],
      [2, 'Intento de acceso al servidor de correo'],
    ]).toContainEqual([row.severity, row.title]);
  });

  it('50 concurrent reports get gapless, unique references of the current year in Mexico City', async () => {
    const year = mexicoCityYear(new Date());
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? staff : semar).trpc.incidents.create.mutate(validIncident({ title: `Reporte simultáneo número ${i + 1}` })),
      ),
    );
    const expectedRefs = Array.from({ length: 50 }, (_, i) => `INC-${year}-${String(i + 1).padStart(6, '0')}`);
    expect(created.map((c) => c.reference).sort()).toEqual(expectedRefs);
    const stored = await s.t.db.select({ reference: incidents.reference }).from(incidents);
    expect(stored.map((r) => r.reference).sort()).toEqual(expectedRefs);
  });
});

type Listed = Awaited<ReturnType<typeof walkList>>;

/** Newest first without ties: (createdAt, id) strictly decreasing from one item to the next. */
function expectStrictlyNewestFirst(items: Listed) {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1], items[i]];
    if (!a || !b) continue;
    const newer = a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
    expect(newer, `${a.reference} (${a.createdAt}) before ${b.reference} (${b.createdAt})`).toBe(true);
  }
}

/** The ids the list must show, in its order, straight from the table. */
async function idsNewestFirst(where = sql`true`): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await s.t.db.execute(sql`select id from incidents where ${where} order by created_at desc, id desc`));
  return rows.map((r) => r.id);
}

/** Reports filed in parallel batches, so that several share a creation instant and only the id breaks the tie. */
async function fileMany(n: number, input: (i: number) => Parameters<Client['trpc']['incidents']['create']['mutate']>[0]) {
  for (let start = 0; start < n; start += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - start) }, (_, k) => staff.trpc.incidents.create.mutate(input(start + k))));
  }
}

describe('keyset pagination while new incidents arrive', () => {
  it('walks 60 incidents 7 at a time: each one that existed at the start exactly once, newest first', async () => {
    await fileMany(60, (i) => validIncident({ title: `Incidente de la serie ${i + 1}`, severity: i % 6 }));
    const atStart = await idsNewestFirst();
    let arrived = 0;
    const walked = await walkList(coordinator, { limit: 7 }, async () => {
      arrived += 1;
      await semar.trpc.incidents.create.mutate(validIncident({ title: `Llegó durante la paginación ${arrived}` }));
    });
    expect(arrived).toBe(8); // 60 items in 9 pages of 7: a new report between every two pages
    expect(walked.map((i) => i.id)).toEqual(atStart);
    expect(new Set(walked.map((i) => i.id)).size).toBe(walked.length);
    expectStrictlyNewestFirst(walked);
    // The newcomers are all there for whoever starts again.
    expect(await idsNewestFirst()).toHaveLength(60 + arrived);
  });

  it('walks a severity filter while incidents of that severity arrive', async () => {
    await fileMany(60, (i) => validIncident({ title: `Incidente clasificado ${i + 1}`, severity: i % 3 === 0 ? 4 : 1 }));
    const atStart = await idsNewestFirst(sql`severity = 4`);
    expect(atStart).toHaveLength(20);
    let arrived = 0;
    const walked = await walkList(coordinator, { limit: 7, severity: [4] }, async () => {
      arrived += 1;
      await staff.trpc.incidents.create.mutate(validIncident({ title: `Severo durante la paginación ${arrived}`, severity: 4 }));
    });
    expect(walked.map((i) => i.id)).toEqual(atStart);
    expect(walked.every((i) => i.severity === 4)).toBe(true);
    expectStrictlyNewestFirst(walked);
    expect(arrived).toBe(2);
  });

  it("walks a staff user's scope of own, shared-by-name and shared-with-all incidents, and none other", async () => {
    const sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
    const coordinatorId = await userIdOf(s.t.db, DEMO.coordinator);
    // Interleaved in time so that every page mixes the three branches of the staff scope.
    const kinds = ['own', 'byName', 'withAll', 'hidden', 'byNameRed', 'withAllAmber'] as const;
    const visible: string[] = [];
    for (let i = 0; i < 36; i++) {
      const kind = kinds[i % kinds.length];
      const tlp = kind === 'withAll' ? 'GREEN' : kind === 'byNameRed' ? 'RED' : 'AMBER';
      const created = await (kind === 'own' ? staff : semar).trpc.incidents.create.mutate(validIncident({ tlp, title: `Alcance mixto ${kind} ${i + 1}` }));
      if (kind === 'byName') await coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [sedenaId] });
      if (kind === 'withAll') await coordinator.trpc.incidents.share.mutate({ id: created.id, allAgencies: true });
      // Shares the TLP no longer honours (raised after sharing): on record, granting nothing.
      if (kind === 'byNameRed') {
        await s.t.db
          .insert(incidentShares)
          .values({ incidentId: created.id, agencyId: sedenaId, incidentCreatedAt: new Date(created.createdAt), sharedBy: coordinatorId });
      }
      if (kind === 'withAllAmber') await s.t.db.update(incidents).set({ sharedWithAllAt: new Date() }).where(eq(incidents.id, created.id));
      if (kind === 'own' || kind === 'byName' || kind === 'withAll') visible.push(created.id);
    }
    const atStart = (await idsNewestFirst()).filter((id) => visible.includes(id));
    expect(atStart).toHaveLength(18);

    let arrived = 0;
    const newcomers: string[] = [];
    const walked = await walkList(staff, { limit: 7 }, async () => {
      arrived += 1;
      // New incidents in each branch of the scope arrive between pages.
      const own = await staff.trpc.incidents.create.mutate(validIncident({ title: `Propio nuevo ${arrived}` }));
      const named = await semar.trpc.incidents.create.mutate(validIncident({ title: `Compartido nuevo ${arrived}` }));
      await coordinator.trpc.incidents.share.mutate({ id: named.id, agencyIds: [sedenaId] });
      const all = await semar.trpc.incidents.create.mutate(validIncident({ tlp: 'CLEAR', title: `Público nuevo ${arrived}` }));
      await coordinator.trpc.incidents.share.mutate({ id: all.id, allAgencies: true });
      newcomers.push(own.id, named.id, all.id);
    });
    expect(arrived).toBe(2);
    expect(walked.map((i) => i.id)).toEqual(atStart);
    expectStrictlyNewestFirst(walked);

    // Starting again, the newcomers of every branch are there, and still nothing out of scope.
    const inScope = [...visible, ...newcomers];
    const again = await walkList(staff, { limit: 7 });
    expect(again.map((i) => i.id)).toEqual((await idsNewestFirst()).filter((id) => inScope.includes(id)));
    expect(again).toHaveLength(18 + 3 * arrived);
  });
});
