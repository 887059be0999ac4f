// The Panel over real HTTP: the national picture for coordinators and admins, one agency's for its
// staff (never another agency's incident, shared or not), and each number equal to the length of
// the filtered list it links to.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '@anc/db';
import { mexicoCityDate } from '@anc/domain';
import { DEMO, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, hoursAgo, validIncident, walkList, type Client } from '../../testing/incidents.ts';
import { day, validInitiative } from '../../testing/initiatives.ts';

let s: TestServer;
let admin: Client;
let coordinator: Client;
let sedena: Client;
let semar: Client;
const agency = { sedena: '', semar: '', sspc: '' };

/** Aware `hours` ago: at 100 h the notification (due at 72 h) is overdue; at 60 h it is due soon (under 25 % of 72 h left). */
const reported = (hours: number, extra: Parameters<typeof validIncident>[0] = {}) =>
  validIncident({ detectedAt: hoursAgo(hours + 1), awareAt: hoursAgo(hours), ...extra });

beforeAll(async () => {
  s = await startTestServer();
  [admin, coordinator, sedena, semar] = await Promise.all([
    signedIn(s.url, DEMO.admin),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
  ]);
  agency.sedena = await agencyIdOf(s.t.db, 'SEDENA');
  agency.semar = await agencyIdOf(s.t.db, 'SEMAR');
  agency.sspc = await agencyIdOf(s.t.db, 'SSPC');

  // SEDENA: one overdue, one due soon. SEMAR: one overdue, one fresh, and one overdue shared with SEDENA.
  await sedena.trpc.incidents.create.mutate(reported(100, { severity: 3 }));
  await sedena.trpc.incidents.create.mutate(reported(60, { severity: 1 }));
  await semar.trpc.incidents.create.mutate(reported(100, { severity: 4 }));
  await semar.trpc.incidents.create.mutate(reported(2, { severity: 4 }));
  const shared = await semar.trpc.incidents.create.mutate(reported(100, { tlp: 'GREEN', severity: 2 }));
  await coordinator.trpc.incidents.share.mutate({ id: shared.id, agencyIds: [agency.sedena] });
  await coordinator.trpc.incidents.transition.mutate({
    id: shared.id,
    version: (await coordinator.trpc.incidents.get.query({ id: shared.id })).version,
    to: 'triaged',
  });

  // Tasks: SEDENA one overdue and one not; SEMAR one overdue and one overdue but done (not counted).
  const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const make = (assigneeAgencyId: string, title: string) => coordinator.trpc.tasks.create.mutate({ title, priority: 'normal', dueAt, assigneeAgencyId });
  const t1 = await make(agency.sedena, 'Revisar bitácoras del firewall');
  await make(agency.sedena, 'Actualizar el inventario de activos');
  const t3 = await make(agency.semar, 'Aplicar parches críticos');
  const t4 = await make(agency.semar, 'Rotar credenciales de administración');
  await s.t.db
    .update(tasks)
    .set({ dueAt: new Date(Date.now() - 86_400_000) })
    .where(inArray(tasks.id, [t1.id, t3.id, t4.id]));
  await s.t.db.update(tasks).set({ status: 'done' }).where(eq(tasks.id, t4.id));

  // Plan: SEDENA leads one (two milestones, one done), takes part in one, and has nothing to do with a third.
  let led = await admin.trpc.initiatives.create.mutate(validInitiative(agency.sedena, { objective: 'public_institutions' }));
  led = await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: led.id, title: 'Diagnóstico inicial', dueDate: day(-5) });
  led = await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: led.id, title: 'Protocolo firmado', dueDate: day(20) });
  await admin.trpc.initiatives.completeMilestone.mutate({ milestoneId: led.milestones[0]?.id ?? '' });
  const partner = await admin.trpc.initiatives.create.mutate(
    validInitiative(agency.sspc, { objective: 'public_security', participantAgencyIds: [agency.sedena] }),
  );
  await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: partner.id, title: 'Anteproyecto de reforma', dueDate: day(-1) });
  await admin.trpc.initiatives.create.mutate(validInitiative(agency.semar, { objective: 'national_security' }));
});
afterAll(() => s.close());

const byObjective = (summary: { plan: { byObjective: { objective: string; initiatives: number; progress: number; milestones: { late: number } }[] } }) =>
  Object.fromEntries(summary.plan.byObjective.filter((o) => o.initiatives > 0).map((o) => [o.objective, [o.initiatives, o.progress, o.milestones.late]]));

describe('dashboard.summary', () => {
  it('gives coordinators and admins the national picture', async () => {
    const summary = await coordinator.trpc.dashboard.summary.query();
    expect(summary).toMatchObject({ scope: 'national', agency: null });
    expect(summary.incidents.total).toBe(5);
    expect(summary.incidents.byStatus).toMatchObject({ submitted: 4, triaged: 1 });
    expect(summary.incidents.bySeverity.map((x) => x.count)).toEqual([0, 1, 1, 1, 2, 0]);
    expect(summary.obligations).toEqual({ overdue: 3, dueSoon: 1 });
    expect(summary.tasks.overdueByAgency.map((r) => [r.agency.code, r.count])).toEqual([
      ['SEDENA', 1],
      ['SEMAR', 1],
    ]);
    expect(summary.tasks.overdueTotal).toBe(2);
    expect(byObjective(summary)).toEqual({ public_institutions: [1, 50, 0], public_security: [1, 0, 1], national_security: [1, 0, 0] });
    const forAdmin = await admin.trpc.dashboard.summary.query();
    expect({ ...forAdmin, generatedAt: null }).toEqual({ ...summary, generatedAt: null });
  });

  it('gives staff the same for their own agency, never counting another agency’s incident', async () => {
    const summary = await sedena.trpc.dashboard.summary.query();
    expect(summary).toMatchObject({ scope: 'agency', agency: { id: agency.sedena, code: 'SEDENA' } });
    // SEMAR's incidents, the one shared with SEDENA included, are not SEDENA's caseload.
    expect(summary.incidents.total).toBe(2);
    expect(summary.incidents.bySeverity.map((x) => x.count)).toEqual([0, 1, 0, 1, 0, 0]);
    expect(summary.obligations).toEqual({ overdue: 1, dueSoon: 1 });
    expect(summary.tasks.overdueByAgency.map((r) => [r.agency.code, r.count])).toEqual([['SEDENA', 1]]);
    expect(byObjective(summary)).toEqual({ public_institutions: [1, 50, 0], public_security: [1, 0, 1] });
    const semarSummary = await semar.trpc.dashboard.summary.query();
    expect(semarSummary.incidents.total).toBe(3);
    expect(semarSummary.obligations).toEqual({ overdue: 2, dueSoon: 0 });
    expect(semarSummary.tasks.overdueTotal).toBe(1);
  });

  it('counts 90 Mexico City days, today last, and the days add up to the total', async () => {
    const summary = await sedena.trpc.dashboard.summary.query();
    expect(summary.window.days).toBe(90);
    expect(summary.incidents.daily).toHaveLength(90);
    expect(summary.incidents.daily.at(-1)?.date).toBe(mexicoCityDate(new Date()));
    expect(summary.window).toMatchObject({ firstDay: summary.incidents.daily[0]?.date, lastDay: summary.incidents.daily.at(-1)?.date });
    expect(summary.incidents.daily.reduce((n, d) => n + d.count, 0)).toBe(summary.incidents.total);
  });

  it('matches the lists its numbers link to', async () => {
    const national = await coordinator.trpc.dashboard.summary.query();
    expect(await walkList(coordinator, { limit: 100, from: national.window.from })).toHaveLength(national.incidents.total);
    expect(await walkList(coordinator, { limit: 100, from: national.window.from, status: ['submitted'] })).toHaveLength(national.incidents.byStatus.submitted);
    expect(await walkList(coordinator, { limit: 100, from: national.window.from, severity: [4] })).toHaveLength(national.incidents.bySeverity[4]?.count ?? -1);
    expect(await walkList(coordinator, { limit: 100, obligation: 'overdue' })).toHaveLength(national.obligations.overdue);
    expect(await walkList(coordinator, { limit: 100, obligation: 'due_soon' })).toHaveLength(national.obligations.dueSoon);
    const overdueSemar = await coordinator.trpc.tasks.list.query({ overdue: true, assigneeAgencyId: agency.semar, limit: 100 });
    expect(overdueSemar.items).toHaveLength(national.tasks.overdueByAgency.find((r) => r.agency.code === 'SEMAR')?.count ?? -1);
    // Staff: the incident links carry their own agency (their list also holds what was shared with them).
    const own = await sedena.trpc.dashboard.summary.query();
    expect(await walkList(sedena, { limit: 100, agencyId: agency.sedena, from: own.window.from })).toHaveLength(own.incidents.total);
    expect(await walkList(sedena, { limit: 100, agencyId: agency.sedena, obligation: 'overdue' })).toHaveLength(own.obligations.overdue);
    expect((await sedena.trpc.tasks.list.query({ overdue: true, limit: 100 })).items).toHaveLength(own.tasks.overdueTotal);
    const registry = await sedena.trpc.initiatives.list.query({ agencyId: agency.sedena, objective: 'public_security' });
    expect(registry.items).toHaveLength(own.plan.byObjective.find((o) => o.objective === 'public_security')?.initiatives ?? -1);
  });
});
