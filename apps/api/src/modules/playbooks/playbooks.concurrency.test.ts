// Two coordinators apply the same playbook to the same incident at the same moment, over real
// HTTP: one creates the tasks, the other is told it was already applied; nothing is doubled.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@anc/db';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { validIncident, type Client } from '../../testing/incidents.ts';
import { applicationsOf, tasksOfIncident, validPlaybook } from '../../testing/playbooks.ts';

let s: TestServer;
let staff: Client;
let coordinator: Client;
let analyst: Client;
let admin: Client;

beforeAll(async () => {
  s = await startTestServer();
  [staff, coordinator, analyst, admin] = await Promise.all([
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, 'analista@anc.gob.mx'),
    signedIn(s.url, DEMO.admin),
  ]);
});
afterAll(() => s.close());

const settle = (calls: Promise<unknown>[]) =>
  Promise.all(
    calls.map((c) =>
      c.then(
        () => ({ code: 'OK', reason: null }),
        (e: unknown) => errorOf(Promise.reject(e)).then(({ code, reason }) => ({ code, reason })),
      ),
    ),
  );

describe('applying a playbook concurrently', () => {
  it('two applies at once: one wins, the other is CONFLICT playbook_already_applied; the tasks exist once', async () => {
    const playbook = await admin.trpc.playbooks.upsert.mutate(validPlaybook('availability'));
    for (let round = 0; round < 3; round++) {
      const incident = await staff.trpc.incidents.create.mutate(validIncident({ rsitClass: 'availability', rsitType: 'ddos' }));
      const outcomes = await settle([
        coordinator.trpc.incidents.applyPlaybook.mutate({ id: incident.id, playbookId: playbook.id }),
        analyst.trpc.incidents.applyPlaybook.mutate({ id: incident.id, playbookId: playbook.id }),
      ]);
      expect(outcomes.filter((o) => o.code === 'OK')).toHaveLength(1);
      expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'playbook_already_applied' }]);
      expect(await tasksOfIncident(s.t.db, incident.id)).toHaveLength(playbook.steps.length);
      expect(await applicationsOf(s.t.db, incident.id)).toHaveLength(1);
      const audited = await s.t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, incident.id));
      expect(audited.filter((a) => a.action === 'incident.applyPlaybook')).toHaveLength(1);
    }
  });

  it('an edit of the playbook during an apply: the tasks follow one whole version of the steps', async () => {
    const playbook = await admin.trpc.playbooks.upsert.mutate(validPlaybook('vulnerable'));
    const incident = await staff.trpc.incidents.create.mutate(validIncident({ rsitClass: 'vulnerable', rsitType: null }));
    const threeSteps = validPlaybook('vulnerable', {
      steps: [
        { title: 'Inventariar los equipos vulnerables', assignTo: 'reporting_agency', dueAfterHours: 8 },
        { title: 'Aplicar el parche del fabricante', assignTo: 'reporting_agency', dueAfterHours: 72 },
        { title: 'Verificar la corrección con un escaneo', assignTo: 'anc', dueAfterHours: 96 },
      ],
    });
    await settle([
      coordinator.trpc.incidents.applyPlaybook.mutate({ id: incident.id, playbookId: playbook.id }),
      admin.trpc.playbooks.upsert.mutate({ ...threeSteps, id: playbook.id, version: playbook.version }),
    ]);
    const [applied] = await applicationsOf(s.t.db, incident.id);
    const titles = (await tasksOfIncident(s.t.db, incident.id)).map((t) => t.title);
    const expected = applied?.playbookVersion === 1 ? playbook.steps.map((st) => st.title) : threeSteps.steps.map((st) => st.title);
    expect(titles).toEqual(expected);
  });
});
