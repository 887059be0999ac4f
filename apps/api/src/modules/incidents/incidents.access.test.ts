// Who may do what with an incident, over real HTTP: every incidents.* procedure × role ×
// relation to the caller × TLP. The expected answer of each cell comes from `expected` below,
// written from docs/DESIGN.md and docs/API.md, not from the domain's own policy functions.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentObservables, incidentShares, incidents } from '@anc/db';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCount, incidentRow, userIdOf, validIncident, type Client } from '../../testing/incidents.ts';

const ROLES = ['staff', 'coordinator', 'admin'] as const;
/**
 * The incident's relation to the SEDENA staff member: reported by SEDENA; reported by SEMAR and
 * not shared; reported by SEMAR and shared with SEDENA by name; reported by SEMAR and shared with
 * every agency. The ANC's coordinator and admin are asked about the very same incidents.
 */
const RELATIONS = ['own', 'other', 'sharedByName', 'sharedWithAll'] as const;
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
/** `share` names one agency; `shareWithAll` is the same procedure asked to share with every agency. */
const PROCEDURES = [
  'create',
  'list',
  'get',
  'related',
  'update',
  'transition',
  'comment',
  'addObservables',
  'removeObservable',
  'share',
  'shareWithAll',
  'unshare',
  'submitReport',
] as const;

type Role = (typeof ROLES)[number];
type Relation = (typeof RELATIONS)[number];
type TlpLevel = (typeof TLPS)[number];
type Procedure = (typeof PROCEDURES)[number];

/** The permission table as docs/API.md states it. */
const MAY: Record<Procedure, readonly Role[]> = {
  create: ['staff', 'coordinator'],
  list: ['staff', 'coordinator', 'admin'],
  get: ['staff', 'coordinator', 'admin'],
  related: ['staff', 'coordinator', 'admin'],
  update: ['staff', 'coordinator'],
  transition: ['coordinator'],
  comment: ['staff', 'coordinator'],
  addObservables: ['staff', 'coordinator'],
  removeObservable: ['staff', 'coordinator'],
  share: ['coordinator'],
  shareWithAll: ['coordinator'],
  unshare: ['coordinator'],
  submitReport: ['staff'],
};

/**
 * TLP 2.0 as docs/DESIGN.md puts it: RED never leaves the reporting body, AMBER and AMBER+STRICT go to
 * named bodies only, GREEN and CLEAR may also go to everyone. A share stops granting a read once
 * the TLP no longer allows it (the RED and AMBER "shared" fixtures below).
 */
function readable(role: Role, relation: Relation, tlp: TlpLevel): boolean {
  if (role !== 'staff') return true;
  switch (relation) {
    case 'own':
      return true;
    case 'other':
      return false;
    case 'sharedByName':
      return tlp !== 'RED';
    case 'sharedWithAll':
      return tlp === 'CLEAR' || tlp === 'GREEN';
  }
}

interface Expected {
  code: 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNPROCESSABLE_CONTENT';
  reason: string | null;
  /** Audit rows the call writes: one per mutation that changed something, none otherwise. */
  writes: 0 | 1;
}
const ok = (writes: 0 | 1): Expected => ({ code: 'OK', reason: null, writes });
const refused = (code: Expected['code'], reason: string): Expected => ({ code, reason, writes: 0 });

function expected(procedure: Procedure, role: Role, relation: Relation, tlp: TlpLevel): Expected {
  if (!MAY[procedure].includes(role)) return refused('FORBIDDEN', 'role_not_allowed');
  // Filing is not about an existing incident: the relation names the agency reported for.
  if (procedure === 'create') return role === 'staff' && relation !== 'own' ? refused('FORBIDDEN', 'staff_files_for_own_agency') : ok(1);
  // A list answers everyone; whether the incident is in it is checked against `readable` in the cell.
  if (procedure === 'list') return ok(0);
  // What the caller may not read does not exist for them, whatever they ask to do with it.
  if (!readable(role, relation, tlp)) return refused('NOT_FOUND', 'not_found');
  const reportingStaff = role === 'staff' && relation === 'own';
  switch (procedure) {
    case 'get':
    case 'related':
      return ok(0);
    case 'comment':
    case 'transition':
      return ok(1);
    case 'update':
    case 'addObservables':
    case 'removeObservable':
    case 'submitReport':
      // Only the reporting body (and the ANC) manage a report; a body it was shared with reads and comments.
      return role === 'staff' && !reportingStaff ? refused('FORBIDDEN', 'role_not_allowed') : ok(1);
    case 'share':
      return tlp === 'RED' ? refused('UNPROCESSABLE_CONTENT', 'tlp_red_not_shareable') : ok(1);
    case 'shareWithAll':
      if (tlp === 'RED') return refused('UNPROCESSABLE_CONTENT', 'tlp_red_not_shareable');
      if (tlp === 'AMBER' || tlp === 'AMBER+STRICT') return refused('UNPROCESSABLE_CONTENT', 'tlp_amber_named_only');
      // Sharing with everyone what already is shared with everyone changes (and records) nothing.
      return ok(relation === 'sharedWithAll' ? 0 : 1);
    case 'unshare':
      // Withdrawing a share that the TLP no longer honours is allowed (and tidy); one never made is NOT_FOUND.
      return relation === 'sharedByName' || relation === 'sharedWithAll' ? ok(1) : refused('NOT_FOUND', 'share_not_found');
  }
}

/** Successes that change the status or who reads the incident run on a fresh copy of the fixture. */
const CHANGES_READ_STATE: readonly Procedure[] = ['transition', 'shareWithAll', 'unshare'];

let s: TestServer;
const clients = {} as Record<Role | 'semar', Client>;
let sedenaId = '';
let semarId = '';
let sspcId = '';
let coordinatorId = '';

interface Fixture {
  id: string;
  reference: string;
}
const fixtures = new Map<string, Fixture>();
const fixtureKey = (relation: Relation, tlp: TlpLevel) => `${relation}/${tlp}`;
let serial = 0;

/**
 * An incident in the given relation to SEDENA's staff. Shares the TLP allows go through the API;
 * the others (RED by name, AMBER or RED with everyone) cannot, so they are written directly: the
 * state an incident is in when its TLP was raised after it was shared.
 */
async function makeIncident(relation: Relation, tlp: TlpLevel): Promise<Fixture> {
  serial += 1;
  const reporter = relation === 'own' ? clients.staff : clients.semar;
  const created = await reporter.trpc.incidents.create.mutate(
    validIncident({ tlp, title: `Matriz de acceso ${relation} ${tlp} ${serial}`, observables: [{ type: 'other', value: `matriz-${serial}` }] }),
  );
  if (relation === 'sharedByName') {
    if (tlp === 'RED') {
      await s.t.db
        .insert(incidentShares)
        .values({ incidentId: created.id, agencyId: sedenaId, incidentCreatedAt: new Date(created.createdAt), sharedBy: coordinatorId });
    } else {
      await clients.coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [sedenaId] });
    }
  }
  if (relation === 'sharedWithAll') {
    if (tlp === 'CLEAR' || tlp === 'GREEN') await clients.coordinator.trpc.incidents.share.mutate({ id: created.id, allAgencies: true });
    else await s.t.db.update(incidents).set({ sharedWithAllAt: new Date() }).where(eq(incidents.id, created.id));
  }
  return { id: created.id, reference: created.reference };
}

beforeAll(async () => {
  s = await startTestServer();
  clients.staff = await signedIn(s.url, DEMO.sedena);
  clients.semar = await signedIn(s.url, DEMO.semar);
  clients.coordinator = await signedIn(s.url, DEMO.coordinator);
  clients.admin = await signedIn(s.url, DEMO.admin);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  semarId = await agencyIdOf(s.t.db, 'SEMAR');
  sspcId = await agencyIdOf(s.t.db, 'SSPC');
  coordinatorId = await userIdOf(s.t.db, DEMO.coordinator);
  for (const relation of RELATIONS) {
    for (const tlp of TLPS) fixtures.set(fixtureKey(relation, tlp), await makeIncident(relation, tlp));
  }
});
afterAll(() => s.close());

/** One call of the procedure on `target`; resolves to what the cell checks beyond the code. */
async function call(procedure: Procedure, client: Client, relation: Relation, tlp: TlpLevel, target: Fixture): Promise<unknown> {
  const { trpc } = client;
  const id = target.id;
  switch (procedure) {
    case 'create':
      return trpc.incidents.create.mutate(validIncident({ tlp, agencyId: relation === 'own' ? sedenaId : semarId, title: `Reporte nuevo ${relation} ${tlp}` }));
    case 'list':
      return trpc.incidents.list.query({ q: target.reference, limit: 10 });
    case 'get':
      return trpc.incidents.get.query({ id });
    case 'related':
      return trpc.incidents.related.query({ id });
    case 'update':
      return trpc.incidents.update.mutate({ id, version: (await incidentRow(s.t.db, id)).version, severity: 3 });
    case 'transition':
      return trpc.incidents.transition.mutate({ id, version: (await incidentRow(s.t.db, id)).version, to: 'triaged' });
    case 'comment':
      return trpc.incidents.comment.mutate({ id, body: 'Se revisaron los registros del firewall perimetral.' });
    case 'addObservables':
      serial += 1;
      return trpc.incidents.addObservables.mutate({ id, observables: [{ type: 'other', value: `agregado-${serial}` }] });
    case 'removeObservable': {
      serial += 1;
      const row = await incidentRow(s.t.db, id);
      const [added] = await s.t.db
        .insert(incidentObservables)
        .values({ incidentId: id, type: 'other', value: `por-quitar-${serial}`, addedBy: row.reporterId })
        .returning({ id: incidentObservables.id });
      return trpc.incidents.removeObservable.mutate({ id, observableId: added?.id ?? '' });
    }
    case 'share':
      return trpc.incidents.share.mutate({ id, agencyIds: [sspcId] });
    case 'shareWithAll':
      return trpc.incidents.share.mutate({ id, allAgencies: true });
    case 'unshare':
      return trpc.incidents.unshare.mutate(relation === 'sharedWithAll' ? { id, allAgencies: true } : { id, agencyId: sedenaId });
    case 'submitReport':
      return trpc.incidents.submitReport.mutate({ id, kind: 'notification', body: 'Notificación del incidente con el alcance conocido.' });
  }
}

/** What a cell observes: the answer, the audit rows it wrote, and what the answer says about the incident. */
interface Observed {
  code: string;
  reason: string | null;
  auditRows: number;
  /** `list`: whether the incident is in the caller's list. */
  listed: boolean | null;
  /** Procedures that answer with the incident's detail: whether it is this incident, and its status. */
  detail: { sameIncident: boolean; status: string } | null;
  /** After a change of who may read it: how SEDENA's staff is answered when it asks for the incident. */
  sedenaAfter: 'read' | 'NOT_FOUND' | null;
}

const DETAIL_ANSWERS: readonly Procedure[] = ['create', 'get', 'update', 'transition', 'share', 'shareWithAll', 'unshare', 'submitReport'];

function expectedObservation(procedure: Procedure, role: Role, relation: Relation, tlp: TlpLevel): Observed {
  const want = expected(procedure, role, relation, tlp);
  const succeeded = want.code === 'OK';
  return {
    code: want.code,
    reason: want.reason,
    auditRows: want.writes,
    // The list shows exactly what `get` would: the incident is in it iff the caller may read it.
    listed: procedure === 'list' ? readable(role, relation, tlp) : null,
    detail:
      succeeded && DETAIL_ANSWERS.includes(procedure)
        ? { sameIncident: procedure !== 'create', status: procedure === 'transition' ? 'triaged' : 'submitted' }
        : null,
    // Withdrawn: SEDENA no longer reads it. Shared with everyone (GREEN, CLEAR): it does, whatever the relation was.
    sedenaAfter: succeeded && procedure === 'unshare' ? 'NOT_FOUND' : succeeded && procedure === 'shareWithAll' ? 'read' : null,
  };
}

const cells = PROCEDURES.flatMap((procedure) =>
  ROLES.flatMap((role) =>
    RELATIONS.flatMap((relation) =>
      TLPS.map((tlp) => {
        const want = expectedObservation(procedure, role, relation, tlp);
        const note = want.reason ?? (want.listed === null ? null : want.listed ? 'listed' : 'not listed');
        return { procedure, role, relation, tlp, want, label: note ? `${want.code} (${note})` : want.code };
      }),
    ),
  ),
);

// About 900 requests in all: within the server's 1,200 a minute per address (RATE_LIMIT_PER_MINUTE).
describe('access matrix: procedure × role × relation × TLP', () => {
  it.each(cells)('$procedure as $role on $relation $tlp → $label', async ({ procedure, role, relation, tlp, want }) => {
    const fixture = fixtures.get(fixtureKey(relation, tlp));
    if (!fixture) throw new Error('fixture missing');
    const target = want.code === 'OK' && CHANGES_READ_STATE.includes(procedure) ? await makeIncident(relation, tlp) : fixture;
    const auditBefore = await auditCount(s.t.db);

    const outcome = await call(procedure, clients[role], relation, tlp, target).then(
      (value) => ({ code: 'OK', reason: null as string | null, value }),
      async (e: unknown) => ({ ...(await errorOf(Promise.reject(e))), value: undefined }),
    );
    const value = (outcome.value ?? {}) as { id?: string; status?: string; items?: { id: string }[] };
    const sedenaAsks = () =>
      clients.staff.trpc.incidents.get.query({ id: target.id }).then(
        () => 'read' as const,
        async (e: unknown) => (await errorOf(Promise.reject(e))).code as 'NOT_FOUND',
      );
    const observed: Observed = {
      code: outcome.code,
      reason: outcome.reason,
      auditRows: (await auditCount(s.t.db)) - auditBefore,
      listed: procedure === 'list' && value.items ? value.items.some((i) => i.id === target.id) : null,
      detail: value.id && value.status ? { sameIncident: value.id === target.id, status: value.status } : null,
      sedenaAfter: want.sedenaAfter ? await sedenaAsks() : null,
    };
    expect(observed).toEqual(want);
  });
});

describe('correlation never reveals what the caller may not read', () => {
  it('a TLP:RED report of another agency with the same IP stays invisible to staff; the coordinator sees it', async () => {
    const ip = '203.0.113.77';
    const observables = [{ type: 'ipv4' as const, value: ip }];
    const red = await clients.semar.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: 'Exfiltración desde la red naval', observables }));
    const mine = await clients.staff.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER', title: 'Conexiones salientes sospechosas', observables }));

    const asStaff = await clients.staff.trpc.incidents.get.query({ id: mine.id });
    expect(asStaff.observables).toEqual([expect.objectContaining({ type: 'ipv4', value: ip, alsoSeenIn: 0 })]);
    expect((await clients.staff.trpc.incidents.related.query({ id: mine.id })).items).toEqual([]);

    const asCoordinator = await clients.coordinator.trpc.incidents.get.query({ id: mine.id });
    expect(asCoordinator.observables).toEqual([expect.objectContaining({ type: 'ipv4', value: ip, alsoSeenIn: 1 })]);
    const related = (await clients.coordinator.trpc.incidents.related.query({ id: mine.id })).items;
    expect(related.map((r) => r.id)).toEqual([red.id]);
    expect(related[0]?.shared).toEqual([{ type: 'ipv4', value: ip }]);

    // A report of the same agency shared with SEDENA by name is counted and linked for its staff: only that one.
    const shared = await clients.semar.trpc.incidents.create.mutate(validIncident({ tlp: 'GREEN', title: 'Escaneo desde la misma dirección', observables }));
    await clients.coordinator.trpc.incidents.share.mutate({ id: shared.id, agencyIds: [sedenaId] });
    expect((await clients.staff.trpc.incidents.get.query({ id: mine.id })).observables[0]?.alsoSeenIn).toBe(1);
    expect((await clients.staff.trpc.incidents.related.query({ id: mine.id })).items.map((r) => r.id)).toEqual([shared.id]);
    expect((await clients.coordinator.trpc.incidents.get.query({ id: mine.id })).observables[0]?.alsoSeenIn).toBe(2);
    // …and the RED report's own detail stays NOT_FOUND to SEDENA, not FORBIDDEN.
    expect(await errorOf(clients.staff.trpc.incidents.get.query({ id: red.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('raising the TLP of a shared incident through the API takes it away from the bodies it was shared with', async () => {
    const created = await clients.semar.trpc.incidents.create.mutate(validIncident({ tlp: 'GREEN', title: 'Campaña de phishing contra personal naval' }));
    await clients.coordinator.trpc.incidents.share.mutate({ id: created.id, allAgencies: true });
    expect((await clients.staff.trpc.incidents.get.query({ id: created.id })).id).toBe(created.id);
    const row = await incidentRow(s.t.db, created.id);
    await clients.coordinator.trpc.incidents.update.mutate({ id: created.id, version: row.version, tlp: 'AMBER' });
    expect(await errorOf(clients.staff.trpc.incidents.get.query({ id: created.id }))).toMatchObject({ code: 'NOT_FOUND' });
    const listed = await clients.staff.trpc.incidents.list.query({ q: created.reference });
    expect(listed.items).toEqual([]);
    // The share with everyone is still on record (the ANC may withdraw it), it just no longer grants a read.
    expect((await incidentRow(s.t.db, created.id)).sharedWithAllAt).not.toBeNull();
  });
});
