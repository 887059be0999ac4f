// Who may do what with an initiative, over real HTTP: every initiatives.* procedure (and the
// Panel) × caller. The expected answer of each cell is written here from docs/DESIGN.md, docs/API.md and
// issue 5 — not from the domain's own policy functions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, errorOf, signedIn, startTestServer, httpClient, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCount, type Client } from '../../testing/incidents.ts';
import { day, validInitiative } from '../../testing/initiatives.ts';

/** SEDENA leads the initiative, SEMAR takes part in it, SSPC has nothing to do with it. */
const CALLERS = ['admin', 'coordinator', 'leadStaff', 'participantStaff', 'otherStaff'] as const;
type Caller = (typeof CALLERS)[number];
const PROCEDURES = [
  'list',
  'get',
  'planSummary',
  'dashboard',
  'create',
  'update',
  'transition',
  'addMilestone',
  'addKpi',
  'completeMilestone',
  'reopenMilestone',
  'recordKpiValue',
] as const;
type Procedure = (typeof PROCEDURES)[number];

interface Expected {
  code: 'OK' | 'FORBIDDEN';
  reason: string | null;
  writes: 0 | 1;
}
const ok = (writes: 0 | 1): Expected => ({ code: 'OK', reason: null, writes });
const forbidden = (reason: string): Expected => ({ code: 'FORBIDDEN', reason, writes: 0 });

function expected(procedure: Procedure, caller: Caller): Expected {
  switch (procedure) {
    // Everyone signed in reads the registry and the Panel.
    case 'list':
    case 'get':
    case 'planSummary':
    case 'dashboard':
      return ok(0);
    // Only admins create, edit, plan and move initiatives.
    case 'create':
    case 'update':
    case 'transition':
    case 'addMilestone':
    case 'addKpi':
      return caller === 'admin' ? ok(1) : forbidden('role_not_allowed');
    // Admins and staff of the lead agency report progress; a participating agency does not; nor do coordinators.
    case 'completeMilestone':
    case 'reopenMilestone':
    case 'recordKpiValue':
      if (caller === 'admin' || caller === 'leadStaff') return ok(1);
      return caller === 'coordinator' ? forbidden('role_not_allowed') : forbidden('initiative_lead_agency_only');
  }
}

let s: TestServer;
const clients = {} as Record<Caller, Client>;
const agency = { sedena: '', semar: '', sspc: '' };

interface Fixture {
  id: string;
  version: number;
  openMilestoneId: string;
  doneMilestoneId: string;
  kpiId: string;
}

/** An active initiative led by SEDENA with SEMAR taking part: one open and one done milestone, one KPI. */
async function makeInitiative(): Promise<Fixture> {
  const admin = clients.admin.trpc.initiatives;
  let d = await admin.create.mutate(validInitiative(agency.sedena, { participantAgencyIds: [agency.semar] }));
  d = await admin.addMilestone.mutate({ initiativeId: d.id, title: 'Protocolo de respuesta firmado', dueDate: day(30) });
  d = await admin.addMilestone.mutate({ initiativeId: d.id, title: 'Inventario de activos críticos', dueDate: day(60) });
  d = await admin.addKpi.mutate({ initiativeId: d.id, name: 'Hospitales con respaldo fuera de línea', unit: 'hospitales', baseline: '12', target: '180' });
  d = await admin.transition.mutate({ id: d.id, version: d.version, to: 'approved' });
  d = await admin.transition.mutate({ id: d.id, version: d.version, to: 'active' });
  const [open, done] = d.milestones;
  const kpi = d.kpis[0];
  if (!open || !done || !kpi) throw new Error('fixture incomplete');
  d = await admin.completeMilestone.mutate({ milestoneId: done.id });
  return { id: d.id, version: d.version, openMilestoneId: open.id, doneMilestoneId: done.id, kpiId: kpi.id };
}

beforeAll(async () => {
  s = await startTestServer();
  clients.admin = await signedIn(s.url, DEMO.admin);
  clients.coordinator = await signedIn(s.url, DEMO.coordinator);
  clients.leadStaff = await signedIn(s.url, DEMO.sedena);
  clients.participantStaff = await signedIn(s.url, DEMO.semar);
  clients.otherStaff = await signedIn(s.url, 'enlace@sspc.gob.mx');
  agency.sedena = await agencyIdOf(s.t.db, 'SEDENA');
  agency.semar = await agencyIdOf(s.t.db, 'SEMAR');
  agency.sspc = await agencyIdOf(s.t.db, 'SSPC');
});
afterAll(() => s.close());

async function call(procedure: Procedure, client: Client, f: Fixture): Promise<unknown> {
  const i = client.trpc.initiatives;
  switch (procedure) {
    case 'list':
      return i.list.query({ limit: 100 });
    case 'get':
      return i.get.query({ id: f.id });
    case 'planSummary':
      return i.planSummary.query({});
    case 'dashboard':
      return client.trpc.dashboard.summary.query();
    case 'create':
      return i.create.mutate(validInitiative(agency.sspc));
    case 'update':
      return i.update.mutate({ id: f.id, version: f.version, title: 'Centro de respuesta del sector salud (ampliado)' });
    case 'transition':
      return i.transition.mutate({ id: f.id, version: f.version, to: 'on_hold' });
    case 'addMilestone':
      return i.addMilestone.mutate({ initiativeId: f.id, title: 'Ejercicio de recuperación', dueDate: day(90) });
    case 'addKpi':
      return i.addKpi.mutate({ initiativeId: f.id, name: 'Tiempo medio de recuperación', unit: 'horas', baseline: '72', target: '24' });
    case 'completeMilestone':
      return i.completeMilestone.mutate({ milestoneId: f.openMilestoneId });
    case 'reopenMilestone':
      return i.reopenMilestone.mutate({ milestoneId: f.doneMilestoneId });
    case 'recordKpiValue':
      return i.recordKpiValue.mutate({ kpiId: f.kpiId, value: '20.5' });
  }
}

describe('initiatives access matrix', () => {
  for (const procedure of PROCEDURES) {
    for (const caller of CALLERS) {
      const exp = expected(procedure, caller);
      it(`${caller} → ${procedure}: ${exp.code}${exp.reason ? ` (${exp.reason})` : ''}`, async () => {
        const f = await makeInitiative();
        const auditBefore = await auditCount(s.t.db);
        const outcome = await call(procedure, clients[caller], f).then(
          () => ({ code: 'OK', reason: null }),
          async (e: unknown) => {
            const { code, reason } = await errorOf(Promise.reject(e));
            return { code, reason };
          },
        );
        expect(outcome).toEqual({ code: exp.code, reason: exp.reason });
        expect((await auditCount(s.t.db)) - auditBefore).toBe(exp.writes);
      });
    }
  }
});

describe('reads and unknown ids', () => {
  it('lets every role read the registry and an initiative with everything on it', async () => {
    const f = await makeInitiative();
    for (const caller of CALLERS) {
      const d = await clients[caller].trpc.initiatives.get.query({ id: f.id });
      expect(d.milestones).toHaveLength(2);
      expect(d.kpis).toHaveLength(1);
      expect(d.participants.map((p) => p.code)).toEqual(['SEMAR']);
      const list = await clients[caller].trpc.initiatives.list.query({ limit: 100 });
      expect(list.items.some((x) => x.id === f.id)).toBe(true);
    }
  });

  it('tells each caller what it may do', async () => {
    const f = await makeInitiative();
    const caps = async (c: Caller) => (await clients[c].trpc.initiatives.get.query({ id: f.id })).capabilities;
    expect(await caps('admin')).toMatchObject({ edit: true, transition: true, completeMilestones: true, recordKpi: true });
    expect(await caps('leadStaff')).toEqual({ edit: false, transition: false, addMilestone: false, addKpi: false, completeMilestones: true, recordKpi: true });
    for (const c of ['coordinator', 'participantStaff', 'otherStaff'] as const) expect(Object.values(await caps(c)).some(Boolean)).toBe(false);
    expect((await clients.admin.trpc.initiatives.get.query({ id: f.id })).allowedTransitions.map((t) => t.to).sort()).toEqual([
      'cancelled',
      'completed',
      'on_hold',
    ]);
    expect((await clients.leadStaff.trpc.initiatives.get.query({ id: f.id })).allowedTransitions).toEqual([]);
  });

  it('answers NOT_FOUND for unknown ids, whoever asks, and writes nothing', async () => {
    const unknown = '00000000-0000-4000-8000-00000000beef';
    const before = await auditCount(s.t.db);
    for (const caller of ['admin', 'leadStaff'] as const) {
      const i = clients[caller].trpc.initiatives;
      // Thunks, called one at a time: a promise made early would reject before anyone awaits it.
      const calls: (() => Promise<unknown>)[] = [
        () => i.get.query({ id: unknown }),
        () => i.completeMilestone.mutate({ milestoneId: unknown }),
        () => i.reopenMilestone.mutate({ milestoneId: unknown }),
        () => i.recordKpiValue.mutate({ kpiId: unknown, value: '1' }),
      ];
      if (caller === 'admin') {
        calls.push(
          () => i.update.mutate({ id: unknown, version: 1, title: 'No existe esta iniciativa' }),
          () => i.transition.mutate({ id: unknown, version: 1, to: 'approved' }),
          () => i.addMilestone.mutate({ initiativeId: unknown, title: 'Hito huérfano', dueDate: day(10) }),
          () => i.addKpi.mutate({ initiativeId: unknown, name: 'Indicador huérfano', unit: '%', baseline: '0', target: '1' }),
        );
      }
      for (const c of calls) expect(await errorOf(c())).toMatchObject({ code: 'NOT_FOUND', reason: 'not_found' });
    }
    expect(await auditCount(s.t.db)).toBe(before);
  });

  it('answers UNAUTHORIZED without a session', async () => {
    const anonymous = httpClient(s.url);
    expect(await errorOf(anonymous.trpc.initiatives.list.query({}))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await errorOf(anonymous.trpc.dashboard.summary.query())).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
