// A bulk triage racing single-item changes of the same incidents, over real HTTP: each item is its
// own transaction with its own version check, so the items someone else changed first fail (and
// say so) while every other item succeeds; nothing is half-done and nothing is rolled back.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { incidentEvents } from '@anc/db';
import { present } from '../../testing/raw.ts';
import { DEMO, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { auditCountFor, incidentRow, validIncident, type Client } from '../../testing/incidents.ts';

let s: TestServer;
let staff: Client;
let coordinator: Client;
let otherCoordinator: Client;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [staff, coordinator, otherCoordinator] = await Promise.all([
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, DEMO.coordinator),
  ]);
});

const statusEventsOf = async (id: string) =>
  (await s.t.db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id))).filter((e) => e.kind === 'status');

describe('bulk triage under concurrent changes', () => {
  it('stale items fail per item, racing items go to exactly one writer, the rest succeed', async () => {
    const created = [];
    for (let i = 0; i < 8; i++) created.push(await staff.trpc.incidents.create.mutate(validIncident({ title: `Reporte en lote número ${i + 1}` })));
    // Two were edited after the coordinator's list was read: their versions are stale.
    const staleIds = new Set([created[1], created[5]].map((c) => c?.id));
    for (const c of created) if (staleIds.has(c.id)) await staff.trpc.incidents.update.mutate({ id: c.id, version: c.version, severity: 4 });
    // Three more are rejected by another coordinator while the bulk runs.
    const racing = [created[2], created[3], created[7]].filter((c) => c !== undefined);

    const [result, ...singles] = await Promise.all([
      coordinator.trpc.incidents.bulk.mutate({ action: 'triage', items: created.map((c) => ({ id: c.id, version: c.version })) }),
      ...racing.map((c) =>
        otherCoordinator.trpc.incidents.transition.mutate({ id: c.id, version: c.version, to: 'rejected', reason: 'Duplicado de un reporte anterior.' }).then(
          () => 'ok' as const,
          () => 'failed' as const,
        ),
      ),
    ]);

    expect(result.total).toBe(8);
    const byId = new Map(result.items.map((i) => [i.id, i]));
    const observe = async (c: { id: string }, i: number) => {
      const item = present(byId.get(c.id), 'item result');
      const events = await statusEventsOf(c.id);
      return {
        id: c.id,
        status: (await incidentRow(s.t.db, c.id)).status,
        ok: item.ok,
        reason: item.reason,
        steps: events.map((e) => e.data.to),
        audits: await auditCountFor(s.t.db, 'incident.transition', c.id),
        single: singles[i] ?? null,
      };
    };
    const isRacing = (id: string) => racing.some((r) => r.id === id);
    const stale = created.filter((c) => staleIds.has(c.id));
    const untouched = created.filter((c) => !staleIds.has(c.id) && !isRacing(c.id));

    // Stale versions: reported per item, nothing changed.
    expect(await Promise.all(stale.map((c) => observe(c, -1)))).toEqual(
      stale.map((c) => ({ id: c.id, status: 'submitted', ok: false, reason: 'version_conflict', steps: [], audits: 0, single: null })),
    );
    // The others succeeded, each with its one step and audit row: the failures rolled nothing back.
    expect(await Promise.all(untouched.map((c) => observe(c, -1)))).toEqual(
      untouched.map((c) => ({ id: c.id, status: 'triaged', ok: true, reason: null, steps: ['triaged'], audits: 1, single: null })),
    );
    // Each racing incident went to exactly one writer, and the bulk's answer says which.
    for (const [i, c] of racing.entries()) {
      const bulkWon = { id: c.id, status: 'triaged', ok: true, reason: null, steps: ['triaged'], audits: 1, single: 'failed' };
      const singleWon = { id: c.id, status: 'rejected', ok: false, reason: 'version_conflict', steps: ['rejected'], audits: 1, single: 'ok' };
      expect([bulkWon, singleWon]).toContainEqual(await observe(c, i));
    }
    expect(result.succeeded).toBe(result.items.filter((i) => i.ok).length);
  });
});
