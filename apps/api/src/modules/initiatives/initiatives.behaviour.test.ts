// What the registry does with what it is given, over real HTTP: money to the cent, codes, versions,
// milestones and progress, KPI history and attainment, linked tasks, the list's filters and pages.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agencies as agenciesTable, initiatives, rowsOf } from '@anc/db';
import { sql } from 'drizzle-orm';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCount, type Client } from '../../testing/incidents.ts';
import { day, validInitiative } from '../../testing/initiatives.ts';

let s: TestServer;
let admin: Client;
let coordinator: Client;
let sedena: Client;
let semar: Client;
const agency = { sedena: '', semar: '', sspc: '', cfe: '' };

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [admin, coordinator, sedena, semar] = await Promise.all([
    signedIn(s.url, DEMO.admin),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
  ]);
  agency.sedena = await agencyIdOf(s.t.db, 'SEDENA');
  agency.semar = await agencyIdOf(s.t.db, 'SEMAR');
  agency.sspc = await agencyIdOf(s.t.db, 'SSPC');
  agency.cfe = await agencyIdOf(s.t.db, 'CFE');
});

const settle = (calls: Promise<unknown>[]) =>
  Promise.all(
    calls.map((c) =>
      c.then(
        () => ({ code: 'OK', reason: null }),
        (e: unknown) => errorOf(Promise.reject(e)).then(({ code, reason }) => ({ code, reason })),
      ),
    ),
  );

/** An instant `days` ago, as the API takes it. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** The codes `initiatives.list` answers SEMAR's staff for these filters, sorted. */
const codes = async (filters: Parameters<Client['trpc']['initiatives']['list']['query']>[0]) =>
  (await semar.trpc.initiatives.list.query(filters)).items.map((i) => i.code).sort();

/** The budget as the database holds it, read back as text by PostgreSQL itself. */
/** What the plan summary counts under the objective validInitiative files into. */
const objectiveCounts = async () => {
  const row = (await semar.trpc.initiatives.planSummary.query({})).byObjective.find((o) => o.objective === 'public_institutions');
  return { initiatives: row?.initiatives, cancelled: row?.cancelled };
};
const storedBudget = async (id: string) =>
  rowsOf<{ b: string }>(await s.t.db.execute(sql`select budget_mxn::text as b from initiatives where id = ${id}`))[0]?.b;

describe('money', () => {
  it.each([
    ['12345678901234.99', '12345678901234.99'],
    ['0.01', '0.01'],
    ['1,500,000.5', '1500000.50'],
    ['7', '7.00'],
  ])('keeps every cent of %s through create, read and list (%s)', async (given, exact) => {
    const created = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { budgetMxn: given }));
    expect(created.budgetMxn).toBe(exact);
    expect(await storedBudget(created.id)).toBe(exact);
    expect((await sedena.trpc.initiatives.get.query({ id: created.id })).budgetMxn).toBe(exact);
    const listed = await coordinator.trpc.initiatives.list.query({ q: created.code });
    expect(listed.items.map((i) => i.budgetMxn)).toEqual([exact]);
  });

  it('keeps every cent through an update, and sums budgets exactly in the plan summary', async () => {
    const a = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { budgetMxn: '0.01', objective: 'national_security' }));
    const b = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { budgetMxn: '1.00', objective: 'national_security' }));
    const updated = await admin.trpc.initiatives.update.mutate({ id: b.id, version: b.version, budgetMxn: '12345678901234.99' });
    expect(updated.budgetMxn).toBe('12345678901234.99');
    expect(await storedBudget(b.id)).toBe('12345678901234.99');
    const summary = await semar.trpc.initiatives.planSummary.query({});
    // As doubles, 12345678901234.99 + 0.01 is 12345678901235.002: the sum must be exact.
    expect(summary.totalBudgetMxn).toBe('12345678901235.00');
    expect(summary.byObjective.find((o) => o.objective === 'national_security')?.budgetMxn).toBe('12345678901235.00');
    expect(summary.byObjective.find((o) => o.objective === 'society_rights')?.budgetMxn).toBe('0.00');
    expect(a.budgetMxn).toBe('0.01');
  });

  it('refuses a budget with a fraction of a cent or given as a JSON number, writing nothing', async () => {
    const before = await auditCount(s.t.db);
    expect(await errorOf(admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { budgetMxn: '10.005' })))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { budgetMxn: [expect.stringMatching(/dos decimales/)] },
    });
    expect(await errorOf(admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { budgetMxn: 1500000.5 as unknown as string })))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await auditCount(s.t.db)).toBe(before);
    expect(await s.t.db.select().from(initiatives)).toHaveLength(0);
  });
});

describe('codes, fields and versions', () => {
  it('answers CONFLICT for a code already taken, on create and on update, and writes nothing', async () => {
    const first = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { code: 'PN-2027-004' }));
    const other = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe));
    const before = await auditCount(s.t.db);
    const dup = await errorOf(admin.trpc.initiatives.create.mutate(validInitiative(agency.sedena, { code: 'pn-2027-004' })));
    expect(dup).toMatchObject({ code: 'CONFLICT', reason: 'initiative_code_taken', fieldErrors: { code: ['Ya existe una iniciativa con esa clave.'] } });
    expect(await errorOf(admin.trpc.initiatives.update.mutate({ id: other.id, version: other.version, code: first.code }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'initiative_code_taken',
    });
    expect(await auditCount(s.t.db)).toBe(before);
    expect((await admin.trpc.initiatives.get.query({ id: other.id })).version).toBe(other.version);
  });

  it('refuses bad input field by field, and unknown or inactive agencies', async () => {
    const before = await auditCount(s.t.db);
    const bad = await errorOf(admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { code: 'PN-27', startDate: day(10), endDate: day(5) })));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['code', 'endDate']);
    const unknown = '00000000-0000-4000-8000-00000000beef';
    const agencies = await errorOf(
      admin.trpc.initiatives.create.mutate(validInitiative(unknown, { participantAgencyIds: [agency.semar, '00000000-0000-4000-8000-00000000cafe'] })),
    );
    expect(agencies).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { leadAgencyId: [expect.any(String)], participantAgencyIds: [expect.any(String)] } });
    await s.t.db.update(agenciesTable).set({ active: false }).where(eq(agenciesTable.id, agency.sspc));
    expect(await errorOf(admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { participantAgencyIds: [agency.sspc] })))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { participantAgencyIds: ['Esa dependencia no existe o está desactivada.'] },
    });
    const created = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { startDate: day(0), endDate: day(100) }));
    // The merged result of an edit is checked too: a new start after the stored end.
    expect(await errorOf(admin.trpc.initiatives.update.mutate({ id: created.id, version: created.version, startDate: day(200) }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { endDate: [expect.any(String)] },
    });
    expect(await auditCount(s.t.db)).toBe(before + 1);
  });

  it('keeps the lead out of the participants, and edits participants as a set', async () => {
    const created = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { participantAgencyIds: [agency.cfe, agency.semar, agency.semar] }));
    expect(created.participants.map((p) => p.code)).toEqual(['SEMAR']);
    const updated = await admin.trpc.initiatives.update.mutate({
      id: created.id,
      version: created.version,
      leadAgencyId: agency.semar,
      participantAgencyIds: [agency.semar, agency.sspc, agency.cfe],
    });
    expect(updated.leadAgency.code).toBe('SEMAR');
    expect(updated.participants.map((p) => p.code)).toEqual(['CFE', 'SSPC']);
    expect(updated.version).toBe(created.version + 1);
  });

  it('two edits with the same version at once: one wins, the other gets CONFLICT and changes nothing', async () => {
    const created = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe));
    const other = await signedIn(s.url, DEMO.admin);
    const before = await auditCount(s.t.db);
    const outcomes = await settle([
      admin.trpc.initiatives.update.mutate({ id: created.id, version: created.version, title: 'Primera edición del título', budgetMxn: '1.00' }),
      other.trpc.initiatives.update.mutate({ id: created.id, version: created.version, title: 'Segunda edición del título', budgetMxn: '2.00' }),
    ]);
    expect(outcomes.filter((o) => o.code === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'stale_version' }]);
    expect(await auditCount(s.t.db)).toBe(before + 1);
    const [row] = await s.t.db.select().from(initiatives).where(eq(initiatives.id, created.id));
    expect(row?.version).toBe(created.version + 1);
    // Both fields from the same winner.
    expect([
      ['Primera edición del título', '1.00'],
      ['Segunda edición del título', '2.00'],
    ]).toContainEqual([row?.title, row?.budgetMxn]);
  });

  it('a transition with a stale version is CONFLICT', async () => {
    const created = await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe));
    await admin.trpc.initiatives.update.mutate({ id: created.id, version: created.version, title: 'Título corregido por la administración' });
    expect(await errorOf(admin.trpc.initiatives.transition.mutate({ id: created.id, version: created.version, to: 'approved' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
    });
  });
});

describe('the life of an initiative', () => {
  it('moves through the machine, derives progress from milestones, and completes only when all are done', async () => {
    let d = await admin.trpc.initiatives.create.mutate(validInitiative(agency.sedena));
    expect(d).toMatchObject({ status: 'proposed', progress: 0, milestoneCounts: { total: 0, done: 0, late: 0 } });
    d = await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: d.id, title: 'Diagnóstico de hospitales', dueDate: day(-3) });
    d = await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: d.id, title: 'Protocolo firmado', dueDate: day(0) });
    d = await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: d.id, title: 'CSIRT en operación', dueDate: day(40) });
    // Milestone changes do not bump the version an admin's edit form holds.
    expect(d.version).toBe(1);
    expect(d.milestones.map((m) => [m.title, m.state, m.late])).toEqual([
      ['Diagnóstico de hospitales', 'late', true],
      ['Protocolo firmado', 'pending', false],
      ['CSIRT en operación', 'pending', false],
    ]);
    expect(d.lateMilestones).toBe(1);
    expect(await errorOf(admin.trpc.initiatives.transition.mutate({ id: d.id, version: d.version, to: 'active' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'initiative_transition_not_allowed',
    });
    d = await admin.trpc.initiatives.transition.mutate({ id: d.id, version: d.version, to: 'approved' });
    d = await admin.trpc.initiatives.transition.mutate({ id: d.id, version: d.version, to: 'active' });
    const [late, today, later] = d.milestones.map((m) => m.id);
    if (!late || !today || !later) throw new Error('milestones missing');

    d = await sedena.trpc.initiatives.completeMilestone.mutate({ milestoneId: late });
    expect(d.progress).toBe(33);
    expect(d.milestones[0]).toMatchObject({ state: 'done_late', late: false, doneBy: { name: expect.any(String) } });
    expect(await errorOf(sedena.trpc.initiatives.completeMilestone.mutate({ milestoneId: late }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'milestone_already_done',
    });
    expect(await errorOf(sedena.trpc.initiatives.completeMilestone.mutate({ milestoneId: today, doneDate: day(1) }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { doneDate: [expect.any(String)] },
    });
    d = await sedena.trpc.initiatives.completeMilestone.mutate({ milestoneId: today, doneDate: day(-1) });
    expect(d.progress).toBe(67);
    expect(d.milestones[1]?.state).toBe('done');
    expect(await errorOf(admin.trpc.initiatives.transition.mutate({ id: d.id, version: d.version, to: 'completed' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'initiative_milestones_open',
    });
    d = await sedena.trpc.initiatives.reopenMilestone.mutate({ milestoneId: today });
    expect(d.progress).toBe(33);
    expect(await errorOf(sedena.trpc.initiatives.reopenMilestone.mutate({ milestoneId: today }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'milestone_not_done',
    });
    d = await sedena.trpc.initiatives.completeMilestone.mutate({ milestoneId: today });
    d = await admin.trpc.initiatives.completeMilestone.mutate({ milestoneId: later });
    expect(d.progress).toBe(100);
    d = await admin.trpc.initiatives.transition.mutate({ id: d.id, version: d.version, to: 'completed' });
    expect(d).toMatchObject({ status: 'completed', allowedTransitions: [], capabilities: { edit: true, completeMilestones: false } });
    // History is closed: nobody ticks or reopens anything any more.
    expect(await errorOf(sedena.trpc.initiatives.reopenMilestone.mutate({ milestoneId: later }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'initiative_closed',
    });
    expect(await errorOf(admin.trpc.initiatives.addMilestone.mutate({ initiativeId: d.id, title: 'Hito tardío', dueDate: day(5) }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'initiative_closed',
    });
  });

  it('cancels only with a reason, and keeps the reason', async () => {
    const before = await objectiveCounts();
    const d = await admin.trpc.initiatives.create.mutate(validInitiative(agency.sedena));
    expect(await errorOf(admin.trpc.initiatives.transition.mutate({ id: d.id, version: d.version, to: 'cancelled', reason: '  ' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { reason: ['Explica el motivo.'] },
    });
    const cancelled = await admin.trpc.initiatives.transition.mutate({
      id: d.id,
      version: d.version,
      to: 'cancelled',
      reason: 'Se fusionó con otra iniciativa.',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'Se fusionó con otra iniciativa.', version: d.version + 1 });
    // Out of the objective's totals, but counted apart: the registry still lists it under its objective.
    expect(await objectiveCounts()).toEqual({ initiatives: before.initiatives, cancelled: (before.cancelled ?? 0) + 1 });
  });

  it('shows no late milestone once an initiative is cancelled (nobody owes it any more)', async () => {
    let d = await admin.trpc.initiatives.create.mutate(validInitiative(agency.sedena));
    d = await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: d.id, title: 'Diagnóstico inicial', dueDate: day(-3) });
    expect(d.lateMilestones).toBe(1);
    expect((await semar.trpc.initiatives.list.query({ q: d.code })).items[0]?.lateMilestones).toBe(1);
    const cancelled = await admin.trpc.initiatives.transition.mutate({
      id: d.id,
      version: d.version,
      to: 'cancelled',
      reason: 'Se fusionó con otra iniciativa.',
    });
    expect(cancelled.lateMilestones).toBe(0);
    expect(cancelled.milestones.map((m) => m.state)).toEqual(['pending']);
    expect((await semar.trpc.initiatives.list.query({ q: d.code })).items[0]?.lateMilestones).toBe(0);
  });

  it('records KPI values as exact decimals, with their history, current value and attainment (lower is better)', async () => {
    let d = await admin.trpc.initiatives.create.mutate(validInitiative(agency.sedena));
    d = await admin.trpc.initiatives.addKpi.mutate({
      initiativeId: d.id,
      name: 'Días promedio para aplicar parches críticos',
      unit: 'días',
      baseline: '45',
      target: '15',
    });
    const kpiId = d.kpis[0]?.id ?? '';
    expect(d.kpis[0]).toMatchObject({ baseline: '45.0000', target: '15.0000', direction: 'decrease', currentValue: null, attainment: null, values: [] });
    await sedena.trpc.initiatives.recordKpiValue.mutate({ kpiId, value: '40.1234', at: daysAgo(60) });
    // Recorded out of order: the current value is the latest by measurement time, not by entry.
    await sedena.trpc.initiatives.recordKpiValue.mutate({ kpiId, value: '20', at: daysAgo(5) });
    d = await sedena.trpc.initiatives.recordKpiValue.mutate({ kpiId, value: '30', at: daysAgo(30) });
    const kpi = d.kpis[0];
    expect(kpi?.values.map((v) => v.value)).toEqual(['40.1234', '30.0000', '20.0000']);
    expect(kpi).toMatchObject({ currentValue: '20.0000', attainment: 0.8333 });
    expect(await errorOf(sedena.trpc.initiatives.recordKpiValue.mutate({ kpiId, value: '12.34567' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { value: [expect.any(String)] },
    });
    expect(await errorOf(sedena.trpc.initiatives.recordKpiValue.mutate({ kpiId, value: '12', at: daysAgo(-2) }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { at: [expect.any(String)] },
    });
  });

  it('lists the tasks that carry the initiative out, with their state, to the ANC and the assignee agency; others get a count', async () => {
    const d = await admin.trpc.initiatives.create.mutate(validInitiative(agency.sedena));
    const task = await coordinator.trpc.tasks.create.mutate({
      title: 'Inventariar los servidores expuestos de los hospitales',
      priority: 'high',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      assigneeAgencyId: agency.sedena,
      initiativeId: d.id,
    });
    const asSemar = await semar.trpc.initiatives.get.query({ id: d.id });
    expect(asSemar.tasks).toEqual([]);
    expect(asSemar.hiddenTaskCount).toBe(1);
    for (const client of [coordinator, admin, sedena]) {
      const seen = await client.trpc.initiatives.get.query({ id: d.id });
      expect(seen.hiddenTaskCount).toBe(0);
      expect(seen.tasks).toEqual([
        {
          id: task.id,
          reference: task.reference,
          title: 'Inventariar los servidores expuestos de los hospitales',
          status: 'open',
          dueAt: task.dueAt,
          dueState: 'on_track',
          assigneeAgency: expect.objectContaining({ code: 'SEDENA' }),
        },
      ]);
    }
  });
});

describe('the registry list', () => {
  it('filters by objective, axis, status, lead agency, agency taking part and text', async () => {
    const a = await admin.trpc.initiatives.create.mutate(
      validInitiative(agency.cfe, { objective: 'national_security', axes: ['critical_infrastructure'], title: 'Redes OT de subestaciones eléctricas' }),
    );
    const b = await admin.trpc.initiatives.create.mutate(
      validInitiative(agency.sedena, { objective: 'national_security', axes: ['capacity_building'], participantAgencyIds: [agency.cfe] }),
    );
    const c = await admin.trpc.initiatives.create.mutate(
      validInitiative(agency.sspc, { objective: 'public_security', axes: ['legal_framework'], description: 'Reforma del 100% de los tipos penales' }),
    );
    await admin.trpc.initiatives.transition.mutate({ id: c.id, version: c.version, to: 'approved' });
    expect(await codes({ objective: 'national_security' })).toEqual([a.code, b.code].sort());
    expect(await codes({ axis: 'legal_framework' })).toEqual([c.code]);
    expect(await codes({ status: ['approved', 'active'] })).toEqual([c.code]);
    expect(await codes({ leadAgencyId: agency.cfe })).toEqual([a.code]);
    expect(await codes({ agencyId: agency.cfe })).toEqual([a.code, b.code].sort());
    expect(await codes({ q: 'subestaciones' })).toEqual([a.code]);
    expect(await codes({ q: '100%' })).toEqual([c.code]);
    expect(await codes({ q: '%' })).toEqual([c.code]); // a wildcard typed is a character searched
  });

  it('pages by objective and code without skipping or repeating, and refuses a forged cursor', async () => {
    const objectives = ['national_security', 'society_rights', 'public_institutions'] as const;
    for (let n = 0; n < 7; n++) await admin.trpc.initiatives.create.mutate(validInitiative(agency.cfe, { objective: objectives[n % 3] }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await sedena.trpc.initiatives.list.query({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...res.items.map((i) => `${i.objective}/${i.code}`));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    const all = (await sedena.trpc.initiatives.list.query({ limit: 100 })).items.map((i) => `${i.objective}/${i.code}`);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(7);
    // The strategy's order of objectives, not the alphabet's.
    expect(all.map((x) => x.split('/')[0])).toEqual([
      'society_rights',
      'society_rights',
      'public_institutions',
      'public_institutions',
      'national_security',
      'national_security',
      'national_security',
    ]);
    expect(await errorOf(sedena.trpc.initiatives.list.query({ cursor: 'bm9wZQ' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { cursor: [expect.any(String)] },
    });
  });
});
